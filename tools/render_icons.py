"""Render resources/icons/veilig-huisbezoek.svg into the PNG sizes the desktops ask for
and a Windows .ico (run after changing the SVG; the outputs are committed):
``python tools/render_icons.py`` (``--check``: fail when an output is out of date)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "veilig-huisbezoek.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def write_all(folder: Path) -> list[Path]:
    written = []
    for size in SIZES:
        path = folder / f"veilig-huisbezoek-{size}.png"
        render(size).save(str(path), "PNG")
        written.append(path)
    ico = folder / "veilig-huisbezoek.ico"
    render(256).save(str(ico), "ICO")
    written.append(ico)
    return written


# Qt's rasteriser rounds antialiased edges a level differently on another CPU (its SIMD
# paths): a pixel channel may differ by this much; a changed SVG differs by far more.
TOLERANCE = 2


def _same(fresh: Path, committed: Path) -> bool:
    """The same picture: the same size, every channel within ``TOLERANCE``."""
    a, b = (
        QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
        for path in (fresh, committed)
    )
    if a.size() != b.size():
        return False
    return all(
        abs(x - y) <= TOLERANCE
        for x, y in zip(bytes(a.constBits()), bytes(b.constBits()), strict=True)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if not args.check:
        for path in write_all(ICONS):
            print(f"wrote {path.relative_to(ICONS.parents[1])}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        stale = [
            p.name
            for p in write_all(Path(tmp))
            if not (ICONS / p.name).exists() or not _same(p, ICONS / p.name)
        ]
    if stale:
        print(f"out of date: {', '.join(stale)}: run tools/render_icons.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
