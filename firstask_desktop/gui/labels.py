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
    QT_TRANSLATE_NOOP("vocab", "县公司考核员"),
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
    # ATTACHMENT_KINDS
    QT_TRANSLATE_NOOP("vocab", "来信原件"),
    QT_TRANSLATE_NOOP("vocab", "现场照片"),
    QT_TRANSLATE_NOOP("vocab", "客户证件"),
    QT_TRANSLATE_NOOP("vocab", "签字回执"),
    QT_TRANSLATE_NOOP("vocab", "其他"),
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
    QT_TRANSLATE_NOOP("vocab", "撤回转办"),
    QT_TRANSLATE_NOOP("vocab", "答复客户"),
    QT_TRANSLATE_NOOP("vocab", "标记未办结并上报"),
    QT_TRANSLATE_NOOP("vocab", "回访"),
    QT_TRANSLATE_NOOP("vocab", "办结"),
    QT_TRANSLATE_NOOP("vocab", "作废"),
    QT_TRANSLATE_NOOP("vocab", "处理上报"),
    QT_TRANSLATE_NOOP("vocab", "改派"),
    # ACTION_TEXT
    QT_TRANSLATE_NOOP("vocab", "登记"),
    QT_TRANSLATE_NOOP("vocab", "联系客户"),
    QT_TRANSLATE_NOOP("vocab", "上报所长"),
    QT_TRANSLATE_NOOP("vocab", "未办结"),
    QT_TRANSLATE_NOOP("vocab", "客户不满意，重新办理"),
    QT_TRANSLATE_NOOP("vocab", "改派首问责任人"),
    QT_TRANSLATE_NOOP("vocab", "所长处理上报"),
    QT_TRANSLATE_NOOP("vocab", "所长指派办理"),
    QT_TRANSLATE_NOOP("vocab", "接收转办"),
    QT_TRANSLATE_NOOP("vocab", "退回转办"),
    QT_TRANSLATE_NOOP("vocab", "修改一次性告知清单"),
    QT_TRANSLATE_NOOP("vocab", "县公司导入同步文件"),
    QT_TRANSLATE_NOOP("vocab", "县公司采用隔离记录"),
    QT_TRANSLATE_NOOP("vocab", "其他操作"),
    # CLOCK_LABELS
    QT_TRANSLATE_NOOP("vocab", "首次联系客户"),
    QT_TRANSLATE_NOOP("vocab", "到达现场"),
    QT_TRANSLATE_NOOP("vocab", "恢复供电"),
    # UNIT_LABELS
    QT_TRANSLATE_NOOP("vocab", "自然日"),
    QT_TRANSLATE_NOOP("vocab", "工作日"),
    QT_TRANSLATE_NOOP("vocab", "分钟"),
    # yes/no values of a record's fields (隔离记录)
    QT_TRANSLATE_NOOP("vocab", "是"),
    QT_TRANSLATE_NOOP("vocab", "否"),
)

