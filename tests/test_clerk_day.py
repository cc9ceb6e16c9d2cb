"""A clerk's day (issue 20), the core's part no other test held: right after an export the
station has nothing new to send; the one-time notice gives the station's phone when the
responder and her department have none."""

from __future__ import annotations

from datetime import timedelta

from reports_support import pdf_text, squeeze
from sync_support import T0, exchange_keys, export, make_county, make_station

from firstask_desktop.services import entries as svc
from firstask_desktop.store.models import Staff
from firstask_desktop.sync.status import station_sync_status


def test_right_after_an_export_no_change_is_counted_then_each_record_once(tmp_path):
    county = make_county(tmp_path / "县公司")
    station = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=4)
    exchange_keys(county, station, usb=tmp_path / "U盘")
    with station.use():
        assert station_sync_status()["changes_since_export"] > 0
    export(station, tmp_path / "U盘")
    with station.use():
        # The export's own bookkeeping is not a change ("1 项变化" right after an export).
        assert station_sync_status()["changes_since_export"] == 0
        entry = svc.register_entry(
            Staff.get(Staff.name == "李娜"), channel="来访", category="咨询", visitor="赵六",
            phone="13812340000", matter="咨询电价", received_at=T0 + timedelta(days=1),
            now=T0 + timedelta(days=1),
        )  # fmt: skip
        svc.reply_entry(
            Staff.get(Staff.name == "李娜"), entry.serial, "已解答", now=T0 + timedelta(days=1)
        )
        assert station_sync_status()["changes_since_export"] == 1  # one entry, two steps


def test_the_notice_gives_the_stations_phone_when_the_responder_has_none(people):
    from firstask_desktop.reports.notice import build_notice
    from firstask_desktop.store.models import Department, Station

    entry = svc.register_entry(
        people["李娜"], channel="来访", category="业务办理", visitor="张三",
        phone="13812345678", matter="新装用电", missing_documents=["户口本"],
    )  # fmt: skip
    assert not people["李娜"].phone
    Department.update(phone="").execute()
    Station.update(phone="0931-5220000").execute()
    text = squeeze(pdf_text(build_notice(entry.serial)))
    # The customer's slip: someone to call, never "李娜（）".
    assert "联系首问责任人李娜（0931-5220000）。" in text
    assert "李娜（）" not in text
