"""The core calls behind the accountability dialogs (改派, 所长处理上报, 作废批准, 人工登记违规,
申诉), run off the GUI thread by tasks.py; those that write are marked ``@writes``."""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.domain import permissions
from firstask_desktop.gui.operations.register_ops import entry_details
from firstask_desktop.gui.operations.routing import writes
from firstask_desktop.services import assessment, breaches, responsibility, station
from firstask_desktop.services import entries as entry_svc


def may(viewer, permission: str) -> bool:
    return permissions.can(viewer, permission)


@writes
def reassign(actor, serial: str, to_staff: str, reason: str) -> dict:
    responsibility.reassign_entry(actor, serial, to_staff, reason)
    return entry_details(serial, actor)


@writes
def decide(actor, serial: str, decision: str, **fields) -> dict:
    responsibility.decide_escalation(actor, serial, decision, **fields)
    return entry_details(serial, actor)


@writes
def void(actor, serial: str, reason: str, approver: str = "", password: str = "") -> dict:
    """作废; an overdue entry, or someone else's, with the head's name and own password."""
    head = station.authenticate(approver, password) if approver.strip() else None
    entry_svc.void_entry(actor, serial, reason, approver=head)
    return entry_details(serial, actor)


def void_needs_approval(actor, serial: str) -> list[str]:
    return entry_svc.void_approval_needed(actor, entry_svc.get_entry(serial))


def breach_choices() -> dict:
    """The clause table and the people a breach may name."""
    return {
        "clauses": [
            {"code": c.code, "title": c.title, "amount_fen": c.amount_fen}
            for c in assessment.clauses().values()
            if c.active
        ],
        "people": [s.name for s in station.list_staff() if s.role in ("clerk", "manager", "head")],
    }


@writes
def record_breach(actor, **fields) -> int:
    return breaches.record_breach(actor, **fields).id


def my_confirmed(viewer) -> list[dict]:
    """The viewer's confirmed breaches not yet appealed: what the 申诉 dialog offers."""
    appealed = {a["violation"] for a in breaches.appeals()}
    mine = assessment.violation_dicts(assessment.violations("confirmed", responder=viewer))
    return [row for row in mine if row["id"] not in appealed]


@writes
def appeal(actor, violation_id: int, reason: str) -> int:
    return breaches.appeal(actor, violation_id, reason).id


def now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)
