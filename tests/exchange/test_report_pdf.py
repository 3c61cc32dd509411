"""PDF report and certificate: Cyrillic text comes back out of the PDF, and the pages render to ink.

The PDFs are made in a child process so that this test process never imports Qt (tests outside
tests/ui/ must not); reading them back needs poppler-utils (pdftotext, pdftoppm).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parents[1] / "data" / "progress" / "sample-v1.json"
MAKE_PDFS = """
import json, sys
from pathlib import Path
from etrainer.core.progress.learner_report import learner_report
from etrainer.core.progress.file import validate_document
from etrainer.exchange import report_pdf
report = learner_report(validate_document(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))))
Path(sys.argv[2]).write_bytes(report_pdf.progress_pdf(report))
Path(sys.argv[3]).write_bytes(report_pdf.certificate_pdf(report))
"""

pytestmark = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdftoppm")),
                                reason="poppler-utils (pdftotext, pdftoppm) is not installed")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["records"]["lesson_progress"][0]["completed_at"] = "2026-10-03T09:00:00Z"
    attempt = doc["records"]["quiz_attempts"][0]
    attempt["score"], attempt["passed"] = 0.9, True
    walk = doc["records"]["walkthrough_attempts"][0]  # the course counts walkthroughs too (docs/progress.md)
    walk["finished_at"], walk["score"], walk["passed"], walk["abandoned"] = "2026-10-04T09:00:00Z", 90, True, False
    source = folder / "doc.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report, certificate = folder / "report.pdf", folder / "certificate.pdf"
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", MAKE_PDFS, str(source), str(report), str(certificate)], check=True,
                   env=env, timeout=120)
    return report, certificate


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def render(pdf: Path, folder: Path) -> tuple[int, int, float]:
    """Width, height and the share of dark pixels of the first page rendered at 30 dpi (grey PGM)."""
    subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(folder / "page")],
                   check=True)
    data = next(folder.glob("page*.pgm")).read_bytes()
    magic, width, height, maximum, pixels = data.split(maxsplit=4)
    assert magic == b"P5" and maximum == b"255"
    dark = sum(1 for value in pixels[: int(width) * int(height)] if value < 128)
    return int(width), int(height), dark / (int(width) * int(height))


def test_the_report_carries_the_cyrillic_name_and_headings(pdfs: tuple[Path, Path]) -> None:
    text = text_of(pdfs[0])
    assert "Олена Петренко" in text and "Звіт про навчання" in text and "Бібліотека-філія № 3" in text
    assert "Е-послуги в бібліотеці" in text
    # One meaning of progress: units of lessons, quizzes and walkthroughs, the percent in Ukrainian style.
    assert re.search(r"Курс пройдено \(уроки, тести, тренажери\)\s+3 з 3 \(100\s%\)", text), text


def test_the_certificate_names_the_learner_and_the_course(pdfs: tuple[Path, Path]) -> None:
    text = text_of(pdfs[1])
    assert "СЕРТИФІКАТ" in text and "Олена Петренко" in text and "«Е-послуги в бібліотеці»" in text
    assert "03.10.2026" in text or "04.10.2026" in text  # the completion date, in local time


def test_pages_render_with_ink_portrait_and_landscape(pdfs: tuple[Path, Path], tmp_path: Path) -> None:
    (tmp_path / "r").mkdir()
    (tmp_path / "c").mkdir()
    width, height, ink = render(pdfs[0], tmp_path / "r")
    assert height > width and 0.005 < ink < 0.5
    width, height, ink = render(pdfs[1], tmp_path / "c")
    assert width > height and 0.005 < ink < 0.5
