"""回访: answered entries whose follow-up call is due, with a one-click 回访.

Each person is shown the calls they may make: their own entries, or every one for the head who
follows up others' matters too (services/step_rules.takes_others, the rule the 回访 obeys)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton

from firstask_desktop.services.step_rules import takes_others

from .style import styled
from .todo_view import BucketPage


class FollowUpPage(BucketPage):
    bucket_names = ("follow_up_due",)
    sig_follow_up = Signal(str)

    def __init__(self, session, parent=None):
        self._own_total: int | None = None
        super().__init__(session, parent)
        self.follow_up_button = QPushButton()
        styled(self.follow_up_button, "primaryButton")
        self.follow_up_button.clicked.connect(self._follow_up_selected)
        self.bucket_row.addWidget(self.follow_up_button)
        self.table.model.sig_total.connect(self._listed)
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
        self.heading.setText(self.tr("回访：已答复、到期应回访的登记（含超期未回访）"))
        if hasattr(self, "follow_up_button"):
            self.follow_up_button.setText(self.tr("回访选中的登记…"))
        super().retranslate()

    def bucket_title(self, name: str) -> str:
        if self.own_only():
            return self.tr("我的今日及以前应回访")
        return self.tr("今日及以前应回访")

    def own_only(self) -> bool:
        actor = getattr(self.session, "actor", None)
        return actor is not None and not takes_others(actor, "follow_up")

    def bucket_filter(self, name: str):
        flt = super().bucket_filter(name)
        return replace(flt, responder=self.session.actor.name) if self.own_only() else flt

    def set_counts(self, counts: dict) -> None:
        if self.own_only() and self._own_total is not None:
            counts = {**counts, "follow_up_due": self._own_total}  # the count of what is listed
        super().set_counts(counts)

    def _listed(self, total: int) -> None:
        self._own_total = total
        if self.own_only():
            self.set_counts(self.counts)

    def refresh(self) -> None:
        self.show_bucket(self.current)  # the person may have changed (切换人员)

    def _follow_up_selected(self) -> None:
        serial = self.table.current_serial()
        if serial:
            self.sig_follow_up.emit(serial)
