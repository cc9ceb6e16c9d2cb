"""The county office's day (县公司总览): the overview, its print and Excel, each station's overdue
list, the sync interval; and the station names the county's filters show."""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.gui.operations.routing import writes


def is_county() -> bool:
    from firstask_desktop.services.station import local_station

    here = local_station()
    return here is not None and here.mode == "county"


def station_choices() -> list[tuple[str, str]]:
    """(code, name) of every station the county knows, for the station filters; empty at a
    station (whose pages have no station filter)."""
    if not is_county():
        return []
    from firstask_desktop.services.county import station_codes
    from firstask_desktop.services.station_names import station_names

    names = station_names()
    return [(code, names.get(code, code)) for code in station_codes()]


def station_short_names() -> dict[str, str]:
    """code → 城关所: the station column of the county's lists (the full name in its filter)."""
    from firstask_desktop.services.station_names import short_name

    return {code: short_name(name) for code, name in station_choices()}


def station_filter_choices() -> dict:
    """The county's station filter: (code, name) pairs, and the short names of its column."""
    return {"stations": station_choices(), "short_names": station_short_names()}


def bucket_counts(filters: dict, station: str, now: datetime | None = None) -> dict[str, int]:
    """待办's counts for one station: each bucket's register filter narrowed to it."""
    from dataclasses import replace

    from firstask_desktop.services.queries import count_entries

    return {
        key: count_entries(replace(flt, station=station), now=now) for key, flt in filters.items()
    }


def overview(viewer, month: str, now: datetime | None = None) -> dict:
    """The overview, and what ``viewer`` may do with it."""
    from firstask_desktop.domain import permissions
    from firstask_desktop.services.county_overview import MAX_INTERVAL_DAYS, county_overview

    data = county_overview(month, now)
    data["may_export"] = permissions.can(viewer, "export_import")
    data["may_set_interval"] = permissions.can(viewer, "edit_settings")
    data["max_interval_days"] = MAX_INTERVAL_DAYS
    return data


def overview_pdf(month: str, now: datetime | None = None) -> bytes:
    from firstask_desktop.reports.county_sheets import render_overview
    from firstask_desktop.services.county_overview import county_overview

    return render_overview(county_overview(month, now))


def overdue_pdf(stations: list[str] | None = None, now: datetime | None = None) -> bytes:
    """超期事项清单 of the given stations (every station by default), one per page."""
    from firstask_desktop.reports.county_sheets import render_overdue_lists
    from firstask_desktop.services.county_overview import overdue_lists

    return render_overdue_lists(overdue_lists(stations, now))


def export_overview(actor, month: str, path: str, now: datetime | None = None) -> str:
    from firstask_desktop.services.county_overview import county_overview, export_overview_excel

    return str(export_overview_excel(actor, path, county_overview(month, now)))


@writes
def set_sync_interval(actor, days: int) -> int:
    from firstask_desktop.services.county_overview import set_sync_interval_days

    return set_sync_interval_days(actor, days)
