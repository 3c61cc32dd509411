"""Render the application icon, resources/icons/etrainer.svg, to PNG files and a Windows .ico.

    python installer/make_icons.py           writes resources/icons/etrainer-<size>.png and etrainer.ico

The SVG is the source; run this again after changing it. The PNGs serve the Linux menu entry
(installer/linux/install-menu-entry copies them into the hicolor icon theme); the .ico holds the
same sizes as PNG entries (Windows Vista and newer read those) for the executable, the installer
and the shortcuts. Rendering uses Qt's SVG renderer (PySide6, already a dependency).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "etrainer.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_name(size: int) -> str:
    return f"etrainer-{size}.png"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk; ValueError if `data` is not a PNG."""
    if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def ico_bytes(images: Sequence[bytes]) -> bytes:
    """An ICO container holding `images` (PNG files, each square, 1–256 px) as PNG entries.

    Layout: ICONDIR (reserved 0, type 1 = icon, count), one 16-byte ICONDIRENTRY per image
    (width and height as a byte, 0 meaning 256; colours 0; reserved 0; planes 1; 32 bits per
    pixel; the data's size and offset), then the PNG data in the same order.
    """
    if not images:
        raise ValueError("an icon needs at least one image")
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = [], []
    for data in images:
        width, height = png_size(data)
        if width != height or not 1 <= width <= 256:
            raise ValueError(f"icon images must be square and 1–256 px, not {width}×{height}")
        side = 0 if width == 256 else width
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(blobs)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent `size`×`size` canvas, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("make_icons: Qt could not write a PNG image")
    buffer.close()
    return bytes(array.data())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--svg", type=Path, default=SOURCE, help="the source SVG (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=ICONS, help="the output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.out.mkdir(parents=True, exist_ok=True)
    rendered = {size: render_png(args.svg, size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        (args.out / png_name(size)).write_bytes(rendered[size])
    (args.out / "etrainer.ico").write_bytes(ico_bytes([rendered[size] for size in ICO_SIZES]))
    print(f"make_icons: wrote {len(PNG_SIZES)} PNG files and etrainer.ico to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
