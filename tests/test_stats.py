"""month_stats: the figures of the statistics table and the GUI's 统计 view, checked against a
month built entry by entry with known outcomes."""

from datetime import datetime, timedelta

import pytest

from firstask_desktop.domain.errors import IllegalStepError, ValidationError
from firstask_desktop.services import entries as svc
from firstask_desktop.services.month_stats import month_stats, previous_month, summary

NOW = datetime(2026, 4, 10, 12, 0)


def _add(actor, at, category, channel, **extra):
    return svc.register_entry(
        actor,
        channel=channel,
        category=category,
        visitor="钱多多",
        phone="13812345678",
        matter="测试事项",
        received_at=at,
        now=at + timedelta(minutes=1),
        **extra,
    )


@pytest.fixture
def march(people):
    """Six live entries and one void in March 2026, one in February, one in April."""
    li, zhang = people["李娜"], people["张伟"]
    day = lambda d, h=9: datetime(2026, 3, d, h, 0)  # noqa: E731
    # E1 complaint: replied on time, follow-up on time, satisfied.
    e1 = _add(li, day(10), "complaint", "visit")
    svc.reply_entry(li, e1.serial, "已处理", now=day(12))
    svc.record_follow_up(li, e1.serial, method="phone", satisfaction="satisfied", now=day(13))
    # E2 complaint: replied late (due 03-15), never followed up.
    e2 = _add(li, day(10, 10), "complaint", "phone")
    svc.reply_entry(li, e2.serial, "已处理", now=day(20))
    # E3 consult answered on the spot, followed up next day: basic.
    e3 = _add(zhang, day(10, 11), "consult", "visit", result="当场答复")
    svc.record_follow_up(zhang, e3.serial, method="phone", satisfaction="basic", now=day(11))
    # E4 repair: never answered (open, overdue).
    e4 = _add(zhang, day(11), "repair", "phone")
    # E5 report: cannot be solved, escalated in time, but the customer was never told why: a
    # report is not an answer, so there is nothing to follow up (the attempt is refused).
    e5 = _add(zhang, day(12), "report", "letter")
    svc.mark_unresolved(zhang, e5.serial, "需列入改造计划，电话 0931-5221234 咨询", now=day(13))
    with pytest.raises(IllegalStepError):
        svc.record_follow_up(
            zhang, e5.serial, method="visit", satisfaction="satisfied", now=day(14)
        )
    # E6 query on the spot, but the customer is unsatisfied: reopened, then left open.
    e6 = _add(li, day(13), "query", "online", result="当场答复")
    svc.record_follow_up(li, e6.serial, method="phone", satisfaction="unsatisfied", now=day(16))
    # E7 void.
    e7 = _add(zhang, day(15), "consult", "visit")
    svc.void_entry(zhang, e7.serial, "重复登记", now=day(15, 10))
    _add(li, datetime(2026, 2, 20, 9, 0), "consult", "visit")
    _add(li, datetime(2026, 4, 1, 9, 0), "consult", "visit")
    return {"e2": e2.serial, "e4": e4.serial, "e5": e5.serial, "e6": e6.serial}


def _by_code(rows):
    return {row["code"]: row["count"] for row in rows}


def test_counts_by_category_channel_and_status(march):
    stats = month_stats("2026-03", NOW)
    assert stats["total"] == 6 and stats["void"] == 1
    assert _by_code(stats["by_category"]) == {
        "consult": 1,
        "query": 1,
        "complaint": 2,
        "report": 1,
        "repair": 1,
        "business": 0,
        "suggestion": 0,
        "praise": 0,
    }
    assert _by_code(stats["by_channel"]) == {
        "visit": 2,
        "phone": 2,
        "letter": 1,
        "online": 1,
        "hotline_95598": 0,
    }
    statuses = _by_code(stats["by_status"])
    assert statuses["followed_up"] == 2 and statuses["replied"] == 1
    assert statuses["unresolved"] == 1
    assert statuses["registered"] == 1 and statuses["in_progress"] == 1 and statuses["void"] == 1


def test_on_time_rates_and_satisfaction(march):
    stats = month_stats("2026-03", NOW)
    # On time: E1, E3; late: E2, E4, E6 (reopened, open) and E5: escalated is not answered.
    assert stats["reply"] == {"on_time": 2, "late": 4, "pending": 0, "rate": 2 / 6}
    assert stats["escalated"] == 1  # counted apart, as 已上报
    # E1, E3 followed up in time; E2 never. E6's follow-up clock ended when it reopened.
    assert stats["follow_up"] == {"on_time": 2, "late": 1, "pending": 0, "rate": 2 / 3}
    assert stats["satisfaction"] == {
        "satisfied": 1,
        "basic": 1,
        "unsatisfied": 1,
        "rated": 3,
        "rate": 2 / 3,
    }


