"""Who holds a matter: reassignment (改派), the head's decision on an escalation (协调/指派 or
answering himself), a transfer's recipient accepting or returning it, and handing a leaver's
matters and customers to someone before the account is stopped.

Every step is audited and shows on the entry's timeline; the assessment reads the same rows to
name the person who held each late step (services/assessment.py).
"""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.domain import permissions
from firstask_desktop.domain.deadlines import end_of_day
from firstask_desktop.domain.errors import (
    IllegalStepError,
    NotAllowedError,
    RefusedError,
    ValidationError,
)
from firstask_desktop.domain.validation import clean_text
from firstask_desktop.domain.vocab import OPEN_STATUSES
from firstask_desktop.store import db
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import (
    Customer,
    Entry,
    Escalation,
    Reassignment,
    Staff,
    Transfer,
)

from . import step_rules
from .entries import NOTE_MAX, RESULT_MAX, deadline_book, get_entry, open_transfer, set_replied
from .station import find_department, find_staff, own_rows
from .step_rules import pending_escalation

# Statuses in which a matter is still someone's to carry (a leaver's must be handed on).
HELD_STATUSES = (*OPEN_STATUSES, "unresolved", "replied", "followed_up")
DECISIONS = {"assign": "协调指派", "answer": "所长亲自答复"}


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


# --- reassignment ---------------------------------------------------------------------------


def reassign_entry(
    actor: Staff, serial: str, to_staff: str, reason: str, now: datetime | None = None
) -> Reassignment:
    """改派: the head hands the entry to another responder. Old and new are kept; breaches whose
    deadline falls from now on name the new responder, earlier ones the old."""
    entry = get_entry(serial)
    step_rules.require(actor, entry, "reassign")
    reason = clean_text(reason, "reason", max_len=NOTE_MAX, required=True)
    new = find_staff(to_staff)
    if new.id == entry.responder_id:
        raise ValidationError("to_staff", f"{new.name} 已经是这条登记的首问责任人")
    if new.role not in ("clerk", "manager", "head"):
        raise ValidationError("to_staff", "首问责任人须是营业员、客户经理或所长")
    now = _now(now)
    change = Reassignment(
        station=entry.station,
        entry=entry,
        from_staff=entry.responder_id,
        to_staff=new,
        reason=reason,
        at=now,
        by=actor,
    )
    entry.responder = new
    with db.transaction():
        save_audited(change, actor=actor, action="reassign", at=now)
        save_audited(entry, actor=actor, action="reassign", at=now)
    return change


def held_by(staff: Staff) -> dict:
    """What a person still carries: entries not closed or void, customers they manage."""
    entries = list(
        Entry.select()
        .where((Entry.responder == staff) & Entry.status.in_(HELD_STATUSES))
        .order_by(Entry.received_at)
    )
    customers = list(
        Customer.select().where((Customer.manager == staff) & (Customer.tier != "none"))
    )
    return {"entries": entries, "customers": customers}


def hand_over(
    actor: Staff,
    leaver: Staff,
    owners: dict[str, str],
    reason: str,
    now: datetime | None = None,
) -> None:
    """Give each of ``leaver``'s entries (by serial) and managed customers (by ``customer:<id>``)
    to the colleague ``owners`` names, or to ``owners["*"]`` for all of them. Refused, naming
    what is left, unless every one has a new owner (the caller then stops the account)."""
    permissions.require(actor, "reassign")
    held = held_by(leaver)
    reason = clean_text(reason, "reason", max_len=NOTE_MAX, required=True)
    every = owners.get("*", "")
    missing = [e.serial for e in held["entries"] if not (owners.get(e.serial) or every)]
    missing += [
        f"客户 {c.name}" for c in held["customers"] if not (owners.get(f"customer:{c.id}") or every)
    ]
    if missing:
        raise RefusedError(
            f"{leaver.name} 还有 {len(missing)} 项没有指定接手人：{'、'.join(missing[:10])}"
            f"{'等' if len(missing) > 10 else ''}。请为每一项指定接手人后再停用。"
        )
    now = _now(now)
    with db.transaction():
        for entry in held["entries"]:
            reassign_entry(actor, entry.serial, owners.get(entry.serial) or every, reason, now)
        for customer in held["customers"]:
            customer.manager = find_staff(owners.get(f"customer:{customer.id}") or every)
            save_audited(customer, actor=actor, action="change_manager", at=now)


# --- the head's decision on an escalation ---------------------------------------------------


