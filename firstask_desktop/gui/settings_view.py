"""设置: the interface (language, text size, auto-lock, printing), departments, staff, the
deadline rule table and the holiday calendar. Every change goes through a core service, which
checks the acting person's permission and writes the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .clauses_tab import ClausesTab
from .departments_tab import DepartmentsTab
from .holidays_tab import HolidaysTab
from .prefs_tab import PreferencesTab
from .rules_tab import RulesTab
from .staff_tab import StaffTab
from .widgets import Retranslating


class SettingsPage(Retranslating, QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.tabs = QTabWidget()
        self.preferences = PreferencesTab(session)
        self.preferences.sig_changed.connect(session.prefs_changed)
        self.departments = DepartmentsTab(session)
        self.staff = StaffTab(session)
        self.rules = RulesTab(session)
        self.clauses = ClausesTab(session)
        self.holidays = HolidaysTab()
        for tab in self._tabs():
            self.tabs.addTab(tab, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        for index, text in enumerate(
            (
                self.tr("界面与打印"),
                self.tr("部门"),
                self.tr("人员"),
                self.tr("时限规则"),
                self.tr("考核条款"),
                self.tr("节假日"),
            )
        ):
            self.tabs.setTabText(index, text)
        for tab in self._tabs():
            tab.retranslate()

    def _tabs(self) -> tuple[QWidget, ...]:
        return (
            self.preferences,
            self.departments,
            self.staff,
            self.rules,
            self.clauses,
            self.holidays,
        )

    def refresh(self) -> None:
        pass
