"""Ukrainian order of names, in pure Python (ICU is not a dependency; the UI uses QCollator).

`ukrainian_key` orders text by the Ukrainian alphabet — а б в г ґ д е є ж з и і ї й к л м н о п р с т
у ф х ц ч ш щ ь ю я — ignoring case and apostrophes; digits come first, then Latin letters, then Cyrillic.

People are sorted by surname (`person_key`). The profile has one name field, labelled «Ім'я та
прізвище», and the demo data write «Ірина Коваль»: the *last* word is the surname. A name is ordered by
its last word, then by the words before it (so «Ірина Коваль» sorts under К, before «Олена Коваль»); a
one-word name is ordered by that word.
"""

from __future__ import annotations

ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_RANK = {letter: index for index, letter in enumerate(ALPHABET)}
# Letters of neighbouring alphabets sort beside their Ukrainian look-alikes.
_RANK.update({"ё": _RANK["е"], "ы": _RANK["и"], "э": _RANK["е"], "ъ": _RANK["ь"]})
_IGNORED = {"'", "’", "\u02bc", "`"}


def _letter_key(char: str) -> tuple[int, int]:
    if char in _RANK:
        return (3, _RANK[char])
    if char.isdigit():
        return (1, ord(char))
    if "a" <= char <= "z":
        return (2, ord(char))
    if char.isspace() or char in "-‐–—.,":
        return (0, 0)  # separators: «Анна-Марія» before «Аннабель»
    return (4, ord(char))


def ukrainian_key(text: str) -> tuple[tuple[tuple[int, int], ...], str]:
    """A sort key: the Ukrainian alphabet first, case and apostrophes only to break ties."""
    folded = text.casefold()
    return tuple(_letter_key(c) for c in folded if c not in _IGNORED), text


def person_key(name: str) -> tuple[tuple[tuple[int, int], ...], str]:
    """Sort people by surname, the last word of «Ім'я Прізвище» (see the module docstring)."""
    return ukrainian_key(surname_first(name))


def surname_first(name: str) -> str:
    """«Ірина Коваль» → «Коваль Ірина»; a one-word name stays as it is."""
    words = name.split()
    return " ".join([words[-1], *words[:-1]]) if len(words) > 1 else name.strip()
