"""Next year's holidays: the county enters the notice, stations take it in, open deadlines follow.

The shipped table ends with 2026 official and 2027 provisional (statutory days only). From
1 November the app says so; the county types the year in (or imports a file), its package carries
it to the stations, and each station moves the deadlines of its open entries that fall in the
year — audited, and never a deadline that had already passed.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sync_support import PASSWORD, exchange_keys, import_at, make_county, make_station

from firstask_desktop.cli.runner import run
from firstask_desktop.domain.errors import NotAllowedError, RefusedError, ValidationError
from firstask_desktop.domain.holiday_year import make_plan, parse_file
from firstask_desktop.services import entries as svc
from firstask_desktop.services import holidays
from firstask_desktop.services.rules import current_calendar
from firstask_desktop.store.audit import record_table_state
from firstask_desktop.store.holiday_table import YEAR_STATUS_KEY, year_status
from firstask_desktop.store.models import AuditEvent, Entry, HolidayDay, Setting, Staff

# The county's 2027 as a (hypothetical) notice gives it: 元旦 1–4 January with Saturday 9 January
# worked instead; 春节 5–11 February with 14 February worked.
NOTICE_2027 = dict(
    holidays=[("元旦", "2027-01-01", "2027-01-04"), ("春节", "2027-02-05", "2027-02-11")],
    workdays=[("元旦调休", "2027-01-09"), ("春节调休", "2027-02-14")],
    source="国务院办公厅关于2027年部分节假日安排的通知",
)
DEC_28 = datetime(2026, 12, 28, 10, 0)  # a Monday


def plan_2027():
    return make_plan(2027, **NOTICE_2027)


@pytest.fixture
def county_and_station(tmp_path):
    county = make_county(tmp_path / "county")
    station = make_station(tmp_path / "station", "GS0101", "城关供电所", entries=0)
    exchange_keys(county, station, usb=tmp_path / "usb")
    return county, station, tmp_path / "usb"


def county_admin():
    return Staff.get(Staff.name == "县管理员")


def clerk():
    return Staff.get(Staff.name == "李娜")


def register_business(at: datetime) -> Entry:
    return svc.register_entry(
        clerk(),
        channel="visit",
        category="business",
        visitor="张三",
        phone="13812345678",
        matter="新装一户",
        received_at=at,
        now=at,
    )


# --- the year's checks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (dict(holidays=[("元旦", "2026-12-31", "2027-01-01")]), "holiday_range", "不在2027年内"),
        (dict(holidays=[("春节", "2027-02-11", "2027-02-05")]), "holiday_range", "早于开始日期"),
        (dict(holidays=[("春节", "2027-02-01", "2027-03-01")]), "holiday_range", "连续放假超过"),
        (dict(holidays=[("春节", "2027-2-5", "2027-02-11")]), "holiday_range", "无法识别"),
        (dict(holidays=[("", "2027-01-01", "2027-01-01")]), "holiday_name", "缺少名称"),
        (dict(holidays=[("元旦" * 11, "2027-01-01", "2027-01-01")]), "holiday_name", "过长"),
        (dict(holidays=[]), "holiday_range", "至少应有一个放假安排"),
        (dict(workdays=[("春节调休", "2027-02-15")]), "makeup_workday", "星期一"),
        (dict(workdays=[("春节调休", "2027-02-06")]), "makeup_workday", "既是“春节”放假日"),
        (dict(workdays=[("元旦调休", "2028-01-08")]), "makeup_workday", "不在2027年内"),
        (
            dict(workdays=[("春节调休", "2027-02-14"), ("又一次", "2027-02-14")]),
            "makeup_workday",
            "重复",
        ),
        (dict(source="依据" * 31), "holiday_source", "最多60字"),
    ],
)
def test_each_bad_year_is_refused_naming_the_field_in_chinese(change, field, words):
    values = {**NOTICE_2027, **change}
    with pytest.raises(ValidationError) as err:
        make_plan(2027, **values)
    assert err.value.field == field
    assert words in str(err.value)
    assert not str(err.value).isascii()


@pytest.mark.parametrize("year", [1999, 2100, "二〇二七", None])
def test_an_impossible_year_is_refused(year):
    with pytest.raises(ValidationError, match="年份应为2000到2099"):
        make_plan(year, **NOTICE_2027)


def test_a_csv_typed_in_a_spreadsheet_reads_as_the_same_year():
    text = (
        "\ufeff类型,名称,开始,结束\n"
        "放假,元旦,2027-01-01,2027-01-04\n"
        "放假,春节,2027-02-05,2027-02-11\n"
        "调休上班,元旦调休,2027-01-09,\n"
        "调休上班,春节调休,2027-02-14,\n"
    )
    plan, document = parse_file(text.encode("utf-8"), "2027.csv")
    assert document is None
    assert plan.days() == plan_2027().days()


@pytest.mark.parametrize(
    ("raw", "name", "words"),
    [
        (b"\xff\xfe\x00", "x.json", "不是 UTF-8"),
        (b"{not json", "x.json", "不是有效的 JSON"),
        (b'{"format": "other"}', "x.json", "不是首问登记的节假日文件"),
        (b'{"format": "firstask-holidays", "version": 9}', "x.json", "文件版本 9"),
        (
            b'{"format": "firstask-holidays", "version": 1, "year": 2027, "holidays": [{"n": 1}]}',
            "x.json",
            "应有 name、start、end",
        ),
        ("类型,名称,开始,结束\n休息,元旦,2027-01-01,\n".encode(), "x.csv", "第 2 行的类型"),
        (b"x" * 70_000, "x.json", "文件过大"),
    ],
)
def test_a_bad_file_is_refused_with_what_is_wrong(raw, name, words):
    with pytest.raises(ValidationError, match=words) as err:
        parse_file(raw, name)
    assert err.value.field == "holiday_file"


# --- the shipped data and the warnings ----------------------------------------------------------


def test_a_new_station_has_2027_provisional_and_is_warned_from_november(county_and_station):
    _county, station, _usb = county_and_station
    with station.use():
        assert year_status()[2026] == "official"
        assert year_status()[2027] == "provisional"
        assert holidays.notice(date(2026, 10, 31)) is None
        banner = holidays.notice(date(2026, 11, 1))
        assert banner.startswith("2027年节假日安排尚未导入")
        # Deadlines in 2027 are marked as estimates until the notice arrives.
        assert current_calendar().is_estimate(datetime(2027, 1, 5))


def test_a_station_set_up_before_2027_gains_the_shipped_years_on_upgrade(tmp_path):
    station = make_station(tmp_path / "old", "GS0102", "旧站", entries=0)
    with station.use():
        # As a station set up by the version whose table ended with 2026 left it.
        HolidayDay.delete().where(HolidayDay.day >= date(2027, 1, 1)).execute()
        Setting.delete().where(Setting.key == YEAR_STATUS_KEY).execute()
        record_table_state(HolidayDay, station="GS0102", actor="旧版本")
        record_table_state(Setting, station="GS0102", actor="旧版本")
        assert max(year_status()) == 2026
    with station.use():  # the new version opens it
        assert year_status()[2027] == "provisional" and year_status()[2026] == "official"
        assert not current_calendar().is_working_day(date(2027, 2, 8))  # 春节, statutory
        from firstask_desktop.store.integrity import check_database

        assert check_database() == []


def test_check_names_the_missing_year_but_still_passes(county_and_station, capsys, monkeypatch):
    _county, station, _usb = county_and_station
    monkeypatch.setattr(holidays, "today", lambda: date(2026, 11, 15))
    rc = run(["--data-dir", str(station.folder), "check"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "注意：2027年节假日安排尚未导入" in out and "检查通过" in out


# --- the county enters the year; the station takes it in ----------------------------------------


def test_county_year_reaches_the_station_and_moves_open_deadlines_audited(county_and_station):
    county, station, usb = county_and_station
    with station.use():
        open_entry = register_business(DEC_28)
        # Shipped 2027: 元旦 only on 01-01, so five working days end on Tuesday 01-05.
        assert open_entry.due_at == datetime(2027, 1, 5, 23, 59, 59)
        answered = register_business(DEC_28)
        svc.reply_entry(clerk(), answered.serial, "已办理", now=DEC_28)
        praised = svc.register_entry(
            clerk(),
            channel="visit",
            category="praise",
            visitor="李四",
            phone="13912345678",
            matter="表扬抢修班",
            result="已转达",
            received_at=DEC_28,
            now=DEC_28,
        )
    with county.use():
        changes = holidays.set_year(county_admin(), plan_2027(), now=DEC_28)
        assert changes == []  # the county registers nothing of its own
        assert year_status()[2027] == "official"
        from firstask_desktop.sync.package import write_package

        package, counts = write_package(usb, actor=county_admin(), now=DEC_28)
    result = import_at(station, package, now=datetime(2026, 12, 29, 8, 0))
    assert result.counts["deadlines_moved"] == 1
    assert "1 处未到期的时限随之调整" in result.message
    with station.use():
        assert year_status()[2027] == "official"
        assert holidays.notice(date(2026, 12, 29)) is None
        moved = Entry.get(Entry.serial == open_entry.serial)
        # 元旦 now runs to Monday 01-04: the fifth working day is Wednesday 01-06.
        assert moved.due_at == datetime(2027, 1, 6, 23, 59, 59)
        event = (
            AuditEvent.select()
            .where(
                (AuditEvent.record_uuid == moved.uuid) & (AuditEvent.action == "recompute_deadline")
            )
            .get()
        )
        assert json.loads(event.before)["due_at"].startswith("2027-01-05")
        assert json.loads(event.after)["due_at"].startswith("2027-01-06")
        assert event.actor.startswith("县公司资料包")
        # The answered entry's 回访 is due three working days after the reply, as before or not,
        # and the closed one is never touched.
        assert Entry.get(Entry.serial == praised.serial).status == "closed"
        assert Entry.get(Entry.serial == praised.serial).revision == praised.revision
        from firstask_desktop.store.integrity import check_database

        assert check_database() == []


def test_a_deadline_that_has_already_passed_stays_as_it_was_in_force(county_and_station):
    county, station, usb = county_and_station
    with station.use():
        entry = register_business(DEC_28)
    with county.use():
        holidays.set_year(county_admin(), plan_2027(), now=DEC_28)
        from firstask_desktop.sync.package import write_package

        package, _counts = write_package(usb, actor=county_admin(), now=DEC_28)
    # The package arrives after the old deadline (01-05 23:59:59) ran out.
    result = import_at(station, package, now=datetime(2027, 1, 6, 0, 30))
    assert result.counts["deadlines_moved"] == 0
    with station.use():
        assert Entry.get(Entry.serial == entry.serial).due_at == datetime(2027, 1, 5, 23, 59, 59)
        assert not current_calendar().is_working_day(date(2027, 1, 4))


def test_preview_shows_the_change_and_changes_nothing(county_and_station):
    _county, station, _usb = county_and_station
    with station.use():
        entry = register_business(DEC_28)
        before = Entry.get(Entry.serial == entry.serial).revision
        rows = holidays.preview_year(plan_2027(), now=DEC_28)
        assert rows == [
            {
                "serial": entry.serial,
                "field": "due_at",
                "label": "承诺时限",
                "old": "2027-01-05 23:59:59",
                "new": "2027-01-06 23:59:59",
            }
        ]
        assert Entry.get(Entry.serial == entry.serial).revision == before
        assert year_status()[2027] == "provisional"


def test_a_station_may_not_edit_the_calendar_but_imports_the_countys_signed_file(
    county_and_station,
):
    county, station, usb = county_and_station
    with county.use():
        holidays.set_year(county_admin(), plan_2027(), now=DEC_28)
        signed = holidays.export_year(county_admin(), 2027, usb)
    with station.use():
        admin = Staff.get(Staff.name == "管理员")
        with pytest.raises(NotAllowedError, match="供电所不能自行修改节假日"):
            holidays.set_year(admin, plan_2027(), now=DEC_28)
        with pytest.raises(NotAllowedError):
            holidays.import_year(clerk(), signed, now=DEC_28)  # a clerk is not an administrator
        entry = register_business(DEC_28)
        plan, changes = holidays.import_year(admin, signed, now=DEC_28)
        assert plan.status == "official" and [c.serial for c in changes] == [entry.serial]
        assert not current_calendar().is_working_day(date(2027, 1, 4))
        assert current_calendar().is_working_day(date(2027, 1, 9))


def forged_variants(signed_path, tmp_path, other_key_site) -> dict:
    """The county's file changed after signing, unsigned, and signed by another key."""
    document = json.loads(signed_path.read_text(encoding="utf-8"))
    edited = dict(document, workdays=[{"name": "春节调休", "day": "2027-02-13"}])
    unsigned = {k: v for k, v in document.items() if k != "signature"}
    out = {}
    for name, doc in (("edited", edited), ("unsigned", unsigned)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        out[name] = path
    with other_key_site.use():
        admin = Staff.get(Staff.name == "县管理员")
        holidays.set_year(admin, make_plan(2027, **NOTICE_2027), now=DEC_28)
        out["other_county"] = holidays.export_year(admin, 2027, tmp_path / "other.json")
    csv = tmp_path / "2027.csv"
    csv.write_text("类型,名称,开始,结束\n放假,元旦,2027-01-01,2027-01-04\n", encoding="utf-8")
    out["csv"] = csv
    return out


def test_a_station_refuses_every_file_the_county_did_not_sign(county_and_station, tmp_path):
    county, station, usb = county_and_station
    with county.use():
        holidays.set_year(county_admin(), plan_2027(), now=DEC_28)
        signed = holidays.export_year(county_admin(), 2027, usb)
    other = make_county(tmp_path / "other-county")
    for name, path in forged_variants(signed, tmp_path, other).items():
        with station.use():
            admin = Staff.get(Staff.name == "管理员")
            with pytest.raises(RefusedError, match="没有县公司的有效签名") as err:
                holidays.import_year(admin, path, now=DEC_28)
            assert path.name in str(err.value), name
            assert year_status()[2027] == "provisional", name


def test_the_county_imports_a_csv_and_the_cli_exports_it_signed(county_and_station, tmp_path):
    county, _station, usb = county_and_station
    csv = tmp_path / "2027.csv"
    csv.write_text(
        "类型,名称,开始,结束\n放假,元旦,2027-01-01,2027-01-04\n调休上班,元旦调休,2027-01-09,\n",
        encoding="utf-8",
    )
    env = {"FIRSTASK_PASSWORD": PASSWORD}
    base = ["--data-dir", str(county.folder), "--as", "县管理员", "holidays"]
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, value)
        assert run([*base, "import", str(csv)]) == 0
        assert run([*base, "export", "--year", "2027", "--out", str(usb)]) == 0
        assert (
            run([*base, "set", "--year", "2027", "--holiday", "元旦:2027-01-01..2026-12-30"]) == 2
        )
    document = json.loads((usb / "节假日-2027.json").read_text(encoding="utf-8"))
    assert document["holidays"] == [{"name": "元旦", "start": "2027-01-01", "end": "2027-01-04"}]
    assert document["workdays"] == [{"name": "元旦调休", "day": "2027-01-09"}]
    assert set(document["signature"]) == {"signer_public", "signature"}


