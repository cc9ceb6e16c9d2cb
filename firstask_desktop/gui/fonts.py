"""The CJK font: station PCs may have none, so the bundled one is registered at start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from firstask_desktop.store import config

from .style import restyle

# Used only when the bundle lacks its font (a developer checkout without resources/fonts).
SYSTEM_FALLBACKS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("C:/Windows/Fonts/msyh.ttc"),
)
# Point sizes of the text-size setting 小/中/大 (older eyes need 大).
TEXT_SIZES = {"small": 10, "medium": 11, "large": 14}


def cjk_font_files() -> list[Path]:
    """Candidate font files, the bundled ones first."""
    bundled = sorted((config.resources_dir() / "fonts").glob("*.tt[cf]"))
    return bundled + [path for path in SYSTEM_FALLBACKS if path.exists()]


def register_cjk_font() -> str | None:
    """Register the first loadable CJK font; returns its family name (None: none loaded)."""
    for path in cjk_font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            return families[0]
    return None


def apply_app_font(app: QApplication, family: str | None, text_size: str = "medium") -> QFont:
    font = QFont(family) if family else QFont(app.font())
    font.setPointSize(TEXT_SIZES.get(text_size, TEXT_SIZES["medium"]))
    app.setFont(font)
    restyle(app.allWidgets())
    return font
