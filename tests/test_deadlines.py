"""Deadlines from the rule table: 调休, holidays, areas, precedence and the Chinese promise text."""

import re
from dataclasses import replace
from datetime import datetime

import pytest

from firstask_desktop.domain.deadlines import (
    DEFAULT_RULES,
    DeadlineRule,
    compute_deadlines,
    describe_rule,
    due_at,
    follow_up_due,
    pick_rule,
    validate_rule,
)
from firstask_desktop.domain.errors import ValidationError
from firstask_desktop.domain.workdays import HolidayCalendar, seed_calendar


@pytest.fixture(scope="module")
def cal() -> HolidayCalendar:
    return seed_calendar()


def deadlines(category, received_at, area="rural", rules=DEFAULT_RULES, calendar=None):
    return compute_deadlines(category, received_at, area, rules, calendar or seed_calendar())


def test_complaint_friday_before_spring_festival_contact_due_on_make_up_saturday():
    due = deadlines("complaint", datetime(2026, 2, 13, 16, 30))
    assert due["contact"] == datetime(2026, 2, 14, 23, 59, 59)
    # Calendar days run straight through the holiday.
    assert due["reply"] == datetime(2026, 2, 18, 23, 59, 59)
    assert set(due) == {"contact", "reply"}


def test_business_before_spring_festival_skips_the_holiday_week():
    due = deadlines("business", datetime(2026, 2, 13, 9, 0))
    # 2-14 (调休) is day 1, then 2-24..2-27; a plain Mon–Fri count would give 2-20.
    assert due == {"reply": datetime(2026, 2, 27, 23, 59, 59)}
    due = deadlines("business", datetime(2026, 2, 14, 9, 0))
    assert due == {"reply": datetime(2026, 2, 28, 23, 59, 59)}  # the second 调休 Saturday


def test_suggestion_around_national_day_2025_counts_make_up_days():
    due = deadlines("suggestion", datetime(2025, 9, 30, 11, 0))
    # 10-9, 10-10, 10-11 (调休 Saturday), 10-13, 10-14.
    assert due == {"reply": datetime(2025, 10, 14, 23, 59, 59)}


def test_follow_up_counts_working_days_from_reply_including_make_up_sunday(cal):
    due = follow_up_due(datetime(2025, 9, 26, 15, 0), "urban", DEFAULT_RULES, cal)
    assert due == datetime(2025, 9, 30, 23, 59, 59)  # 9-28 (Sunday 调休), 9-29, 9-30


def test_working_days_in_a_year_without_data_are_monday_to_friday():
    # 2030 is past the shipped table: 10-01 (Tuesday) counts as an ordinary working day.
    due = deadlines("business", datetime(2030, 9, 30, 10, 0))
    assert due == {"reply": datetime(2030, 10, 7, 23, 59, 59)}


def test_working_days_in_a_provisional_year_skip_its_statutory_holidays():
    # 2027 ships with its statutory days only: 国庆 10-01 (Friday) is off, the weekend too.
    due = deadlines("business", datetime(2027, 9, 30, 10, 0))
    assert due == {"reply": datetime(2027, 10, 8, 23, 59, 59)}


@pytest.mark.parametrize(
    ("area", "arrive", "restore"),
    [
        ("urban", datetime(2026, 2, 17, 23, 55), datetime(2026, 2, 18, 2, 10)),
        ("rural", datetime(2026, 2, 18, 0, 40), datetime(2026, 2, 18, 3, 10)),
        ("remote", datetime(2026, 2, 18, 1, 10), datetime(2026, 2, 18, 3, 10)),
    ],
)
def test_repair_minutes_depend_on_area_and_ignore_holidays(area, arrive, restore):
    due = deadlines("repair", datetime(2026, 2, 17, 23, 10), area)
    assert due == {"arrive": arrive, "restore": restore}


def test_calendar_days_end_at_last_second_of_the_day(cal):
    rule = pick_rule(DEFAULT_RULES, "report", "reply", "rural")
    assert due_at(datetime(2026, 3, 2, 23, 50), rule, cal) == datetime(2026, 3, 12, 23, 59, 59)
    assert due_at(datetime(2026, 3, 2, 0, 0), rule, cal) == datetime(2026, 3, 12, 23, 59, 59)


def test_praise_has_no_deadlines_and_consult_is_next_working_day():
    assert deadlines("praise", datetime(2026, 3, 2, 9, 0)) == {}
    due = deadlines("consult", datetime(2026, 4, 3, 17, 0))  # Friday before 清明 4-4..4-6
    assert due == {"reply": datetime(2026, 4, 7, 23, 59, 59)}


def test_edited_rule_table_changes_the_promise():
    rules = [replace(r, amount=7) if r.clock == "reply" else r for r in DEFAULT_RULES]
    due = deadlines("complaint", datetime(2026, 3, 2, 9, 0), rules=rules)
    assert due["reply"] == datetime(2026, 3, 9, 23, 59, 59)


