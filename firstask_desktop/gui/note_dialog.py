"""The steps that need one text: 督办, 转办完成, 撤回转办, 联系客户, 答复客户, 未办结上报, 作废.

督办, 转办完成 and 撤回转办 act on one transfer: the dialog names it (department, person, when,
its deadline) and lets the user pick when the entry is with several."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit

from .action_dialog import ActionDialog

# action → (the service's field, its caption, a hint saying what to write)
NOTE_STEPS = {
    "withdraw_transfer": (
        "reason",
        QT_TRANSLATE_NOOP("NoteDialog", "撤回原因"),
        QT_TRANSLATE_NOOP("NoteDialog", "如：转错了部门，本应转抢修班"),
    ),
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


# The steps that act on one of the entry's transfers still with a department.
ON_A_TRANSFER = ("supervise", "finish_transfer", "withdraw_transfer")


def _short(iso: str | None) -> str:
    return iso[5:16].replace("T", " ") if iso else "—"


def transfer_text(t: dict) -> str:
    """One transfer as the user knows it: where, to whom, when, its deadline."""
    where = "　".join(part for part in (t["department"], t["to_staff"]) if part)
    return _tr("{0}（{1} 转办，时限 {2}）").format(
        where or _tr("（未指定部门）"), _short(t["transferred_at"]), _short(t["due_at"])
    )


def open_transfers(details: dict, action: str) -> list[dict]:
    """The transfers ``action`` may act on, newest first (the core's default is the newest)."""
    found = [t for t in details.get("transfers", ()) if not t["done_at"]]
    if action == "withdraw_transfer":
        found = [t for t in found if t["withdrawable"]]
    return found[::-1]


class NoteDialog(ActionDialog):
    def __init__(self, session, details: dict, action: str, parent=None):
        super().__init__(session, details, action, parent)
        self.field, caption, hint = NOTE_STEPS[action]
        self.transfer = None
        if action in ON_A_TRANSFER:
            self.transfer = QComboBox()
            for t in open_transfers(details, action):
                self.transfer.addItem(transfer_text(t), t["uuid"])
            self.add_field("transfer", self.tr("哪项转办(&W)"), self.transfer)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(_tr(hint))
        self.text.setMaximumHeight(120)
        self.add_field(self.field, _tr(caption), self.text)
        if action == "unresolved":
            self.form.addRow(
                _wrapped(
                    self.tr(
                        "保存后将上报所长，状态变为“未办结已上报”。上报不是答复：仍须按时告知客户原因或结果。"
                    )
                )
            )
        if action == "withdraw_transfer":
            self.form.addRow(
                _wrapped(
                    self.tr(
                        "撤回后这项转办仍留在登记上，标为“已撤回”并记下原因；请再转给正确的部门，或自己办理。"
                    )
                )
            )
        if action == "void":
            self.form.addRow(_wrapped(self.tr("作废后登记仍保留，受理编号不再使用。")))
        self.text.setFocus()

    def values(self) -> dict:
        found = {self.field: self.text.toPlainText()}
        if self.transfer is not None:
            found["transfer"] = self.transfer.currentData() or ""
        return found


def _wrapped(text: str) -> QLabel:
    """A note under the fields, on as many lines as the dialog's width needs (in English or at
    text size 大 one line was wider than the screen, and cut)."""
    note = QLabel(text)
    note.setWordWrap(True)
    return note
