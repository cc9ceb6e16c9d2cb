"""Constants the tests share (a module of its own: ``conftest`` names clash between folders)."""

import sqlite3
from datetime import datetime
from pathlib import Path

from firstask_desktop.store import config

PASSWORD = "secret123"
# A Tuesday in an ordinary week, far from holidays.
T0 = datetime(2026, 3, 10, 9, 0)

V1_SQL = Path(__file__).parent / "fixtures" / "schema_v1.sql"


def make_v1_file(folder: Path) -> Path:
    """A data folder whose register a version-1 program wrote: a station, a clerk, an entry."""
    folder.mkdir(parents=True)
    path = config.db_path(folder)
    con = sqlite3.connect(path)
    con.executescript(V1_SQL.read_text(encoding="utf-8"))
    now = "2025-06-01 09:00:00"
    con.execute(
        "INSERT INTO station (uuid, station, revision, created_at, updated_at, code, name, county,"
        " area, mode, phone, address, is_local) VALUES ('s1','GS0101',1,?,?,'GS0101','城关供电所',"
        "'', 'rural','station','','',1)",
        (now, now),
    )
    con.execute(
        "INSERT INTO staff (uuid, station, revision, created_at, updated_at, name, role, phone,"
        " password_hash, active) VALUES ('p1','GS0101',1,?,?,'李娜','clerk','','',1)",
        (now, now),
    )
    con.execute(
        "INSERT INTO entry (uuid, station, revision, created_at, updated_at, serial, received_at,"
        " channel, category, visitor, unit, address, phone, account_no, matter, responder_id,"
        " reception_notes, result, unresolved_reason, status, missing_documents, wo_number,"
        " reopened_count) VALUES ('e1','GS0101',1,?,?,'GS0101-2025-00001',?,'visit','consult',"
        "'张三','城关村委会','','13812345678','','咨询电价',1,'','','','registered','[]','',0)",
        (now, now, now),
    )
    con.commit()
    con.close()
    return path
