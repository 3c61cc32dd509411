"""Ukrainian typography check for the prose of a course pack (`etrainer check` prints its warnings).

Rules (documented for authors in docs/authoring.md, "Typography"):
- `quotes`: straight quotes "…" in Ukrainian text — write «…» (inner „…“);
- `apostrophe`: ' or ’ between Cyrillic letters — write ʼ (U+02BC);
- `dash`: a spaced hyphen « - » or spaced en dash « – » used as a dash — write « — » (ranges such as
  10–15 stay unspaced);
- `numero`: «№» and the number after it joined by a plain space or nothing, not a no-break space (U+00A0);
- `unit`: a plain space between a number and its unit (UNITS) — write a no-break space;
- `calque`: «по телефону», «на пальцях», «прописка» outside «…» quotes.

What is checked: lesson and memo markdown and every other `*.md` file in the pack (the kit), and the
string values of `*.quiz.yaml`, `*.scenario.yaml` and `kit.yaml` files. What is not: fenced code,
code spans, URLs, link targets, HTML tags and their attributes, attribute lists, glossary-term keys,
YAML keys, YAML comments, and the values of id-like keys (ID_KEYS). Pure Python; no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from etrainer.core.bounded_read import FileTooLarge, NotAFile, read_bounded
from etrainer.core.course.lessons import MAX_LESSON_BYTES
from etrainer.core.errors import Problem, Severity, relative_name
from etrainer.core.yamlfile import MAX_YAML_BYTES

NBSP = "\u00a0"
APOSTROPHE = "\u02bc"
CYRILLIC = "А-ЯІЇЄҐа-яіїєґЁёЪъЫыЭэ"
UNITS = ("грн", "коп.", "хв", "год", "с", "дн.", "км", "кг", "%", "КБ", "МБ", "ГБ", "тис.", "млн", "млрд",
         "шт.", "р.", "рр.")
"""Units that take a no-break space after a number (`5 хв`, `45,42 грн`, `2013 р.`, `80 %`)."""
CALQUES = (
    (r"по\s+телефону", "«телефоном» або «за телефоном»"),
    (r"на\s+пальцях", "«просто», «на прикладі» або «простими словами»"),
    (r"прописк\w*", "«зареєстроване (задеклароване) місце проживання»"),
)
ID_KEYS = frozenset({"id", "ids", "module", "type", "ref", "image", "file", "next", "start", "goto", "target",
                     "quiz", "lesson", "lessons", "scenario", "slides", "from", "from_quiz", "draw", "correct",
                     "format", "version", "kind", "key", "keys", "tags", "control", "action", "path", "screen",
                     "style", "pattern", "rect", "regions", "location", "types", "files", "accept"})
"""YAML keys whose values are ids, file names, patterns or coordinates, not prose."""
TEXT_YAML_SUFFIXES = (".quiz.yaml", ".scenario.yaml")
KIT_FILE = "kit.yaml"


class Rule(Enum):
    QUOTES = "quotes"
    APOSTROPHE = "apostrophe"
    DASH = "dash"
    NUMERO = "numero"
    UNIT = "unit"
    CALQUE = "calque"


@dataclass(frozen=True, slots=True)
class Finding:
    line: int
    """1-based line in the checked text."""
    rule: Rule
    message: str


_HAS_CYRILLIC = re.compile(f"[{CYRILLIC}]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_URL = re.compile(r"(?:https?://|ftp://|mailto:|www\.)[^\s<>«»\"]+", re.IGNORECASE)
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S.*$")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--|-->")
_ATTR_LIST = re.compile(r"\{[:#.][^}\n]*\}")
_TERM_KEY = re.compile(r"\[\[[^\[\]|\n]+\|")
_ADMONITION_TITLE = re.compile(r'^(\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s+)"(.*)"(\s*)$')
_STRAIGHT_QUOTE = re.compile('"')
_APOSTROPHE = re.compile(f"(?<=[{CYRILLIC}])['’](?=[{CYRILLIC}])")
_SPACED_DASH = re.compile(r"(?<=\S) ([-–]) (?=\S)")
_NUMERO = re.compile(r"№ *(?=\d)")
_UNIT_NAMES = "|".join(re.escape(unit) for unit in sorted(UNITS, key=len, reverse=True))
_UNIT = re.compile(rf"(?<![\d,.])(\d+(?:[.,]\d+)?) +({_UNIT_NAMES})(?![{CYRILLIC}A-Za-z])")
_CALQUES = tuple((re.compile(rf"(?<![{CYRILLIC}]){pattern}", re.IGNORECASE), advice) for pattern, advice in CALQUES)
_GUILLEMETS = re.compile(r"«[^«»\n]*»")
_YAML_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)\s*:(?:\s+|$)(.*)$")
_YAML_ITEM = re.compile(r"^(\s*)-\s+(.*)$")
_YAML_TEXT_KEY = re.compile(r"""^([^:#"'«]+?:\s+)(["'].*["'])\s*$""")
_FLOW_ITEM = re.compile(r'"([^"\n]*)"|\'([^\'\n]*)\'')


def check_markdown(text: str) -> list[Finding]:
    """Findings in markdown (a lesson, a memo, a kit document), front matter included."""
    findings: list[Finding] = []
    lines = text.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            findings += check_yaml("\n".join(lines[1:end]), first_line=2)
            start = end + 1
    fence: str | None = None
    quoted = False
    for index in range(start, len(lines)):
        line = lines[index]
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        if _REFERENCE_DEFINITION.match(line):
            continue
        if not line.strip():
            quoted = False  # a quotation does not run past its paragraph
            continue
        masked = _mask_markdown(line)
        findings += check_line(masked, index + 1, quoted)
        quoted = quote_open_after(masked, quoted)
    return findings


def check_yaml(text: str, first_line: int = 1) -> list[Finding]:
    """Findings in the string values of a YAML file (keys, comments and id-like values skipped)."""
    findings: list[Finding] = []
    skip_indent: int | None = None
    quoted = False
    for offset, line in enumerate(text.replace("\r\n", "\n").lstrip("\ufeff").split("\n")):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if skip_indent is not None:
            if indent > skip_indent:
                continue
            skip_indent = None
        key = _YAML_KEY.match(line)
        if key or _YAML_ITEM.match(line):
            quoted = False  # a new value starts
        if key:
            if key.group(2).lower() in ID_KEYS:
                skip_indent = key.start(2)
                continue
            value = key.group(3)
        else:
            item = _YAML_ITEM.match(line)
            value = item.group(2) if item else stripped
            text_key = _YAML_TEXT_KEY.match(value)  # `Код із SMS: "0000"` (a Ukrainian key, a quoted value)
            if text_key:
                value = text_key.group(1) + _unquote_yaml(text_key.group(2))
        value = _unquote_yaml(value)
        if value.startswith("[") and value.endswith("]"):  # a flow list: its quotes are YAML's
            value = _FLOW_ITEM.sub(lambda match: f" {match.group(1) or match.group(2) or ''} ", value)
        if value in ("|", ">", "|-", ">-", "|+", ">+"):
            continue
        masked = _mask_markdown(value)
        findings += check_line(masked, first_line + offset, quoted)
        quoted = quote_open_after(masked, quoted)
    return findings


def quote_open_after(text: str, open_before: bool = False) -> bool:
    """Whether a «…» quotation is still open at the end of `text` (one opened on an earlier line counts)."""
    depth = 1 if open_before else 0
    for char in text:
        if char == "«":
            depth += 1
        elif char == "»":
            depth = max(0, depth - 1)
    return depth > 0


def check_line(text: str, line: int, quoted_before: bool = False) -> list[Finding]:
    """Every rule on one line of prose already masked (code, URLs, tags removed). `quoted_before`: the line
    starts inside a «…» quotation opened on an earlier line of the same paragraph or value."""
    if not _HAS_CYRILLIC.search(text) and "№" not in text:
        return []
    found: list[Finding] = []
    if _STRAIGHT_QUOTE.search(text):  # one warning for the line, however many quotes
        found.append(Finding(line, Rule.QUOTES, 'straight quotes "…" in Ukrainian text: write «…» (inner quotes „…“)'))
    for match in _APOSTROPHE.finditer(text):
        word = _word_around(text, match.start())
        found.append(Finding(line, Rule.APOSTROPHE, f"apostrophe {match.group()!r} in «{word}»: write ʼ (U+02BC), "
                                                     f"«{word.replace(match.group(), APOSTROPHE)}»"))
    for match in _SPACED_DASH.finditer(text):
        kind = "hyphen" if match.group(1) == "-" else "en dash"
        found.append(Finding(line, Rule.DASH, f"a spaced {kind} « {match.group(1)} » used as a dash: write « — » "
                                              "(ranges such as 10–15 take an en dash without spaces)"))
    for _ in _NUMERO.finditer(text):
        found.append(Finding(line, Rule.NUMERO, "«№» without a no-break space after it: write № and the number "
                                                "joined by a no-break space (U+00A0), e.g. «№\u00a05203-VI»"))
    for match in _UNIT.finditer(text):
        found.append(Finding(line, Rule.UNIT, f"«{match.group(1)} {match.group(2)}»: join the number and the unit "
                                              f"with a no-break space (U+00A0), not a plain space"))
    inside = []
    depth = 1 if quoted_before else 0
    for char in text:
        depth = depth + 1 if char == "«" else max(0, depth - 1) if char == "»" else depth
        inside.append(depth > 0)
    for pattern, advice in _CALQUES:
        for match in pattern.finditer(text):
            if inside[match.start()]:
                continue
            found.append(Finding(line, Rule.CALQUE, f"calque «{match.group()}»: write {advice}"))
    return found


def check_file(path: Path) -> list[Finding]:
    """The findings in one pack file (markdown or a text YAML file); [] for other files, and for a file over the
    limit its loader applies (a lesson's, or a YAML file's), which is not read at all."""
    limit = MAX_LESSON_BYTES if path.suffix == ".md" else MAX_YAML_BYTES
    try:
        text = read_bounded(path, limit).decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError, NotAFile, FileTooLarge):
        return []  # the loaders report unreadable and oversized files
    if path.suffix == ".md":
        return check_markdown(text)
    return check_yaml(text)


def files_to_check(root: Path) -> list[Path]:
    """The pack's markdown files and its quiz, scenario and kit YAML files, in path order (hidden folders skipped)."""
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.suffix == ".md" or path.name.endswith(TEXT_YAML_SUFFIXES) or path.name == KIT_FILE:
            found.append(path)
    return found


def check_pack(root: Path) -> list[Problem]:
    """Typography warnings for every checked file of the pack at `root`, as `Problem`s (severity warning)."""
    return list(_problems(root, files_to_check(root)))


def count_by_rule(problems: Iterable[Problem]) -> dict[str, int]:
    """How many warnings each rule gave (rules read back from the message prefix)."""
    counts = {rule.value: 0 for rule in Rule}
    for problem in problems:
        match = re.match(r"typography \((\w+)\)", problem.message)
        if match and match.group(1) in counts:
            counts[match.group(1)] += 1
    return counts


def _problems(root: Path, paths: Iterable[Path]) -> Iterator[Problem]:
    for path in paths:
        for finding in check_file(path):
            yield Problem(relative_name(path, root), finding.line,
                          f"typography ({finding.rule.value}): {finding.message}", Severity.WARNING)


def _mask_markdown(line: str) -> str:
    """`line` with the parts that are not prose blanked out (kept as spaces so nothing joins up)."""
    line = _ADMONITION_TITLE.sub(r"\1 \2 \3", line)  # `!!! tip "Порада"`: the quotes are syntax
    for pattern in (_CODE_SPAN, _LINK_TARGET, _URL, _HTML_TAG, _ATTR_LIST, _TERM_KEY):
        line = pattern.sub(lambda match: " " * len(match.group()), line)
    return line


def _unquote_yaml(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', "«")
    return value


def _word_around(text: str, index: int) -> str:
    start = index
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'’"):
        start -= 1
    end = index + 1
    while end < len(text) and (text[end].isalpha() or text[end] in "'’"):
        end += 1
    return text[start:end]
