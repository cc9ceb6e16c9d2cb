"""Write resources/holidays/cn-holidays.json from the `holidays` package (python-holidays).

The app reads holidays as data, never from a package at run time: later years reach stations as
county packages in the same format, and the county enters a year from the State Council's notice
(设置 → 节假日, or ``holidays set|import``). python-holidays is released monthly and carries
China's public holidays and, once the State Council notice is out, its 调休 make-up workdays
(``weekend_workdays``); chinese-calendar, the earlier source, stops at 2026. tests/test_workdays.py
checks every day of the years both packages know against chinese-calendar.

Each year is marked:
- ``official``: the notice has been published and the data has its 调休 days (python-holidays lists
  make-up workdays for the year, or chinese-calendar, which only ships published notices, knows it);
- ``provisional``: only the statutory days (法定节假日) are known. Such a year is still used for
  deadlines, but the app warns that the year is missing until the county enters the notice.

Usage: python -m pip install -e ".[tools]" && python tools/gen_holidays.py [output.json]
"""

import json
import sys
from datetime import date
from importlib.metadata import version
from pathlib import Path

import holidays

FIRST_YEAR = 2020
LAST_YEAR = 2028
OUTPUT = Path(__file__).resolve().parent.parent / "resources" / "holidays" / "cn-holidays.json"

# python-holidays' Simplified Chinese names, folded into the names clerks use on the register.
NAMES_ZH = {
    "元旦": "元旦",
    "农历除夕": "春节",
    "春节": "春节",
    "清明节": "清明节",
    "劳动节": "劳动节",
    "端午节": "端午节",
    "中秋节": "中秋节",
    "国庆节": "国庆节",
}


def zh_name(name: str) -> str:
    """The register's name of a holiday ("春节（补假）" and "农历除夕" both read 春节); "" when the
    package names a day only as a day off (休息日), which then takes its neighbour's name."""
    base = name.split("（")[0].split(";")[0].strip()
    return NAMES_ZH.get(base, "")


def nearest_name(day: date, named: dict[date, str]) -> str:
    """The name of the named holiday closest to ``day`` (a make-up day or an extra day off)."""
    return named[min(named, key=lambda h: abs((h - day).days))]


def is_substitute(name: str) -> bool:
    """A day python-holidays adds in lieu of a weekend holiday (补假), not a statutory day."""
    return "补假" in name or "调休" in name


def chinese_calendar_years() -> set[int]:
    """Years chinese-calendar knows (it ships only published notices); empty when absent."""
    try:
        import chinese_calendar
    except ImportError:
        return set()
    return {d.year for d in chinese_calendar.holidays}


def year_days(year: int) -> tuple[list[dict], str]:
    """The listed days of one year and whether the year is official or provisional."""
    calendar = holidays.China(years=year, language="zh_CN")
    workdays = sorted(d for d in calendar.weekend_workdays if d.year == year)
    official = bool(workdays) or year in chinese_calendar_years()
    # A provisional year keeps the statutory days only: the notice decides the 补假 days.
    off = {d: n for d, n in calendar.items() if official or not is_substitute(n)}
    named = {d: zh_name(n) for d, n in off.items() if zh_name(n)}
    days = [
        {"day": d.isoformat(), "kind": "holiday", "name": named.get(d) or nearest_name(d, named)}
        for d in sorted(off)
    ]
    # A make-up day belongs to the holiday nearest to it (春节调休 before or after 春节).
    days += [
        {"day": d.isoformat(), "kind": "workday", "name": nearest_name(d, named) + "调休"}
        for d in workdays
    ]
    return sorted(days, key=lambda item: item["day"]), "official" if official else "provisional"


def build_document() -> dict:
    """The whole JSON document, with its source and each year's status for the county admin."""
    days: list[dict] = []
    status: dict[str, str] = {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        listed, status[str(year)] = year_days(year)
        days += listed
    return {"source": f"holidays {version('holidays')}", "year_status": status, "days": days}


def render(document: dict) -> str:
    """JSON with one day per line, so a county admin's diff shows exactly which days changed."""
    head = {k: v for k, v in document.items() if k != "days"}
    lines = [json.dumps(day, ensure_ascii=False) for day in document["days"]]
    head_text = json.dumps(head, ensure_ascii=False)[:-1]
    return head_text + ', "days": [\n  ' + ",\n  ".join(lines) + "\n]}\n"


def main(argv: list[str]) -> int:
    """Write the file (default location, or the path given) and report its size."""
    out = Path(argv[1]) if len(argv) > 1 else OUTPUT
    out.parent.mkdir(parents=True, exist_ok=True)
    document = build_document()
    out.write_text(render(document), encoding="utf-8")
    marks = ", ".join(f"{y} {s}" for y, s in document["year_status"].items())
    print(f"{out}: {len(document['days'])} days ({marks})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
