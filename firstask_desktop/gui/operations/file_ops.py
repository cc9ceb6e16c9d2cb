"""Files and the data folder: opening it, the daily backup, saving a previewed PDF."""

from __future__ import annotations

from firstask_desktop.gui.operations.routing import writes

# --- files and the data folder --------------------------------------------------------------


@writes
def open_data_folder(folder):
    """Open (create, migrate) the database of ``folder``: the schema steps write."""
    from firstask_desktop.store.storage import open_store

    return open_store(folder)


@writes
def backup_if_due(folder):
    from firstask_desktop.services.backup import backup_if_due as backup

    return backup(folder)


@writes
def save_pdf(data: bytes, path) -> int:
    """Write a previewed document to the clerk's folder, read back; its page count."""
    from firstask_desktop.reports import save_pdf as save

    return save(data, path)
