"""Opening a data folder: create it if needed, open the database, bring its schema up to date."""

from __future__ import annotations

from pathlib import Path

from . import config, db, schema


def open_store(folder: Path) -> Path:
    """Open (creating if needed) the database in ``folder`` and bind the models to it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = config.db_path(folder)
    db.close()
    database = db.make_sqlite(path)
    db.bind(database)
    database.connect(reuse_if_open=True)
    schema.upgrade(database, path, folder / "backups")
    return path
