"""The printable kit as PDF: seven documents on A4, the Ukrainian text comes back out, blanks print, each
document alone; and the Qt-free HTML side (kit_html).

The PDFs are made in a child process so that this test process never imports Qt; reading them back
needs poppler-utils (pdfinfo, pdftotext, pdftoppm).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from etrainer.core.classroom.slides import split_slides
from etrainer.core.course.kit import NoKit, UnknownKitDocument
from etrainer.core.course.pack import load_pack
from etrainer.exchange.kit_html import KitHasProblems, course_kit, document_html, kit_documents, print_ready
from etrainer.paths import bundled_course_dir

GOOD_PACK = Path(__file__).parents[1] / "data" / "packs" / "good"
MAKE_PDFS = """
import json, sys
from pathlib import Path
from etrainer.core.course.pack import load_pack
from etrainer.exchange.kit_html import course_kit
from etrainer.exchange.kit_pdf import write_kit_pdf
course = load_pack(Path(sys.argv[1])).course
folder = Path(sys.argv[2])
pages = {"kit": write_kit_pdf(course, folder / "kit.pdf")}
for document in course_kit(course).documents:
    pages[document.id] = write_kit_pdf(course, folder / f"{document.id}.pdf", document.id)
print(json.dumps(pages))
"""
A4 = {(595, 842), (842, 595)}
poppler = pytest.mark.skipif(not all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext", "pdftoppm")),
                             reason="poppler-utils (pdfinfo, pdftotext, pdftoppm) is not installed")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("kit")
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", MAKE_PDFS, str(bundled_course_dir()), str(folder)], check=True,
                          env=env, timeout=600, capture_output=True, text=True)
    return folder, json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def kit():  # type: ignore[no-untyped-def]
    return course_kit(load_pack(bundled_course_dir()).course)


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    sizes = []
    for line in info.splitlines():
        if line.startswith("Page") and " size:" in line:
            width, _, height = line.split("size:")[1].split()[:3]
            sizes.append((round(float(width)), round(float(height))))
    return sizes


def text_of(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = ["-f", str(first), "-l", str(last)] if first else []
    done = subprocess.run(["pdftotext", *pages, str(pdf), "-"], check=True, capture_output=True, text=True)
    return " ".join(done.stdout.replace("\u00a0", " ").split())


def dark_share(pdf: Path, folder: Path, page: int) -> tuple[float, int, int]:
    """The share of dark pixels of one page at 50 dpi, and the image's width and height."""
    subprocess.run(["pdftoppm", "-gray", "-r", "50", "-f", str(page), "-l", str(page), str(pdf),
                    str(folder / f"grey{page}")], check=True)
    data = next(folder.glob(f"grey{page}*.pgm")).read_bytes()
    magic, width, height, maximum, pixels = data.split(maxsplit=4)
    assert magic == b"P5" and maximum == b"255"
    return sum(1 for value in pixels if value < 160) / len(pixels), int(width), int(height)


@poppler
def test_the_kit_has_all_seven_documents_on_a4(pdfs: tuple[Path, dict[str, int]], kit) -> None:  # type: ignore[no-untyped-def]
    folder, pages = pdfs
    sizes = page_sizes(folder / "kit.pdf")
    assert len(sizes) == pages["kit"] and set(sizes) <= A4
    text = text_of(folder / "kit.pdf")
    assert len(kit.documents) == 7
    for document in kit.documents:
        assert " ".join(document.title.split()) in text, document.id


@poppler
def test_each_document_alone_starts_with_its_title_and_adds_up_to_the_kit(pdfs: tuple[Path, dict[str, int]],
                                                                           kit) -> None:  # type: ignore[no-untyped-def]
    folder, pages = pdfs
    first = 1
    for document in kit.documents:
        alone = folder / f"{document.id}.pdf"
        assert len(page_sizes(alone)) == pages[document.id] >= 1
        assert text_of(alone, 1, 1).startswith(" ".join(document.title.split())) or document.is_slides
        assert set(page_sizes(alone)) <= A4
        if not document.is_slides:
            assert text_of(folder / "kit.pdf", first, first).startswith(" ".join(document.title.split()))
        first += pages[document.id]
    assert pages["kit"] == sum(pages[d.id] for d in kit.documents)


@poppler
def test_forms_keep_to_one_page_in_their_orientation(pdfs: tuple[Path, dict[str, int]], kit) -> None:  # type: ignore[no-untyped-def]
    folder, pages = pdfs
    for document in kit.documents:
        if not document.is_slides:
            assert pages[document.id] == 1, document.id
    assert page_sizes(folder / "consultation-log.pdf") == [(842, 595)]  # landscape: eight columns
    assert page_sizes(folder / "public-pc-rules.pdf") == [(595, 842)]


