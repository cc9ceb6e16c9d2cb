"""修改登记: correct what was registered (a misheard name, a wrong digit). Channel, category and
times decide the deadlines and cannot be changed here: such an entry is voided and registered
again (the core says so)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from firstask_desktop.domain.validation import UnverifiedPhoneError
from firstask_desktop.domain.vocab import OPEN_STATUSES

from ..services.entry_edits import EDITABLE
from .action_dialog import ActionDialog
from .messages import keep_unverified_phone

MULTILINE = ("matter", "reception_notes", "result")


class EditDialog(ActionDialog):
    def __init__(self, session, details: dict, parent=None):
        super().__init__(session, details, "edit", parent)
        captions = {
            "visitor": self.tr("来访人姓名(&V)"),
            "unit": self.tr("单位(&U)"),
            "address": self.tr("地址(&D)"),
            "phone": self.tr("联系方式(&H)"),
            "account_no": self.tr("户号(&A)"),
            "matter": self.tr("事由(&M)"),
            "reception_notes": self.tr("接待情况(&N)"),
            "result": self.tr("办理结果(&J)"),
        }
        self.inputs = {}
        # Before the answer the result is recorded by 答复客户, not corrected here (the core says
        # the same); a reopened matter keeps its old result until the next answer.
        answered = details["status"] not in OPEN_STATUSES
        for field in EDITABLE:
            if field == "result" and not answered:
                continue
            value = details.get(field) or ""
            if field in MULTILINE:
                widget = QPlainTextEdit(value)
                widget.setTabChangesFocus(True)
                widget.setMaximumHeight(70)
            else:
                widget = QLineEdit(value)
            self.add_field(field, captions[field], widget)
            self.inputs[field] = widget
        self.original = self._typed()
        self.phone_confirmed = False  # the clerk kept a number that could not be verified
        self.setMinimumWidth(560)

    def _typed(self) -> dict:
        return {
            field: widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
            for field, widget in self.inputs.items()
        }

    def values(self) -> dict:
        """Only what was changed: the audit log then shows exactly what was corrected."""
        typed = self._typed()
        changes = {f: v for f, v in typed.items() if v != self.original[f]}
        if self.phone_confirmed:
            changes["phone_unverified"] = True
        return changes

    def _refused(self, error: BaseException) -> None:
        if (
            isinstance(error, UnverifiedPhoneError)
            and not self.phone_confirmed
            and keep_unverified_phone(self, error)
        ):
            self.phone_confirmed = True
            self.submit()
            return
        super()._refused(error)
