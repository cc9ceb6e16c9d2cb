"""Settings: staff, departments, deadline rules, holidays, auto-lock and passwords."""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.gui.operations.routing import writes
from firstask_desktop.services import queries, station

# --- settings ------------------------------------------------------------------------------------


def staff_table() -> list[dict]:
    return [queries.staff_to_dict(s) for s in station.list_staff()]


@writes
def add_staff(actor, **fields) -> None:
    station.add_staff(actor, **fields)


@writes
def add_department(actor, **fields) -> None:
    station.add_department(actor, **fields)


def rule_table() -> list[dict]:
    from firstask_desktop.domain.deadlines import CLOCK_LABELS, UNIT_LABELS
    from firstask_desktop.domain.vocab import AREAS, CATEGORIES
    from firstask_desktop.services.rules import rule_rows

    return [
        {
            "id": r.id,
            "category": r.category,
            "category_label": CATEGORIES.get(r.category, "全部类别"),
            "clock": r.clock,
            "clock_label": CLOCK_LABELS.get(r.clock, r.clock),
            "area": r.area,
            "area_label": AREAS.get(r.area, "全部区域"),
            "unit": r.unit,
            "unit_label": UNIT_LABELS.get(r.unit, r.unit),
            "amount": r.amount,
            "basis": r.basis,
        }
        for r in rule_rows()
    ]


@writes
def update_rule(actor, rule_id: int, **fields) -> None:
    from firstask_desktop.services.rules import update_rule as update

    update(actor, rule_id, **fields)


def holidays(year: int | None = None) -> dict:
    """The calendar's years and the listed days of ``year`` (default: this year, else the last)."""
    from firstask_desktop.services.rules import holiday_years, holidays_in_year

    years = holiday_years()
    if year is None:
        this_year = datetime.now().year
        year = this_year if this_year in years or not years else years[-1]
    days = [
        {"day": d.day.isoformat(), "weekday": d.day.weekday(), "kind": d.kind, "name": d.name}
        for d in holidays_in_year(year)
    ]
    return {"years": years, "year": year, "days": days}


def auto_lock_minutes() -> int:
    from firstask_desktop.services.accounts import auto_lock_minutes as minutes

    return minutes()


@writes
def set_auto_lock_minutes(actor, minutes: int) -> int:
    from firstask_desktop.services.accounts import set_auto_lock_minutes as store

    return store(actor, minutes)


@writes
def reset_password(actor, name: str, new_password: str) -> None:
    from firstask_desktop.services.accounts import reset_password as reset

    reset(actor, name, new_password)


@writes
def deactivate_staff(actor, name: str) -> None:
    from firstask_desktop.services.accounts import deactivate_staff as deactivate

    deactivate(actor, name)


@writes
def change_password(actor, old_password: str, new_password: str) -> None:
    from firstask_desktop.services.accounts import change_password as change

    change(actor, old_password, new_password)
