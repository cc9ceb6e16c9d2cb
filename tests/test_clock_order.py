"""No derived deadline falls after the deadline it serves, whatever the holidays do."""

from datetime import date, datetime, time, timedelta

import pytest

from firstask_desktop.domain.deadlines import (
    AREAS,
    CATEGORIES,
    DEFAULT_RULES,
    SERVES,
    DeadlineRule,
    compute_deadlines,
)
from firstask_desktop.domain.workdays import seed_calendar

# Times of day that reach every case: the first minute, office hours, the last hour.
TIMES = (time(0, 1), time(9, 0), time(16, 30), time(23, 30))


def _every_moment(first: date, last: date):
    day = first
    while day <= last:
        for at in TIMES:
            yield datetime.combine(day, at)
        day += timedelta(days=1)


def test_a_complaint_received_before_national_day_is_contacted_by_its_reply_deadline():
    due = compute_deadlines(
        "complaint", datetime(2026, 9, 30, 10, 0), "rural", DEFAULT_RULES, seed_calendar()
    )
    # 5 calendar days → 10-05; 1 working day would be 10-09 (the holiday runs 10-01..10-08).
    assert due["reply"] == datetime(2026, 10, 5, 23, 59, 59)
    assert due["contact"] <= due["reply"]


# Rules an administrator may well set: a serving step in working days, the served one in days.
EDITED_RULES = DEFAULT_RULES + (
    DeadlineRule("report", "contact", "working_days", 3),
    DeadlineRule("business", "contact", "working_days", 2),
    DeadlineRule("suggestion", "contact", "calendar_days", 9),
)


@pytest.mark.parametrize("rules", [DEFAULT_RULES, EDITED_RULES], ids=["shipped", "edited"])
def test_every_rule_on_every_day_from_2020_to_2027_keeps_its_steps_in_order(rules):
    calendar = seed_calendar()
    broken = []
    for received in _every_moment(date(2020, 1, 1), date(2027, 12, 31)):
        for category in CATEGORIES:
            for area in AREAS:
                due = compute_deadlines(category, received, area, rules, calendar)
                for step, served in SERVES.items():
                    if step in due and served in due and due[step] > due[served]:
                        broken.append((category, area, received, step))
                if any(moment < received for moment in due.values()):
                    broken.append((category, area, received, "before receipt"))
    assert broken == []
