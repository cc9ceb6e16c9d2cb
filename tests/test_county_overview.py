"""The county office's day: five stations merged at the county, each with its own 李娜.

Per-person figures keep the two stations' 李娜 apart (statistics, print, assessment); the
overview's figures are the per-station registers'; a station whose last file is 35 days old is
flagged; each station's overdue list prints on its own page with the head's signature line.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from reports_support import pdf_text, squeeze
from support import PASSWORD
from sync_support import (
    exchange_keys,
    export,
    fresh_postgres_database,
    import_at,
    make_county,
    make_station,
)

from firstask_desktop.domain.errors import NotAllowedError, ValidationError

NOW = datetime(2026, 4, 20, 9, 0)
MONTH = "2026-03"
# code, name, entries: different sizes, so that a mix-up shows in the figures.
STATIONS = (
    ("GS0101", "城关供电所", 6),
    ("GS0102", "夏官营供电所", 3),
    ("GS0103", "金崖供电所", 5),
    ("GS0104", "和平供电所", 2),
    ("GS0105", "甘草店供电所", 4),
)
STALE = "GS0105"  # its file came in on 16 March: 35 days before NOW


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def county_day(request, tmp_path_factory):
    """A county and five stations; the first two confirm 李娜's breaches before exporting."""
    from firstask_desktop.services import assessment
    from firstask_desktop.store.models import Staff

    root = tmp_path_factory.mktemp("county-day")
    with _county_database(request) as url:
        county = make_county(root / "县公司", url)
        stations = {
            code: make_station(root / code, code, name, entries=n) for code, name, n in STATIONS
        }
        usb = root / "U盘"
        exchange_keys(county, *stations.values(), usb=usb)
        for site in list(stations.values())[:2]:
            with site.use():
                head = Staff.get(Staff.name == "王建国")
                assessment.scan(NOW, since=datetime(2026, 1, 1))
                for proposal in assessment.violations("proposed"):
                    if proposal.responder.name == "李娜":
                        assessment.confirm(head, proposal.id, now=NOW)
        for code, site in stations.items():
            at = NOW - timedelta(days=35) if code == STALE else NOW - timedelta(days=2)
            import_at(county, export(site, usb / code).path, accept_new_station=True, now=at)
        yield county, stations


class _county_database:
    def __init__(self, request):
        self.request = request
        self.context = None

    def __enter__(self):
        if self.request.param == "sqlite":
            return None
        server = self.request.getfixturevalue("postgres_server")
        self.context = fresh_postgres_database(server)
        return self.context.__enter__()

    def __exit__(self, *exc):
        if self.context is not None:
            self.context.__exit__(*exc)


def _station_figures(site) -> dict:
    from firstask_desktop.services.month_stats import month_stats

    with site.use():
        return {p["name"]: p for p in month_stats(MONTH, NOW)["responders"]}


def test_two_stations_lina_are_two_people_in_the_statistics(county_day):
    from firstask_desktop.reports.statistics import render_stats
    from firstask_desktop.services.month_stats import month_stats

    county, stations = county_day
    at_station = {code: _station_figures(site)["李娜"] for code, site in stations.items()}
    with county.use():
        stats = month_stats(MONTH, NOW)
        pdf = pdf_text(render_stats(stats))
    lina = {p["station"]: p for p in stats["responders"] if p["name"] == "李娜"}
    assert set(lina) == set(stations)
    for code, person in lina.items():
        # The county's line for this station's 李娜 is her station's own line.
        for key in ("total", "reply_on_time", "reply_late", "overdue", "unresolved"):
            assert person[key] == at_station[code][key], (code, key)
    assert lina["GS0101"]["label"] == "李娜（城关所）"
    assert lina["GS0102"]["label"] == "李娜（夏官营所）"
    assert lina["GS0101"]["total"] != lina["GS0102"]["total"]
    text = squeeze(pdf)
    assert "李娜（城关所）" in text and "李娜（夏官营所）" in text


def test_two_stations_lina_are_two_people_in_the_assessment(county_day):
    from firstask_desktop.reports.assessment_sheet import render_assessment
    from firstask_desktop.services.assessment import month_sheet

    county, stations = county_day
    fined = {}
    for code in ("GS0101", "GS0102"):
        with stations[code].use():
            (person,) = month_sheet(MONTH, now=NOW)["by_person"]
            assert person["name"] == "李娜"
            fined[code] = (person["count"], person["amount_fen"])
    with county.use():
        sheet = month_sheet(MONTH, now=NOW)
        text = squeeze(pdf_text(render_assessment(sheet)))
    people = {p["name"]: (p["count"], p["amount_fen"]) for p in sheet["by_person"]}
    assert people == {"李娜（城关所）": fined["GS0101"], "李娜（夏官营所）": fined["GS0102"]}
    assert all(count > 0 for count, _fen in people.values())
    assert "李娜（城关所）" in text and "李娜（夏官营所）" in text


def test_the_overview_is_what_each_stations_register_shows(county_day):
    from firstask_desktop.services.county_overview import county_overview
    from firstask_desktop.services.queries import EntryFilter, count_entries

    county, stations = county_day
    with county.use():
        overview = county_overview(MONTH, NOW)
        rows = {r["code"]: r for r in overview["stations"]}
        assert list(rows) == [code for code, _name, _n in STATIONS]
        for code in stations:
            row = rows[code]
            register = {
                "entries": EntryFilter(month=MONTH, station=code, include_void=False),
                "open": EntryFilter(status="open", station=code),
                "overdue": EntryFilter(overdue=True, station=code),
                "escalated": EntryFilter(status="unresolved", station=code),
            }
            for key, flt in register.items():
                assert row[key] == count_entries(flt, now=NOW), (code, key)
    # ... and what the station's own register shows.
    for code, site in stations.items():
        with site.use():
            assert rows[code]["overdue"] == count_entries(EntryFilter(overdue=True), now=NOW)
            assert rows[code]["open"] == count_entries(EntryFilter(status="open"), now=NOW)
    big = rows["GS0101"]
    assert big["overdue"] > 0 and big["oldest_overdue"]["serial"].startswith("GS0101-")
    assert big["short_name"] == "城关所"
    assert overview["totals"]["overdue"] == sum(r["overdue"] for r in rows.values())


