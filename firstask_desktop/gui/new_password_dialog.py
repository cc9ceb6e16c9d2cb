"""What every dialog that sets a password shares: the new one typed twice, the check that both
match, the core's refusal said beside the fields. Subclasses add their own fields and say
which operation saves the password (``save_task``)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from firstask_desktop.domain.errors import ValidationError

from . import tasks
from .messages import error_text, field_error_text
from .widgets import set_error


class NewPasswordDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        self.error = QLabel()
        set_error(self.error, "")
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def lay_out(self, *before_form: tuple[str, QLineEdit], hint: QLabel | None = None):
        """Fields of the subclass (``(label, field)``) first, then the new password twice."""
        for label, field in before_form:
            self.form.addRow(label, field)
        self.form.addRow(self.tr("新密码(&N)"), self.new)
        self.form.addRow(self.tr("再输一次(&R)"), self.repeat)
        for index in range(self.form.rowCount()):
            field = self.form.itemAt(index, QFormLayout.ItemRole.FieldRole).widget()
            if isinstance(field, QLineEdit):
                field.setEchoMode(QLineEdit.EchoMode.Password)
        layout = QVBoxLayout(self)
        if hint is not None:
            layout.addWidget(hint)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save_task(self) -> tuple:
        """The operation that saves the new password and its arguments."""
        raise NotImplementedError

    def submit(self) -> None:
        set_error(self.error, "")
        if self.new.text() != self.repeat.text():
            set_error(self.error, self.tr("两次输入的新密码不一样，请重新输入。"))
            return
        self.buttons.setEnabled(False)
        operation, *args = self.save_task()
        tasks.run_task(
            operation,
            *args,
            owner=self,
            on_success=lambda _r: self.accept(),
            on_error=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            set_error(self.error, self.tr("新密码：{0}").format(field_error_text(error)))
        else:
            set_error(self.error, error_text(error))
