"""The register model: SQL pages, never all rows; SQL filters and sorting; due states as text."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta

import pytest
from gui_helpers import settle
from PySide6.QtCore import Qt

from firstask_desktop.gui import tasks
from firstask_desktop.gui.register_model import (
    COL_CATEGORY,
    COL_DUE_STATE,
    COL_SERIAL,
    COL_VISITOR,
    PAGE_SIZE,
    DueStateRole,
    RegisterModel,
)
from firstask_desktop.services.queries import EntryFilter
from firstask_desktop.store import db
from firstask_desktop.store.models import Entry, Staff, new_uuid
from firstask_desktop.store.storage import open_store

ROWS = 10_000
NOW = datetime(2026, 3, 20, 12, 0)
CATEGORIES = ("consult", "query", "complaint", "repair")


@pytest.fixture(scope="module")
def big_register_template(tmp_path_factory):
    """10,000 entries written straight to the table once (fast; the model only reads)."""
    from firstask_desktop.services.station import init_station

    folder = tmp_path_factory.mktemp("big-register") / "data"
    open_store(folder)
    init_station(code="GS0101", name="城关供电所", admin_name="管理员", admin_password="secret123")
    responder = Staff.get(Staff.name == "管理员").id
    start = datetime(2026, 1, 1, 8, 0)
    rows = []
    for n in range(1, ROWS + 1):
        received = start + timedelta(minutes=11 * n)
        rows.append(
            {
                "uuid": new_uuid(),
                "station": "GS0101",
                "serial": f"GS0101-2026-{n:05d}",
                "received_at": received,
                "channel": "visit" if n % 2 else "phone",
                "category": CATEGORIES[n % 4],
                "visitor": f"客户{n}",
                "phone": f"138{n:08d}",
                "matter": "电压偏低" if n % 10 == 0 else "咨询电价",
                "responder": responder,
                "status": "registered" if n % 3 else "closed",
                "due_at": received + timedelta(days=5),
            }
        )
    with db.database.atomic():
        for chunk in range(0, ROWS, 500):
            Entry.insert_many(rows[chunk : chunk + 500]).execute()
    db.close()
    return folder


@pytest.fixture
def big_register(big_register_template, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(big_register_template, folder)
    open_store(folder)
    yield folder
    tasks.wait_for_workers()
    db.close()


def _model(**kwargs) -> RegisterModel:
    """A model reading as the administrator (who may see every customer's data)."""
    model = RegisterModel(**kwargs)
    model.viewer = Staff.get_or_none(Staff.name == "管理员")
    return model


def _loaded(qtbot, model):
    settle(qtbot)
    qtbot.waitUntil(lambda: not model.is_loading())


def test_pages_through_ten_thousand_rows_without_loading_them_all(big_register, qtbot):
    model = _model()
    model.now = NOW
    # How fast is bench/gui_probe.py's business (docs/benchmarks.md), not a test's.
    model.set_filter(EntryFilter())
    _loaded(qtbot, model)
    assert model.total == ROWS
    assert model.rowCount() == PAGE_SIZE  # one page, not 10,000 rows
    # Newest first by default.
    assert model.index(0, COL_SERIAL).data() == "GS0101-2026-10000"
    assert model.canFetchMore()
    model.fetchMore()
    _loaded(qtbot, model)
    assert model.rowCount() == 2 * PAGE_SIZE
    serials = [model.serial_at(r) for r in range(model.rowCount())]
    assert len(set(serials)) == len(serials)
    assert serials == sorted(serials, reverse=True)
    # The last page ends the fetching.
    small = _model(page_size=4000)
    small.set_filter(EntryFilter())
    _loaded(qtbot, small)
    while small.canFetchMore():
        small.fetchMore()
        _loaded(qtbot, small)
    assert small.rowCount() == ROWS and not small.canFetchMore()


def test_sorting_is_sql_over_all_rows(big_register, qtbot):
    model = _model()
    model.set_filter(EntryFilter())
    _loaded(qtbot, model)
    model.sort(COL_SERIAL, Qt.SortOrder.AscendingOrder)
    _loaded(qtbot, model)
    assert model.index(0, COL_SERIAL).data() == "GS0101-2026-00001"
    model.sort(COL_VISITOR, Qt.SortOrder.DescendingOrder)
    _loaded(qtbot, model)
    # "客户9999" sorts above "客户10000" as text: the order comes from SQL, not from the page.
    assert model.index(0, COL_VISITOR).data() == "客户9999"
    assert model.rowCount() == PAGE_SIZE


def test_filters_are_sql_and_reset_the_pages(big_register, qtbot):
    model = _model()
    model.now = NOW
    model.set_filter(EntryFilter(category="complaint", status="registered"))
    _loaded(qtbot, model)
    expected = sum(1 for n in range(1, ROWS + 1) if n % 4 == 2 and n % 3)
    assert model.total == expected
    assert {model.index(r, COL_CATEGORY).data() for r in range(model.rowCount())} == {"投诉"}
    model.set_filter(EntryFilter(search="电压偏低", channel="phone"))
    _loaded(qtbot, model)
    assert model.total == ROWS // 10
    model.set_filter(EntryFilter(month="2026-01"))
    _loaded(qtbot, model)
    assert 0 < model.total < ROWS
    model.set_filter(EntryFilter(search="没有这样的人"))
    _loaded(qtbot, model)
    assert model.total == 0 and model.rowCount() == 0 and not model.canFetchMore()


def test_due_state_is_written_not_only_coloured(people, qtbot):
    from firstask_desktop.services import entries as svc

    clerk = people["李娜"]
    svc.register_entry(
        clerk,
        channel="来访",
        category="投诉",
        visitor="张三",
        phone="13812345678",
        matter="电压低",
        now=datetime(2026, 3, 10, 9, 0),
    )
    svc.register_entry(
        clerk,
        channel="来访",
        category="投诉",
        visitor="李四",
        phone="13812345679",
        matter="电压低",
        now=datetime(2026, 3, 15, 9, 0),
    )
    model = _model()
    model.now = datetime(2026, 3, 16, 12, 0)
    model.set_filter(EntryFilter())
    _loaded(qtbot, model)
    states = {
        model.index(r, COL_VISITOR).data(): model.index(r, COL_DUE_STATE)
        for r in range(model.rowCount())
    }
    assert states["张三"].data() == "已超期" and states["张三"].data(DueStateRole) == "overdue"
    assert states["李四"].data() == "未到期"
    assert states["张三"].data(Qt.ItemDataRole.BackgroundRole) is not None


def test_a_failed_read_is_reported_not_swallowed(store, qtbot):
    model = _model()
    failures = []
    model.sig_failed.connect(failures.append)
    model.set_filter(EntryFilter(month="2026-13"))
    _loaded(qtbot, model)
    assert failures and "月份" in str(failures[0])
    assert not model.canFetchMore()
