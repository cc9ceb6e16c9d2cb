"""Opening a data folder: create it if needed, open the database, bring its schema up to date."""

from __future__ import annotations

from pathlib import Path

from . import config, db, schema

_current_folder: Path | None = None


def open_store(folder: Path) -> Path:
    """Open (creating if needed) the database in ``folder`` and bind the models to it."""
    global _current_folder
    folder.mkdir(parents=True, exist_ok=True)
    path = config.db_path(folder)
    db.close()
    database = db.make_sqlite(path)
    db.bind(database)
    database.connect(reuse_if_open=True)
    schema.upgrade(database, path, folder / "backups")
    _current_folder = folder
    return path


def current_folder() -> Path:
    """The data folder opened last (keys, backups and exports live beside the database)."""
    if _current_folder is None:
        raise RuntimeError("no data folder is open")
    return _current_folder
