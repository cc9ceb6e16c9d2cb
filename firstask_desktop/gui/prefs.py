"""Preferences of this PC's desktop app, kept beside the database (one file per data folder).

QSettings behind typed properties with defaults (the idea of Picard's ``config.py``). These are
display and convenience choices only; rules that matter to the register live in the database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_FILENAME = "desktop-settings.ini"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
TEXT_SIZE_CHOICES = ("small", "medium", "large")


class Prefs:
    def __init__(self, folder: Path):
        self._settings = QSettings(str(folder / SETTINGS_FILENAME), QSettings.Format.IniFormat)

    def _get(self, key: str, default, kind=str):
        value = self._settings.value(key, default)
        if kind is bool:
            return value in (True, "true", "1", 1)
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    def _set(self, key: str, value) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()

    @property
    def language(self) -> str:
        value = self._get("ui/language", "zh_CN")
        return value if value in LANGUAGES else "zh_CN"

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", value if value in LANGUAGES else "zh_CN")

    @property
    def text_size(self) -> str:
        value = self._get("ui/text_size", "medium")
        return value if value in TEXT_SIZE_CHOICES else "medium"

    @text_size.setter
    def text_size(self, value: str) -> None:
        self._set("ui/text_size", value if value in TEXT_SIZE_CHOICES else "medium")

    @property
    def last_folder(self) -> str:
        """The folder of the last file chosen (a USB stick, the documents folder)."""
        return self._get("files/last_folder", "")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._set("files/last_folder", value)

    @property
    def last_user(self) -> str:
        return self._get("login/last_user", "")

    @last_user.setter
    def last_user(self, value: str) -> None:
        before = self.last_user
        if before and before != value:
            self._set("login/previous_user", before)
        self._set("login/last_user", value)

    @property
    def previous_user(self) -> str:
        """Who used this PC before the last person: the likely one at 切换人员."""
        return self._get("login/previous_user", "")

    @property
    def receipt_copies(self) -> int:
        return max(1, min(5, self._get("print/receipt_copies", 1, int)))

    @receipt_copies.setter
    def receipt_copies(self, value: int) -> None:
        self._set("print/receipt_copies", max(1, min(5, int(value))))

    @property
    def print_after_save(self) -> bool:
        """Offer the receipt right after a new entry is saved (visitors at the counter want one)."""
        return self._get("print/offer_receipt_after_save", True, bool)

    @print_after_save.setter
    def print_after_save(self, value: bool) -> None:
        self._set("print/offer_receipt_after_save", bool(value))

    @property
    def last_assessment_scan(self) -> str:
        """The day (ISO) the daily assessment check last ran on this PC's register."""
        return self._get("assessment/last_scan", "")

    @last_assessment_scan.setter
    def last_assessment_scan(self, value: str) -> None:
        self._set("assessment/last_scan", value)

    def welcome_dismissed(self, name: str) -> bool:
        """Whether ``name`` asked not to see the first-start welcome again (each clerk of a
        shared PC gets it once, until they tick 不再显示)."""
        return name in self._get("welcome/dismissed_by", "").split("\n")

    def dismiss_welcome(self, name: str) -> None:
        names = [n for n in self._get("welcome/dismissed_by", "").split("\n") if n]
        if name not in names:
            self._set("welcome/dismissed_by", "\n".join([*names, name]))
