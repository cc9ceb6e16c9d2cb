"""Labels of the core's vocabularies on screen, through Qt's translation system.

The core keeps code names and their Chinese labels (vocab.py); on screen each label passes through
``QCoreApplication.translate("vocab", ...)`` so that the English translation can replace it. The
table below only marks the labels for ``pyside6-lupdate``; a test checks that it lists them all.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_MARKED = (
    # CHANNELS
    QT_TRANSLATE_NOOP("vocab", "来访"),
    QT_TRANSLATE_NOOP("vocab", "来电"),
    QT_TRANSLATE_NOOP("vocab", "来信"),
    QT_TRANSLATE_NOOP("vocab", "网络"),
    QT_TRANSLATE_NOOP("vocab", "95598转办"),
    # CATEGORIES
    QT_TRANSLATE_NOOP("vocab", "咨询"),
    QT_TRANSLATE_NOOP("vocab", "查询"),
    QT_TRANSLATE_NOOP("vocab", "投诉"),
    QT_TRANSLATE_NOOP("vocab", "举报"),
    QT_TRANSLATE_NOOP("vocab", "报修"),
    QT_TRANSLATE_NOOP("vocab", "业务办理"),
    QT_TRANSLATE_NOOP("vocab", "意见建议"),
    QT_TRANSLATE_NOOP("vocab", "表扬"),
    # STATUSES
    QT_TRANSLATE_NOOP("vocab", "已登记"),
    QT_TRANSLATE_NOOP("vocab", "办理中"),
    QT_TRANSLATE_NOOP("vocab", "已转办"),
    QT_TRANSLATE_NOOP("vocab", "已答复"),
    QT_TRANSLATE_NOOP("vocab", "未办结已上报"),
    QT_TRANSLATE_NOOP("vocab", "已回访"),
    QT_TRANSLATE_NOOP("vocab", "已办结"),
    QT_TRANSLATE_NOOP("vocab", "已作废"),
    # ROLES
    QT_TRANSLATE_NOOP("vocab", "营业员"),
    QT_TRANSLATE_NOOP("vocab", "客户经理"),
    QT_TRANSLATE_NOOP("vocab", "所长"),
    QT_TRANSLATE_NOOP("vocab", "管理员"),
    QT_TRANSLATE_NOOP("vocab", "县公司管理员"),
    # AREAS
    QT_TRANSLATE_NOOP("vocab", "城区"),
    QT_TRANSLATE_NOOP("vocab", "农村"),
    QT_TRANSLATE_NOOP("vocab", "偏远地区"),
    # MODES
    QT_TRANSLATE_NOOP("vocab", "供电所"),
    QT_TRANSLATE_NOOP("vocab", "县公司"),
    # TIERS
    QT_TRANSLATE_NOOP("vocab", "金牌"),
    QT_TRANSLATE_NOOP("vocab", "银牌"),
    QT_TRANSLATE_NOOP("vocab", "铜牌"),
    QT_TRANSLATE_NOOP("vocab", "普通"),
    # FOLLOW_UP_METHODS
    QT_TRANSLATE_NOOP("vocab", "电话"),
    QT_TRANSLATE_NOOP("vocab", "上门"),
    QT_TRANSLATE_NOOP("vocab", "短信"),
    # FOLLOW_UP_OUTCOMES
    QT_TRANSLATE_NOOP("vocab", "已联系上"),
    QT_TRANSLATE_NOOP("vocab", "无人接听"),
    QT_TRANSLATE_NOOP("vocab", "占线"),
    QT_TRANSLATE_NOOP("vocab", "号码错误"),
    # SATISFACTION
    QT_TRANSLATE_NOOP("vocab", "满意"),
    QT_TRANSLATE_NOOP("vocab", "基本满意"),
    QT_TRANSLATE_NOOP("vocab", "不满意"),
    # DUE_STATE_LABELS
    QT_TRANSLATE_NOOP("vocab", "未到期"),
    QT_TRANSLATE_NOOP("vocab", "今日到期"),
    QT_TRANSLATE_NOOP("vocab", "已超期"),
    QT_TRANSLATE_NOOP("vocab", "—"),
    # ACTION_LABELS
    QT_TRANSLATE_NOOP("vocab", "开始办理"),
    QT_TRANSLATE_NOOP("vocab", "修改登记"),
    QT_TRANSLATE_NOOP("vocab", "记录首次联系"),
    QT_TRANSLATE_NOOP("vocab", "转办"),
    QT_TRANSLATE_NOOP("vocab", "督办"),
    QT_TRANSLATE_NOOP("vocab", "转办完成"),
    QT_TRANSLATE_NOOP("vocab", "答复客户"),
    QT_TRANSLATE_NOOP("vocab", "标记未办结并上报"),
    QT_TRANSLATE_NOOP("vocab", "回访"),
    QT_TRANSLATE_NOOP("vocab", "办结"),
    QT_TRANSLATE_NOOP("vocab", "作废"),
    # ACTION_TEXT
    QT_TRANSLATE_NOOP("vocab", "登记"),
    QT_TRANSLATE_NOOP("vocab", "联系客户"),
    QT_TRANSLATE_NOOP("vocab", "上报所长"),
    QT_TRANSLATE_NOOP("vocab", "未办结"),
    QT_TRANSLATE_NOOP("vocab", "客户不满意，重新办理"),
    # CLOCK_LABELS
    QT_TRANSLATE_NOOP("vocab", "首次联系客户"),
    QT_TRANSLATE_NOOP("vocab", "到达现场"),
    QT_TRANSLATE_NOOP("vocab", "恢复供电"),
    # UNIT_LABELS
    QT_TRANSLATE_NOOP("vocab", "自然日"),
    QT_TRANSLATE_NOOP("vocab", "工作日"),
    QT_TRANSLATE_NOOP("vocab", "分钟"),
)


def label(chinese: str) -> str:
    """The label in the current language (Chinese unless a translation is installed)."""
    return QCoreApplication.translate("vocab", chinese)


def choices(table: dict[str, str]) -> list[tuple[str, str]]:
    """(code, label) pairs of a vocabulary table, in the table's order."""
    return [(code, label(text)) for code, text in table.items()]


def marked_labels() -> frozenset[str]:
    return frozenset(_MARKED)
