"""The holiday calendar as a user changes it: the county enters a year, stations take it in.

- The county (``county_admin``, or an administrator at a county install) enters a year from the
  State Council's notice (``set_year``; 设置 → 节假日) or imports a prepared JSON/CSV file, and
  exports it as a file signed with the county key (``export_year``). The next county package
  carries it to every station.
- A station may not edit its calendar. Its administrator may import the county's *signed* file
  from a USB stick when the county says so (``import_year``).
- Changing a year re-computes the deadlines of open entries that fall in it, each change audited
  (old → new); a deadline already passed stays as it was in force, so the assessment judges a late
  step by the deadline the clerk had. ``preview_year`` shows what would change before it does.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from firstask_desktop.domain import permissions
from firstask_desktop.domain.deadlines import pick_rule
from firstask_desktop.domain.errors import NotAllowedError, RefusedError, ValidationError
from firstask_desktop.domain.holiday_year import (
    STATUSES,
    YearPlan,
    canonical_bytes,
    parse_file,
    plan_from_days,
    to_document,
    validate,
)
from firstask_desktop.domain.workdays import year_notice
from firstask_desktop.services.rules import current_calendar, current_rules
from firstask_desktop.store import holiday_table, keys
from firstask_desktop.store.fileio import write_atomic
from firstask_desktop.store.holiday_table import DeadlineChange, apply_years, deadline_changes
from firstask_desktop.store.models import Station
from firstask_desktop.store.storage import current_folder


def _local() -> Station:
    station = Station.select().where(Station.is_local == True).first()  # noqa: E712 - peewee
    if station is None:
        raise RefusedError("数据文件夹还没有初始化：请先运行 init。")
    return station


def _require_county_editor(actor) -> Station:
    permissions.require(actor, "edit_rules")
    station = _local()
    if station.mode != "county":
        raise NotAllowedError(
            "供电所不能自行修改节假日：节假日由县公司按国务院通知统一录入，随资料包下发；"
            "县公司也可以给一份签名的节假日文件，用“导入节假日文件”导入。"
        )
    return station


# --- reading -----------------------------------------------------------------------------------


def years() -> list[dict]:
    """Each stored year, its status and how many days it lists (设置 → 节假日, ``holidays list``)."""
    status = holiday_table.year_status()
    return [
        {
            "year": year,
            "status": mark,
            "status_label": STATUSES.get(mark, mark),
            "days": len(holiday_table.days_of_year(year)),
        }
        for year, mark in status.items()
    ]


def year_plan(year: int) -> YearPlan | None:
    """A stored year as ranges and make-up days (what the editor shows and the file carries)."""
    days = holiday_table.days_of_year(year)
    if not days:
        return None
    status = holiday_table.year_status().get(year, "official")
    sources = {
        d.source
        for d in holiday_table.HolidayDay.select().where(
            (holiday_table.HolidayDay.day >= date(year, 1, 1))
            & (holiday_table.HolidayDay.day <= date(year, 12, 31))
        )
    }
    source = next(iter(sources)) if len(sources) == 1 else ""
    return plan_from_days(year, days, status, source)


# Which rule clock each stored deadline comes from.
FIELD_CLOCKS = {
    "contact_due_at": "contact",
    "arrive_due_at": "arrive",
    "restore_due_at": "restore",
    "due_at": "reply",
    "follow_up_due_at": "follow_up",
}


def estimated_fields(entry) -> set[str]:
    """The entry's deadlines counted in working days in a year the county has not confirmed
    (missing or provisional): the receipt and the entry's page mark them "按工作日估算"."""
    calendar = current_calendar()
    station = _local()
    rules = current_rules(entry.station)
    marked = set()
    for field, clock in FIELD_CLOCKS.items():
        due = getattr(entry, field, None)
        if due is None or calendar.is_official(due.year):
            continue
        rule = pick_rule(rules, entry.category, clock, station.area)
        if rule is not None and rule.unit == "working_days":
            marked.add(field)
    return marked


def today() -> date:
    """The day the warnings are judged on (a seam for tests that freeze the date)."""
    return date.today()