def test_holiday_commands_need_a_login(county_and_station, capsys):
    _county, station, _usb = county_and_station
    assert run(["--data-dir", str(station.folder), "holidays", "list"]) == 2
    assert "--as" in capsys.readouterr().err


def test_nothing_half_changes_when_a_year_is_refused(county_and_station):
    county, _station, _usb = county_and_station
    with county.use():
        before = list(HolidayDay.select().tuples())
        bad = make_plan(2027, **NOTICE_2027)
        object.__setattr__(bad, "workdays", (bad.workdays[0].__class__("坏", date(2027, 1, 5)),))
        with pytest.raises(ValidationError):
            holidays.set_year(county_admin(), bad, now=DEC_28)
        assert list(HolidayDay.select().tuples()) == before


def test_the_receipt_marks_a_working_day_deadline_of_an_unconfirmed_year(county_and_station):
    from firstask_desktop.reports.receipt import receipt_data

    county, station, usb = county_and_station
    with station.use():
        business = register_business(DEC_28)
        complaint = svc.register_entry(
            clerk(),
            channel="letter",  # a walk-in has no first-contact clock
            category="complaint",
            visitor="王五",
            phone="13712345678",
            matter="电压低",
            received_at=datetime(2026, 12, 31, 10, 0),
            now=datetime(2026, 12, 31, 10, 0),
        )
        promises = dict(receipt_data(business.serial)["promises"])
        assert promises["答复办理结果"] == "2027-01-05 23:59 前（按工作日估算）"
        promises = dict(receipt_data(complaint.serial)["promises"])
        # Contact in one working day is an estimate; the reply in five calendar days is not.
        assert promises["首次联系您"].endswith("（按工作日估算）")
        assert promises["答复办理结果"] == "2027-01-05 23:59 前"
        admin = Staff.get(Staff.name == "管理员")
    with county.use():
        holidays.set_year(county_admin(), plan_2027(), now=DEC_28)
        signed = holidays.export_year(county_admin(), 2027, usb)
    with station.use():
        holidays.import_year(admin, signed, now=DEC_28)
        promises = dict(receipt_data(business.serial)["promises"])
        assert promises["答复办理结果"] == "2027-01-06 23:59 前"