def decide_escalation(
    actor: Staff,
    serial: str,
    decision: str,
    *,
    instruction: str = "",
    department: str = "",
    to_staff: str = "",
    due_at: datetime | None = None,
    result: str = "",
    now: datetime | None = None,
) -> Escalation:
    """The head acts on a reported matter (实施办法 §八.2; 县分公司 二.3 上一级领导亲自协调，并指定
    相关部门处理): ``assign`` — a department or a colleague, with an instruction and its own
    deadline (a supervised transfer the responder chases) — or ``answer`` the customer himself.
    """
    entry = get_entry(serial)
    step_rules.require(actor, entry, "decide")  # a head, and a report waiting for him
    escalation = pending_escalation(entry)
    if decision not in DECISIONS:
        raise ValidationError("decision", "请选择“协调指派”或“所长亲自答复”")
    now = _now(now)
    escalation.decision = decision
    escalation.decided_at = now
    escalation.decided_by = actor
    if decision == "answer":
        result = clean_text(result, "result", max_len=RESULT_MAX, required=True)
        escalation.decision_note = result
        with db.transaction():
            set_replied(entry, result, now, deadline_book())
            save_audited(escalation, actor=actor, action="decide_escalation", at=now)
            save_audited(entry, actor=actor, action="reply", at=now)
        return escalation
    instruction = clean_text(instruction, "instruction", max_len=NOTE_MAX, required=True)
    if not (department or to_staff):
        raise ValidationError("department", "请指定承办部门或承办人")
    if due_at is None:
        raise ValidationError("due_at", "请给指派的事项定一个办理时限")
    due_at = due_at.replace(microsecond=0)
    if due_at <= now:
        raise ValidationError("due_at", "办理时限须晚于现在")
    if entry.due_at and now < entry.due_at < due_at:
        # The instruction serves the promise to the customer: it cannot run past it.
        raise ValidationError("due_at", f"不能晚于答复客户的时限 {entry.due_at:%Y-%m-%d %H:%M}")
    colleague = find_staff(to_staff) if to_staff else None
    dep = (
        find_department(department) if department else (colleague.department if colleague else None)
    )
    transfer = Transfer(
        station=entry.station,
        entry=entry,
        department=dep,
        to_staff=colleague,
        note=f"所长指示：{instruction}",
        transferred_at=now,
        due_at=due_at,
        created_by=actor,
    )
    escalation.decision_note = instruction
    entry.status = "transferred"
    with db.transaction():
        save_audited(transfer, actor=actor, action="assign", at=now)
        escalation.transfer = transfer
        save_audited(escalation, actor=actor, action="decide_escalation", at=now)
        save_audited(entry, actor=actor, action="assign", at=now)
    return escalation


# --- a transfer's recipient --------------------------------------------------------------------


def _my_open_transfer(actor: Staff, serial: str) -> Transfer:
    """The open transfer addressed to ``actor``: an entry with several departments at once
    may hold one to her that is not the newest."""
    entry = get_entry(serial)
    transfer = open_transfer(entry)
    if transfer is None or transfer.returned_at is not None:
        raise IllegalStepError(f"{entry.serial} 没有待接收的转办。")
    mine = next((t for t in step_rules.open_transfers(entry) if t.to_staff_id == actor.id), None)
    if mine is None:
        who = transfer.to_staff.name if transfer.to_staff_id else "承办部门"
        raise NotAllowedError(f"{entry.serial} 转办给的是 {who}：只有接收人本人可以接收或退回。")
    return mine


def accept_transfer(actor: Staff, serial: str, now: datetime | None = None) -> Transfer:
    """接收: the colleague takes the transfer on; from now on its lateness is theirs."""
    transfer = _my_open_transfer(actor, serial)
    if transfer.accepted_at is not None:
        raise IllegalStepError(
            f"{serial.upper()} 的转办已于 {transfer.accepted_at:%m-%d %H:%M} 接收。"
        )
    now = _now(now)
    transfer.accepted_at = now
    with db.transaction():
        save_audited(transfer, actor=actor, action="accept_transfer", at=now)
    return transfer


def return_transfer(
    actor: Staff, serial: str, reason: str, now: datetime | None = None
) -> Transfer:
    """退回: the colleague cannot take it; it goes back to the responder with the reason."""
    transfer = _my_open_transfer(actor, serial)
    reason = clean_text(reason, "reason", max_len=NOTE_MAX, required=True)
    now = _now(now)
    transfer.returned_at = now
    transfer.done_at = now
    transfer.return_reason = reason
    entry = transfer.entry
    entry.status = "in_progress"
    with db.transaction():
        save_audited(transfer, actor=actor, action="return_transfer", at=now)
        save_audited(entry, actor=actor, action="return_transfer", at=now)
    return transfer


def transfers_not_accepted(owner: Staff | None, now: datetime | None = None) -> list[dict]:
    """Transfers to a colleague not accepted within a working day: on the owner's 待办."""
    now = _now(now)
    calendar = deadline_book().calendar
    query = (
        Transfer.select(Transfer, Entry)
        .join(Entry)
        .where(
            Transfer.to_staff.is_null(False)
            & Transfer.accepted_at.is_null()
            & Transfer.done_at.is_null()
            & (Entry.status == "transferred")
            & own_rows(Entry)
        )
        .order_by(Transfer.transferred_at)
    )
    if owner is not None:
        query = query.where(Entry.responder == owner)
    rows = []
    for t in query:
        day = t.transferred_at.date()
        if not calendar.is_working_day(day):
            day = calendar.add_working_days(day, 1)
        by = end_of_day(day)
        if now > by:
            rows.append(
                {
                    "serial": t.entry.serial,
                    "responder": t.entry.responder.name,
                    "department": t.department.name if t.department_id else "",
                    "department_phone": t.department.phone if t.department_id else "",
                    "to_staff": t.to_staff.name,
                    "matter": t.entry.matter,
                    "transferred_at": t.transferred_at,
                    "due_at": t.due_at,
                    "accept_by": by,
                    "overdue": t.due_at is not None and t.due_at < now,
                    "not_accepted": True,
                    "last_supervision": None,
                }
            )
    return rows
