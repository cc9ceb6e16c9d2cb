"""回访: replied or unresolved entries whose follow-up call is due, with a one-click 回访."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton

from .style import styled
from .todo_view import BucketPage


class FollowUpPage(BucketPage):
    bucket_names = ("follow_up_due",)
    sig_follow_up = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.follow_up_button = QPushButton()
        styled(self.follow_up_button, "primaryButton")
        self.follow_up_button.clicked.connect(self._follow_up_selected)
        self.bucket_row.addWidget(self.follow_up_button)
        view = self.table.view
        view.selectionModel().currentRowChanged.connect(self._selection_changed)
        view.model().modelReset.connect(self._selection_changed)
        self.retranslate()
        self._selection_changed()

    def _selection_changed(self, *_args) -> None:
        # Offered once there is an entry to call back about, else greyed with the reason.
        chosen = bool(self.table.current_serial())
        self.follow_up_button.setEnabled(chosen)
        self.follow_up_button.setToolTip(
            "" if chosen else self.tr("请先在下面的列表中点选一条登记，再回访。")
        )

    def retranslate(self) -> None:
        self.heading.setText(self.tr("回访：已答复或已上报、到期应回访的登记（含超期未回访）"))
        if hasattr(self, "follow_up_button"):
            self.follow_up_button.setText(self.tr("回访选中的登记…"))
        super().retranslate()

    def bucket_title(self, name: str) -> str:
        return self.tr("今日及以前应回访")

    def _follow_up_selected(self) -> None:
        serial = self.table.current_serial()
        if serial:
            self.sig_follow_up.emit(serial)
