"""One year of the holiday calendar as the State Council's notice gives it, and its file format.

Every autumn the State Council publishes next year's 放假安排: for each holiday a range of days off
and the weekend days worked instead (调休上班). The county enters it once (设置 → 节假日, or
``holidays set|import``) and sends it to every station in its package; a station may also import
the county's signed file from a USB stick. This module holds the plain rules: what a valid year
looks like, and how it is read from and written to a file. See docs/holidays.md for the formats.

A year is ``official`` (entered from the notice, 调休 days included) or ``provisional`` (only the
statutory days, as shipped before the notice is out): a provisional year is used for deadlines
but warned about as if it were missing.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, timedelta

from firstask_desktop.domain.errors import ValidationError

FORMAT = "firstask-holidays"
VERSION = 1
STATUSES = {"official": "已按国务院通知录入", "provisional": "暂按法定节假日估算"}
FIRST_YEAR, LAST_YEAR = 2000, 2099
MAX_NAME = 20
MAX_SOURCE = 60
MAX_RANGE_DAYS = 15  # the longest break ever announced is 春节 2020's extension (10 days)
MAX_FILE_BYTES = 64 * 1024
CSV_KINDS = {"放假": "holiday", "holiday": "holiday", "调休上班": "workday", "workday": "workday"}


@dataclass(frozen=True)
class HolidayRange:
    """Days off from ``start`` to ``end`` (both included), e.g. 春节 2027-02-05 … 2027-02-11."""

    name: str
    start: date
    end: date


@dataclass(frozen=True)
class MakeUpDay:
    """A weekend day worked instead (调休上班), e.g. 春节调休 2027-02-14."""

    name: str
    day: date


@dataclass(frozen=True)
class YearPlan:
    year: int
    holidays: tuple[HolidayRange, ...]
    workdays: tuple[MakeUpDay, ...] = ()
    status: str = "official"
    source: str = ""  # 依据, e.g. 国务院办公厅关于2027年部分节假日安排的通知

    def days(self) -> list[tuple[date, str, str]]:
        """(day, "holiday"|"workday", name) for every listed day, sorted by day."""
        listed = []
        for r in self.holidays:
            day = r.start
            while day <= r.end:
                listed.append((day, "holiday", r.name))
                day += timedelta(days=1)
        listed += [(w.day, "workday", w.name) for w in self.workdays]
        return sorted(listed)


def _name(value, field: str, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(field, f"{what}缺少名称（如 春节、国庆节）")
    name = " ".join(value.split())
    if len(name) > MAX_NAME or any(not ch.isprintable() for ch in name):
        raise ValidationError(
            field, f"名称“{name[:MAX_NAME]}…”过长或含不可见字符（最多{MAX_NAME}字）"
        )
    return name


def _day(value, field: str, what: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(field, f"{what}的日期“{value}”无法识别，应写成 2027-02-05") from None


def validate(plan: YearPlan) -> YearPlan:
    """Refuse a year that cannot be right; ``err.field`` names the part to correct.

    Checks: a plausible year, at least one holiday, every day inside the year, a range that runs
    forwards and is not absurdly long, every make-up workday on a Saturday or Sunday, and no day
    both off and worked.
    """
    year = plan.year
    if type(year) is not int or not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError("holiday_year", f"年份应为{FIRST_YEAR}到{LAST_YEAR}之间的四位数字")
    if plan.status not in STATUSES:
        raise ValidationError("holiday_status", "应为 official（正式）或 provisional（暂定）")
    if not isinstance(plan.source, str) or len(plan.source) > MAX_SOURCE:
        raise ValidationError("holiday_source", f"依据最多{MAX_SOURCE}字")
    if not plan.holidays:
        raise ValidationError("holiday_range", f"{year}年至少应有一个放假安排（如 元旦）")
    off: dict[date, str] = {}
    for r in plan.holidays:
        label = f"“{r.name}”"
        if r.end < r.start:
            raise ValidationError("holiday_range", f"{label}的结束日期早于开始日期")
        if r.start.year != year or r.end.year != year:
            raise ValidationError(
                "holiday_range", f"{label}的日期 {r.start}～{r.end} 不在{year}年内：每年单独录入"
            )
        if (r.end - r.start).days + 1 > MAX_RANGE_DAYS:
            raise ValidationError(
                "holiday_range", f"{label}连续放假超过{MAX_RANGE_DAYS}天，请核对开始和结束日期"
            )
        for day, _kind, _name in YearPlan(year, (r,)).days():
            off[day] = r.name
    seen: set[date] = set()
    for w in plan.workdays:
        if w.day.year != year:
            raise ValidationError("makeup_workday", f"“{w.name}” {w.day} 不在{year}年内")
        if w.day.weekday() < 5:
            raise ValidationError(
                "makeup_workday",
                f"“{w.name}” {w.day} 是星期{'一二三四五'[w.day.weekday()]}，调休上班日应为周六或周日",
            )
        if w.day in off:
            raise ValidationError(
                "makeup_workday", f"{w.day} 既是“{off[w.day]}”放假日又是调休上班日，请核对"
            )
        if w.day in seen:
            raise ValidationError("makeup_workday", f"{w.day} 重复填写了两次")
        seen.add(w.day)
    return plan


def make_plan(
    year,
    holidays: list[tuple],
    workdays: list[tuple] = (),
    *,
    status: str = "official",
    source: str = "",
) -> YearPlan:
    """A checked plan from plain values: holidays as (name, start, end), workdays as (name, day);
    dates as ``date`` or ISO text. The year may be given as text ("2027")."""
    if isinstance(year, str) and year.strip().isdigit():
        year = int(year.strip())
    ranges = tuple(
        HolidayRange(
            _name(name, "holiday_name", "放假安排"),
            _day(start, "holiday_range", f"“{name}”"),
            _day(end or start, "holiday_range", f"“{name}”"),
        )
        for name, start, end in holidays
    )
    made = tuple(
        MakeUpDay(
            _name(name, "holiday_name", "调休上班日"), _day(day, "makeup_workday", f"“{name}”")
        )
        for name, day in workdays
    )
    source = " ".join(source.split()) if isinstance(source, str) else source
    return validate(YearPlan(year, ranges, made, status, source))


def plan_from_days(
    year: int, days: list[tuple[date, str, str]], status: str, source: str = ""
) -> YearPlan:
    """A plan from the stored days of one year: consecutive days off of one name form a range."""
    ranges: list[list] = []
    workdays = []
    for day, kind, name in sorted(days):
        if kind == "workday":
            workdays.append(MakeUpDay(name, day))
        elif ranges and ranges[-1][0] == name and ranges[-1][2] + timedelta(days=1) == day:
            ranges[-1][2] = day
        else:
            ranges.append([name, day, day])
    return YearPlan(year, tuple(HolidayRange(*r) for r in ranges), tuple(workdays), status, source)


# --- files -------------------------------------------------------------------------------------


def to_document(plan: YearPlan) -> dict:
    """The JSON document of one year (what ``holidays export`` writes, before its signature)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "year": plan.year,
        "status": plan.status,
        "source": plan.source,
        "holidays": [
            {"name": r.name, "start": r.start.isoformat(), "end": r.end.isoformat()}
            for r in plan.holidays
        ],
        "workdays": [{"name": w.name, "day": w.day.isoformat()} for w in plan.workdays],
    }


