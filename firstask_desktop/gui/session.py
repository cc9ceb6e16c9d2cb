"""Who is at the keyboard, in which data folder: passed to every screen instead of globals."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from .prefs import Prefs


class Session(QObject):
    """The open data folder, its station, and the acting staff member (after login).

    ``data_changed`` is emitted after every write, so that lists and counts refresh;
    ``actor_changed`` after a login or a switch of person at the lock screen.
    """

    data_changed = Signal()
    actor_changed = Signal()
    prefs_changed = Signal(str)  # the name of the preference (language, text_size, ...)

    def __init__(self, folder: Path, prefs: Prefs | None = None):
        super().__init__()
        self.folder = folder
        self.prefs = prefs or Prefs(folder)
        self.actor = None  # models.Staff
        self.station = None  # models.Station
        self.lock_minutes = 10  # the station's auto-lock setting, read at login

    def set_actor(self, staff) -> None:
        from ..services.accounts import auto_lock_minutes

        self.actor = staff
        self.lock_minutes = auto_lock_minutes()
        self.prefs.last_user = staff.name
        self.actor_changed.emit()

    @property
    def actor_name(self) -> str:
        return self.actor.name if self.actor is not None else ""


@dataclass
class StartOptions:
    """What ``main.py`` passes (``--data-dir``, ``--as``), for tests and screenshots too."""

    data_dir: str | None = None
    acting: str = ""
