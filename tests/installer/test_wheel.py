"""The wheel is self-contained: course, themes, icons, guides and compiled translations ride along,
and an unpacked wheel outside the source tree finds them and speaks Ukrainian."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # No build isolation: the test venv already has setuptools and PySide6 (CI also builds it isolated).
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "--disable-pip-version-check", "-w", str(out), str(ROOT)], check=True, cwd=out)
    (found,) = out.glob("etrainer-*.whl")
    return found


def test_the_wheel_carries_the_course_themes_icons_guides_and_compiled_translations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("etrainer/bundle/lessons/course.yaml", "etrainer/bundle/resources/themes/light.qss",
                     "etrainer/bundle/resources/themes/projector.qss", "etrainer/bundle/resources/icons/etrainer.svg",
                     "etrainer/bundle/resources/translations/etrainer_uk.qm",
                     "etrainer/bundle/resources/translations/etrainer_en.qm",
                     "etrainer/storage/migrations/env.py", "etrainer/storage/workspace_migrations/env.py",
                     "etrainer/storage/workspace_migrations/versions/w0001_schema_2.py"):
        assert expected in names
    guides = {n for n in names if n.startswith("etrainer/bundle/docs/guides/") and n.endswith(".md")}
    assert len(guides) == len(list((ROOT / "docs" / "guides").glob("*.md"))) > 0
    assert not any(n.endswith(".ts") for n in names)  # sources stay out; the .qm were compiled at build time


def test_an_unpacked_wheel_outside_the_tree_finds_its_course_and_starts_in_ukrainian(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import sys; from PySide6.QtCore import QCoreApplication as A\n"
        "from etrainer import paths, i18n\n"
        "app = A([])\n"
        "keep = i18n.install_translators(app, 'uk')\n"
        "print(paths.bundled_course_dir()); print(paths.guides_dir())\n"
        "print(A.translate('ExportDialog', 'Save the file…')); print(A.translate('QFileDialog', 'Look in:'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"})
    course, guides, ours, qts = done.stdout.splitlines()
    assert Path(course) == site / "etrainer" / "bundle" / "lessons" and (Path(course) / "course.yaml").is_file()
    assert Path(guides).is_dir() and Path(guides).is_relative_to(site)
    assert (ours, qts) == ("Зберегти файл…", "Перегляд в:")
