"""The station, its deadline rules and the holiday calendar are remembered between saves
(watched_tables) and read again as soon as they may have changed: edited by this program through
any code, by another program, or changed and rolled back."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from support import T0
from sync_support import county_db  # noqa: F401 - the fixture, for the PostgreSQL county

from firstask_desktop.demo import bulk_demo as bulk
from firstask_desktop.services import entries as svc
from firstask_desktop.services.rules import current_calendar, rule_rows, update_rule
from firstask_desktop.services.station import local_station
from firstask_desktop.store import config, db
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import DeadlineRuleRow, HolidayDay, Staff
from firstask_desktop.store.storage import current_folder, open_store

WED, THU = date(2026, 3, 11), date(2026, 3, 12)  # T0 is Tuesday 10 March 2026


def _end(day: date) -> datetime:
    return datetime.combine(day, datetime.max.time()).replace(microsecond=0)


def _contact_due(clerk) -> datetime:
    """A complaint received by letter at T0 must be answered within 1 working day."""
    entry = svc.register_entry(
        clerk,
        channel="来信",
        category="投诉",
        visitor="张三",
        phone="13812345678",
        matter="电压长期偏低",
        received_at=T0,
        now=T0,
    )
    return entry.contact_due_at


def _another_program():
    return sqlite3.connect(config.db_path(current_folder()))


def _day_off(day: date, name: str = "临时放假") -> HolidayDay:
    return HolidayDay.create(day=day, kind="holiday", name=name, source="测试")


def test_a_holiday_this_program_adds_or_removes_moves_the_next_deadline(people):
    clerk = people["李娜"]
    assert _contact_due(clerk) == _end(WED)
    _day_off(WED)
    assert _contact_due(clerk) == _end(THU)
    HolidayDay.delete().where(HolidayDay.day == WED).execute()
    assert _contact_due(clerk) == _end(WED)


def test_a_holiday_another_program_adds_moves_the_next_deadline(people):
    clerk = people["李娜"]
    assert _contact_due(clerk) == _end(WED)
    con = _another_program()
    con.execute(
        "INSERT INTO holiday_day (day, kind, name, source) "
        "VALUES ('2026-03-11', 'holiday', '临时放假', 'sqlite3')"
    )
    con.commit()
    assert _contact_due(clerk) == _end(THU)
    con.execute("UPDATE holiday_day SET day = '2026-03-12' WHERE day = '2026-03-11'")
    con.commit()
    con.close()
    assert _contact_due(clerk) == _end(WED)


def test_a_holiday_rolled_back_is_not_remembered_after_another_change(people):
    assert current_calendar().is_working_day(WED)
    with pytest.raises(RuntimeError), db.transaction():
        _day_off(WED)
        assert not current_calendar().is_working_day(WED)  # read inside the transaction
        raise RuntimeError("取消")
    assert current_calendar().is_working_day(WED)
    _day_off(THU)  # as many changes as the rolled-back one: a count going back would match it
    calendar = current_calendar()
    assert calendar.is_working_day(WED) and not calendar.is_working_day(THU)


def _complaint_contact_rule() -> DeadlineRuleRow:
    return next(r for r in rule_rows() if r.category == "complaint" and r.clock == "contact")


def test_a_rule_edited_here_or_elsewhere_gives_the_next_entry_the_new_deadline(people):
    clerk, admin = people["李娜"], people["管理员"]
    assert _contact_due(clerk) == _end(WED)
    update_rule(admin, _complaint_contact_rule().id, unit="working_days", amount=2, now=T0)
    assert _contact_due(clerk) == _end(THU)
    con = _another_program()
    con.execute(
        "UPDATE deadline_rule SET unit = 'minutes', amount = 30 WHERE id = ?",
        (_complaint_contact_rule().id,),
    )
    con.commit()
    con.close()
    assert _contact_due(clerk) == datetime(2026, 3, 10, 9, 30)


def test_a_station_edited_here_or_elsewhere_is_seen_at_once(people):
    clerk, admin = people["李娜"], people["管理员"]
    mine = local_station()
    mine.name = "改了但没保存"
    assert local_station().name == "城关供电所"  # each caller gets its own record
    repair = dict(
        channel="来电",
        category="报修",
        visitor="张三",
        phone="13812345678",
        matter="停电",
        received_at=T0,
        now=T0,
    )
    assert svc.register_entry(clerk, **repair).arrive_due_at == datetime(2026, 3, 10, 10, 30)
    station = local_station()
    station.area = "remote"
    save_audited(station, actor=admin, action="edit_station", at=T0)
    assert svc.register_entry(clerk, **repair).arrive_due_at == datetime(2026, 3, 10, 11, 0)
    con = _another_program()
    con.execute("UPDATE station SET area = 'urban', name = '城关所' WHERE is_local = 1")
    con.commit()
    con.close()
    assert local_station().name == "城关所"
    assert svc.register_entry(clerk, **repair).arrive_due_at == datetime(2026, 3, 10, 9, 45)


def test_a_reopened_store_reads_them_afresh(people, store):
    clerk = people["李娜"]
    assert _contact_due(clerk) == _end(WED)
    db.close()
    con = _another_program()
    con.execute(
        "INSERT INTO holiday_day (day, kind, name, source) "
        "VALUES ('2026-03-11', 'holiday', '临时放假', 'sqlite3')"
    )
    con.commit()
    con.close()
    open_store(store)
    assert _contact_due(Staff.get(Staff.name == "李娜")) == _end(THU)


def test_holidays_edited_anywhere_are_seen_on_either_database(tmp_path, county_db):  # noqa: F811
    open_store(tmp_path / "data", county_db)
    try:
        bulk.new_station("GS0101", "城关供电所", now=datetime(2025, 11, 1), seed=5)
        clerk = Staff.get(Staff.name == "李娜")
        assert _contact_due(clerk) == _end(WED)
        _day_off(WED)
        assert _contact_due(clerk) == _end(THU)
        if county_db:
            import psycopg2

            con = psycopg2.connect(county_db)
        else:
            con = _another_program()
        con.cursor().execute("DELETE FROM holiday_day WHERE day = '2026-03-11'")
        con.commit()
        con.close()
        assert _contact_due(clerk) == _end(WED)
    finally:
        db.close()
