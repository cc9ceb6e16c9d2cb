"""The closed vocabularies of the register: code names (DESIGN.md §5) and their Chinese labels."""

from __future__ import annotations

from firstask_desktop.domain.errors import ValidationError

CHANNELS = {
    "visit": "来访",
    "phone": "来电",
    "letter": "来信",
    "online": "网络",
    "hotline_95598": "95598转办",
}
CATEGORIES = {
    "consult": "咨询",
    "query": "查询",
    "complaint": "投诉",
    "report": "举报",
    "repair": "报修",
    "business": "业务办理",
    "suggestion": "意见建议",
    "praise": "表扬",
}
STATUSES = {
    "registered": "已登记",
    "in_progress": "办理中",
    "transferred": "已转办",
    "replied": "已答复",
    "unresolved": "未办结已上报",
    "followed_up": "已回访",
    "closed": "已办结",
    "void": "已作废",
}
OPEN_STATUSES = ("registered", "in_progress", "transferred")
ROLES = {
    "clerk": "营业员",
    "manager": "客户经理",
    "head": "所长",
    "admin": "管理员",
    "county_admin": "县公司管理员",
    "county_assessor": "县公司考核员",
}
STATION_ROLES = ("clerk", "manager", "head", "admin")  # county roles: county installs only
COUNTY_ROLES = ("county_admin", "county_assessor")
AREAS = {"urban": "城区", "rural": "农村", "remote": "偏远地区"}
MODES = {"station": "供电所", "county": "县公司"}
TIERS = {"gold": "金牌", "silver": "银牌", "bronze": "铜牌", "none": "普通"}
FOLLOW_UP_METHODS = {"phone": "电话", "visit": "上门", "sms": "短信"}
FOLLOW_UP_OUTCOMES = {
    "reached": "已联系上",
    "no_answer": "无人接听",
    "busy": "占线",
    "wrong_number": "号码错误",
}
SATISFACTION = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}
# A breach's state (考核记录): proposed by the scan or recorded by hand, then decided.
VIOLATION_STATES = {
    "proposed": "待确认",
    "confirmed": "已确认",
    "dismissed": "已驳回",
    "overturned": "申诉撤销",  # confirmed, then set aside on appeal (the appeal keeps why)
}
# What is stapled to the register page: kept with the entry as attachments.
ATTACHMENT_KINDS = {
    "letter": "来信原件",
    "photo": "现场照片",
    "id_document": "客户证件",
    "receipt": "签字回执",
    "other": "其他",
}

# Extra spellings clerks type for the same choice.
_ALIASES = {
    "95598": "hotline_95598",
    "95598转派": "hotline_95598",
    "电话": "phone",
    "信函": "letter",
    "网上": "online",
    "业务": "business",
    "建议": "suggestion",
    "意见": "suggestion",
    "故障报修": "repair",
    "一般": "basic",
}


CHOOSE_ONE = "请选择一项：{0}"
NOT_A_CHOICE = "“{0}”不是可选项，请从以下选择：{1}"


def parse_choice(value: str | None, table: dict[str, str], field: str) -> str:
    """A code name from a code name or its Chinese label (``来访`` → ``visit``)."""
    text = (value or "").strip()
    if text in table:
        return text
    for code, label in table.items():
        if text == label:
            return code
    alias = _ALIASES.get(text)
    if alias in table:
        return alias
    # The labels only: a clerk never sees the code names (the CLI takes either).
    choices = "、".join(table.values())
    if not text:
        raise ValidationError(field, CHOOSE_ONE, choices)
    raise ValidationError(field, NOT_A_CHOICE, text, choices)
