"""Signing in and the first start: the staff to pick from, the password check, a new station or
the demo."""

from __future__ import annotations

from firstask_desktop.gui.operations.routing import writes
from firstask_desktop.services import queries, station

# --- start ---------------------------------------------------------------------------------------


def staff_for_login() -> list[dict]:
    return [queries.staff_to_dict(s) for s in station.list_staff()]


@writes
def authenticate(name: str, password: str):
    """Checks the password and counts a failure or clears the count (lockout): a write."""
    staff = station.authenticate(name, password)
    staff.department  # noqa: B018 - load the department now, not later on the GUI thread
    return staff


@writes
def create_station(**fields):
    return station.init_station(**fields)


@writes
def create_demo(entries: int = 300) -> dict:
    from firstask_desktop.demo.demo_station import build_demo

    return build_demo(entries=entries)
