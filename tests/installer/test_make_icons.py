"""installer/make_icons.py: the ICO container it writes, and the icon files committed beside the SVG (no Qt)."""

from __future__ import annotations

import importlib.util
import struct
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("make_icons", ROOT / "installer" / "make_icons.py")
assert _spec is not None and _spec.loader is not None
make_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_icons)


def _png(width: int, height: int) -> bytes:
    """A real (blank, greyscale) PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return make_icons.PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _read_ico(data: bytes) -> list[tuple[int, int, bytes]]:
    """(width, height, image data) per entry, checking the ICONDIR and ICONDIRENTRY fields."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        width, height, colours, zero, planes, bits, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert (colours, zero, planes, bits) == (0, 0, 1, 32)
        entries.append((width or 256, height or 256, data[offset:offset + size]))
    return entries


def test_ico_holds_each_png_unchanged_with_its_size():
    images = [_png(16, 16), _png(48, 48), _png(256, 256)]
    entries = _read_ico(make_icons.ico_bytes(images))
    assert [(w, h) for w, h, _ in entries] == [(16, 16), (48, 48), (256, 256)]
    assert [blob for _, _, blob in entries] == images


def test_256_pixels_is_written_as_zero_in_the_directory():
    data = make_icons.ico_bytes([_png(256, 256)])
    assert data[6] == 0 and data[7] == 0


@pytest.mark.parametrize("images, message", [
    ([], "at least one image"),
    ([b"GIF89a not a png"], "not a PNG"),
    ([_png(32, 16)], "square"),
    ([_png(512, 512)], "1–256 px"),
])
def test_bad_images_are_refused(images, message):
    with pytest.raises(ValueError, match=message):
        make_icons.ico_bytes(images)


def test_png_size_reads_the_header():
    assert make_icons.png_size(_png(24, 24)) == (24, 24)


def test_committed_pngs_exist_in_every_size():
    for size in make_icons.PNG_SIZES:
        data = (ROOT / "resources" / "icons" / make_icons.png_name(size)).read_bytes()
        assert make_icons.png_size(data) == (size, size)


def test_committed_ico_holds_every_size_as_png():
    entries = _read_ico((ROOT / "resources" / "icons" / "etrainer.ico").read_bytes())
    assert [w for w, _, _ in entries] == list(make_icons.ICO_SIZES)
    for width, height, blob in entries:
        assert make_icons.png_size(blob) == (width, height)