def test_a_station_with_no_file_for_35_days_is_flagged(county_day):
    from firstask_desktop.services.county_overview import county_overview, set_sync_interval_days
    from firstask_desktop.store.models import Staff

    county, _stations = county_day
    with county.use():
        rows = {r["code"]: r for r in county_overview(MONTH, NOW)["stations"]}
        assert rows[STALE]["sync_age_days"] == 35 and rows[STALE]["sync_late"]
        assert [code for code, row in rows.items() if row["sync_late"]] == [STALE]
        assert rows["GS0101"]["last_file"].startswith("GS0101")
        # A county that wants a file every fortnight sees the others as still fine...
        admin = Staff.get(Staff.name == "县管理员")
        try:
            set_sync_interval_days(admin, 2, now=NOW)
            late = {r["code"] for r in county_overview(MONTH, NOW)["stations"] if r["sync_late"]}
            assert late == set(rows)  # two days old is two days too many at 2
            with pytest.raises(ValidationError, match="1 到 366 天"):
                set_sync_interval_days(admin, 0, now=NOW)
        finally:
            set_sync_interval_days(admin, 35, now=NOW)


def test_only_an_administrator_sets_the_sync_interval(county_day):
    from firstask_desktop.services.county_overview import set_sync_interval_days
    from firstask_desktop.services.station import add_staff
    from firstask_desktop.store.models import Staff

    county, _stations = county_day
    with county.use():
        admin = Staff.get(Staff.name == "县管理员")
        if not Staff.select().where(Staff.name == "钱考核").exists():
            add_staff(admin, name="钱考核", role="county_assessor", password=PASSWORD, now=NOW)
        with pytest.raises(NotAllowedError):
            set_sync_interval_days(Staff.get(Staff.name == "钱考核"), 10, now=NOW)


def test_each_stations_overdue_list_prints_on_its_own_page(county_day):
    from firstask_desktop.reports.county_sheets import render_overdue_lists
    from firstask_desktop.services.county_overview import overdue_lists

    county, stations = county_day
    with county.use():
        lists = overdue_lists(now=NOW)
        pdf = render_overdue_lists(lists)
    by_code = {s["code"]: s for s in lists["stations"]}
    assert [s["code"] for s in lists["stations"]] == list(stations)
    for code, site in stations.items():
        with site.use():
            from firstask_desktop.services.queries import EntryFilter, list_entries

            serials = {e.serial for e in list_entries(EntryFilter(overdue=True), now=NOW)}
        assert {r["serial"] for r in by_code[code]["rows"]} == serials
        assert by_code[code]["head"] == "王建国"
    pages = pdf_text(pdf).split("\f")
    assert len(pages) == len(stations)
    for page, (code, name, _n) in zip(pages, STATIONS, strict=True):
        text = squeeze(page)
        assert name in text and "所长签字" in text
        for row in by_code[code]["rows"]:
            assert row["serial"] in text
        others = [c for c in stations if c != code]
        assert not any(f"{c}-2026" in text for c in others)


def test_the_overview_exported_to_excel_has_a_row_per_station(county_day, tmp_path):
    from openpyxl import load_workbook

    from firstask_desktop.services.county_overview import county_overview, export_overview_excel
    from firstask_desktop.store.models import Staff

    county, stations = county_day
    with county.use():
        overview = county_overview(MONTH, NOW)
        path = export_overview_excel(
            Staff.get(Staff.name == "县管理员"), tmp_path / "总览.xlsx", overview
        )
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][:5] == ("供电所", "编码", "本月登记", "未办结", "已超期")
    by_code = {r[1]: r for r in rows[1:]}
    assert set(by_code) == set(stations)
    for row in overview["stations"]:
        assert by_code[row["code"]][2:5] == (row["entries"], row["open"], row["overdue"])
    assert by_code[STALE][14] == "是" and by_code["GS0101"][14] is None


def test_the_command_line_prints_the_overview_and_one_stations_overdue_list(
    county_day, tmp_path, capsys, monkeypatch
):
    from firstask_desktop.cli.runner import run

    county, _stations = county_day
    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    common = ["--data-dir", str(county.folder), "--as", "县管理员"]
    if county.database_url:
        common += ["--db", county.database_url]
    overview, overdue = tmp_path / "总览.pdf", tmp_path / "超期.pdf"
    assert run([*common, "print", "overview", "--month", MONTH, "--out", str(overview)]) == 0
    assert "逾期" in squeeze(pdf_text(overview.read_bytes()))
    args = ["print", "overdue", "--station", "gs0103", "--out", str(overdue)]
    assert run([*common, *args]) == 0
    text = pdf_text(overdue.read_bytes())
    assert "\f" not in text and "金崖供电所" in squeeze(text)
    capsys.readouterr()
    args = ["print", "overdue", "--station", "GS0999", "--out", str(tmp_path / "x.pdf")]
    assert run([*common, *args]) == 2
    assert "没有编码为“GS0999”的供电所" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