def test_pending_deadlines_are_left_out_of_the_rate(march):
    early = month_stats("2026-03", datetime(2026, 3, 11, 10, 0))
    # At 03-11 10:00 E4, E5 and E6 have their deadlines ahead (E6's answer on the spot no longer
    # counts: the customer was unsatisfied and it reopened, with a new deadline): pending, not
    # late, and out of the rate. E2's answer on record (03-20) came after its 03-15 deadline.
    assert early["reply"] == {"on_time": 2, "late": 1, "pending": 3, "rate": 2 / 3}
    # E2 was never followed up, but at 03-11 its follow-up clock has not run out; E6 reopened,
    # so its follow-up no longer counts.
    assert early["follow_up"] == {"on_time": 2, "late": 0, "pending": 1, "rate": 1.0}


def test_overdue_and_unresolved_lists_are_masked(march):
    stats = month_stats("2026-03", NOW)
    overdue = {row["serial"]: row for row in stats["overdue"]}
    assert set(overdue) == {march["e2"], march["e4"], march["e5"], march["e6"]}
    assert overdue[march["e2"]]["what"] == "回访"
    assert overdue[march["e4"]]["what"] == "答复"
    assert overdue[march["e5"]]["what"] == "答复"  # reported, still owed an answer
    assert all(row["visitor"] == "钱*" for row in stats["overdue"])
    (unresolved,) = stats["unresolved"]
    assert unresolved["serial"] == march["e5"] and unresolved["visitor"] == "钱*"
    assert "0931-5221234" not in unresolved["reason"] and "0931-" in unresolved["reason"]


def test_per_responder_table(march):
    people = {row["name"]: row for row in month_stats("2026-03", NOW)["responders"]}
    assert set(people) == {"李娜", "张伟"}
    li, zhang = people["李娜"], people["张伟"]
    assert (li["total"], li["reply_on_time"], li["reply_late"], li["overdue"]) == (3, 1, 2, 2)
    assert (zhang["total"], zhang["reply_on_time"], zhang["reply_late"]) == (3, 1, 2)
    assert (zhang["overdue"], zhang["unresolved"], zhang["escalated"]) == (2, 1, 1)
    assert zhang["satisfaction_rate"] == 1.0
    assert li["satisfaction_rate"] == 0.5


def test_comparison_with_the_previous_month(march):
    stats = month_stats("2026-03", NOW)
    assert stats["previous"]["month"] == "2026-02"
    assert stats["previous"]["total"] == 1
    assert stats["previous"]["by_category"]["consult"] == 1
    assert previous_month("2026-01") == "2025-12"
    # The month before is read for its headline figures only: the same as the whole month's.
    april = month_stats("2026-04", NOW)["previous"]
    assert april == summary(month_stats("2026-03", NOW, with_previous=False))
    # March's figures as the tests above know them: E2, E4, E5, E6 overdue; E5 unresolved.
    assert (april["total"], april["overdue"], april["unresolved"], april["escalated"]) == (
        6,
        4,
        1,
        1,
    )
    assert (april["reply_rate"], april["satisfaction_rate"]) == (2 / 6, 2 / 3)


def test_station_filter_and_bad_month(march):
    assert month_stats("2026-03", NOW, station="GS9999")["total"] == 0
    assert month_stats("2026-03", NOW, station="gs0101")["total"] == 6
    with pytest.raises(ValidationError):
        month_stats("2026-3x", NOW)


def test_demo_month_adds_up(demo_store):
    stats = month_stats("2026-10", datetime(2026, 11, 20, 16, 0))
    assert stats["total"] > 50
    assert sum(r["count"] for r in stats["by_category"]) == stats["total"]
    assert sum(r["count"] for r in stats["by_channel"]) == stats["total"]
    assert sum(r["count"] for r in stats["by_status"]) == stats["total"] + stats["void"]
    assert sum(r["total"] for r in stats["responders"]) == stats["total"]


def test_county_statistics_have_one_row_per_station_and_totals(people):
    """At the county the same figures come per station (a second station's rows as if synced)."""
    from datetime import timedelta

    from reports_support import pdf_text
    from support import T0

    from firstask_desktop.reports.statistics import build_stats
    from firstask_desktop.services import entries as svc
    from firstask_desktop.services.month_stats import month_stats
    from firstask_desktop.store.models import Entry, Station

    Station.create(code="GS0102", station="GS0102", name="金崖供电所", area="rural")
    serials = []
    for i in range(5):
        e = svc.register_entry(
            people["李娜"],
            channel="来电",
            category="咨询",
            visitor="张三",
            phone="13812345678",
            matter="咨询电价",
            result="已答复",
            received_at=T0 + timedelta(hours=i),
            now=T0 + timedelta(hours=i),
        )
        serials.append(e.serial)
    Entry.update(station="GS0102").where(Entry.serial.in_(serials[:2])).execute()
    stats = month_stats("2026-03", now=T0 + timedelta(days=1))
    rows = {r["code"]: r for r in stats["stations"]}
    assert {code: r["total"] for code, r in rows.items()} == {"GS0101": 3, "GS0102": 2}
    assert rows["GS0102"]["name"] == "金崖供电所"
    assert sum(r["total"] for r in rows.values()) == stats["total"]
    text = pdf_text(build_stats("2026-03", now=T0 + timedelta(days=1)))
    assert "各供电所" in text and "金崖供电所" in text and "城关供电所" in text
