"""Shared fixtures: a fresh data folder per test (a real SQLite file, never :memory:)."""

from __future__ import annotations

import gc
import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("FIRSTASK_DATA_DIR", None)

from support import PASSWORD, T0  # noqa: E402

from firstask_desktop.store import db  # noqa: E402
from firstask_desktop.store.storage import open_store  # noqa: E402


@pytest.fixture(autouse=True)
def _cyclic_garbage_collected_between_tests():
    """Once a GUI test has made the application, Python's automatic collector is off for the
    rest of the run (the app collects on its GUI thread, by a timer that only runs in an event
    loop): collect here what is due, so that the tests without an event loop free theirs too."""
    yield
    if not gc.isenabled():
        from firstask_desktop.gui import collector

        collector.collect_due(gc.get_threshold())


@pytest.fixture
def store(tmp_path: Path):
    """An open, empty data folder whose path has Chinese in it (like C:\\Users\\张三)."""
    folder = tmp_path / "张三" / "首问登记"
    open_store(folder)
    yield folder
    db.close()


@pytest.fixture
def station(store):
    """A rural station with its administrator; returns the admin."""
    from firstask_desktop.services.station import init_station

    init_station(
        code="GS0101",
        name="城关供电所",
        county="榆中县供电公司",
        area="rural",
        admin_name="管理员",
        admin_password=PASSWORD,
        now=T0,
    )
    from firstask_desktop.store.models import Staff

    return Staff.get(Staff.name == "管理员")


@pytest.fixture
def people(station):
    """The station's people by name: 管理员, 王建国 (head), 李娜 and 张伟 (clerks), 陈静 (manager)."""
    from firstask_desktop.services.station import add_staff

    for name, role in [
        ("王建国", "head"),
        ("李娜", "clerk"),
        ("张伟", "clerk"),
        ("陈静", "manager"),
    ]:
        add_staff(station, name=name, role=role, password=PASSWORD, department="营业班", now=T0)
    from firstask_desktop.store.models import Staff

    return {s.name: s for s in Staff.select()}


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server for the county-database tests: the one FIRSTASK_TEST_PG
    names, else a throw-away server started on first use and stopped at the end of the session,
    so that the README's test command alone runs these tests too."""
    from sync_support import ENV_PG, ThrowawayPostgres

    if os.environ.get(ENV_PG):
        yield os.environ[ENV_PG]
        return
    server = ThrowawayPostgres().start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A demo station built once per session; tests get their own copy (see ``demo_store``)."""
    from firstask_desktop.demo.demo_station import build_demo

    folder = tmp_path_factory.mktemp("demo-template") / "data"
    open_store(folder)
    build_demo(entries=240, seed=7, now=datetime(2026, 11, 20, 16, 0))
    db.close()
    return folder


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path):
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    open_store(folder)
    yield folder
    db.close()
