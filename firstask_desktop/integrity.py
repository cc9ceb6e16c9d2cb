"""``check``: is the database whole, and does every row agree with the audit chain?"""

from __future__ import annotations

from . import db
from .audit import verify_chain, verify_rows


def sqlite_integrity() -> list[str]:
    if not db.is_sqlite():
        return []
    rows = db.database.execute_sql("PRAGMA integrity_check").fetchall()
    messages = [r[0] for r in rows]
    if messages == ["ok"]:
        return []
    return [f"数据库文件损坏：{m}" for m in messages[:20]]


def check_database() -> list[str]:
    """Every problem found, in Chinese; empty when all is well."""
    problems = sqlite_integrity()
    if problems:
        return problems  # a damaged file makes the rest meaningless
    problems += [str(p) for p in verify_chain()]
    problems += [str(p) for p in verify_rows()]
    return problems
