"""The entry form and the steps of a matter: customer lookup, registering, each step, the
choices they offer."""

from __future__ import annotations

from firstask_desktop.domain import validation
from firstask_desktop.gui.operations.register_ops import entry_details
from firstask_desktop.gui.operations.routing import writes
from firstask_desktop.services import entries as entry_svc
from firstask_desktop.services import queries, station
from firstask_desktop.services.entry_steps import run_step

# --- the entry form ------------------------------------------------------------------------------


def lookup_customer(actor, phone: str = "", account_no: str = "") -> dict | None:
    """A known customer behind a typed phone or 户号, with what the form should flag."""
    try:
        # Looking up history: an unverified number may well have called before.
        phone = validation.normalise_phone(phone, allow_unverified=True) if phone.strip() else ""
    except validation.ValidationError:
        phone = ""
    try:
        account_no = validation.normalise_account_no(account_no)
    except validation.ValidationError:
        account_no = ""
    if not phone and not account_no:
        return None
    from firstask_desktop.services.assessment import REPEAT_COMPLAINTS, REPEAT_DAYS

    customer = entry_svc.find_customer(phone, account_no)
    history = queries.customer_history(phone, account_no, days=REPEAT_DAYS)
    if customer is None and not history["entries"]:
        return None
    history["repeat"] = history["recent_complaints"] >= REPEAT_COMPLAINTS
    history["repeat_days"] = REPEAT_DAYS
    found = {"history": history, "customer": None, "responder": actor.name}
    if customer is not None:
        found["customer"] = queries.customer_to_dict(customer)
        found["responder"] = entry_svc.choose_responder(actor, customer).name
    return found


@writes
def register_entry(actor, **fields) -> dict:
    entry = entry_svc.register_entry(actor, **fields)
    return queries.entry_to_dict(entry)


# --- the steps of an entry -----------------------------------------------------------------------


@writes
def entry_step(actor, action: str, serial: str, **fields) -> dict:
    """Run one step of the 首问负责制 on an entry; returns the entry as it is now."""
    run_step(actor, action, serial, **fields)
    return entry_details(serial, actor)


def departments() -> list[dict]:
    return [queries.department_to_dict(d) for d in station.list_departments()]


def own_department(actor) -> str:
    """The department ``actor`` works in ("" for none): a transfer there asks to be sure."""
    found = station.find_staff(actor.name).department
    return found.name if found is not None else ""


def staff_names() -> list[str]:
    return [s.name for s in station.list_staff()]


def deadline_book():
    """The rule table and holiday calendar, loaded once for a form's live deadline."""
    from firstask_desktop.services.rules import DeadlineBook

    return DeadlineBook(station.require_station().area)
