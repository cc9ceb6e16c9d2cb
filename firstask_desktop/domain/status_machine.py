"""The status machine of an entry (DESIGN.md §1, the 首问负责制 from registration to closing).

registered → in_progress / transferred → replied (resolved) or unresolved (escalated with a reason)
→ (told the reason or result: replied) → followed_up → closed; void from any state with a reason; an unsatisfied follow-up reopens.
"""

from __future__ import annotations

from firstask_desktop.domain.errors import IllegalStepError
from firstask_desktop.domain.vocab import STATUSES

# action → the statuses it may start from
ALLOWED_FROM: dict[str, frozenset[str]] = {
    "start": frozenset({"registered"}),
    "edit": frozenset({"registered", "in_progress", "transferred"}),
    "contact": frozenset({"registered", "in_progress", "transferred"}),
    "transfer": frozenset({"registered", "in_progress", "transferred"}),
    "supervise": frozenset({"transferred"}),
    "finish_transfer": frozenset({"transferred"}),
    # a transfer sent by mistake, taken back before its recipient acted on it (撤回转办)
    "withdraw_transfer": frozenset({"transferred"}),
    "reply": frozenset({"registered", "in_progress", "transferred", "unresolved"}),
    "unresolved": frozenset({"registered", "in_progress", "transferred"}),
    # An escalated matter is followed up once the customer has been told (告知原因 at least).
    "follow_up": frozenset({"replied"}),
    "close": frozenset({"followed_up"}),
    # the head's decision on a reported matter: assign it (协调/指派) or answer himself
    "decide": frozenset({"unresolved"}),
    "void": frozenset(set(STATUSES) - {"void"}),
    # the head hands a matter still being carried to another responder (改派)
    "reassign": frozenset(set(STATUSES) - {"void", "closed"}),
}

ACTION_LABELS = {
    "start": "开始办理",
    "edit": "修改登记",
    "contact": "记录首次联系",
    "transfer": "转办",
    "supervise": "督办",
    "finish_transfer": "转办完成",
    "withdraw_transfer": "撤回转办",
    "reply": "答复客户",
    "unresolved": "标记未办结并上报",
    "follow_up": "回访",
    "close": "办结",
    "decide": "处理上报",
    "reassign": "改派",
    "void": "作废",
}


def allowed_actions(status: str) -> list[str]:
    return [action for action, sources in ALLOWED_FROM.items() if status in sources]


def refusal(action: str, status: str, serial: str = "") -> IllegalStepError | None:
    """Why the entry's status does not allow ``action``, saying what would be possible; None
    when it does. The screens ask this before offering a step, the services refuse with it."""
    if status in ALLOWED_FROM[action]:
        return None
    possible = "、".join(ACTION_LABELS[a] for a in allowed_actions(status)) or "无"
    who = f"{serial} " if serial else ""
    return IllegalStepError(
        f"{who}当前状态为“{STATUSES.get(status, status)}”，不能{ACTION_LABELS[action]}。"
        f"此状态下可以：{possible}。"
    )


def require(action: str, status: str, serial: str = "") -> None:
    """Refuse an action the entry's status does not allow, saying what would be possible."""
    refused = refusal(action, status, serial)
    if refused is not None:
        raise refused
