"""Where the data lives.

User data never lives in the install folder: the data folder is ``--data-dir``, else the
``FIRSTASK_DATA_DIR`` environment variable, else the per-user application data folder
(``%LOCALAPPDATA%\\FirstAsk\\FirstAsk`` on Windows, ``~/.local/share/FirstAsk`` on Linux).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "FirstAsk"
DB_FILENAME = "firstask.sqlite3"
ENV_DATA_DIR = "FIRSTASK_DATA_DIR"
ENV_DATABASE = "FIRSTASK_DB"  # a county's PostgreSQL URL, instead of the SQLite file


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The data folder to use (not created)."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_NAME, roaming=False))


def database_url(explicit: str | None = None) -> str | None:
    """The county's PostgreSQL URL (``--db``, else ``FIRSTASK_DB``), or None for SQLite."""
    return explicit or os.environ.get(ENV_DATABASE) or None


def db_path(folder: Path) -> Path:
    return folder / DB_FILENAME


def resources_dir() -> Path:
    """Bundled read-only resources (fonts, holiday data), also inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
