"""Memo PDFs: every bundled memo fits two A4 pages, the Ukrainian text comes back out, pages have ink.

The PDFs are made in a child process so that this test process never imports Qt (tests outside
tests/ui/ must not); reading them back needs poppler-utils (pdfinfo, pdftotext, pdftoppm). The
HTML side (memo_html) is Qt-free and tested here directly.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from etrainer.core.course.pack import load_pack
from etrainer.exchange.memo_html import (
    NBSP,
    CourseWithoutMemo,
    ModuleWithoutMemo,
    UnknownModule,
    all_memos,
    find_memo,
    memo_html,
    typeset,
    typeset_html,
)
from etrainer.paths import bundled_course_dir

GOOD_PACK = Path(__file__).parents[1] / "data" / "packs" / "good"
MAKE_PDFS = """
import json, sys
from pathlib import Path
from etrainer.core.course.pack import load_pack
from etrainer.exchange.memo_pdf import write_memo_booklet, write_memo_pdf
course = load_pack(Path(sys.argv[1])).course
folder = Path(sys.argv[2])
pages = {"course": write_memo_pdf(course, None, folder / "course.pdf")}
for module in course.modules:
    pages[module.id] = write_memo_pdf(course, module.id, folder / f"{module.id}.pdf")
pages["booklet"] = write_memo_booklet(course, folder / "booklet.pdf")
print(json.dumps(pages))
"""
poppler = pytest.mark.skipif(not all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext", "pdftoppm")),
                             reason="poppler-utils (pdfinfo, pdftotext, pdftoppm) is not installed")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("memos")
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", MAKE_PDFS, str(bundled_course_dir()), str(folder)], check=True,
                          env=env, timeout=300, capture_output=True, text=True)
    return folder, json.loads(done.stdout.strip().splitlines()[-1])


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def text_of(pdf: Path, first: int = 1, last: int = 1) -> str:
    return subprocess.run(["pdftotext", "-f", str(first), "-l", str(last), str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def ink(pdf: Path, folder: Path, page: int = 1) -> float:
    """The share of dark pixels of one page rendered at 50 dpi (PNG → read back as grey PGM)."""
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", str(page), "-l", str(page), str(pdf),
                    str(folder / "look")], check=True)
    assert next(folder.glob("look*.png")).stat().st_size > 0
    subprocess.run(["pdftoppm", "-gray", "-r", "50", "-f", str(page), "-l", str(page), str(pdf),
                    str(folder / "grey")], check=True)
    data = next(folder.glob("grey*.pgm")).read_bytes()
    magic, width, height, maximum, pixels = data.split(maxsplit=4)
    assert magic == b"P5" and maximum == b"255"
    assert int(width) in (413, 414) and int(height) == 585  # A4 at 50 dpi
    return sum(1 for value in pixels if value < 128) / len(pixels)


@poppler
def test_every_bundled_memo_fits_two_pages(pdfs: tuple[Path, dict[str, int]]) -> None:
    folder, pages = pdfs
    course = load_pack(bundled_course_dir()).course
    assert set(pages) == {"course", "booklet", *(m.id for m in course.modules if m.memo is not None)}
    for name, count in pages.items():
        assert page_count(folder / f"{name}.pdf") == count
        if name != "booklet":
            assert 1 <= count <= 2, name
    assert pages["booklet"] == sum(count for name, count in pages.items() if name != "booklet")


@poppler
def test_the_ukrainian_title_date_and_footer_come_back_out(pdfs: tuple[Path, dict[str, int]]) -> None:
    folder, _ = pdfs
    course = load_pack(bundled_course_dir()).course
    module = course.modules[0]
    text = " ".join(text_of(folder / f"{module.id}.pdf").split())
    assert " ".join(module.memo.title.split()) in text
    assert f"Станом на {course.sources_as_of}" in text
    assert course.title in text and "Сторінка 1 з" in text


@poppler
def test_each_memo_of_the_booklet_starts_a_new_page(pdfs: tuple[Path, dict[str, int]]) -> None:
    folder, pages = pdfs
    course = load_pack(bundled_course_dir()).course
    first_page = 1
    for memo in all_memos(course):
        name = "course" if memo.module_id is None else memo.module_id
        assert " ".join(text_of(folder / "booklet.pdf", first_page, first_page).split()).startswith(
            " ".join(memo.title.split()))
        first_page += pages[name]


@poppler
def test_pages_render_with_ink(pdfs: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    folder, _ = pdfs
    share = ink(folder / "course.pdf", tmp_path)
    assert 0.02 < share < 0.5


@poppler
def test_a_missing_folder_is_refused_with_a_sentence(tmp_path: Path) -> None:
    code = ("import sys\nfrom pathlib import Path\nfrom etrainer.core.course.pack import load_pack\n"
            "from etrainer.exchange.memo_pdf import write_memo_pdf\n"
            "try:\n    write_memo_pdf(load_pack(Path(sys.argv[1])).course, 'basics', Path(sys.argv[2]))\n"
            "except Exception as error:\n    print(type(error).__name__, error)\n")
    target = tmp_path / "missing" / "memo.pdf"
    done = subprocess.run([sys.executable, "-c", code, str(GOOD_PACK), str(target)], check=True, timeout=120,
                          capture_output=True, text=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.stdout.startswith("OutputNotOpened") and str(target) in done.stdout
    assert not target.parent.exists()


def test_find_memo_names_what_is_missing() -> None:
    course = load_pack(GOOD_PACK).course
    assert find_memo(course, "basics").title == "Пам'ятка: основи"
    with pytest.raises(UnknownModule) as unknown:
        find_memo(course, "nope")
    assert "“nope”" in str(unknown.value) and "basics, more" in str(unknown.value)
    with pytest.raises(ModuleWithoutMemo):
        find_memo(course, "more")
    with pytest.raises(CourseWithoutMemo):
        find_memo(course, None)
    assert [memo.module_id for memo in all_memos(course)] == ["basics"]


def test_memo_html_has_the_title_once_the_date_and_the_sanitised_body() -> None:
    course = load_pack(bundled_course_dir()).course
    memo = course.modules[0].memo
    html = memo_html(course, memo)
    assert html.count("<h1>") == 1 and "<h1>Памʼятка:" in html
    assert f'<p class="as-of">Станом на{NBSP}березень 2026</p>' in html
    assert "<script" not in html and "<h2" in html


def test_typesetting_keeps_short_words_numbers_and_dashes_together() -> None:
    text = typeset("Заяву подає і підписує сам відвідувач у ЦНАП — 30 днів, № 5203-VI, 100 % у 2026 р.")
    assert f"і{NBSP}підписує" in text and f"у{NBSP}ЦНАП" in text and f"ЦНАП{NBSP}— 30" in text
    assert f"30{NBSP}днів" in text and f"№{NBSP}5203" in text and f"100{NBSP}%" in text
    assert f"2026{NBSP}р." in text and f"сам{NBSP}" not in text
    assert typeset_html('<a href="a b">в ЦНАП</a>') == f'<a href="a b">в{NBSP}ЦНАП</a>'
