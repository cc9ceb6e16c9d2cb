"""The deadline rule table and holiday calendar as stored (data, editable by an administrator)."""

from __future__ import annotations

from datetime import datetime

from ..deadlines import DeadlineRule, compute_deadlines, follow_up_due
from ..models import DeadlineRuleRow, HolidayDay
from ..workdays import HolidayCalendar


def current_rules() -> list[DeadlineRule]:
    return [
        DeadlineRule(category=r.category, clock=r.clock, unit=r.unit, amount=r.amount,
                     area=r.area, basis=r.basis)
        for r in DeadlineRuleRow.select().order_by(DeadlineRuleRow.id)
    ]


def current_calendar() -> HolidayCalendar:
    return HolidayCalendar.from_days((d.day, d.kind) for d in HolidayDay.select())


class DeadlineBook:
    """Rules + calendar loaded once, for a burst of computations (a form, a demo, an import)."""

    def __init__(self, area: str, rules: list[DeadlineRule] | None = None,
                 calendar: HolidayCalendar | None = None):
        self.area = area
        self.rules = rules if rules is not None else current_rules()
        self.calendar = calendar if calendar is not None else current_calendar()

    def for_entry(self, category: str, received_at: datetime) -> dict[str, datetime]:
        return compute_deadlines(category, received_at, self.area, self.rules, self.calendar)

    def follow_up(self, replied_at: datetime) -> datetime | None:
        return follow_up_due(replied_at, self.area, self.rules, self.calendar)