def test_pick_rule_exact_category_beats_star_even_with_exact_area():
    star_area = DeadlineRule("*", "follow_up", "working_days", 3, area="remote")
    exact_cat = DeadlineRule("complaint", "follow_up", "working_days", 1)
    rules = [star_area, exact_cat]
    assert pick_rule(rules, "complaint", "follow_up", "remote") is exact_cat
    assert pick_rule(rules, "business", "follow_up", "remote") is star_area
    assert pick_rule(rules, "business", "follow_up", "urban") is None


def test_pick_rule_exact_area_beats_star_area_and_first_wins_among_equals():
    any_area = DeadlineRule("repair", "arrive", "minutes", 60)
    remote = DeadlineRule("repair", "arrive", "minutes", 150, area="remote")
    duplicate = DeadlineRule("repair", "arrive", "minutes", 999, area="remote")
    rules = [any_area, remote, duplicate]
    assert pick_rule(rules, "repair", "arrive", "remote") is remote
    assert pick_rule(rules, "repair", "arrive", "urban") is any_area


def test_follow_up_due_prefers_category_rule_and_is_none_without_rule(cal):
    rules = [*DEFAULT_RULES, DeadlineRule("complaint", "follow_up", "working_days", 1)]
    replied = datetime(2026, 3, 2, 10, 0)
    assert follow_up_due(replied, "rural", rules, cal, "complaint") == datetime(
        2026, 3, 3, 23, 59, 59
    )
    assert follow_up_due(replied, "rural", rules, cal) == datetime(2026, 3, 5, 23, 59, 59)
    assert follow_up_due(replied, "rural", [], cal) is None


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (DeadlineRule("complaint", "reply", "calendar_days", 5), "答复客户：5个自然日内"),
        (DeadlineRule("repair", "arrive", "minutes", 90), "到达现场：90分钟内"),
        (DeadlineRule("complaint", "contact", "working_days", 1), "首次联系客户：1个工作日内"),
        (DeadlineRule("repair", "restore", "minutes", 240), "恢复供电：240分钟内"),
        (DeadlineRule("*", "follow_up", "working_days", 3), "回访：3个工作日内"),
        (DeadlineRule("consult", "reply", "calendar_days", 0), "答复客户：当日内"),
    ],
)
def test_describe_rule_reads_as_the_clerks_promise(rule, text):
    assert describe_rule(rule) == text


def test_default_rules_are_valid_and_each_has_a_basis():
    for rule in DEFAULT_RULES:
        validate_rule(rule)
        assert rule.basis


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"unit": "hours"}, "time_unit"),
        ({"clock": "close"}, "clock"),
        ({"category": "other"}, "category"),
        ({"area": "suburban"}, "area"),
        ({"amount": -1}, "amount"),
        ({"amount": 100001}, "amount"),
        ({"amount": True}, "amount"),
    ],
)
def test_validate_rule_refuses_bad_values(change, field):
    rule = replace(DeadlineRule("complaint", "reply", "calendar_days", 5), **change)
    with pytest.raises(ValidationError) as err:
        validate_rule(rule)
    assert err.value.field == field
    # The message names what is wrong, for the administrator editing the table.
    assert re.search("未知的|时限数值应为0到100000之间的整数", err.value.message), err.value.message


def test_validate_rule_accepts_bounds_and_star(cal):
    star = DeadlineRule("*", "follow_up", "working_days", 0)
    longest = DeadlineRule("praise", "reply", "minutes", 100000, area="remote")
    for rule in (star, longest):
        assert validate_rule(rule) is None
    # Accepted means usable: the star rule applies to every category, the bounds give deadlines.
    assert pick_rule([star], "complaint", "follow_up", "urban") == star
    start = datetime(2026, 3, 10, 9, 0)  # a Tuesday
    assert due_at(start, star, cal) == datetime(2026, 3, 10, 23, 59, 59)
    assert due_at(start, longest, cal) == datetime(2026, 5, 18, 19, 40)  # 69 days 10 h 40 min later
    assert describe_rule(star) == "回访：当日（非工作日顺延）"
    assert describe_rule(DeadlineRule("repair", "arrive", "minutes", 0)) == "到达现场：立即"


def test_the_seed_marks_the_years_not_yet_announced_as_provisional(cal):
    # 2027 and 2028 come from the statutory rule, before the State Council's notice.
    assert cal.is_official(2026) and not cal.is_official(2027) and not cal.is_official(2028)


def test_an_area_specific_follow_up_rule_is_the_one_used(cal):
    remote = DeadlineRule("*", "follow_up", "working_days", 1, area="remote")
    rules = (*DEFAULT_RULES, remote)
    replied = datetime(2026, 3, 10, 15, 0)  # a Tuesday
    assert follow_up_due(replied, "remote", rules, cal) == datetime(2026, 3, 11, 23, 59, 59)
    assert follow_up_due(replied, "urban", rules, cal) == follow_up_due(
        replied, "urban", DEFAULT_RULES, cal
    )
