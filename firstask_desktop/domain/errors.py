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
    "phone_unverified": "号码未经核实",
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
    # The other fields of the synced records, shown side by side when a sync file's version of a
    # record waits for a person to decide (隔离记录).
    "uuid": "记录标识",
    "station": "供电所",
    "revision": "版本号",
    "created_at": "创建时间",
    "updated_at": "修改时间",
    "code": "编码",
    "department_name": "部门名称",
    "active": "在用",
    "phone_alt": "备用电话",
    "manager": "客户经理",
    "customer": "客户",
    "created_by": "登记人",
    "unresolved_reason": "未办结原因",
    "contact_due_at": "首次联系时限",
    "holiday_year": "节假日年份",
    "holiday_status": "节假日状态",
    "holiday_source": "节假日依据",
    "holiday_range": "放假日期",
    "holiday_name": "节日名称",
    "makeup_workday": "调休上班日",
    "holiday_file": "节假日文件",
    "arrive_due_at": "到达现场时限",
    "restore_due_at": "恢复供电时限",
    "follow_up_due_at": "回访时限",
    "wo_due_at": "工单时限",
    "contacted_at": "首次联系时间",
    "replied_at": "答复时间",
    "closed_at": "办结时间",
    "reopened_count": "重新办理次数",
    "search_initials": "拼音首字母",
    "entry": "登记",
    "to_staff": "转交人员",
    "transferred_at": "转办时间",
    "accepted_at": "接收时间",
    "done_at": "完成时间",
    "transfer": "转办",
    "at": "时间",
    "by": "经办人",
    "previous_status": "作废前的状态",
    "duplicate_of": "重复的原登记",
    "basis": "规定依据",
    "title": "标题",
    "description": "说明",
    "sanction": "通报处理",
    "rule": "违反情形",
    "evidence": "依据",
    "clause": "条款",
    "deadline": "期限",
    "detected_at": "发现时间",
    "state": "考核状态",
    "decided_by": "决定人",
    "decided_at": "决定时间",
    "dismiss_reason": "驳回理由",
    "seq": "序号",
    "actor": "操作人",
    "actor_uuid": "操作人标识",
    "action": "操作",
    "table_name": "表",
    "record_uuid": "所改记录的标识",
    "before": "修改前",
    "after": "修改后",
    "prev_hash": "前一条的哈希",
    "hash": "哈希",
    "responder_reason": "非客户经理负责的原因",
    "returned_at": "退回时间",
    "return_reason": "退回原因",
    "withdrawn_at": "撤回时间",
    "withdraw_reason": "撤回原因",
    "decision": "处理决定",
    "decision_note": "处理说明",
    "approved_by": "批准人",
    "from_staff": "原首问责任人",
    "new_responder": "新首问责任人",
    "kind": "登记方式",
    "reported_by": "人工登记人",
    "occurred_at": "发生时间",
    "violation": "考核记录",
    "instruction": "指示",
    "person": "违规人员",
    "what": "经过",
    "attachment": "附件",
    "attachment_kind": "附件类别",
    "sha256": "文件校验值",
    "size": "文件大小",
    "file_name": "文件名",
    "media_type": "文件类型",
    "added_at": "添加时间",
    "added_by": "添加人",
    "removed_at": "删除时间",
    "removed_by": "删除人",
    "remove_reason": "删除原因",
}


class RefusedError(Exception):
    """The request was refused; nothing was changed. ``str(err)`` is one Chinese sentence."""


class ValidationError(RefusedError):
    """One field's value is not acceptable.

    With ``params`` the message is a template (``"不能超过{0}个字"``) filled in with them:
    ``template`` and ``params`` let a screen show the same message in its own language.
    """

    def __init__(self, field: str, message: str, *params):
        self.field = field
        self.template = message
        self.params = params
        self.message = message.format(*params) if params else message
        super().__init__(f"{FIELD_LABELS.get(field, field)}：{self.message}")


class FieldErrors(ValidationError):
    """Several fields refused at once, so that a form shows every problem in one go.

    ``problems`` maps each field to its ``ValidationError``, in the order the fields were
    checked; ``field`` and ``message`` are the first one's. ``str(err)`` is one line per field.
    """

    def __init__(self, problems: dict[str, ValidationError]):
        self.problems = dict(problems)
        first = next(iter(self.problems.values()))
        self.field, self.message = first.field, first.message
        self.template, self.params = first.template, first.params
        RefusedError.__init__(self, "\n".join(str(err) for err in self.problems.values()))


class TierResponderError(ValidationError):
    """A gold/silver/bronze customer's matter put on someone other than their customer manager
    without a reason: the form asks for the reason (or the manager) instead of a dead end."""

    def __init__(self, message: str, manager: str):
        self.manager = manager
        super().__init__("responder", message)


class NotFoundError(RefusedError):
    """What was asked for does not exist."""


class NotAllowedError(RefusedError):
    """The acting staff member's role or relation to the record does not allow this."""


class WrongPasswordError(NotAllowedError):
    """A wrong password for a known name: ``left`` tries before the account locks for
    ``lock_minutes``. The message names neither part (the command line may have a wrong
    name); a screen where the name was picked from a list may say "密码不正确"."""

    def __init__(self, message: str, left: int, lock_minutes: int):
        super().__init__(message)
        self.left = left
        self.lock_minutes = lock_minutes


class IllegalStepError(RefusedError):
    """The entry's status does not allow this step now."""


class TransferNotNamedError(RefusedError):
    """A step on one transfer (督办, 转办完成, 撤回转办) did not say which, and the entry has
    several it could mean: nothing is guessed. ``numbers`` are theirs as the entry's transfers
    are numbered (1 = the first made), so that the command line can say how to name one."""

    def __init__(self, message: str, numbers: list[int]):
        self.numbers = numbers
        super().__init__(message)


class StorageError(OSError):
    """The disk refused: full, unplugged, read-only or failing. ``str(err)`` is Chinese and says
    that nothing was half-written and what to do. Not a refusal (exit status 1, not 2): the
    request was fine, the disk was not. An ``OSError`` so that existing ``except OSError`` still
    catches it."""

    def __init__(self, message: str, kind: str = "io"):
        super().__init__(message)
        self.kind = kind  # full | gone | readonly | io | busy | damaged

    def __str__(self) -> str:
        return self.args[0]


class MissingPart(Exception):
    """The self-check's finding: a file or capability of the installed bundle that is not there;
    ``what`` names it."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what
