"""The app's icons (resources/icons/*.svg)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from firstask_desktop.store import config


def icon(name: str) -> QIcon:
    return QIcon(str(config.resources_dir() / "icons" / f"{name}.svg"))