def notice(on: date | None = None) -> str | None:
    """The banner / reminder line when this year or (from 1 November) next year is not official."""
    station = Station.select().where(Station.is_local == True).first()  # noqa: E712 - peewee
    county = station is not None and station.mode == "county"
    return year_notice(current_calendar(), on or today(), county=county)


def preview_year(plan: YearPlan, now: datetime | None = None) -> list[dict]:
    """What importing ``plan`` would change, without changing anything."""
    validate(plan)
    now = (now or datetime.now()).replace(microsecond=0)
    return [c.as_dict() for _entry, c in deadline_changes([plan], now)]


# --- the user's actions --------------------------------------------------------------------------


def set_year(actor, plan: YearPlan, *, now: datetime | None = None) -> list[DeadlineChange]:
    """The county enters a year from the notice (设置 → 节假日, ``holidays set``)."""
    _require_county_editor(actor)
    return apply_years([plan], actor=actor, source=plan.source or "县公司录入", now=now)


def read_year_file(path: Path) -> tuple[YearPlan, dict | None]:
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise RefusedError(f"找不到文件“{path}”：请检查U盘是否插好、文件名是否正确。") from None
    except IsADirectoryError:
        raise RefusedError(f"“{path}”是一个文件夹：请选择节假日文件本身。") from None
    except OSError as err:
        raise RefusedError(
            f"读不出文件“{path}”（{err.strerror}）：请换一个U盘或重新拷贝。"
        ) from None
    return parse_file(raw, Path(path).name)


def _county_signature_ok(document: dict) -> bool:
    from firstask_desktop.sync.trust import county_key

    county = county_key()
    signature = document.get("signature")
    if county is None:
        raise RefusedError(
            "本机还没有导入县公司的公钥，无法核对节假日文件的签名：请先导入县公司的公钥文件。"
        )
    if not isinstance(signature, dict):
        return False
    try:
        signer = keys.unb64(signature.get("signer_public", ""))
        raw = keys.unb64(signature.get("signature", ""))
    except ValueError:
        return False
    if signer != keys.unb64(county.signing_public):
        return False
    return keys.verify_signature(signer, raw, canonical_bytes(document))


def import_year(
    actor, path: Path, *, now: datetime | None = None
) -> tuple[YearPlan, list[DeadlineChange]]:
    """``holidays import FILE``: the county takes a prepared JSON or CSV; a station takes only
    the county's signed JSON file (the same as its package would carry)."""
    permissions.require(actor, "edit_rules")
    station = _local()
    plan, document = read_year_file(path)
    if station.mode != "county":
        if document is None or not _county_signature_ok(document):
            raise RefusedError(
                f"“{Path(path).name}”没有县公司的有效签名，供电所不能导入：请使用县公司"
                "用“导出节假日文件”生成的文件，不要自行修改。"
            )
    label = f"节假日文件 {Path(path).name[:80]}"
    changes = apply_years([plan], actor=actor, source=plan.source or label, now=now)
    return plan, changes


def export_year(actor, year: int, out: Path, *, folder: Path | None = None) -> Path:
    """``holidays export``: one year as a JSON file signed with this county's key (a station
    imports it only with that signature). Written atomically and read back."""
    _require_county_editor(actor)
    plan = year_plan(year)
    if plan is None:
        raise ValidationError("holiday_year", f"{year}年还没有节假日数据：请先录入")
    out = Path(out)
    target = out / f"节假日-{year}.json" if out.is_dir() else out
    if not target.parent.is_dir():
        raise RefusedError(f"找不到文件夹“{target.parent}”：请插好U盘并选择U盘上的文件夹。")
    folder = folder or current_folder()
    signing_key = keys.load_or_create_signing_key(folder)
    document = to_document(plan)
    document["signature"] = {
        "signer_public": keys.b64(keys.public_bytes(signing_key)),
        "signature": keys.b64(signing_key.sign(canonical_bytes(document))),
    }
    data = (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    write_atomic(target, data)
    if target.read_bytes() != data:
        raise RefusedError("写出的文件读回后与写入的不一致：请换一个U盘重试。")
    return target
