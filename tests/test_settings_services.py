"""Core services behind the desktop settings and 待办 screens: rule edits, departments, holidays,
the "due this week" filter."""

from datetime import datetime, timedelta

import pytest
from support import T0

from firstask_desktop.domain.errors import NotAllowedError, ValidationError
from firstask_desktop.services import entries as svc
from firstask_desktop.services.queries import EntryFilter, counts, list_entries
from firstask_desktop.services.rules import (
    DeadlineBook,
    holiday_years,
    holidays_in_year,
    rule_rows,
    update_rule,
)
from firstask_desktop.services.station import list_departments
from firstask_desktop.store.models import AuditEvent


def _complaint_rule():
    return next(r for r in rule_rows() if r.category == "complaint" and r.clock == "reply")


def test_admin_changes_a_rule_and_new_entries_get_the_new_deadline(people):
    admin = people["管理员"]
    row = _complaint_rule()
    update_rule(admin, row.id, unit="calendar_days", amount=3, basis="县公司2026年新规定", now=T0)
    book = DeadlineBook("rural")
    assert book.for_entry("complaint", T0)["reply"] == datetime(2026, 3, 13, 23, 59, 59)
    stored = _complaint_rule()
    assert (stored.amount, stored.basis, stored.revision) == (3, "县公司2026年新规定", 2)
    event = (
        AuditEvent.select()
        .where(AuditEvent.record_uuid == stored.uuid)
        .order_by(AuditEvent.seq.desc())
        .first()
    )
    assert event.action == "edit_rule" and event.actor == "管理员"


def test_a_clerk_may_not_change_rules(people):
    with pytest.raises(NotAllowedError, match="管理员"):
        update_rule(people["李娜"], _complaint_rule().id, unit="calendar_days", amount=1)
    assert _complaint_rule().amount == 5


@pytest.mark.parametrize(
    ("unit", "amount", "field"),
    [
        ("weeks", 1, "time_unit"),
        ("calendar_days", -1, "amount"),
        ("minutes", "三", "amount"),
    ],
)
def test_bad_rule_values_name_their_field(people, unit, amount, field):
    with pytest.raises(ValidationError) as caught:
        update_rule(people["管理员"], _complaint_rule().id, unit=unit, amount=amount)
    assert caught.value.field == field
    assert _complaint_rule().amount == 5


def test_departments_and_holidays_for_the_settings_screen(station):
    names = [d.name for d in list_departments()]
    assert names[0] == "营业班" and "抢修班" in names
    assert 2026 in holiday_years()
    days = {d.day: d.kind for d in holidays_in_year(2026)}
    assert days[datetime(2026, 10, 1).date()] == "holiday"
    assert all(d.year == 2026 for d in days)


def test_due_week_lists_open_entries_due_after_today_within_seven_days(people):
    clerk = people["李娜"]
    week = svc.register_entry(
        clerk,
        channel="来访",
        category="投诉",
        visitor="张三",
        phone="13812345678",
        matter="电压低",
        now=T0,
    )
    svc.register_entry(
        clerk,
        channel="来访",
        category="咨询",
        visitor="李四",
        phone="13812345679",
        matter="电价",
        now=T0,
        result="已当场讲解",
    )
    later = T0 + timedelta(hours=1)
    found = [e.serial for e in list_entries(EntryFilter(due_week=True), now=later)]
    assert found == [week.serial]
    assert counts(later)["due_week"] == 1
    assert list(list_entries(EntryFilter(due_week=True), now=T0 + timedelta(days=5, hours=1))) == []


def test_a_customers_matters_are_found_by_their_uuid(people):
    from firstask_desktop.store.models import Customer

    clerk = people["李娜"]
    first = svc.register_entry(
        clerk,
        channel="来访",
        category="投诉",
        visitor="张三",
        phone="13812345678",
        matter="电压低",
        now=T0,
    )
    svc.register_entry(
        clerk,
        channel="来电",
        category="咨询",
        visitor="张三",
        phone="13812345678",
        matter="电价",
        now=T0 + timedelta(hours=1),
    )
    svc.register_entry(
        clerk,
        channel="来访",
        category="咨询",
        visitor="李四",
        phone="13812345679",
        matter="电价",
        now=T0,
    )
    customer = Customer.get(Customer.id == first.customer_id)
    found = list(list_entries(EntryFilter(customer=customer.uuid), now=T0 + timedelta(hours=2)))
    assert sorted(e.visitor for e in found) == ["张三", "张三"]
