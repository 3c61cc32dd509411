"""installer/make_icons.py renders the SVG icon with Qt: the right size, a transparent corner, an opaque middle."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("make_icons", ROOT / "installer" / "make_icons.py")
assert _spec is not None and _spec.loader is not None
make_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_icons)


@pytest.mark.parametrize("size", [16, 48, 256])
def test_the_svg_renders_at_each_size(qapp, size):
    image = QImage.fromData(make_icons.render_png(make_icons.SOURCE, size), "PNG")
    assert (image.width(), image.height()) == (size, size)
    assert image.pixelColor(0, 0).alpha() == 0  # the tile's rounded corner
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_main_writes_pngs_and_an_ico(qapp, tmp_path):
    assert make_icons.main(["--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [make_icons.png_name(s) for s in make_icons.PNG_SIZES] + ["etrainer.ico"])
    assert (tmp_path / "etrainer.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
