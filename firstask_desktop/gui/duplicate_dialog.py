"""标记为重复登记: two clerks registered the same matter; this copy is voided with a link to the
entry kept (the core's ``link_duplicate``), so neither the count nor the history is lost."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QLineEdit

from firstask_desktop.domain.errors import IllegalStepError, NotAllowedError, RefusedError

from . import operations, tasks
from .action_dialog import ActionDialog
from .labels import label
from .messages import error_text
from .widgets import mark_field, set_error

LOOKUP_DELAY_MS = 400


class DuplicateDialog(ActionDialog):
    def __init__(self, session, details: dict, parent=None):
        super().__init__(session, details, "void", parent)
        self.action = "duplicate"
        self.setWindowTitle(self.tr("标记为重复登记 — {0}").format(self.serial))
        self.ok_button.setText(self.tr("标记为重复并作废本条"))
        # The same station and year as this entry: typing the last digits is enough.
        self.prefix = self.serial.rsplit("-", 1)[0]
        self.original = QLineEdit()
        self.original.setPlaceholderText(self.tr("如 {0}-00012，或只填 12").format(self.prefix))
        self.add_field("original", self.tr("保留的登记(&K)"), self.original)
        self.found = QLabel()
        self.found.setWordWrap(True)
        self.form.addRow("", self.found)
        explain = QLabel(
            self.tr("本条 {0} 将作废并注明重复；保留的那一条照常办理，两条可互相点开查看。").format(
                self.serial
            )
        )
        explain.setWordWrap(True)
        self.form.addRow(explain)
        self.setMinimumWidth(600)
        self._timer = QTimer(self, singleShot=True, interval=LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self.look_up)
        self.original.textChanged.connect(lambda _t: self._timer.start())
        self.original.setFocus()

    def original_serial(self) -> str:
        typed = self.original.text().strip().upper()
        if typed.isdigit():
            return f"{self.prefix}-{int(typed):05d}"
        return typed

    def look_up(self) -> None:
        """Show which entry the typed number is, so the clerk keeps the right one."""
        serial = self.original_serial()
        if not serial:
            self.found.setText("")
            return
        tasks.run_task(
            operations.entry_details,
            serial,
            self.session.actor,
            owner=self,
            on_success=self._show_found,
            on_error=lambda err: self._show_found(None, err),
        )

    def _show_found(self, details: dict | None, error: BaseException | None = None) -> None:
        if details is None:
            self.found.setText(error_text(error) if error is not None else "")
            return
        self.found.setText(
            self.tr("保留：{0}　{1}　{2}　{3}").format(
                details["serial"],
                details["visitor"],
                details["matter"][:40],
                label(details["status_label"]),
            )
        )

    def values(self) -> dict:
        return {"original": self.original_serial()}

    def _refused(self, error: BaseException) -> None:
        # Not found, the same number, or an entry already voided: all about the number typed.
        about_the_number = isinstance(error, RefusedError) and not isinstance(
            error, NotAllowedError | IllegalStepError
        )
        if about_the_number:
            self.ok_button.setEnabled(True)
            set_error(self.errors["original"], error_text(error))
            mark_field(self.original, True)
            self.original.setFocus()
        else:
            super()._refused(error)
