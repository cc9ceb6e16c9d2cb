"""Write resources/holidays/cn-holidays.json from the chinese-calendar package.

The app reads holidays as data, never from this package at run time: later years reach stations
as county packages in the same format. Only 2020–2026 are kept to keep the shipped file small;
older years never matter for open register entries.

Usage: python tools/gen_holidays.py [output.json]
"""

import json
import sys
from datetime import date
from importlib.metadata import version
from pathlib import Path

import chinese_calendar

FIRST_YEAR = 2020
LAST_YEAR = 2026
OUTPUT = Path(__file__).resolve().parent.parent / "resources" / "holidays" / "cn-holidays.json"

NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
}


def zh_name(name: str) -> str:
    """Chinese name of a holiday; names we do not know are kept as given."""
    return NAMES_ZH.get(name, name)


def in_range(day: date) -> bool:
    """True when the day falls in the years we ship."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def collect_days() -> list[dict]:
    """Every listed holiday and make-up workday in range, sorted by day."""
    days = [
        {"day": d.isoformat(), "kind": "holiday", "name": zh_name(n)}
        for d, n in chinese_calendar.holidays.items()
        if in_range(d)
    ]
    days += [
        {"day": d.isoformat(), "kind": "workday", "name": zh_name(n) + "调休"}
        for d, n in chinese_calendar.workdays.items()
        if in_range(d)
    ]
    return sorted(days, key=lambda item: item["day"])


def build_document() -> dict:
    """The whole JSON document, with its source noted for the county admin."""
    return {
        "source": f"chinese-calendar {version('chinese-calendar')}",
        "years": [FIRST_YEAR, LAST_YEAR],
        "days": collect_days(),
    }


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
    print(f"{out}: {len(document['days'])} days, {FIRST_YEAR}–{LAST_YEAR}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
