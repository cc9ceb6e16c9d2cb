"""The county assessor: a breach of the station head travels to the county in the station's
sync file, is decided there (not by the head), and the decision comes back in the county's
package; an appeal decided at the county comes back with the breach it set aside."""

from __future__ import annotations

from datetime import datetime

import pytest
from support import PASSWORD
from sync_support import (
    county_db,  # noqa: F401 - fixture
    exchange_keys,
    export,
    import_at,
    make_county,
    make_station,
)

from firstask_desktop.domain.errors import NotAllowedError, RefusedError

LATER = datetime(2026, 4, 20, 9, 0)


@pytest.fixture
def sites(tmp_path, county_db):  # noqa: F811 - the fixture above
    county = make_county(tmp_path / "县公司", county_db)
    station = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=0)
    exchange_keys(county, station, usb=tmp_path / "U盘")
    return county, station, tmp_path / "U盘"


def test_the_heads_breach_and_an_appeal_are_decided_at_the_county(sites):
    from firstask_desktop.services import assessment, breaches
    from firstask_desktop.services import entries as svc
    from firstask_desktop.services.station import add_staff
    from firstask_desktop.store.integrity import check_database
    from firstask_desktop.store.models import Appeal, Staff, Violation
    from firstask_desktop.sync.package import write_package

    county, station, usb = sites
    with station.use():
        head, clerk = Staff.get(Staff.name == "王建国"), Staff.get(Staff.name == "李娜")
        for who, phone in ((head, "13800000001"), (clerk, "13800000002")):
            svc.register_entry(
                who, channel="来电", category="咨询", visitor="张三", phone=phone,
                matter="咨询电价", received_at=datetime(2026, 3, 10, 9), now=datetime(2026, 3, 10, 9),
            )  # fmt: skip
        assessment.scan(LATER, since=datetime(2026, 1, 1))
        own = Violation.get(Violation.responder == head)
        with pytest.raises(NotAllowedError, match="县公司考核员"):
            assessment.confirm(head, own.id)
        staff_breach = Violation.get(Violation.responder == clerk)
        assessment.confirm(head, staff_breach.id, now=LATER)
        breaches.appeal(clerk, staff_breach.id, "客户书面同意延期", now=LATER)
        own_uuid, staff_uuid = own.uuid, staff_breach.uuid
    import_at(county, export(station, usb).path, accept_new_station=True)
    with county.use():
        admin = Staff.get(Staff.name == "县管理员")
        add_staff(admin, name="赵考核", role="county_assessor", password=PASSWORD)
        assessor = Staff.get(Staff.name == "赵考核")
        with pytest.raises(RefusedError, match="县公司不运行考核检查"):
            assessment.scan(LATER)
        # Every station's proposals are on the county's list.
        pending = {v.uuid for v in assessment.violations("proposed")}
        assert own_uuid in pending
        assessment.confirm(assessor, Violation.get(Violation.uuid == own_uuid).id, now=LATER)
        (appeal,) = breaches.appeals(pending_only=True)
        breaches.decide_appeal(
            assessor, appeal["id"], "overturned", "有客户签字的延期单", now=LATER
        )
        package, counts = write_package(usb, now=LATER)
    assert counts["violation"] == 2 and counts["appeal"] == 1
    import_at(station, package)
    with station.use():
        decided = Violation.get(Violation.uuid == own_uuid)
        assert (decided.state, decided.decided_by.name) == ("confirmed", "赵考核")
        assert Violation.get(Violation.uuid == staff_uuid).state == "overturned"
        (kept,) = Appeal.select()
        assert kept.outcome == "overturned" and kept.decided_by.name == "赵考核"
        sheet = assessment.month_sheet("2026-03", now=LATER)
        assert [r["responder"] for r in sheet["confirmed"]] == ["王建国"]
        assert check_database() == []
