"""Is the PC's clock believable? A wrong clock writes wrong times into the evidence.

A station PC with a flat CMOS battery starts in 2008 (or an odd BIOS date such as 2038), and
every entry would be registered then and every deadline computed from it. Nothing refuses to
work, but the clerk is told at start (the GUI shows it, the CLI prints it to stderr).

Ordering never depends on the clock where a sequence exists: the audit log is ordered by its
``seq``; lists use ``received_at``, which is business time the clerk may correct, with the id
as tie-breaker.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from firstask_desktop.store.models import AuditEvent, Entry, Station

EARLIEST_YEAR = 2020  # before the app existed
LATEST_YEAR = 2037  # beyond any plausible service life; BIOS resets often land on 2038+
TOLERANCE = timedelta(minutes=5)


def _fmt(when: datetime) -> str:
    return f"{when:%Y-%m-%d %H:%M}"


def clock_warning(now: datetime | None = None) -> str | None:
    """A Chinese warning when the clock looks wrong, else None. Needs an open store."""
    now = now or datetime.now()
    fix = "请先把电脑的日期和时间改正确（右下角时间→调整日期/时间）再登记，否则受理时间和时限都会出错。"
    if now.year < EARLIEST_YEAR or now.year > LATEST_YEAR:
        return f"电脑时钟显示 {_fmt(now)}，明显不对。{fix}"
    newest = AuditEvent.select(AuditEvent.at).order_by(AuditEvent.seq.desc()).first()
    if newest is not None and newest.at > now + TOLERANCE:
        return (
            f"电脑时钟显示 {_fmt(now)}，早于最近一次保存的时间 {_fmt(newest.at)}："
            f"时钟可能被调慢或电池没电了。{fix}"
        )
    # This station's own entries only: a county also holds entries from other PCs' clocks.
    local = Station.select(Station.code).where(Station.is_local == True).first()  # noqa: E712
    query = Entry.select(Entry.received_at)
    if local is not None:
        query = query.where(Entry.station == local.code)
    latest = query.order_by(Entry.received_at.desc()).first()
    if latest is not None and latest.received_at > now + TOLERANCE:
        return (
            f"电脑时钟显示 {_fmt(now)}，早于最近一条登记的受理时间 {_fmt(latest.received_at)}："
            f"时钟可能不对。{fix}"
        )
    return None
