"""The county office's day (县公司总览): every station at a glance, and each station's overdue
list to phone about and print (超期事项清单).

The figures are the registers' own: a station's "open" is what its register shows under 未办结
filtered to that station, its "overdue" what 已超期 shows, so the county and the station read
the same numbers over the phone.

How long a station may go without a sync file is the county's setting. The default is 35 days:
stations bring their file monthly, with the month's register, by the 5th of the next month; so a
month and five days since the last file is the longest normal gap, and a station past it has
missed a month.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from firstask_desktop.domain import permissions
from firstask_desktop.domain.errors import (
    NotFoundError,
    RefusedError,
    StorageError,
    ValidationError,
)
from firstask_desktop.domain.vocab import OPEN_STATUSES
from firstask_desktop.services.county import station_codes
from firstask_desktop.services.export_excel import spreadsheet_text
from firstask_desktop.services.month_stats import month_stats, overdue_row
from firstask_desktop.services.queries import overdue_condition
from firstask_desktop.services.station import require_station
from firstask_desktop.services.station_names import PersonLabels, short_name
from firstask_desktop.store import app_settings
from firstask_desktop.store.disk_errors import translated
from firstask_desktop.store.fileio import write_atomic
from firstask_desktop.store.models import Entry, Staff, Station, SyncLog
from firstask_desktop.sync.county_import import KIND
from firstask_desktop.sync.results import IMPORTED

SYNC_INTERVAL_DAYS = app_settings.COUNTY_SYNC_INTERVAL_DAYS
MAX_INTERVAL_DAYS = 366


def sync_interval_days() -> int:
    """Days a station may go without a sync file before the overview flags it."""
    try:
        days = int(app_settings.get(SYNC_INTERVAL_DAYS))
    except ValueError:
        days = 0
    if not 1 <= days <= MAX_INTERVAL_DAYS:
        days = int(app_settings.DEFAULTS[SYNC_INTERVAL_DAYS])
    return days


def set_sync_interval_days(actor, days: int, *, now: datetime | None = None) -> int:
    """The county's administrator chooses how long a station may go without a sync file."""
    permissions.require(actor, "edit_settings")
    if not isinstance(days, int) or not 1 <= days <= MAX_INTERVAL_DAYS:
        raise ValidationError(
            "sync_interval",
            f"同步间隔应在 1 到 {MAX_INTERVAL_DAYS} 天之间：请重新填写（一般为 35 天）。",
        )
    app_settings.put(actor, SYNC_INTERVAL_DAYS, str(days), station=require_station().code, now=now)
    return days


def _entries(code: str):
    return Entry.select().where(Entry.station == code)


def _last_import(code: str) -> SyncLog | None:
    return (
        SyncLog.select()
        .where(
            (SyncLog.kind == KIND)
            & (SyncLog.direction == "in")
            & (SyncLog.station == code)
            & (SyncLog.status == IMPORTED)
        )
        .order_by(SyncLog.at.desc(), SyncLog.id.desc())
        .first()
    )


def _station_head(code: str) -> str:
    head = (
        Staff.select(Staff.name)
        .where((Staff.station == code) & (Staff.role == "head") & (Staff.active == True))  # noqa: E712
        .order_by(Staff.id)
        .first()
    )
    return head.name if head else ""


def county_overview(month: str, now: datetime | None = None) -> dict:
    """One row per station for ``month`` as of ``now``: entries received this month, open and
    overdue now (with the oldest overdue), escalations waiting for the head, the month's on-time,
    follow-up and satisfaction rates, the last sync file and its age, flagged past the county's
    interval, and the station's phone to call."""
    now = (now or datetime.now()).replace(microsecond=0)
    interval = sync_interval_days()
    stats = month_stats(month, now, with_previous=False)
    rates = {row["code"]: row for row in stats["stations"]}
    labels = PersonLabels()
    rows = []
    for code in station_codes():
        station = Station.get_or_none(Station.code == code)
        name = station.name if station else code
        month_row = rates.get(code, {})
        overdue = _overdue_entries(code, now, labels)
        last = _last_import(code)
        age = (now - last.at).days if last else None
        rows.append(
            {
                "code": code,
                "name": name,
                "short_name": short_name(name),
                "phone": station.phone if station else "",
                "entries": month_row.get("total", 0),
                "open": _entries(code).where(Entry.status.in_(OPEN_STATUSES)).count(),
                "overdue": len(overdue),
                "oldest_overdue": overdue[0] if overdue else None,
                "escalated": _entries(code).where(Entry.status == "unresolved").count(),
                "reply_rate": month_row.get("reply_rate"),
                "follow_up_rate": month_row.get("follow_up_rate"),
                "satisfaction_rate": month_row.get("satisfaction_rate"),
                "last_file": last.file_name if last else "",
                "last_import_at": last.at if last else None,
                "sync_age_days": age,
                # No file at all, or none for the county's interval: the station is phoned.
                "sync_late": age is None or age >= interval,
            }
        )
    return {
        "month": stats["month"],
        "as_of": now,
        "county": stats["station"],
        "sync_interval_days": interval,
        "stations": rows,
        "totals": {
            key: sum(r[key] for r in rows) for key in ("entries", "open", "overdue", "escalated")
        },
        "sync_late": sum(r["sync_late"] for r in rows),
    }