# The tables and fields of the synced records, shown side by side when a sync file's version of
# a record waits for a person (隔离记录). A context of their own: 登记 is a record here ("Entry"),
# an action in the timeline ("Registered").
_RECORDS = (
    # TABLE_LABELS (services.quarantine_review)
    QT_TRANSLATE_NOOP("records", "供电所"),
    QT_TRANSLATE_NOOP("records", "部门"),
    QT_TRANSLATE_NOOP("records", "人员"),
    QT_TRANSLATE_NOOP("records", "客户"),
    QT_TRANSLATE_NOOP("records", "登记"),
    QT_TRANSLATE_NOOP("records", "转办"),
    QT_TRANSLATE_NOOP("records", "督办"),
    QT_TRANSLATE_NOOP("records", "回访"),
    QT_TRANSLATE_NOOP("records", "上报"),
    QT_TRANSLATE_NOOP("records", "作废"),
    QT_TRANSLATE_NOOP("records", "时限规则"),
    QT_TRANSLATE_NOOP("records", "节假日表"),
    QT_TRANSLATE_NOOP("records", "设置"),
    QT_TRANSLATE_NOOP("records", "受理编号计数"),
    QT_TRANSLATE_NOOP("records", "审计记录"),
    QT_TRANSLATE_NOOP("records", "考核条款"),
    QT_TRANSLATE_NOOP("records", "考核记录"),
    # FIELD_LABELS (errors.py)
    QT_TRANSLATE_NOOP("records", "来访人姓名"),
    QT_TRANSLATE_NOOP("records", "单位"),
    QT_TRANSLATE_NOOP("records", "地址"),
    QT_TRANSLATE_NOOP("records", "联系方式"),
    QT_TRANSLATE_NOOP("records", "号码未经核实"),
    QT_TRANSLATE_NOOP("records", "事由"),
    QT_TRANSLATE_NOOP("records", "首问责任人"),
    QT_TRANSLATE_NOOP("records", "办理结果"),
    QT_TRANSLATE_NOOP("records", "接待情况"),
    QT_TRANSLATE_NOOP("records", "原因"),
    QT_TRANSLATE_NOOP("records", "备注"),
    QT_TRANSLATE_NOOP("records", "渠道"),
    QT_TRANSLATE_NOOP("records", "类别"),
    QT_TRANSLATE_NOOP("records", "受理时间"),
    QT_TRANSLATE_NOOP("records", "户号"),
    QT_TRANSLATE_NOOP("records", "姓名"),
    QT_TRANSLATE_NOOP("records", "角色"),
    QT_TRANSLATE_NOOP("records", "密码"),
    QT_TRANSLATE_NOOP("records", "供电所编码"),
    QT_TRANSLATE_NOOP("records", "供电所名称"),
    QT_TRANSLATE_NOOP("records", "县公司"),
    QT_TRANSLATE_NOOP("records", "供电区域"),
    QT_TRANSLATE_NOOP("records", "运行模式"),
    QT_TRANSLATE_NOOP("records", "受理编号"),
    QT_TRANSLATE_NOOP("records", "月份"),
    QT_TRANSLATE_NOOP("records", "状态"),
    QT_TRANSLATE_NOOP("records", "回访方式"),
    QT_TRANSLATE_NOOP("records", "满意度"),
    QT_TRANSLATE_NOOP("records", "回访结果"),
    QT_TRANSLATE_NOOP("records", "一次性告知材料"),
    QT_TRANSLATE_NOOP("records", "95598工单号"),
    QT_TRANSLATE_NOOP("records", "客户等级"),
    QT_TRANSLATE_NOOP("records", "办公地点"),
    QT_TRANSLATE_NOOP("records", "承诺时限"),
    QT_TRANSLATE_NOOP("records", "计时节点"),
    QT_TRANSLATE_NOOP("records", "时限单位"),
    QT_TRANSLATE_NOOP("records", "时限数值"),
    QT_TRANSLATE_NOOP("records", "罚款金额"),
    QT_TRANSLATE_NOOP("records", "自动锁屏时间"),
    QT_TRANSLATE_NOOP("records", "记录标识"),
    QT_TRANSLATE_NOOP("records", "版本号"),
    QT_TRANSLATE_NOOP("records", "创建时间"),
    QT_TRANSLATE_NOOP("records", "修改时间"),
    QT_TRANSLATE_NOOP("records", "编码"),
    QT_TRANSLATE_NOOP("records", "部门名称"),
    QT_TRANSLATE_NOOP("records", "在用"),
    QT_TRANSLATE_NOOP("records", "备用电话"),
    QT_TRANSLATE_NOOP("records", "客户经理"),
    QT_TRANSLATE_NOOP("records", "登记人"),
    QT_TRANSLATE_NOOP("records", "未办结原因"),
    QT_TRANSLATE_NOOP("records", "首次联系时限"),
    QT_TRANSLATE_NOOP("records", "节假日年份"),
    QT_TRANSLATE_NOOP("records", "节假日状态"),
    QT_TRANSLATE_NOOP("records", "节假日依据"),
    QT_TRANSLATE_NOOP("records", "放假日期"),
    QT_TRANSLATE_NOOP("records", "节日名称"),
    QT_TRANSLATE_NOOP("records", "调休上班日"),
    QT_TRANSLATE_NOOP("records", "节假日文件"),
    QT_TRANSLATE_NOOP("records", "到达现场时限"),
    QT_TRANSLATE_NOOP("records", "恢复供电时限"),
    QT_TRANSLATE_NOOP("records", "回访时限"),
    QT_TRANSLATE_NOOP("records", "工单时限"),
    QT_TRANSLATE_NOOP("records", "首次联系时间"),
    QT_TRANSLATE_NOOP("records", "答复时间"),
    QT_TRANSLATE_NOOP("records", "办结时间"),
    QT_TRANSLATE_NOOP("records", "重新办理次数"),
    QT_TRANSLATE_NOOP("records", "拼音首字母"),
    QT_TRANSLATE_NOOP("records", "转交人员"),
    QT_TRANSLATE_NOOP("records", "转办时间"),
    QT_TRANSLATE_NOOP("records", "接收时间"),
    QT_TRANSLATE_NOOP("records", "完成时间"),
    QT_TRANSLATE_NOOP("records", "时间"),
    QT_TRANSLATE_NOOP("records", "经办人"),
    QT_TRANSLATE_NOOP("records", "作废前的状态"),
    QT_TRANSLATE_NOOP("records", "重复的原登记"),
    QT_TRANSLATE_NOOP("records", "规定依据"),
    QT_TRANSLATE_NOOP("records", "标题"),
    QT_TRANSLATE_NOOP("records", "说明"),
    QT_TRANSLATE_NOOP("records", "通报处理"),
    QT_TRANSLATE_NOOP("records", "违反情形"),
    QT_TRANSLATE_NOOP("records", "依据"),
    QT_TRANSLATE_NOOP("records", "条款"),
    QT_TRANSLATE_NOOP("records", "期限"),
    QT_TRANSLATE_NOOP("records", "发现时间"),
    QT_TRANSLATE_NOOP("records", "考核状态"),
    QT_TRANSLATE_NOOP("records", "决定人"),
    QT_TRANSLATE_NOOP("records", "决定时间"),
    QT_TRANSLATE_NOOP("records", "驳回理由"),
    QT_TRANSLATE_NOOP("records", "序号"),
    QT_TRANSLATE_NOOP("records", "操作人"),
    QT_TRANSLATE_NOOP("records", "操作人标识"),
    QT_TRANSLATE_NOOP("records", "操作"),
    QT_TRANSLATE_NOOP("records", "表"),
    QT_TRANSLATE_NOOP("records", "所改记录的标识"),
    QT_TRANSLATE_NOOP("records", "修改前"),
    QT_TRANSLATE_NOOP("records", "修改后"),
    QT_TRANSLATE_NOOP("records", "前一条的哈希"),
    QT_TRANSLATE_NOOP("records", "哈希"),
    QT_TRANSLATE_NOOP("records", "非客户经理负责的原因"),
    QT_TRANSLATE_NOOP("records", "退回时间"),
    QT_TRANSLATE_NOOP("records", "退回原因"),
    QT_TRANSLATE_NOOP("records", "撤回时间"),
    QT_TRANSLATE_NOOP("records", "撤回原因"),
    QT_TRANSLATE_NOOP("records", "处理决定"),
    QT_TRANSLATE_NOOP("records", "处理说明"),
    QT_TRANSLATE_NOOP("records", "批准人"),
    QT_TRANSLATE_NOOP("records", "原首问责任人"),
    QT_TRANSLATE_NOOP("records", "新首问责任人"),
    QT_TRANSLATE_NOOP("records", "登记方式"),
    QT_TRANSLATE_NOOP("records", "人工登记人"),
    QT_TRANSLATE_NOOP("records", "发生时间"),
    QT_TRANSLATE_NOOP("records", "指示"),
    QT_TRANSLATE_NOOP("records", "违规人员"),
    QT_TRANSLATE_NOOP("records", "经过"),
    QT_TRANSLATE_NOOP("records", "附件"),
    QT_TRANSLATE_NOOP("records", "附件类别"),
    QT_TRANSLATE_NOOP("records", "文件校验值"),
    QT_TRANSLATE_NOOP("records", "文件大小"),
    QT_TRANSLATE_NOOP("records", "文件名"),
    QT_TRANSLATE_NOOP("records", "文件类型"),
    QT_TRANSLATE_NOOP("records", "添加时间"),
    QT_TRANSLATE_NOOP("records", "添加人"),
    QT_TRANSLATE_NOOP("records", "删除时间"),
    QT_TRANSLATE_NOOP("records", "删除人"),
    QT_TRANSLATE_NOOP("records", "删除原因"),
    QT_TRANSLATE_NOOP("records", "改派"),
    QT_TRANSLATE_NOOP("records", "申诉"),
)


def label(chinese: str) -> str:
    """The label in the current language (Chinese unless a translation is installed)."""
    return QCoreApplication.translate("vocab", chinese)


def choices(table: dict[str, str]) -> list[tuple[str, str]]:
    """(code, label) pairs of a vocabulary table, in the table's order."""
    return [(code, label(text)) for code, text in table.items()]


def record_label(chinese: str) -> str:
    """A record's table or field label (services.quarantine_review) in the current language."""
    return QCoreApplication.translate("records", chinese)


def marked_labels() -> frozenset[str]:
    return frozenset(_MARKED)


def marked_record_labels() -> frozenset[str]:
    return frozenset(_RECORDS)
