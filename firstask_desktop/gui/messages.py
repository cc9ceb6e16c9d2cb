"""Message boxes with the house's wording: what happened, and what to do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from firstask_desktop.domain import errors
from firstask_desktop.domain.errors import FIELD_LABELS, RefusedError, ValidationError
from firstask_desktop.gui import i18n
from firstask_desktop.reports.refusal_language import refusal_in

_FIELD_NAMES = frozenset(FIELD_LABELS.values())


def _word(text: str) -> str:
    """One word inside a core message (a field's name, a status, a role, a step) as the
    screens translate it; itself when they have no translation for it."""
    contexts = ("fields", "records") if text in _FIELD_NAMES else ("vocab",)
    for context in contexts:
        said = QCoreApplication.translate(context, text)
        if said != text:
            return said
    return text


def core_text(message: str) -> str:
    """A message the core wrote in Chinese, in the language of the screens."""
    return refusal_in(message, i18n.current_language(), _word)


def field_error_text(error: ValidationError) -> str:
    """A field's refusal without the field's name, for the red line beside that field."""
    return core_text(error.message)


def error_text(error: BaseException) -> str:
    """A refusal is one sentence of the core, in the screens' language; anything else says
    it is safe to retry."""
    if isinstance(error, RefusedError):
        return core_text(str(error))
    storage_error = getattr(errors, "StorageError", None)  # the disk's own explanation
    if storage_error is not None and isinstance(error, storage_error):
        return core_text(str(error))
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "messages", "读写文件失败：{0}。请检查U盘或磁盘是否已插好、是否已满，然后重试。"
        ).format(error)
    return QCoreApplication.translate(
        "messages",
        "出错了：{0}: {1}。数据没有被部分修改（每次保存要么完整保存，要么完全不保存）；请重试，仍不行请联系县公司。",
    ).format(type(error).__name__, error)


def password_error_text(error: BaseException) -> str:
    """A refused sign-in where the name was picked from a list: only the password can be
    wrong, so say that (the core's message names neither, for the command line)."""
    if isinstance(error, errors.WrongPasswordError):
        return QCoreApplication.translate(
            "messages", "密码不正确，请重新输入（再错{0}次，账户将锁定{1}分钟）。"
        ).format(error.left, error.lock_minutes)
    return error_text(error)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    parent = parent or QApplication.activeWindow()
    title = (
        QCoreApplication.translate("messages", "不能完成")
        if isinstance(error, RefusedError)
        else QCoreApplication.translate("messages", "出错了")
    )
    QMessageBox.warning(parent, title, error_text(error))


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def keep_unverified_phone(parent: QWidget | None, error) -> bool:
    """Asked once when libphonenumber's data does not know a phone (``UnverifiedPhoneError``):
    whether the clerk checked it with the customer and wants it kept, marked 号码未经核实."""
    return confirm(
        parent,
        QCoreApplication.translate("messages", "号码核对不上"),
        QCoreApplication.translate(
            "messages",
            "联系方式“{0}”核对不上：{1}。\n\n请先与客户核对号码。确认无误、仍按所填保存吗？"
            "\n（保存后这条登记标记“号码未经核实”，回访名单上也会显示。选“否”回去修改号码。）",
        ).format(error.canonical, error.problem),
    )


def responder_reason(parent: QWidget | None, error) -> str:
    """Asked when a tier customer's matter is put on someone other than their customer manager
    (``TierResponderError``): the reason, kept on the entry; empty when the clerk goes back to
    choose the manager instead."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getMultiLineText(
        parent,
        QCoreApplication.translate("messages", "由他人负责的原因"),
        QCoreApplication.translate(
            "messages",
            "{0}\n\n写明由他人负责的原因后保存（如：客户经理{1}休假，客户要求当场办理）。"
            "\n选“取消”回去把首问责任人改为{1}。",
        ).format(core_text(error.message), error.manager),
    )
    return text.strip() if ok else ""
