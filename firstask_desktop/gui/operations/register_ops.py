"""The register (登记簿): its pages, counts, months, the side panel's figures and one entry's
details."""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.domain import visibility
from firstask_desktop.services import entries as entry_svc
from firstask_desktop.services import queries, station

TRANSFER_WARNING_HOURS = 24  # a transfer is chased when its own deadline is this close

# --- the register --------------------------------------------------------------------------------


def register_page(
    flt: queries.EntryFilter,
    *,
    sort: str,
    descending: bool,
    offset: int,
    limit: int,
    viewer=None,
    now: datetime | None = None,
):
    """One page of the register as ``viewer`` may see it (保密: others' customers masked). Each
    row is made (and masked) when first read on the GUI thread, see ``queries.register_page``."""
    rows, _ = queries.register_page(
        flt, sort=sort, descending=descending, offset=offset, limit=limit, viewer=viewer, now=now
    )
    return rows


def register_count(flt: queries.EntryFilter, now: datetime | None = None, viewer=None) -> int:
    """How many entries match: read beside the first page, so the rows need not wait for it.
    A search counts what ``viewer`` sees (no count betrays a masked phone, see queries).
    No further than ``queries.COUNT_CAP + 1``: more than that, the footer says so."""
    return queries.count_entries(flt, now=now, viewer=viewer, cap=queries.COUNT_CAP)


def register_scope(actor) -> dict:
    """Whether ``actor`` may register here, and the stations a county's register shows."""
    from firstask_desktop.domain import permissions
    from firstask_desktop.gui.operations.county_ops import station_choices, station_short_names

    # At the county: (code, name) of each station for the filter, short names for the column.
    return {
        "may_register": permissions.can(actor, "register"),
        "stations": station_choices(),
        "short_names": station_short_names(),
    }


def months() -> list[str]:
    """Months that have entries, newest first (the month filter's choices)."""
    return queries.months_with_entries()


def counts(now: datetime | None = None) -> dict:
    """The status bar's and 待办's figures, with the transfers nearing their own deadline."""
    from firstask_desktop.services.assessment import transfers_due_soon
    from firstask_desktop.services.holidays import notice
    from firstask_desktop.services.responsibility import transfers_not_accepted

    found = queries.counts(now)
    due = {r["serial"] for r in transfers_due_soon(now, TRANSFER_WARNING_HOURS)}
    # Transfers to a colleague not accepted (接收) within the working day: the owner chases.
    due |= {r["serial"] for r in transfers_not_accepted(None, now)}
    found["transfers_due"] = len(due)
    # Not a count: the line 待办 and the hourly reminder show while next year's holidays are missing.
    found["holiday_notice"] = notice(now.date() if now else None) or ""
    return found


def entry_details(serial: str, viewer=None) -> dict:
    """The whole story of an entry as ``viewer`` may see it, and the steps they are offered."""
    from firstask_desktop.services.entry_steps import available_steps

    entry = entry_svc.get_entry(serial)
    details = visibility.entry_dict_for(viewer, entry, queries.entry_details(entry))
    # The steps of this stage, each None (offered) or why this person may not take it now.
    details["steps"] = available_steps(viewer, entry) if viewer is not None else {}
    # Deadlines counted in working days of a year whose holidays the county has not confirmed.
    from firstask_desktop.services.holidays import estimated_fields

    details["estimated"] = sorted(estimated_fields(entry))
    # A receipt or notice carries the customer's data: printed only by who may see it.
    details["may_print"] = visibility.may_see_personal_data(viewer, entry)
    here = station.local_station()
    if here is not None and here.mode == "county":
        from firstask_desktop.services.county_overview import entry_at_county

        # The county reads a station's record: its station, its own history, no steps.
        details.update(entry_at_county(entry))
        details["steps"] = {}
    return details
