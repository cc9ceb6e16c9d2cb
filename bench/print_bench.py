"""Printing speed, measured against plain ReportLab in the same run.

1. The wall register of a month with 3,000 entries (``build_register``: query, masking,
   wrapping, layout, page numbers) against a plain ReportLab ``Table`` of the same 3,000 rows
   of strings (no wrapping, no page numbers) on the same page size and font: ratio target ≤ 1.5.
2. One receipt (query, signing, QR code, layout) after the font is registered: target < 0.3 s.

    python bench/print_bench.py [--entries 3000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table  # noqa: E402

from firstask_desktop.demo import demo_data as demo  # noqa: E402
from firstask_desktop.reports import pdf_page_count  # noqa: E402
from firstask_desktop.reports.pdf_fonts import register_font  # noqa: E402
from firstask_desktop.reports.receipt import build_receipt  # noqa: E402
from firstask_desktop.reports.register import (  # noqa: E402
    _KEYS,
    COL_WIDTHS,
    COLUMNS,
    build_register,
    register_data,
    table_style,
)
from firstask_desktop.services.station import init_station  # noqa: E402
from firstask_desktop.store import db  # noqa: E402
from firstask_desktop.store.models import Entry, FollowUp, Staff, new_uuid  # noqa: E402
from firstask_desktop.store.storage import open_store  # noqa: E402

MONTH_START = datetime(2026, 7, 1)


def fill_month(count: int, seed: int = 1) -> None:
    """A station with ``count`` entries in July 2026, inserted directly (fast, realistic text)."""
    init_station(
        code="GS0101",
        name="城关供电所",
        county="榆中县供电公司",
        area="rural",
        admin_name="管理员",
        admin_password="bench123",
        phone="0931-5221234",
        now=MONTH_START - timedelta(days=30),
    )
    admin = Staff.get(Staff.name == "管理员")
    with db.database.atomic():
        for name in ("李娜", "张伟", "刘芳", "陈静"):
            Staff.create(station="GS0101", name=name, role="clerk", phone="13912345678")
    staff = list(Staff.select())
    rng = random.Random(seed)
    rows, follow_ups = [], []
    for number in range(1, count + 1):
        category = rng.choice(list(demo.MATTERS))
        at = MONTH_START + timedelta(minutes=rng.randint(0, 30 * 24 * 60 - 1))
        done = rng.random() < 0.7
        rows.append(
            {
                "uuid": new_uuid(),
                "station": "GS0101",
                "serial": f"GS0101-2026-{number:05d}",
                "received_at": at,
                "channel": rng.choice(list(demo.CHANNEL_WEIGHTS)),
                "category": category,
                "visitor": demo.random_name(rng),
                "unit": rng.choice(demo.UNITS),
                "address": f"榆中县城关镇{rng.choice(demo.VILLAGES)}{rng.randint(1, 9)}组"
                f"{rng.randint(1, 80)}号",
                "phone": demo.random_phone(rng),
                "matter": rng.choice(demo.MATTERS[category])
                + ("，客户要求尽快处理并电话告知结果" if rng.random() < 0.3 else ""),
                "responder": rng.choice(staff).id,
                "created_by": admin.id,
                "result": demo.RESULTS[category] if done else "",
                "status": "closed" if done else "registered",
                "due_at": at + timedelta(days=5),
                "replied_at": at + timedelta(days=1) if done else None,
            }
        )
    with db.database.atomic():
        for start in range(0, len(rows), 200):
            Entry.insert_many(rows[start : start + 200]).execute()
        for entry in Entry.select().where(Entry.status == "closed"):
            follow_ups.append(
                {
                    "uuid": new_uuid(),
                    "station": "GS0101",
                    "entry": entry.id,
                    "at": entry.received_at + timedelta(days=2),
                    "by": admin.id,
                    "method": "phone",
                    "outcome": "reached",
                    "satisfaction": "satisfied",
                }
            )
        for start in range(0, len(follow_ups), 200):
            FollowUp.insert_many(follow_ups[start : start + 200]).execute()


def plain_table(rows: list[dict]) -> bytes:
    """The baseline: the same rows as plain one-line strings in a plain ReportLab table."""
    register_font()
    cells = [[label for label, _ in COLUMNS]] + [[row[key] for key in _KEYS] for row in rows]
    table = Table(cells, colWidths=COL_WIDTHS, repeatRows=1)
    table.setStyle(table_style(len(cells)))
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=24 * mm,
        bottomMargin=20 * mm,
    ).build([table])
    return buffer.getvalue()


def best_of_interleaved(first, second, repeat: int) -> tuple[float, float]:
    """The fastest time of each, running them turn about so both see the same machine load."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for function, bucket in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            function()
            bucket.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        open_store(Path(folder) / "data")
        start = time.perf_counter()
        fill_month(args.entries)
        print(f"filled a month with {args.entries} entries in {time.perf_counter() - start:.1f} s")
        month = f"{MONTH_START:%Y-%m}"
        rows = register_data(month)["rows"]
        register_font()
        plain_table(rows[:50])  # warm-up: font subsets, imports

        baseline, register = best_of_interleaved(
            lambda: plain_table(rows), lambda: build_register(month), args.repeat
        )
        pages = pdf_page_count(build_register(month))
        plain_pages = pdf_page_count(plain_table(rows))
        print(f"plain ReportLab table, {len(rows)} rows: {baseline:.2f} s ({plain_pages} pages)")
        print(f"build_register, {len(rows)} entries:    {register:.2f} s ({pages} pages)")
        print(f"ratio register / plain table:          {register / baseline:.2f}  (target <= 1.5)")

        serial = Entry.select().where(Entry.status == "registered").first().serial
        build_receipt(serial)  # warm-up: the signing key is read, the QR module imported
        receipt_times = []
        for _ in range(10):
            start = time.perf_counter()
            build_receipt(serial)
            receipt_times.append(time.perf_counter() - start)
        print(
            f"receipt after font registration: median {statistics.median(receipt_times):.3f} s, "
            f"max {max(receipt_times):.3f} s  (target < 0.3 s)"
        )
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