SIGNATURE_CONTEXT = b"firstask-holidays-signature-v1\n"


def canonical_bytes(document: dict) -> bytes:
    """What a signature covers: a context (so no other signed artefact of the app can pass for
    a holiday file), then the document without its signature, keys sorted, UTF-8."""
    body = {k: v for k, v in document.items() if k != "signature"}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return SIGNATURE_CONTEXT + text.encode()


def from_document(document) -> YearPlan:
    """A checked plan from a parsed JSON document; refuses anything else with a Chinese reason."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError(
            "holiday_file", "不是首问登记的节假日文件（format 应为 firstask-holidays）"
        )
    if document.get("version") != VERSION:
        raise ValidationError(
            "holiday_file", f"文件版本 {document.get('version')} 本程序不认识：请升级首问登记"
        )
    holidays = document.get("holidays")
    workdays = document.get("workdays", [])
    if not isinstance(holidays, list) or not isinstance(workdays, list):
        raise ValidationError("holiday_file", "holidays 和 workdays 应为列表")
    try:
        ranges = [(h["name"], h["start"], h.get("end") or h["start"]) for h in holidays]
        made = [(w["name"], w["day"]) for w in workdays]
    except (KeyError, TypeError):
        raise ValidationError(
            "holiday_file", "每个放假安排应有 name、start、end，每个调休上班日应有 name、day"
        ) from None
    return make_plan(
        document.get("year"),
        ranges,
        made,
        status=document.get("status", "official"),
        source=document.get("source", ""),
    )


def from_csv(text: str, *, source: str = "") -> YearPlan:
    """A checked plan from a table a county clerk can type in a spreadsheet:

        类型,名称,开始,结束
        放假,春节,2027-02-05,2027-02-11
        调休上班,春节调休,2027-02-14,

    The year is the year of the dates (one year a file). English headers kind,name,start,end work.
    """
    rows = [r for r in csv.reader(io.StringIO(text.lstrip("\ufeff"))) if any(c.strip() for c in r)]
    if len(rows) < 2:
        raise ValidationError(
            "holiday_file", "表格是空的：第一行是标题（类型,名称,开始,结束），以下每行一个安排"
        )
    holidays, workdays = [], []
    for number, row in enumerate(rows[1:], start=2):
        cells = [c.strip() for c in row] + ["", "", "", ""]
        kind = CSV_KINDS.get(cells[0])
        if kind is None:
            raise ValidationError(
                "holiday_file", f"第 {number} 行的类型“{cells[0]}”应为 放假 或 调休上班"
            )
        if kind == "holiday":
            holidays.append((cells[1], cells[2], cells[3] or cells[2]))
        else:
            workdays.append((cells[1], cells[2]))
    first = holidays[0][1] if holidays else (workdays[0][1] if workdays else "")
    year = _day(first, "holiday_range", "第一个安排").year
    return make_plan(year, holidays, workdays, source=source)


def parse_file(raw: bytes, name: str = "") -> tuple[YearPlan, dict | None]:
    """A plan from a file's bytes (JSON, or CSV by its name), and the JSON document when it was
    one (its signature is checked by the caller, who knows which key to trust)."""
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationError("holiday_file", "文件过大，不像节假日文件（一年的安排只有几KB）")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "holiday_file", "文件不是 UTF-8 文本：请用“另存为 CSV UTF-8”保存"
        ) from None
    if name.lower().endswith(".csv"):
        return from_csv(text), None
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        raise ValidationError(
            "holiday_file", "文件不是有效的 JSON：请用县公司导出的节假日文件"
        ) from None
    return from_document(document), document
