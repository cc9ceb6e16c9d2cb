"""The base of the small dialogs whose OK runs one core call: an entry's next step (转办, 答复,
回访, …), and the few that act on something else (人工登记违规, 申诉, 驳回考核建议).

The dialog stays open until the core accepts; a refusal is shown in it (beside the field a
``ValidationError`` names), and nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from firstask_desktop.domain.errors import ValidationError
from firstask_desktop.domain.status_machine import ACTION_LABELS

from . import operations, tasks
from .labels import label
from .messages import error_text, field_error_text
from .widgets import field_with_error, grow_to_fit, mark_field, set_error


class FormDialog(QDialog):
    """A form of fields, each with its error right under it, and OK that runs ``call()``."""

    sig_done = Signal(object)  # what the core call returned

    def __init__(self, title: str, ok_text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self.field_widgets: dict[str, QWidget] = {}
        self.error = QLabel()
        set_error(self.error, "")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ActionDialog", "取消")
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def add_field(self, field: str, text: str, widget: QWidget) -> QWidget:
        """A row with its own error label right under the field."""
        self.errors[field] = field_with_error(self.form, text, widget)
        self.field_widgets[field] = widget
        return widget

    def call(self) -> tuple:
        """The core call OK runs: (function, args, kwargs)."""
        raise NotImplementedError

    def submit(self) -> None:
        for field, error in self.errors.items():
            set_error(error, "")
            mark_field(self.field_widgets[field], False)
        set_error(self.error, "")
        self.ok_button.setEnabled(False)
        function, args, kwargs = self.call()
        tasks.run_task(
            function, *args, **kwargs, on_success=self._done, on_error=self._refused, owner=self
        )

    def _done(self, result) -> None:
        self.sig_done.emit(result)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, ValidationError) and error.field in self.errors:
            set_error(self.errors[error.field], field_error_text(error))
            mark_field(self.field_widgets[error.field], True)
            self.field_widgets[error.field].setFocus()
        else:
            set_error(self.error, error_text(error))
        grow_to_fit(self)


class ActionDialog(FormDialog):
    """One step on one entry; the entry is named above the form, and OK runs the step
    (``operations.entry_step`` with ``values()``, unless ``call()`` says otherwise)."""

    def __init__(self, session, details: dict, action: str, parent=None):
        super().__init__(
            QCoreApplication.translate("ActionDialog", "{0} — {1}").format(
                label(ACTION_LABELS[action]), details["serial"]
            ),
            label(ACTION_LABELS[action]),
            parent,
        )
        self.session = session
        self.details = details
        self.serial = details["serial"]
        self.action = action
        self.summary = QLabel(
            QCoreApplication.translate("ActionDialog", "{0}　{1}　{2}").format(
                self.serial, details["visitor"], details["matter"][:60]
            )
        )
        self.summary.setWordWrap(True)
        self.layout_.insertWidget(0, self.summary)

    def values(self) -> dict:
        """The step's keyword arguments for operations.entry_step."""
        return {}

    def call(self) -> tuple:
        return (
            operations.entry_step,
            (self.session.actor, self.action, self.serial),
            self.values(),
        )
