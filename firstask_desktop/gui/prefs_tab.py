"""设置 › 偏好: the language, the text size and the auto-lock."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from . import operations, tasks
from .messages import error_text
from .prefs import LANGUAGES
from .widgets import set_error


class PreferencesTab(QWidget):
    """This PC's choices (applied at once; ``sig_changed(name)`` tells the app), the station's
    auto-lock time (an administrator's setting, stored with the register), one's own password."""

    sig_changed = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        prefs = self.prefs = session.prefs
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(prefs.language))
        self.sizes = {}
        size_row = QHBoxLayout()
        group = QButtonGroup(self)
        for code in ("small", "medium", "large"):
            button = QRadioButton()
            group.addButton(button)
            size_row.addWidget(button)
            self.sizes[code] = button
        size_row.addStretch(1)
        self.sizes[prefs.text_size].setChecked(True)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(1, 60)
        self.lock_minutes.setValue(session.lock_minutes)
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(self.save_lock_minutes)
        lock_row = QHBoxLayout()
        lock_row.addWidget(self.lock_minutes)
        lock_row.addWidget(self.lock_button)
        lock_row.addStretch(1)
        self.lock_error = QLabel()
        set_error(self.lock_error, "")
        self.copies = QSpinBox()
        self.copies.setRange(1, 5)
        self.copies.setValue(prefs.receipt_copies)
        self.offer_receipt = QCheckBox()
        self.offer_receipt.setChecked(prefs.print_after_save)
        self.password_button = QPushButton()
        self.password_button.clicked.connect(self.change_password)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.captions = [QLabel() for _ in range(6)]
        self.form.addRow(self.captions[0], self.language)
        self.form.addRow(self.captions[1], size_row)
        self.form.addRow(self.captions[2], lock_row)
        self.form.addRow("", self.lock_error)
        self.form.addRow(self.captions[3], self.copies)
        self.form.addRow(self.captions[4], self.offer_receipt)
        self.form.addRow(self.captions[5], self.password_button)
        self.language.currentIndexChanged.connect(self._language)
        for code, button in self.sizes.items():
            button.toggled.connect(lambda on, c=code: on and self._text_size(c))
        self.copies.valueChanged.connect(lambda v: setattr(self.prefs, "receipt_copies", v))
        self.offer_receipt.toggled.connect(lambda v: setattr(self.prefs, "print_after_save", v))
        self.retranslate()

    def retranslate(self) -> None:
        captions = (
            self.tr("界面语言"),
            self.tr("文字大小"),
            self.tr("无人操作自动锁定（分钟）"),
            self.tr("回执打印份数"),
            self.tr("保存登记后显示回执"),
            self.tr("我的密码"),
        )
        for caption, text in zip(self.captions, captions, strict=True):
            caption.setText(text)
        for code, text in (
            ("small", self.tr("小")),
            ("medium", self.tr("中")),
            ("large", self.tr("大")),
        ):
            self.sizes[code].setText(text)
        self.lock_button.setText(self.tr("应用（管理员）"))
        self.offer_receipt.setText(self.tr("是（可直接打印或关闭）"))
        self.password_button.setText(self.tr("修改我的密码…"))

    def _language(self, _index: int) -> None:
        self.prefs.language = self.language.currentData()
        self.sig_changed.emit("language")

    def _text_size(self, code: str) -> None:
        self.prefs.text_size = code
        self.sig_changed.emit("text_size")

    def save_lock_minutes(self) -> None:
        set_error(self.lock_error, "")
        tasks.run_task(
            operations.set_auto_lock_minutes,
            self.session.actor,
            self.lock_minutes.value(),
            owner=self,
            on_success=self._lock_saved,
            on_error=lambda e: set_error(self.lock_error, error_text(e)),
        )

    def _lock_saved(self, minutes: int) -> None:
        self.session.lock_minutes = minutes
        self.sig_changed.emit("lock_minutes")

    def change_password(self) -> None:
        from .password_dialog import PasswordDialog

        self.password_dialog = PasswordDialog(self.session, self)
        self.password_dialog.open()
