"""Errors the core raises on purpose.

A ``RefusedError`` means "nothing was changed, and here is why, in Chinese": the CLI turns it into
exit status 2 with one line on stderr, the GUI shows it beside the field or in a message box.
Anything else that escapes is a bug or an I/O failure (exit status 1).
"""

FIELD_LABELS = {
    "visitor": "来访人姓名",
    "unit": "单位",
    "address": "地址",
    "phone": "联系方式",
    "matter": "事由",
    "responder": "首问责任人",
    "result": "办理结果",
    "reception_notes": "接待情况",
    "reason": "原因",
    "note": "备注",
    "channel": "渠道",
    "category": "类别",
    "received_at": "受理时间",
    "account_no": "户号",
    "name": "姓名",
    "department": "部门",
    "role": "角色",
    "password": "密码",
    "station_code": "供电所编码",
    "station_name": "供电所名称",
    "county": "县公司",
    "area": "供电区域",
    "mode": "运行模式",
    "serial": "受理编号",
    "month": "月份",
    "status": "状态",
    "method": "回访方式",
    "satisfaction": "满意度",
    "outcome": "回访结果",
    "missing_documents": "一次性告知材料",
    "wo_number": "95598工单号",
    "tier": "客户等级",
    "place": "办公地点",
    "due_at": "承诺时限",
    "clock": "计时节点",
    "time_unit": "时限单位",
    "amount": "时限数值",
    "fine": "罚款金额",
    "auto_lock": "自动锁屏时间",
}


class RefusedError(Exception):
    """The request was refused; nothing was changed. ``str(err)`` is one Chinese sentence."""


class ValidationError(RefusedError):
    """One field's value is not acceptable."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{FIELD_LABELS.get(field, field)}：{message}")


class NotFoundError(RefusedError):
    """What was asked for does not exist."""


class NotAllowedError(RefusedError):
    """The acting staff member's role or relation to the record does not allow this."""


class IllegalStepError(RefusedError):
    """The entry's status does not allow this step now."""


class StorageError(OSError):
    """The disk refused: full, unplugged, read-only or failing. ``str(err)`` is Chinese and says
    that nothing was half-written and what to do. Not a refusal (exit status 1, not 2): the
    request was fine, the disk was not. An ``OSError`` so that existing ``except OSError`` still
    catches it."""

    def __init__(self, message: str, kind: str = "io"):
        super().__init__(message)
        self.kind = kind  # full | gone | readonly | io

    def __str__(self) -> str:
        return self.args[0]
