"""Set a customer's tier (金/银/铜牌) and the customer manager who is their first responder."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from firstask_desktop.domain.vocab import TIERS

from . import operations, tasks
from .labels import choices
from .messages import error_text
from .widgets import set_error


class TierDialog(QDialog):
    def __init__(self, session, customer: dict, parent=None):
        super().__init__(parent)
        self.session = session
        self.customer = customer
        self.setWindowTitle(self.tr("客户等级 — {0}").format(customer["name"]))
        self.tier = QComboBox()
        for code, text in choices(TIERS):
            self.tier.addItem(text, code)
        self.tier.setCurrentIndex(self.tier.findData(customer["tier"]))
        self.manager = QComboBox()
        self.manager.addItem(self.tr("（无）"), "")
        self.error = QLabel()
        set_error(self.error, "")
        form = QFormLayout()
        form.addRow(self.tr("客户等级(&T)"), self.tier)
        form.addRow(self.tr("客户经理(&M)"), self.manager)
        hint = QLabel(self.tr("金、银、铜牌客户来访或来电时，客户经理自动成为首问责任人。"))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        tasks.run_task(operations.staff_names, on_success=self._set_staff, owner=self)

    def _set_staff(self, names: list[str]) -> None:
        for name in names:
            self.manager.addItem(name, name)
        self.manager.setCurrentIndex(max(0, self.manager.findData(self.customer["manager"])))

    def submit(self) -> None:
        self.ok_button.setEnabled(False)
        set_error(self.error, "")
        tasks.run_task(
            operations.set_customer_tier,
            self.session.actor,
            self.customer["uuid"],
            self.tier.currentData(),
            self.manager.currentData() or "",
            owner=self,
            on_success=lambda _r: self.accept(),
            on_error=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        set_error(self.error, error_text(error))
