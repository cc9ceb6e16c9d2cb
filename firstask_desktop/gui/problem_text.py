"""A core refusal of a field (``ValidationError``) in the user's language.

The core writes its messages in Chinese; the ones a form shows most are templates with their
values apart (``template``, ``params``), so that the English translation can replace them. The
table below only marks them for ``pyside6-lupdate``; a message not in it is translated through
the refusal catalogue's English (gui/messages.core_text).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from firstask_desktop.domain.errors import FIELD_LABELS, ValidationError
from firstask_desktop.gui.i18n import current_language
from firstask_desktop.gui.messages import core_text

_MARKED = (
    QT_TRANSLATE_NOOP("validation", "不能为空，请填写{0}"),
    QT_TRANSLATE_NOOP("validation", "不能超过{0}个字（现在是{1}个字），请删减"),
    QT_TRANSLATE_NOOP("validation", "格式不对。{0}"),
    QT_TRANSLATE_NOOP("validation", "请选择一项：{0}"),
    QT_TRANSLATE_NOOP("validation", "“{0}”不是可选项，请从以下选择：{1}"),
    QT_TRANSLATE_NOOP("validation", "95598转办的登记必须填写工单号"),
    QT_TRANSLATE_NOOP("validation", "不能当场答复的事项必须记录联系电话，以便告知办理结果和回访"),
    QT_TRANSLATE_NOOP(
        "validation",
        "可填写：手机 138 1234 5678；固话 0931-8123456（分机写成 0931-8123456转123）；"
        "服务号码 95598 或 400-123-4567",
    ),
    # The names of the entry form's fields, as the messages name them.
    QT_TRANSLATE_NOOP("fields", "渠道"),
    QT_TRANSLATE_NOOP("fields", "类别"),
    QT_TRANSLATE_NOOP("fields", "来访人姓名"),
    QT_TRANSLATE_NOOP("fields", "单位"),
    QT_TRANSLATE_NOOP("fields", "地址"),
    QT_TRANSLATE_NOOP("fields", "联系方式"),
    QT_TRANSLATE_NOOP("fields", "户号"),
    QT_TRANSLATE_NOOP("fields", "事由"),
    QT_TRANSLATE_NOOP("fields", "办理结果"),
    QT_TRANSLATE_NOOP("fields", "接待情况"),
    QT_TRANSLATE_NOOP("fields", "95598工单号"),
)
_FIELD_NAMES = frozenset(FIELD_LABELS.values())


def _value_text(value) -> str:
    """A value inside a message: a field's name or a list of choices, translated when known."""
    text = str(value)
    if text in _FIELD_NAMES:
        return QCoreApplication.translate("fields", text)
    parts = text.split("、")
    translated = [QCoreApplication.translate("vocab", part) for part in parts]
    if len(parts) > 1 and translated != parts:
        return ", ".join(translated)
    return QCoreApplication.translate("validation", text)


def problem_text(error: ValidationError) -> str:
    """The message to show beside the field, without the field's name (the caption says it)."""
    template = getattr(error, "template", error.message)
    params = getattr(error, "params", ())
    text = QCoreApplication.translate("validation", template)
    if text == template and current_language() != "zh_CN":
        return core_text(error.message)  # not marked below: the refusal catalogue's English
    if params:
        return text.format(*(_value_text(value) for value in params))
    return text
