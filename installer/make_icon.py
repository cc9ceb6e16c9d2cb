"""Render the app's SVG icon into a Windows ``.ico`` (16–256 px) for the exe and the installer.

    python installer/make_icon.py resources/icons/app.svg build/installer/firstask.ico

The SVG stays the one source of the icon (the GUI uses it directly); the .ico is a build product.
Qt renders the SVG, Pillow (already installed with ReportLab) packs the sizes into one file.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)


def svg_to_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def make_icon(svg: Path, out: Path) -> Path:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs it
    largest = Image.open(io.BytesIO(svg_to_png(svg, SIZES[-1])))
    out.parent.mkdir(parents=True, exist_ok=True)
    # Each size rendered from the vector, not scaled down from 256 px: small icons stay crisp.
    frames = [Image.open(io.BytesIO(svg_to_png(svg, s))) for s in SIZES[:-1]]
    largest.save(out, format="ICO", sizes=[(s, s) for s in SIZES], append_images=frames)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(make_icon(Path(sys.argv[1]), Path(sys.argv[2])))
