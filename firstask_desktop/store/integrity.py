"""``check``: is the database whole, and does every row agree with the audit chain?

The desktop app's Settings page and ``python main.py check`` both call :func:`check_database`.
Each problem is one Chinese line naming the audit event (by number) and the record (serial
number, staff name) where the trouble starts, so the county can compare against earlier copies.
"""

from __future__ import annotations

import re

from peewee import fn

from firstask_desktop.store import attachment_files, chain_head, db, storage
from firstask_desktop.store.audit import verify_chain, verify_rows, verify_table_states
from firstask_desktop.store.models import Entry, SerialCounter


def sqlite_integrity() -> list[str]:
    if not db.is_sqlite():
        return []
    rows = db.database.execute_sql("PRAGMA integrity_check").fetchall()
    messages = [r[0] for r in rows]
    if messages != ["ok"]:
        return [f"数据库文件损坏：{m}" for m in messages[:20]]
    broken = db.database.execute_sql("PRAGMA foreign_key_check").fetchall()
    return [
        f"数据库引用不完整：表 {table} 第 {rowid} 行指向的 {parent} 记录不存在"
        for table, rowid, parent, _ in broken[:20]
    ]


_SERIAL = re.compile(r"^(.+)-(\d{4})-(\d+)$")


def verify_serial_counters() -> list[str]:
    """The serial counter of a station's year must equal the highest serial handed out.

    Registration takes the number and saves the entry in one transaction, so the two can only
    disagree when one of them was changed outside the app (and a lowered counter would hand out
    a number twice).
    """
    highest: dict[tuple[str, int], int] = {}
    for serial, station in Entry.select(Entry.serial, Entry.station).tuples().iterator():
        match = _SERIAL.match(serial)
        if match and match.group(1) == station:
            key = (station, int(match.group(2)))
            highest[key] = max(highest.get(key, 0), int(match.group(3)))
    counted_stations = {
        s for (s,) in SerialCounter.select(fn.DISTINCT(SerialCounter.station)).tuples()
    }
    problems = []
    for counter in SerialCounter.select().order_by(SerialCounter.station, SerialCounter.year):
        top = highest.pop((counter.station, counter.year), 0)
        if counter.last != top:
            problems.append(
                f"受理编号计数不符：{counter.station} {counter.year} 年计数为 {counter.last}，"
                f"而最大的受理编号是 {top}：受理编号计数或登记在程序外被改动过"
            )
    for (station, year), top in sorted(highest.items()):
        if station in counted_stations:
            problems.append(
                f"受理编号计数缺失：{station} {year} 年已有编号到 {top} 的登记，"
                "却没有计数：在程序外被删除过"
            )
    return problems


def check_database() -> list[str]:
    """Every problem found, in Chinese; empty when all is well."""
    problems = sqlite_integrity()
    if problems:
        return problems  # a damaged file makes the rest meaningless
    problems += [str(p) for p in verify_chain()]
    problems += [str(p) for p in verify_rows()]
    problems += [str(p) for p in verify_table_states()]
    problems += verify_serial_counters()
    folder = chain_head.attached()
    if folder is not None:
        problems += chain_head.problems(folder)
    try:
        # The data folder holds the attachment files even when the county's records are on
        # PostgreSQL (where no chain head file is attached).
        problems += attachment_files.problems(storage.current_folder())
    except RuntimeError:
        pass  # no data folder open: a register checked on its own (a backup before restore)
    return problems


def unverified_phones() -> list[str]:
    """One line per entry marked 号码未经核实: its serial and what libphonenumber's data says is
    wrong with the number (no full number: a check report is passed around)."""
    from firstask_desktop.domain.validation import phone_problem

    lines = []
    query = (
        Entry.select(Entry.serial, Entry.phone)
        .where(Entry.phone_unverified == True)  # noqa: E712 - peewee builds SQL from ==
        .order_by(Entry.serial)
    )
    for serial, phone in query.tuples().iterator():
        problem = phone_problem(phone) or "按现在的号码数据已能核实，可在修改登记中重新保存"
        lines.append(f"{serial}：联系方式{problem}")
    return lines
