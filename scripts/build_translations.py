"""Build the compiled translation catalogs (.qm) from their sources (.ts).

    python scripts/build_translations.py             compile every resources/translations/*.ts
    python scripts/build_translations.py --if-needed compile only what is missing or older than its .ts
    python scripts/build_translations.py --update    first refresh the .ts files from the source code (lupdate)
    python scripts/build_translations.py --update --carry-from OTHER_uk.ts
                                                     … and keep the finished translations of another catalog
                                                     (a merged branch's) for its strings

The English source strings are the fallback; etrainer_uk.ts is the Ukrainian catalog (the default
language) and etrainer_en.ts keeps the English plural forms.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = [ROOT / "src" / "etrainer"]


def tool(name: str) -> str:
    local = Path(sys.executable).parent / f"pyside6-{name}"
    local = local if local.exists() else local.with_suffix(".exe")  # Windows venvs: Scripts\pyside6-*.exe
    found = str(local) if local.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"build_translations: pyside6-{name} not found (is PySide6 installed?)")
    return found


def _key(message: ElementTree.Element) -> tuple[str, str, bool]:
    return (message.findtext("source") or "", message.findtext("comment") or "", message.get("numerus") == "yes")


def _finished(catalog: Path) -> dict[tuple[str, str, bool], ElementTree.Element]:
    """Every finished translation in a catalog, by its source text (whatever its context)."""
    found = {}
    for message in ElementTree.parse(catalog).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished"):
            found.setdefault(_key(message), translation)
    return found


def _carry_over(catalog: Path, before: dict[tuple[str, str, bool], ElementTree.Element]) -> int:
    """Fill untranslated messages whose exact source text was translated before (a string that moved to
    another class keeps its translation). Returns how many were filled."""
    tree = ElementTree.parse(catalog)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        old = before.get(_key(message))
        if translation is None or old is None or translation.get("type") != "unfinished":
            continue
        # lupdate's same-text heuristic already copies the text but leaves it "unfinished", which
        # lrelease skips: accept it when it is exactly the finished translation from before.
        same = ElementTree.tostring(translation, encoding="unicode").replace(' type="unfinished"', "")
        empty = not "".join(translation.itertext()).strip()  # no text, or only empty plural forms
        if not empty and same != ElementTree.tostring(old, encoding="unicode"):
            continue
        message.remove(translation)
        message.append(copy.deepcopy(old))
        filled += 1
    if filled:
        tree.write(catalog, encoding="utf-8", xml_declaration=True)
    return filled


def update(carry_from: list[Path] | None = None) -> None:
    """Refresh every catalog from the source code; `carry_from` catalogs (e.g. another branch's, when
    merging) lend their finished translations to messages still untranslated here (same language only)."""
    files = sorted(str(p) for folder in SOURCES for p in folder.rglob("*.py"))
    for ts in sorted(TRANSLATIONS.glob("etrainer_*.ts")):
        before = {}
        for other in carry_from or []:
            if other.name.endswith(ts.name.split("_", 1)[1]):  # etrainer_uk.ts lends only to etrainer_uk.ts
                before.update(_finished(other))
        before.update(_finished(ts))
        command = [tool("lupdate"), "-no-obsolete", "-locations", "none", *files, "-ts", str(ts)]
        subprocess.run(command, check=True, capture_output=True)
        if _carry_over(ts, before):
            subprocess.run(command, check=True, capture_output=True)  # lupdate's own layout again


def compile_all(only_if_needed: bool) -> None:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if only_if_needed and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--if-needed", action="store_true")
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--carry-from", type=Path, action="append", metavar="CATALOG.ts",
                        help="with --update: take finished translations from this catalog too (e.g. a merged branch's)")
    args = parser.parse_args()
    if args.update:
        update(args.carry_from)
    compile_all(args.if_needed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
