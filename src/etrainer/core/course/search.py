"""Full-text search rules shared by the index and the queries, kept free of any database.

- Text is NFC-normalised and every apostrophe between two letters (', ’, ‘, `, ´, ʹ, ′, ʼ) becomes the
  Ukrainian apostrophe ʼ (U+02BC, a letter for the tokenizer), in both the indexed text and the query,
  so "пам'ятка", "пам’ятка" and "памʼятка" are one word.
- Search ignores case ("ДІЯ" finds "Дія"); the FTS5 tokenizer is `unicode61 remove_diacritics 2`, which
  strips diacritics from Latin letters only ("cafe" finds "café"), so the Ukrainian letters й, ї, є, ґ stay
  letters of their own ("їжа" is not "іжа", "ґанок" is not "ганок"), as a Ukrainian reader expects.
- A query is split into words; every word must occur (AND); a word of 3 or more letters also matches
  longer words that start with it ("декл" finds "декларація"). Quotes, brackets and operators typed by
  the user are plain text, never FTS syntax, so no query can fail.
- In a hit's `snippet`, each match is wrapped in square brackets: "… подати [декларацію] онлайн …";
  `parts` gives the same text as (text, is_match) pieces for a view that highlights on its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from etrainer.core.ids import LessonId

APOSTROPHE = "\u02bc"
MARK_OPEN = "["
MARK_CLOSE = "]"
ELLIPSIS = "…"
PREFIX_MIN_LETTERS = 3
MAX_TERMS = 12
MAX_TERM_LENGTH = 64
LATIN_END = "\u0250"
"""Letters below this code point are Latin; only their diacritics are ignored."""

_APOSTROPHE_IN_WORD = re.compile(r"(?<=\w)['\u2019\u2018`\u00b4\u02b9\u2032\u02bc](?=\w)")
_WORD = re.compile(r"[^\W_]+")  # letters and digits; ʼ (U+02BC) is a letter, so it stays inside a word


@dataclass(frozen=True, slots=True)
class SearchHit:
    course_id: str
    lesson_id: LessonId
    title: str
    parts: tuple[tuple[str, bool], ...]
    """The snippet as pieces of text, each flagged True when it is a match."""

    @property
    def snippet(self) -> str:
        """The snippet with each match in square brackets."""
        return "".join(f"{MARK_OPEN}{text}{MARK_CLOSE}" if match else text for text, match in self.parts)


def normalize_text(text: str) -> str:
    """NFC, with in-word apostrophes unified to ʼ; applied to indexed text and to queries alike."""
    return _APOSTROPHE_IN_WORD.sub(APOSTROPHE, unicodedata.normalize("NFC", text))


def query_terms(query: str) -> list[str]:
    """The words of a user's query (at most MAX_TERMS, each cut to MAX_TERM_LENGTH characters)."""
    return [word[:MAX_TERM_LENGTH] for word in _WORD.findall(normalize_text(query))][:MAX_TERMS]


def fts_query(terms: Sequence[str]) -> str:
    """An FTS5 MATCH expression: every term quoted; terms of 3+ letters match as prefixes."""
    pieces = []
    for term in terms:
        quoted = '"' + term.replace('"', '""') + '"'
        letters = sum(1 for ch in term if ch.isalpha())
        pieces.append(quoted + "*" if letters >= PREFIX_MIN_LETTERS else quoted)
    return " ".join(pieces)


def fold(text: str, *, loose: bool = False) -> str:
    """The form the FTS5 tokenizer compares: case-folded, diacritics removed from Latin letters only.
    `loose` also drops the apostrophe ʼ, so that "памятка" (typed without it) finds "памʼятка"."""
    if loose:
        text = text.replace(APOSTROPHE, "")
    kept: list[str] = []
    base = ""
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) == "Mn" and base < LATIN_END:
            continue
        if unicodedata.category(ch) != "Mn":
            base = ch
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)).casefold()


def parse_marked(text: str, start: str, end: str) -> tuple[tuple[str, bool], ...]:
    """Split text in which matches are wrapped in `start`…`end` (e.g. by FTS5 snippet()) into parts."""
    parts: list[tuple[str, bool]] = []
    for index, chunk in enumerate(re.split(f"({re.escape(start)}.*?{re.escape(end)})", text, flags=re.S)):
        if not chunk:
            continue
        if index % 2:
            inner = chunk[len(start):-len(end)]
            if inner:
                parts.append((inner, True))
        else:
            parts.append((chunk.replace(start, "").replace(end, ""), False))
    return tuple(part for part in parts if part[0])


def _folded_with_map(text: str, loose: bool = False) -> tuple[str, list[int]]:
    """`fold(text)` and, for each folded character, the index of the original character."""
    folded: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        piece = fold(ch, loose=loose)
        folded.append(piece)
        origin.extend([index] * len(piece))
    return "".join(folded), origin


def matches_all(text: str, terms: Sequence[str], *, loose: bool = False) -> bool:
    """True when every term occurs in `text` (folded substring match; the fallback to FTS5)."""
    folded = fold(text, loose=loose)
    if loose:  # as FTS5 matches: at the start of a word
        return all(re.search(r"(?<!\w)" + re.escape(fold(term, loose=True)), folded) for term in terms)
    return all(fold(term) in folded for term in terms)


def make_snippet(text: str, terms: Sequence[str], width: int = 160, *,
                 loose: bool = False) -> tuple[tuple[str, bool], ...]:
    """About `width` characters of `text` around the first match, with every match flagged."""
    folded, origin = _folded_with_map(text, loose)
    spans: list[tuple[int, int]] = []
    for term in {fold(t, loose=loose) for t in terms if t}:
        for found in re.finditer((r"(?<!\w)" if loose else "") + re.escape(term), folded):
            spans.append((origin[found.start()], origin[found.end() - 1] + 1))
    spans.sort()
    first = spans[0][0] if spans else 0
    begin = max(0, first - width // 3)
    finish = min(len(text), begin + width)
    parts: list[tuple[str, bool]] = [(ELLIPSIS, False)] if begin > 0 else []
    cursor = begin
    for start, end in spans:
        if start < cursor or end > finish:
            continue
        parts.append((text[cursor:start], False))
        parts.append((text[start:end], True))
        cursor = end
    parts.append((text[cursor:finish], False))
    if finish < len(text):
        parts.append((ELLIPSIS, False))
    return tuple(part for part in parts if part[0])
