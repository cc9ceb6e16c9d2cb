"""Working days under the Chinese holiday calendar (法定节假日 and 调休).

The calendar is data: seeded from resources/holidays/cn-holidays.json, later years are entered at
the county from the State Council's notice and arrive as county packages (holiday_year.py). A day
the data does not list follows the plain Mon–Fri rule, so a year missing from the data degrades to
Mon–Fri, and a *provisional* year (statutory days only, no 调休) is an estimate: both are warned
about (``coverage_warning``, ``year_notice``) and deadlines in them are marked as estimated.
"""

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from firstask_desktop.domain.errors import RefusedError

KINDS = ("holiday", "workday")
SEED_PARTS = ("resources", "holidays", "cn-holidays.json")


@dataclass(frozen=True)
class HolidayCalendar:
    """Listed exceptions to Mon–Fri: days off on weekdays, and 调休 working weekends."""

    holidays: frozenset[date] = frozenset()  # days off even if Mon–Fri
    workdays: frozenset[date] = frozenset()  # 调休: weekend days that are working days
    provisional: frozenset[int] = frozenset()  # years known by their statutory days only

    def is_working_day(self, d: date) -> bool:
        """True when staff are at work on ``d``."""
        # A listed make-up day wins over everything, the same precedence chinese-calendar uses.
        if d in self.workdays:
            return True
        if d in self.holidays:
            return False
        return d.weekday() < 5

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start``; n == 0: ``start`` if working, else the next one."""
        if n < 0:
            raise ValueError("n must be >= 0")
        day = start
        if n == 0:
            while not self.is_working_day(day):
                day += timedelta(days=1)
            return day
        while n:
            day += timedelta(days=1)
            if self.is_working_day(day):
                n -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; 0 when ``end`` is not after ``start``."""
        count = 0
        day = start + timedelta(days=1)
        while day <= end:
            count += self.is_working_day(day)
            day += timedelta(days=1)
        return count

    @classmethod
    def from_days(
        cls, days: Iterable[tuple[date, str]], provisional: Iterable[int] = ()
    ) -> "HolidayCalendar":
        """Build from (day, "holiday"|"workday") pairs; refuses unknown kinds and contradictions.
        ``provisional``: the years whose days are an estimate (no State Council notice yet)."""
        found: dict[str, set[date]] = {kind: set() for kind in KINDS}
        for day, kind in days:
            if kind not in found:
                raise RefusedError(
                    f"节假日表中 {day} 的类型“{kind}”无法识别，应为 holiday 或 workday"
                )
            found[kind].add(day)
        both = found["holiday"] & found["workday"]
        if both:
            raise RefusedError(f"节假日表中 {min(both)} 既是假日又是调休上班日，请核对")
        return cls(frozenset(found["holiday"]), frozenset(found["workday"]), frozenset(provisional))

    def years(self) -> frozenset[int]:
        """Years with any listed day (every real year lists 元旦, so listed means covered)."""
        return frozenset(d.year for d in self.holidays | self.workdays)

    def years_covered(self) -> tuple[int, int] | None:
        """(first, last) year with data, or None when the calendar is empty."""
        years = self.years()
        return (min(years), max(years)) if years else None

    def covers_year(self, year: int) -> bool:
        """True when the data lists days for ``year`` (a gap inside years_covered is False)."""
        return year in self.years()

    def is_official(self, year: int) -> bool:
        """True when ``year`` was entered from the State Council's notice (调休 included)."""
        return self.covers_year(year) and year not in self.provisional

    def is_estimate(self, moment: date | datetime | None) -> bool:
        """True when a deadline on ``moment`` was counted without the year's official notice."""
        return moment is not None and not self.is_official(moment.year)


def coverage_warning(calendar: HolidayCalendar, year: int) -> str | None:
    """The Chinese warning to show when ``year`` is missing or only provisional, else None."""
    if calendar.is_official(year):
        return None
    if calendar.covers_year(year):
        return f"{year}年节假日安排尚未导入：暂按法定节假日估算，调休未计入"
    return f"{year}年节假日数据缺失：暂按周一至周五估算，请导入县公司下发的节假日表"


# From this day of the year on, next year's missing notice is warned about (the State Council
# publishes it in October or November).
WARN_FROM = (11, 1)


def year_notice(calendar: HolidayCalendar, today: date, *, county: bool = False) -> str | None:
    """The banner and reminder line when this year, or from 1 November next year, has no official
    calendar; None when all is well. The county, which enters the year, is told what to do."""
    years = [today.year]
    if (today.month, today.day) >= WARN_FROM:
        years.append(today.year + 1)
    missing = [y for y in years if not calendar.is_official(y)]
    if not missing:
        return None
    year = missing[0]
    what = "尚未导入" if calendar.covers_year(year) else "缺失"
    if county:
        return (
            f"{year}年节假日安排{what}：请按国务院办公厅的放假通知在“设置 → 节假日”录入，"
            "再生成资料包发给各供电所；在此之前各所的工作日时限只是估算。"
        )
    return (
        f"{year}年节假日安排{what}：{year}年的工作日时限暂按估算"
        f"{'（法定节假日，未计调休）' if calendar.covers_year(year) else '（周一至周五）'}，"
        "请导入县公司下发的资料包或节假日文件。"
    )


def seed_path() -> Path:
    """Where the shipped holiday table lives, in a source tree or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root.joinpath(*SEED_PARTS)


def load_seed_days(path: Path | None = None) -> list[dict]:
    """The "days" records ({"day", "kind", "name"}) of a holiday table file."""
    with open(path or seed_path(), encoding="utf-8") as f:
        return json.load(f)["days"]


def load_seed_status(path: Path | None = None) -> dict[int, str]:
    """Each shipped year's status: "official" or "provisional" (tools/gen_holidays.py)."""
    with open(path or seed_path(), encoding="utf-8") as f:
        marks = json.load(f).get("year_status", {})
    return {int(year): status for year, status in marks.items()}


def day_pairs(records: Iterable[dict]) -> list[tuple[date, str]]:
    """(date, kind) pairs from JSON-style records, ready for ``HolidayCalendar.from_days``."""
    return [(date.fromisoformat(r["day"]), r["kind"]) for r in records]


def seed_calendar() -> HolidayCalendar:
    """The calendar built from the shipped table alone."""
    provisional = [y for y, status in load_seed_status().items() if status != "official"]
    return HolidayCalendar.from_days(day_pairs(load_seed_days()), provisional)
