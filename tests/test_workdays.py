"""Working days under the holiday table: 春节/国庆 with 调休, fallback, and the shipped data."""

import json
import sys
from datetime import date, timedelta

import chinese_calendar
import pytest

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.domain.workdays import (
    HolidayCalendar,
    coverage_warning,
    day_pairs,
    load_seed_days,
    seed_calendar,
    seed_path,
    year_notice,
)


@pytest.fixture(scope="module")
def cal() -> HolidayCalendar:
    return seed_calendar()


def test_seed_file_matches_chinese_calendar_on_every_day_both_know(cal):
    # The table is generated from python-holidays; chinese-calendar ships only published notices.
    known = sorted({d.year for d in chinese_calendar.holidays})
    checked = [y for y in known if y in cal.years()]
    assert checked[0] <= 2020 and checked[-1] >= 2026, checked
    day = date(checked[0], 1, 1)
    while day <= date(checked[-1], 12, 31):
        assert cal.is_working_day(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_seed_file_is_sorted_chinese_and_marks_each_year():
    document = json.loads(seed_path().read_text(encoding="utf-8"))
    days = [r["day"] for r in document["days"]]
    assert days == sorted(days)
    assert days[0] >= "2020-01-01"
    status = document["year_status"]
    assert all(status[str(y)] == "official" for y in range(2020, 2027))
    # No State Council notice for 2027 was in the data when it was generated: statutory days only.
    assert status["2027"] == "provisional"
    assert {int(d[:4]) for d in days} == {int(y) for y in status}
    names = {(r["day"], r["kind"]): r["name"] for r in document["days"]}
    assert names[("2026-02-16", "holiday")] == "春节"
    assert names[("2026-02-14", "workday")] == "春节调休"
    assert names[("2025-10-06", "holiday")] == "中秋节"
    assert all(not r["name"].isascii() for r in document["days"])


def test_2027_spring_festival_and_national_day_deadlines_from_the_shipped_data(cal):
    # Received Friday 2027-02-05 (除夕): five working days skip 春节 (02-05 … 02-08).
    assert not cal.is_working_day(date(2027, 2, 5))
    assert not cal.is_working_day(date(2027, 2, 8))
    assert cal.add_working_days(date(2027, 2, 5), 5) == date(2027, 2, 15)
    # National Day 10-01 (Friday) is off; three working days from 09-30 end on 10-06.
    assert cal.add_working_days(date(2027, 9, 30), 3) == date(2027, 10, 6)
    # The year is an estimate until the county enters the notice.
    assert cal.is_estimate(date(2027, 2, 15)) and not cal.is_estimate(date(2026, 12, 31))


def test_spring_festival_2026_holiday_week_and_make_up_saturdays(cal):
    assert not cal.is_working_day(date(2026, 2, 16))  # Monday, 春节
    assert not cal.is_working_day(date(2026, 2, 23))  # Monday, last day of the break
    assert cal.is_working_day(date(2026, 2, 14))  # Saturday, 调休
    assert cal.is_working_day(date(2026, 2, 28))  # Saturday, 调休
    assert cal.is_working_day(date(2026, 2, 24))


def test_next_working_day_after_friday_before_spring_festival_is_make_up_saturday(cal):
    assert cal.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert cal.add_working_days(date(2026, 2, 14), 1) == date(2026, 2, 24)


def test_national_day_2025_counts_make_up_sunday_and_saturday(cal):
    # 9-28 is a working Sunday, 10-1..10-8 are off, 10-11 is a working Saturday.
    assert cal.add_working_days(date(2025, 9, 26), 1) == date(2025, 9, 28)
    assert cal.add_working_days(date(2025, 9, 30), 3) == date(2025, 10, 11)
    assert cal.working_days_between(date(2025, 9, 26), date(2025, 10, 12)) == 6


def test_zero_working_days_is_same_day_or_the_next_working_day(cal):
    assert cal.add_working_days(date(2026, 2, 13), 0) == date(2026, 2, 13)
    assert cal.add_working_days(date(2026, 2, 16), 0) == date(2026, 2, 24)
    with pytest.raises(ValueError):
        cal.add_working_days(date(2026, 2, 13), -1)


def test_working_days_between_excludes_start_and_is_zero_backwards(cal):
    assert cal.working_days_between(date(2026, 3, 2), date(2026, 3, 2)) == 0
    assert cal.working_days_between(date(2026, 3, 2), date(2026, 3, 3)) == 1
    assert cal.working_days_between(date(2026, 3, 9), date(2026, 3, 2)) == 0


def test_year_outside_data_falls_back_to_monday_to_friday(cal):
    # 2030-10-01 will surely be a holiday, but without data it is an ordinary Tuesday.
    assert cal.is_working_day(date(2030, 10, 1))
    assert not cal.is_working_day(date(2030, 10, 5))
    assert cal.add_working_days(date(2030, 10, 1), 1) == date(2030, 10, 2)
    assert cal.years_covered() == (2020, 2028)
    assert coverage_warning(cal, 2030) == (
        "2030年节假日数据缺失：暂按周一至周五估算，请导入县公司下发的节假日表"
    )
    assert coverage_warning(cal, 2027) == "2027年节假日安排尚未导入：暂按法定节假日估算，调休未计入"
    assert coverage_warning(cal, 2026) is None


def test_imported_county_table_extends_coverage(cal, tmp_path):
    county = tmp_path / "county.json"
    days = [{"day": "2030-10-01", "kind": "holiday", "name": "国庆节"}]
    county.write_text(json.dumps({"days": days}, ensure_ascii=False), encoding="utf-8")
    extra = day_pairs(load_seed_days(county))
    merged = HolidayCalendar.from_days(day_pairs(load_seed_days()) + extra)
    assert not merged.is_working_day(date(2030, 10, 1))
    assert merged.years_covered() == (2020, 2030)
    assert coverage_warning(merged, 2030) is None


def test_gap_year_is_not_covered():
    gap = HolidayCalendar.from_days([(date(2020, 1, 1), "holiday"), (date(2022, 1, 3), "holiday")])
    assert gap.years_covered() == (2020, 2022)
    assert coverage_warning(gap, 2021) is not None
    assert HolidayCalendar().years_covered() is None


def test_from_days_refuses_unknown_kind_and_contradictions():
    with pytest.raises(RefusedError, match="无法识别"):
        HolidayCalendar.from_days([(date(2026, 1, 1), "vacation")])
    with pytest.raises(RefusedError, match="2026-01-01"):
        HolidayCalendar.from_days([(date(2026, 1, 1), "holiday"), (date(2026, 1, 1), "workday")])


def test_bundled_app_reads_table_from_pyinstaller_dir(tmp_path, monkeypatch):
    target = tmp_path / "resources" / "holidays" / "cn-holidays.json"
    target.parent.mkdir(parents=True)
    days = [{"day": "2030-01-01", "kind": "holiday", "name": "元旦"}]
    target.write_text(json.dumps({"days": days}), encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert seed_path() == target
    assert seed_calendar().years_covered() == (2030, 2030)


def test_year_notice_from_first_of_november_when_next_year_is_not_official(cal):
    # 2027 is provisional in the shipped data: silent in October, warned from 1 November.
    assert year_notice(cal, date(2026, 10, 31)) is None
    station = year_notice(cal, date(2026, 11, 1))
    assert station.startswith("2027年节假日安排尚未导入") and "未计调休" in station
    county = year_notice(cal, date(2026, 11, 1), county=True)
    assert "设置 → 节假日" in county and "资料包" in county
    # Once the year is official nothing is said; a year with no data at all is named missing.
    official = HolidayCalendar.from_days(day_pairs(load_seed_days()), provisional=[2028])
    assert year_notice(official, date(2026, 12, 2)) is None
    assert "2031年节假日安排缺失" in year_notice(official, date(2031, 3, 1))
