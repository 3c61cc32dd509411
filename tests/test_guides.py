"""The user guides in docs/guides: each exists, has its title line, renders through the lesson renderer
without problems, and shows only pictures that exist, are small enough and are made by
scripts/guide_screenshots.py (so that they can be regenerated from the real app)."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from etrainer.core.markdown import render_lesson

ROOT = Path(__file__).resolve().parents[1]
GUIDES_DIR = ROOT / "docs" / "guides"
IMAGES_DIR = GUIDES_DIR / "images"
SCRIPT = ROOT / "scripts" / "guide_screenshots.py"
GUIDES = ("librarian.uk.md", "trainer.uk.md", "methodist.uk.md", "author.uk.md")
"""The files the Help menu opens (etrainer.ui.welcome.GUIDES, which needs Qt to import)."""
PICTURE = re.compile(r'<img alt="([^"]*)" src="([^"]+)"')
MAX_WIDTH = 1024
MAX_TOTAL_BYTES = 4 * 1024 * 1024


def _text(name: str) -> str:
    return (GUIDES_DIR / name).read_text(encoding="utf-8")


def _body(name: str) -> str:
    """The guide as GuideViewer renders it: without its title line."""
    return _text(name).partition("\n")[2]


def _pictures(name: str) -> list[tuple[str, str]]:
    """(description, path) of every picture the guide shows (code examples left out)."""
    return PICTURE.findall(render_lesson(_body(name)).html)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("name", GUIDES)
def test_the_guide_starts_with_its_title_and_uses_no_other_top_heading(name):
    title, _, body = _text(name).partition("\n")
    assert title.startswith("# ") and len(title) > 4
    assert not [line for line in body.splitlines() if line.startswith("# ")]


@pytest.mark.parametrize("name", GUIDES)
def test_the_guide_renders_without_problems(name):
    rendered = render_lesson(_body(name))
    assert rendered.problems == ()
    assert len([h for h in rendered.headings if h.level == 2]) >= 4
    assert rendered.html.count("<img ") == len(_pictures(name)) > 0


@pytest.mark.parametrize("name", GUIDES)
def test_every_picture_exists_and_is_described(name):
    pictures = _pictures(name)
    assert pictures, f"{name} shows no screenshot"
    for description, target in pictures:
        assert description.strip(), f"{target} in {name} has no description"
        assert target.startswith("images/") and target.endswith(".png"), target
        assert (GUIDES_DIR / target).is_file(), f"{name}: {target} does not exist"


def test_pictures_are_at_most_1024_wide_and_small_in_all():
    files = sorted(IMAGES_DIR.glob("*.png"))
    assert files
    for path in files:
        width, height = _png_size(path)
        assert 0 < width <= MAX_WIDTH and height > 0, f"{path.name} is {width}×{height}"
    assert sum(path.stat().st_size for path in files) < MAX_TOTAL_BYTES


def test_the_screenshot_script_makes_exactly_the_pictures_the_guides_use():
    made = set(re.findall(r'@shot\("([a-z0-9-]+)"\)', SCRIPT.read_text(encoding="utf-8")))
    used = {Path(target).stem for name in GUIDES for _, target in _pictures(name)}
    assert used - made == set(), "pictures no script makes (they could not be regenerated)"
    assert made - used == set(), "pictures the script makes but no guide shows"
