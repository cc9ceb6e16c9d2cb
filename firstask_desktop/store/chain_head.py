"""The audit chain's head, kept outside the database too: a lost tail is seen, not silent.

A register can lose its last commits without looking damaged: the WAL deleted while the program
writes, the PC killed, a copy of an older file put back. The file left behind is a valid,
shorter register, its chain intact, and it would hand out again the serial numbers already given
to customers. So after each commit that wrote audit events, the head (the last event's number
and hash, and the last serial number of each year) is written to ``<data>/chain-head.json``,
signed with the station's key. ``check`` compares it with the register: a head the register no
longer has is reported as lost records ("最近 N 条记录丢失"), and new serial numbers start after
the highest the file remembers. When the register is found behind the file, the file is kept as
``chain-head-lost-<seq>.json`` before the head moves on, so the loss stays on record.

The same head travels in every sync file (``audit_head``), so the county can also tell.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from firstask_desktop.domain.errors import StorageError
from firstask_desktop.store import db, keys
from firstask_desktop.store.fileio import write_atomic

HEAD_FILE = "chain-head.json"
LOST_PREFIX = "chain-head-lost-"
RESTORED_PREFIX = "chain-head-restored-"
FORMAT = "firstask-chain-head"
CONTEXT = b"firstask-chain-head-v1\x00"

_written: dict[Path, int] = {}  # folder → seq last written or checked (per process)
_signing: dict[Path, object] = {}


def _canonical(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def database_head() -> tuple[int, str]:
    row = db.database.execute_sql(
        'SELECT "seq", "hash" FROM "audit_event" ORDER BY "seq" DESC LIMIT 1'
    ).fetchone()
    return (row[0], row[1]) if row else (0, "0" * 64)


def _hash_at(seq: int) -> str | None:
    row = db.database.execute_sql(
        'SELECT "hash" FROM "audit_event" WHERE "seq" = ' + db.database.param, (seq,)
    ).fetchone()
    return row[0] if row else None


def _serials() -> dict[str, int]:
    rows = db.database.execute_sql('SELECT "station", "year", "last" FROM "serial_counter"')
    return {f"{station}/{year}": last for station, year, last in rows.fetchall()}


def _own_public(folder: Path) -> bytes | None:
    key = _signing.get(folder)
    if key is None and (keys.keys_dir(folder) / keys.SIGNING_KEY_FILE).is_file():
        key = _signing[folder] = keys.load_or_create_signing_key(folder)
    return keys.public_bytes(key) if key is not None else None


def read(path: Path) -> dict | None:
    """The signed head in ``path``; None when absent; ``{"bad": reason}`` when not believable
    (signed by another key than this data folder's, or edited)."""
    own = _own_public(path.parent)
    try:
        data = json.loads(path.read_text("utf-8"))
        signature = keys.unb64(data.pop("signature"))
        public = keys.unb64(data["signer_public"])
        if data.get("format") != FORMAT or type(data.get("seq")) is not int:
            raise ValueError
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {"bad": "无法读取"}
    if (own is not None and public != own) or not keys.verify_signature(
        public, signature, CONTEXT + _canonical(data)
    ):
        return {"bad": "签名不符（在程序外被改动过）"}
    return data


def _lost_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{LOST_PREFIX}*.json"))


def _all_files(folder: Path) -> list[Path]:
    """The head file and every head kept aside (lost, or before a restore)."""
    return [folder / HEAD_FILE, *sorted(folder.glob("chain-head-*.json"))]


def set_aside(folder: Path, now) -> None:
    """Before a restore puts an older register back: the head moves aside, unreported (the
    person chose to go back, and the newer file is kept in backups/), still remembered for
    the serial numbers it had handed out."""
    path = Path(folder) / HEAD_FILE
    if path.is_file():
        os.replace(path, path.with_name(f"{RESTORED_PREFIX}{now:%Y%m%d-%H%M%S}.json"))
    forget(folder)


def behind(recorded: dict) -> int:
    """How many events the register lacks of a recorded head (0: it has it, as recorded)."""
    seq, _hash = database_head()
    if recorded["seq"] > seq:
        return recorded["seq"] - seq
    if recorded["seq"] and _hash_at(recorded["seq"]) != recorded["hash"]:
        return seq - recorded["seq"] + 1  # lost, then written over by new events
    return 0


def record(folder: Path) -> None:
    """After a commit: write the register's head to the head file (a lost tail kept aside)."""
    folder = Path(folder)
    seq, head = database_head()
    if _written.get(folder) == seq:
        return
    path = folder / HEAD_FILE
    if folder not in _written:
        # First write of this process: is the register behind what was written before?
        old = read(path)
        if old is not None and "bad" not in old and behind(old):
            write_atomic(
                folder / f"{LOST_PREFIX}{old['seq']:09d}.json",
                path.read_bytes(),
                what="保存审计链头",
            )
    key = _signing.get(folder)
    if key is None:
        key = _signing[folder] = keys.load_or_create_signing_key(folder)
    public = keys.public_bytes(key)
    station = db.database.execute_sql(
        'SELECT "code" FROM "station" WHERE "is_local" = ' + db.database.param, (True,)
    ).fetchone()
    data = {
        "format": FORMAT,
        "station": station[0] if station else "",
        "seq": seq,
        "hash": head,
        "serials": _serials(),
        "signer_public": keys.b64(public),
    }
    data["signature"] = keys.b64(key.sign(CONTEXT + _canonical(data)))
    write_atomic(path, _canonical(data), what="保存审计链头")
    _written[folder] = seq


_folder: list[Path] = []  # the data folder whose SQLite register is open


def attach(folder: Path | None) -> None:
    """Follow ``folder``'s register (None: a PostgreSQL county, whose server keeps its own)."""
    _folder[:] = [Path(folder)] if folder is not None else []
    if _after_commit not in db.AFTER_COMMIT:
        db.AFTER_COMMIT.append(_after_commit)


def _after_commit() -> None:
    if not _folder:
        return
    try:
        record(_folder[0])
    except (OSError, StorageError):
        # The change is committed: saying "not saved" would be false. The head file lags one
        # commit and is written again by the next; check compares what it has.
        pass


def attached() -> Path | None:
    return _folder[0] if _folder else None


def forget(folder: Path) -> None:
    """The register of ``folder`` was replaced (restore): judge the head file afresh."""
    _written.pop(Path(folder), None)


def problems(folder: Path) -> list[str]:
    """What ``check`` reports: the register behind a head it once had, or a head file edited."""
    found = []
    for path in [Path(folder) / HEAD_FILE, *_lost_files(Path(folder))]:
        recorded = read(path)
        if recorded is None:
            continue
        if "bad" in recorded:
            found.append(f"审计链头文件“{path.name}”{recorded['bad']}：请联系县公司")
            continue
        lost = behind(recorded)
        if lost:
            found.append(
                f"最近 {lost} 条记录丢失：登记簿曾保存到第 {recorded['seq']} 号审计记录，"
                f"现在只到第 {database_head()[0]} 号（可能在保存时断电或数据文件被换成了旧的）。"
                "丢失的受理编号不会再发出；请从最近的备份恢复，或联系县公司用同步文件补回"
            )
    return found


def serial_floor(folder: Path, station: str, year: int) -> int:
    """The highest serial number of the year the head files remember (0 if none)."""
    best = 0
    for path in _all_files(Path(folder)):
        recorded = read(path)
        if recorded is None or "bad" in recorded or recorded.get("station") != station:
            continue
        value = (recorded.get("serials") or {}).get(f"{station}/{year}", 0)
        if type(value) is int:
            best = max(best, value)
    return best
