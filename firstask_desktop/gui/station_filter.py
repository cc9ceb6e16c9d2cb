"""供电所 filter of the county's pages (待办, 统计, 考核): station names, not codes; hidden at a
station, whose pages show its own entries only."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox

from . import tasks
from .operations import county_ops


class StationFilter(QComboBox):
    sig_changed = Signal(str)  # the station's code, "" for every station
    sig_loaded = Signal(dict)  # code → short name (城关所) of every station, at the county

    def __init__(self, parent=None):
        super().__init__(parent)
        self.at_county = False
        self.setVisible(False)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.addItem(self.tr("全部供电所"), "")
        self.currentIndexChanged.connect(lambda _i: self.sig_changed.emit(self.code()))
        tasks.run_task(county_ops.station_filter_choices, owner=self, on_success=self._fill)

    def code(self) -> str:
        return self.currentData() or ""

    def _fill(self, choices: dict) -> None:
        stations = choices["stations"]
        self.blockSignals(True)
        for code, name in stations:
            self.addItem(name, code)
        self.blockSignals(False)
        self.at_county = bool(stations)
        self.setVisible(self.at_county)
        if stations:
            self.sig_loaded.emit(choices["short_names"])

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.setItemText(0, self.tr("全部供电所"))
        super().changeEvent(event)
