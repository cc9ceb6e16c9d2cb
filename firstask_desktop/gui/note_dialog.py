"""The steps that need one text: 督办, 转办完成, 联系客户, 答复客户, 未办结上报, 作废."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from .action_dialog import ActionDialog

# action → (the service's field, its caption, a hint saying what to write)
NOTE_STEPS = {
    "contact": (
        "note",
        QT_TRANSLATE_NOOP("NoteDialog", "联系情况"),
        QT_TRANSLATE_NOOP("NoteDialog", "如：已电话联系客户，说明处理安排（可不填）"),
    ),
    "supervise": (
        "note",
        QT_TRANSLATE_NOOP("NoteDialog", "督办情况"),
        QT_TRANSLATE_NOOP("NoteDialog", "如：电话督办抢修班，答复今天下午到现场"),
    ),
    "finish_transfer": (
        "note",
        QT_TRANSLATE_NOOP("NoteDialog", "办理情况"),
        QT_TRANSLATE_NOOP("NoteDialog", "转办部门反馈的办理情况（可不填）"),
    ),
    "reply": (
        "result",
        QT_TRANSLATE_NOOP("NoteDialog", "办理结果"),
        QT_TRANSLATE_NOOP("NoteDialog", "告诉客户的办理结果，如：已更换计量表，电费已退还"),
    ),
    "unresolved": (
        "reason",
        QT_TRANSLATE_NOOP("NoteDialog", "未办结原因"),
        QT_TRANSLATE_NOOP("NoteDialog", "不能解决的原因，将上报所长，并告知客户"),
    ),
    "void": (
        "reason",
        QT_TRANSLATE_NOOP("NoteDialog", "作废原因"),
        QT_TRANSLATE_NOOP("NoteDialog", "如：重复登记，同一事项已由他人受理"),
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("NoteDialog", text)


class NoteDialog(ActionDialog):
    def __init__(self, session, details: dict, action: str, parent=None):
        super().__init__(session, details, action, parent)
        self.field, caption, hint = NOTE_STEPS[action]
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(_tr(hint))
        self.text.setMaximumHeight(120)
        self.add_field(self.field, _tr(caption), self.text)
        if action == "unresolved":
            self.form.addRow(
                QLabel(
                    self.tr(
                        "保存后将上报所长，状态变为“未办结已上报”。上报不是答复：仍须按时告知客户原因或结果。"
                    )
                )
            )
        if action == "void":
            self.form.addRow(QLabel(self.tr("作废后登记仍保留，受理编号不再使用。")))
        self.text.setFocus()

    def values(self) -> dict:
        return {self.field: self.text.toPlainText()}
