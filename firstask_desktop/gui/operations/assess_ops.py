"""Supervision and assessment (督办与考核): transfers falling due, the month's breaches, the clauses."""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.domain import visibility
from firstask_desktop.gui.operations.register_ops import TRANSFER_WARNING_HOURS, months
from firstask_desktop.gui.operations.routing import writes
from firstask_desktop.services import entries as entry_svc

# --- supervision and assessment (督办与考核) ------------------------------------------------------


def transfers_due(viewer=None, now: datetime | None = None) -> list[dict]:
    """Open transfers whose own deadline is near or past, with the department's phone to call;
    the matter masked as in the register for who may not see that customer."""
    from firstask_desktop.domain.masking import mask_personal_text
    from firstask_desktop.services.assessment import transfers_due_soon
    from firstask_desktop.services.responsibility import transfers_not_accepted

    rows = transfers_due_soon(now, TRANSFER_WARNING_HOURS)
    listed = {r["serial"]: r for r in rows}
    # Transfers to a colleague not accepted (接收) within the working day: the owner chases.
    for row in transfers_not_accepted(None, now):
        if row["serial"] in listed:
            listed[row["serial"]]["not_accepted"] = True
        else:
            rows.append(row)
    for row in rows:
        entry = entry_svc.get_entry(row["serial"])
        if not visibility.may_see_personal_data(viewer, entry):
            row["matter"] = mask_personal_text(row["matter"], entry.visitor)
    return rows


PROPOSALS_SHOWN = 500


def assessment_overview(viewer, month: str, station: str = "") -> dict:
    """What the 考核 page shows ``viewer``: the proposals waiting for the head, and the month's
    confirmed and dismissed breaches with a line per responder — all of them for the head and
    administrators, only their own for everyone else (read-only but for the head)."""
    from firstask_desktop.domain import permissions
    from firstask_desktop.services import assessment
    from firstask_desktop.services import station as station_svc

    everyone = assessment.sees_every_responder(viewer)
    pending = assessment.violations("proposed", responder=None if everyone else viewer)
    if station:  # the county: one station's
        from firstask_desktop.store.models import Violation

        pending = pending.where(Violation.station == station)
    # The oldest first, a screenful of work at a time: the first check on a register with years
    # of history proposes tens of thousands (a table of them all would take seconds to build).
    proposed = [assessment.violation_to_dict(v) for v in pending.limit(PROPOSALS_SHOWN)]
    proposed_total = pending.count() if len(proposed) == PROPOSALS_SHOWN else len(proposed)
    sheet = assessment.month_sheet(month, station=station or None)
    mine = (lambda r: True) if everyone else (lambda r: r["responder_uuid"] == viewer.uuid)
    # People by staff record: at the county two 张伟 of two stations are two lines.
    rates = {r["key"]: r for r in sheet["responders"]}
    fines = {p["key"]: p for p in sheet["by_person"]}
    names = {key: r["label"] for key, r in rates.items()} | {k: p["name"] for k, p in fines.items()}
    people = []
    for key in sorted(
        set(rates) | set(fines), key=lambda k: (-fines.get(k, {}).get("amount_fen", 0), names[k])
    ):
        if not everyone and key != viewer.uuid:
            continue
        fine, rate = fines.get(key, {}), rates.get(key, {})
        people.append(
            {
                "name": names[key],
                "count": fine.get("count", 0),
                "amount_fen": fine.get("amount_fen", 0),
                "sanctions": fine.get("sanctions", []),
                "reply_rate": rate.get("reply_rate"),
                "satisfaction_rate": rate.get("satisfaction_rate"),
            }
        )
    confirmed = [r for r in sheet["confirmed"] if mine(r)]
    return {
        "month": sheet["month"],
        "everyone": everyone,
        "at_county": station_svc.require_station().mode == "county",
        "may_decide": permissions.can(viewer, "assess"),
        "may_record": permissions.can(viewer, "record_breach"),
        # The stations scan; the county decides what they send (a county scan is refused).
        "may_scan": permissions.can(viewer, "assess")
        and station_svc.require_station().mode != "county",
        # The printed sheet lists everyone's fines: printed by who sees them all.
        "may_print": everyone,
        "proposed": proposed,
        "proposed_total": proposed_total,
        "confirmed": confirmed,
        "dismissed": [r for r in sheet["dismissed"] if mine(r)],
        "people": people,
        "total_fen": sum(r["amount_fen"] for r in confirmed),
    }


def assessment_months() -> list[str]:
    """The months to choose on the 考核 page: this month, then every month with entries."""
    this_month = datetime.now().strftime("%Y-%m")
    return [this_month] + [m for m in months() if m != this_month]


@writes
def assessment_scan(as_of: datetime | None = None) -> int:
    """Run the checks now; the number of new proposals."""
    from firstask_desktop.services.assessment import scan

    return len(scan(as_of))


@writes
def confirm_violation(actor, violation_id: int) -> dict:
    from firstask_desktop.services.assessment import confirm, violation_to_dict

    return violation_to_dict(confirm(actor, violation_id))


@writes
def dismiss_violation(actor, violation_id: int, reason: str) -> dict:
    from firstask_desktop.services.assessment import dismiss, violation_to_dict

    return violation_to_dict(dismiss(actor, violation_id, reason))


def clause_table() -> list[dict]:
    from firstask_desktop.services.assessment import clauses, yuan

    return [
        {
            "code": c.code,
            "title": c.title,
            "description": c.description,
            "amount_fen": c.amount_fen,
            "amount_yuan": yuan(c.amount_fen),
            "sanction": c.sanction,
        }
        for c in clauses().values()
    ]


@writes
def update_clause(actor, code: str, *, title: str, amount_yuan: str, sanction: str) -> dict:
    """An administrator's edit of a clause; the amount typed in 元 is stored as integer fen."""
    from firstask_desktop.services.assessment import parse_yuan
    from firstask_desktop.services.assessment import update_clause as update

    clause = update(actor, code, title=title, amount_fen=parse_yuan(amount_yuan), sanction=sanction)
    return {"code": clause.code, "amount_fen": clause.amount_fen}
