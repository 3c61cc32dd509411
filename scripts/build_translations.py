"""Build the compiled translation catalogs (.qm) from their sources (.ts).

    python scripts/build_translations.py             compile every resources/translations/*.ts
    python scripts/build_translations.py --if-needed compile only what is missing or older than its .ts
    python scripts/build_translations.py --update    first refresh the .ts files from the source code (lupdate)

The English source strings are the fallback; etrainer_uk.ts is the Ukrainian catalog (the default
language) and etrainer_en.ts keeps the English plural forms.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

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


def update() -> None:
    files = sorted(str(p) for folder in SOURCES for p in folder.rglob("*.py"))
    for ts in sorted(TRANSLATIONS.glob("etrainer_*.ts")):
        subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none", *files, "-ts", str(ts)],
                       check=True, capture_output=True)


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
    args = parser.parse_args()
    if args.update:
        update()
    compile_all(args.if_needed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
