"""Build hook: the wheel carries the bundled course, themes, icons, guides and compiled translations.

Everything else is in pyproject.toml. `build_py` copies `lessons/`, `resources/` (without the .ts
sources) and `docs/guides/` into the package as `etrainer/bundle/` (etrainer.paths finds them
there) and compiles `resources/translations/*.ts` into `.qm` files with PySide6's lrelease, which
is why PySide6 is a build requirement. An editable install (`pip install -e .`) reads the source
tree instead, so there the compiled catalogs are written beside their .ts sources.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
TRANSLATIONS = ROOT / "resources" / "translations"
#: source folder → folder inside the installed package's `bundle/`
BUNDLED = {"lessons": "lessons", "resources/themes": "resources/themes", "resources/icons": "resources/icons",
           "docs/guides": "docs/guides"}


def lrelease() -> str:
    """PySide6's lrelease binary (inside the PySide6 package, whatever is on PATH)."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return str(folder / name)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        sys.exit("setup.py: PySide6's lrelease was not found; PySide6 is a build requirement")
    return found


def compile_translations(target: Path) -> list[Path]:
    """Compile every resources/translations/*.ts into `target`; return the .qm files."""
    target.mkdir(parents=True, exist_ok=True)
    tool = lrelease()
    written = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.is_file():
            sys.exit(f"setup.py: lrelease did not write {qm}")
        written.append(qm)
    return written


class BuildWithBundle(build_py):
    """build_py that adds the course, themes, icons, guides and compiled translations."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            compile_translations(TRANSLATIONS)  # the source tree is what an editable install reads
            return
        bundle = Path(self.build_lib) / "etrainer" / "bundle"
        if bundle.exists():
            shutil.rmtree(bundle)
        for source, dest in BUNDLED.items():
            shutil.copytree(ROOT / source, bundle / dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        compile_translations(bundle / "resources" / "translations")


setup(cmdclass={"build_py": BuildWithBundle})