@poppler
def test_cyrillic_text_comes_back_out(pdfs: tuple[Path, dict[str, int]]) -> None:
    folder, _ = pdfs
    log = text_of(folder / "consultation-log.pdf")
    assert "Не записуйте імен і прізвищ, телефонів, адрес" in log
    assert "Наступного разу сама (сам)?" in log and "Сторінка 1 з 1" in log
    rules = text_of(folder / "public-pc-rules.pdf")
    assert "Повідомлення про приватність" in rules and "Одразу телефонуйте в банк" in rules
    assert "компʼютер" in rules or "комп’ютер" in rules


@poppler
def test_the_slide_deck_is_the_first_module_two_slides_a_page(pdfs: tuple[Path, dict[str, int]], kit) -> None:  # type: ignore[no-untyped-def]
    folder, pages = pdfs
    course = load_pack(bundled_course_dir()).course
    deck = kit.document("lecture-slides")
    module = course.module(deck.slides_module)
    slides = sum(len(split_slides(lesson)) for lesson in module.lessons)
    assert deck.per_page == 2 and slides >= 20
    assert (slides + 1) / 2 <= pages["lecture-slides"] <= slides  # a cover, then two a page; a long slide may continue
    assert set(page_sizes(folder / "lecture-slides.pdf")) == {(595, 842)}
    text = text_of(folder / "lecture-slides.pdf")
    assert all(" ".join(lesson.title.split()) in text for lesson in module.lessons)
    assert f"Слайд 1 з {slides}" in text


@poppler
def test_blanks_and_table_borders_print(pdfs: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    folder, _ = pdfs
    share, width, height = dark_share(folder / "consultation-log.pdf", tmp_path, 1)
    assert (width, height) in {(585, 413), (585, 414)}  # A4 landscape at 50 dpi
    assert 0.02 < share < 0.4  # table rules and text, mostly white space to write in
    slides, width, height = dark_share(folder / "lecture-slides.pdf", tmp_path, 1)
    assert (width, height) in {(413, 585), (414, 585)} and slides > 0.01


def test_empty_cells_become_blanks_and_callouts_become_boxes() -> None:
    html = print_ready('<table>\n<thead>\n<tr>\n<th>№</th>\n<th>Дата</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n'
                       '<td></td>\n<td> </td>\n</tr>\n</tbody>\n</table>\n<div class="admonition warning">\n'
                       '<p class="admonition-title">Увага</p>\n<p>Текст.</p>\n</div>')
    assert html.count("<td>\u00a0</td>") == 2
    assert '<table width="100%">' in html and '<th width="6%">№</th>' in html and "<th>Дата</th>" in html
    assert '<td bgcolor="#FDECE2"><p><b>Увага</b></p><p>Текст.</p></td>' in html and "<div" not in html


def test_a_table_without_a_heading_loses_its_empty_heading_row() -> None:
    html = print_ready("<table>\n<thead>\n<tr>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td></td>\n</tr>\n"
                       "</tbody>\n</table>")
    assert "<th" not in html and "<td>\u00a0</td>" in html


def test_a_document_is_typeset_with_its_title(kit) -> None:  # type: ignore[no-untyped-def]
    course = load_pack(bundled_course_dir()).course
    html = document_html(course, kit.document("world-cafe-harvest")).replace("&nbsp;", "\u00a0")
    assert html.startswith("<html><body><h1>Світове кафе") and "20–30\u00a0хв" in html


def test_refusals_name_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(NoKit):
        course_kit(load_pack(GOOD_PACK).course)
    pack = tmp_path / "pack"
    shutil.copytree(GOOD_PACK, pack)
    (pack / "kit").mkdir()
    (pack / "kit" / "kit.yaml").write_text("title: К\ndocuments:\n  - id: form-a\n    title: А\n    file: a.md\n",
                                           encoding="utf-8")
    with pytest.raises(KitHasProblems, match=r"kit/kit\.yaml:5: kit document “form-a”: the file “a\.md”"):
        course_kit(load_pack(pack).course)
    (pack / "kit" / "a.md").write_text("| Дата |\n|---|\n| |\n", encoding="utf-8")
    kit = course_kit(load_pack(pack).course)
    with pytest.raises(UnknownKitDocument, match=r"Document ids: form-a\."):
        kit_documents(kit, "form-b")
    assert [d.id for d in kit_documents(kit, None)] == ["form-a"] == [d.id for d in kit_documents(kit, "form-a")]
