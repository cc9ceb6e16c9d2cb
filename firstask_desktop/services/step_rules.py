"""Whether a person may take a step on an entry now, and if not, why: one check, asked by the
screens before they offer a step (a button disabled with the reason in its tooltip) and by the
services before they do it (the refusal is the same text). Nothing is offered that would be
refused after the user has filled in the dialog.

A step is refused, in this order, for who is asking (the entry's 首问责任人, the head acting for
others, a permission), for the entry's status (``domain/status_machine.py``), and for what the
step needs to exist (an open transfer to chase, a report to decide, a station head to report to).
"""

from __future__ import annotations

from firstask_desktop.domain import permissions, status_machine
from firstask_desktop.domain.errors import IllegalStepError, NotAllowedError, RefusedError
from firstask_desktop.store.models import Entry, Escalation, Staff, Transfer

from .station import station_head

# The steps an entry may be offered, in the order the screens show them.
STEP_NAMES = (
    "start",
    "contact",
    "transfer",
    "supervise",
    "finish_transfer",
    "withdraw_transfer",
    "reply",
    "unresolved",
    "follow_up",
    "close",
    "decide",
    "reassign",
    "edit",
    "void",
    "duplicate",
)
# Taken by the entry's responder alone: the answer to the customer is his own (首问负责; the
# head answers a matter reported to him through 处理上报).
RESPONDER_ONLY = frozenset({"reply"})
# The head's own steps, on any entry: the permission decides, not who holds the entry.
BY_PERMISSION = {"reassign": "reassign", "decide": "decide_escalation"}
# 作废 (and voiding a duplicate) is any station staff's; someone else's or a late entry then
# takes the head's approval, which the void asks for (services.entries.void_entry).
VOIDING = frozenset({"void", "duplicate"})


def _action(step: str) -> str:
    return "void" if step == "duplicate" else step


def open_transfers(entry: Entry) -> list[Transfer]:
    """The entry's transfers still being worked on, newest first."""
    return list(
        Transfer.select()
        .where((Transfer.entry == entry) & Transfer.done_at.is_null())
        .order_by(Transfer.id.desc())
    )


def numbered_transfers(entry: Entry) -> list[Transfer]:
    """Every transfer of the entry in the order it was made, finished and withdrawn ones too, so
    that a number stays the transfer's own: `entry show` numbers them from 1 in this order and
    ``--transfer N`` names one by it."""
    return list(Transfer.select().where(Transfer.entry == entry).order_by(Transfer.id))


def withdrawable(transfer: Transfer) -> bool:
    """A transfer may be taken back while its recipient has not acted on it: not accepted, not
    returned, not finished."""
    return (
        transfer.done_at is None and transfer.accepted_at is None and transfer.returned_at is None
    )


def pending_escalation(entry: Entry) -> Escalation | None:
    return (
        Escalation.select()
        .where((Escalation.entry == entry) & (Escalation.decision == ""))
        .order_by(Escalation.id.desc())
        .first()
    )


def takes_others(actor: Staff, step: str) -> bool:
    """Whether ``actor`` takes ``step`` on entries others hold too (the head chasing
    everything); lists of work to do show the others only their own entries."""
    return step not in RESPONDER_ONLY and permissions.can(actor, "act_for_others")


def _role(actor: Staff, entry: Entry, step: str) -> RefusedError | None:
    """A step some roles never take, whoever holds the entry: its permission."""
    if step in BY_PERMISSION:
        return permissions.refusal(actor, BY_PERMISSION[step])
    if step in VOIDING:
        return permissions.refusal(actor, "void")
    if step == "edit" and entry.status not in status_machine.ALLOWED_FROM["edit"]:
        # Once the customer has been answered the entry is evidence: a permission of its own.
        return permissions.refusal(actor, "edit_after_reply")
    return None


def _holder(actor: Staff, entry: Entry, step: str) -> RefusedError | None:
    """A step of whoever holds the entry: its responder, or the head acting for others."""
    if step in BY_PERMISSION or step in VOIDING:
        return None  # decided by the role alone (a void of another's entry: approval, asked)
    if step == "edit" and entry.status not in status_machine.ALLOWED_FROM["edit"]:
        return None  # edit_after_reply, on anyone's entry
    if actor is not None and actor.id == entry.responder_id:
        return None
    if takes_others(actor, step):
        return None
    if step == "edit":
        return NotAllowedError(
            f"{entry.serial} 的首问责任人是 {entry.responder.name}：只有本人或所长、管理员可以修改。"
        )
    return NotAllowedError(
        f"{entry.serial} 的首问责任人是 {entry.responder.name}：只有本人"
        + ("" if step in RESPONDER_ONLY else "或所长、管理员")
        + "可以办理这一步。"
    )


def _who(actor: Staff, entry: Entry, step: str) -> RefusedError | None:
    return _role(actor, entry, step) or _holder(actor, entry, step)


def _status(entry: Entry, step: str) -> IllegalStepError | None:
    if step == "edit" and entry.status != "void":
        return None  # an answered entry: who may is the question (edit_after_reply)
    return status_machine.refusal(_action(step), entry.status, entry.serial)


def _needs(entry: Entry, step: str) -> RefusedError | None:
    if step in ("supervise", "finish_transfer") and not open_transfers(entry):
        return IllegalStepError(f"{entry.serial} 没有正在办理的转办。")
    if step == "withdraw_transfer" and not any(map(withdrawable, open_transfers(entry))):
        return IllegalStepError(
            f"{entry.serial} 的转办已由接收人接收或办理，不能撤回：请督办，或请接收人退回。"
        )
    if step == "decide" and pending_escalation(entry) is None:
        return IllegalStepError(f"{entry.serial} 没有待处理的上报。")
    if step == "close" and not entry.result.strip():
        # Seed 八.2: a finished matter carries its final result.
        return RefusedError(
            f"{entry.serial} 没有记录最终处理结果，不能办结：请先答复客户并写明结果。"
        )
    if step == "unresolved" and station_head() is None:
        # Reported to nobody is not reported (seed 八.2 汇报主管领导).
        return RefusedError(
            "本所还没有登记在岗的所长，未办结事项无法上报：请管理员在“设置 → 人员”中添加所长"
            "（角色：所长），再标记未办结上报；在此之前请继续办理并按时答复客户。"
        )
    return None


def refusal(actor: Staff, entry: Entry, step: str) -> RefusedError | None:
    """Why ``actor`` may not take ``step`` on ``entry`` now (None: they may)."""
    return _who(actor, entry, step) or _status(entry, step) or _needs(entry, step)


def require(actor: Staff, entry: Entry, step: str) -> None:
    """Refuse ``step`` as ``refusal`` says; the services call this before they change anything."""
    refused = refusal(actor, entry, step)
    if refused is not None:
        raise refused


def available_steps(actor: Staff, entry: Entry) -> dict[str, str | None]:
    """The steps this person may be offered on the entry now, each with None (they may take
    it) or why not: another person holds the entry (答复客户 is the responder's own), or what
    the step needs is missing (no open transfer, no result to close with). Left out are the
    steps of another stage of the matter and those the person's role never takes (处理上报 for
    a clerk): no screen shows them, so a bar of buttons holds only what concerns this person."""
    found = {}
    for step in STEP_NAMES:
        if _status(entry, step) is not None or _role(actor, entry, step) is not None:
            continue
        refused = _holder(actor, entry, step) or _needs(entry, step)
        found[step] = None if refused is None else str(refused)
    return found