def _overdue_entries(code: str, now: datetime, labels: PersonLabels) -> list[dict]:
    """The station's overdue matters, the longest overdue first."""
    query = (
        Entry.select(Entry, Staff)
        .join(Staff, on=(Entry.responder == Staff.id))
        .where((Entry.station == code) & overdue_condition(now))
    )
    rows = [overdue_row(entry, now, labels) for entry in query]
    rows.sort(key=lambda r: (r["deadline"], r["serial"]))
    return rows


def overdue_lists(stations: list[str] | None = None, now: datetime | None = None) -> dict:
    """超期事项清单: per station (each printed on its own page for its head to sign), every matter
    past its reply or follow-up deadline, the longest overdue first. ``stations`` limits it to
    those codes; by default every station, with or without overdue matters (a blank list says
    "nothing overdue", which the county wants confirmed too)."""
    now = (now or datetime.now()).replace(microsecond=0)
    labels = PersonLabels()
    known = station_codes()
    wanted = [c.strip().upper() for c in stations] if stations else known
    for code in wanted:
        if code not in known:
            raise NotFoundError(
                f"没有编码为“{code}”的供电所：请用“sync status”查看已导入的供电所及其编码。"
            )
    result = []
    for code in wanted:
        station = Station.get_or_none(Station.code == code)
        name = station.name if station else code
        result.append(
            {
                "code": code,
                "name": name,
                "phone": station.phone if station else "",
                "head": _station_head(code),
                "rows": _overdue_entries(code, now, labels),
            }
        )
    local = Station.select().where(Station.is_local == True).first()  # noqa: E712
    return {
        "as_of": now,
        "county": local.county or local.name if local else "",
        "stations": result,
    }


OVERVIEW_COLUMNS = (
    ("供电所", 16),
    ("编码", 9),
    ("本月登记", 9),
    ("未办结", 8),
    ("已超期", 8),
    ("最久超期", 20),
    ("最久超期天数", 10),
    ("待所长处理", 10),
    ("答复及时率", 10),
    ("回访及时率", 10),
    ("满意率", 8),
    ("最近同步文件", 30),
    ("最近导入时间", 17),
    ("距今天数", 8),
    ("逾期未同步", 10),
    ("电话", 14),
)


def _overview_cells(row: dict) -> list:
    oldest = row["oldest_overdue"] or {}

    def rate(value):
        return round(value, 4) if value is not None else None

    return [
        spreadsheet_text(row["name"]),
        spreadsheet_text(row["code"]),
        row["entries"],
        row["open"],
        row["overdue"],
        spreadsheet_text(oldest.get("serial", "")),
        oldest.get("days_over"),
        row["escalated"],
        rate(row["reply_rate"]),
        rate(row["follow_up_rate"]),
        rate(row["satisfaction_rate"]),
        spreadsheet_text(row["last_file"]),
        row["last_import_at"],
        row["sync_age_days"],
        "是" if row["sync_late"] else "",
        spreadsheet_text(row["phone"]),
    ]


def export_overview_excel(actor, out: Path, overview: dict) -> Path:
    """The overview as an Excel workbook (one row per station), written and read back."""
    permissions.require(actor, "export_import")
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise RefusedError(f"导出文件“{out.name}”应以 .xlsx 结尾（Excel 工作簿）：请改一下文件名。")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"总览 {overview['month']}"
    sheet.append([header for header, _width in OVERVIEW_COLUMNS])
    for index, (_header, width) in enumerate(OVERVIEW_COLUMNS):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in overview["stations"]:
        sheet.append(_overview_cells(row))
    for column in ("I", "J", "K"):
        for cell in sheet[column][1:]:
            cell.number_format = "0.0%"
    for cell in sheet["M"][1:]:
        cell.number_format = "yyyy-mm-dd hh:mm"
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomic(out, buffer.getvalue(), what="导出 Excel")
    with translated("核对导出的 Excel"):
        book = load_workbook(out, read_only=True)
        try:
            found = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
        finally:
            book.close()
    if found != len(overview["stations"]) + 1:
        raise StorageError(
            f"导出 Excel 失败：读回的文件“{out.name}”不完整（应有 {len(overview['stations'])} 行，"
            f"读到 {max(found - 1, 0)} 行）。请换一个位置或U盘后重试。",
            "io",
        )
    return out


def entry_at_county(entry: Entry) -> dict:
    """What the county shows of a station's entry besides its fields: the station, and the
    station's own history of it (its audit events, imported with its files), labelled as the
    station's detail labels them. The county only reads a station's records: no step is
    offered (``read_only``)."""
    from firstask_desktop.services.queries import entry_record_uuids, timeline
    from firstask_desktop.store.models import StationAuditEvent

    station = Station.get_or_none(Station.code == entry.station)
    events = (
        StationAuditEvent.select()
        .where(
            (StationAuditEvent.source == entry.station)
            & StationAuditEvent.record_uuid.in_(entry_record_uuids(entry))
        )
        .order_by(StationAuditEvent.seq)
    )
    return {
        "station_code": entry.station,
        "station_name": station.name if station else entry.station,
        "station_phone": station.phone if station else "",
        "read_only": True,
        "station_timeline": timeline(entry, events),
    }
