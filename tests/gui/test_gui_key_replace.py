"""A station's PC is replaced: the county's administrator imports the new PC's key file on the
同步 page, is shown the registered fingerprint beside the new one, and replaces the key there
(the command line's ``keys import --replace [--old-key-lost]``), or cancels with nothing changed."""

from __future__ import annotations

import pytest
from gui_helpers import settle
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sync_support import exchange_keys, export, import_at, make_county, make_station, table_state

from firstask_desktop.gui.sync_view import SyncPage
from firstask_desktop.store import db
from firstask_desktop.store.storage import open_store
from firstask_desktop.sync import trust
from firstask_desktop.sync.trust import export_key_file


@pytest.fixture
def new_pc(tmp_path):
    """The county knows 城关所's old PC; 城关所's new PC has made its own key file."""
    county = make_county(tmp_path / "县公司")
    old_pc = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=1)
    exchange_keys(county, old_pc, usb=tmp_path / "钥匙")
    import_at(county, export(old_pc, tmp_path / "同步").path, accept_new_station=True)
    with county.use():
        old_fingerprint = trust.registered("station", "GS0101").fingerprint
    new_pc = make_station(tmp_path / "新电脑", "GS0101", "城关供电所", entries=0)
    with new_pc.use():
        key_file, info = export_key_file(tmp_path / "新钥匙")
    return county, key_file, old_fingerprint, info.fingerprint


@pytest.fixture
def county_page(new_pc, qapp, qtbot, monkeypatch):
    from firstask_desktop.gui.session import Session
    from firstask_desktop.services.station import local_station
    from firstask_desktop.store.models import Staff

    county, key_file, _old, _new = new_pc
    open_store(county.folder)
    session = Session(county.folder)
    session.station = local_station()
    session.set_actor(Staff.get(Staff.name == "县管理员"))
    page = SyncPage(session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(key_file), ""))
    yield page
    db.close()


def answer_the_question(qtbot, *, lost: bool, replace: bool) -> list[str]:
    """Start the key import and answer the replacement question as a person would: read it,
    tick 旧电脑丢失或被盗 or not, click 核对一致，替换 or 取消. Returns the question's text."""
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            watcher.start()
            return
        asked.append(box.text())
        box.checkBox().setChecked(lost)
        wanted = "核对一致，替换" if replace else "取消"
        next(b for b in box.buttons() if b.text() == wanted).click()

    watcher = QTimer(singleShot=True, interval=50)
    watcher.timeout.connect(answer)
    watcher.start()
    return asked


@pytest.mark.parametrize("lost", [False, True], ids=["old-pc-kept", "old-pc-lost"])
def test_a_new_pcs_key_replaces_the_old_one_on_screen(new_pc, county_page, qtbot, lost):
    _county, _file, old_fingerprint, new_fingerprint = new_pc
    asked = answer_the_question(qtbot, lost=lost, replace=True)
    county_page.choose_key()
    qtbot.waitUntil(lambda: "替换" in county_page.result.text(), timeout=15000)
    assert county_page.error.text() == ""
    # The question shows both fingerprints, so the phone check compares the new one.
    shown = asked[0].replace("\u00a0", " ")  # each fingerprint kept on one line
    assert old_fingerprint in shown and new_fingerprint in shown
    assert new_fingerprint in county_page.result.text()
    assert trust.registered("station", "GS0101").fingerprint == new_fingerprint
    retired = trust.retired_keys()
    assert [(k["fingerprint"], k["lost"]) for k in retired] == [(old_fingerprint, lost)]
    assert retired[0]["retired_by"] == "县管理员"


def test_cancelling_the_replacement_changes_nothing(new_pc, county_page, qtbot):
    _county, _file, old_fingerprint, _new = new_pc
    before = table_state()
    asked = answer_the_question(qtbot, lost=True, replace=False)
    county_page.choose_key()
    qtbot.waitUntil(lambda: bool(asked), timeout=15000)
    settle(qtbot)
    assert table_state() == before
    assert trust.registered("station", "GS0101").fingerprint == old_fingerprint
    assert county_page.result.text() == "" and county_page.error.text() == ""


def test_the_old_key_is_listed_and_revoked_when_the_old_pc_turns_out_stolen(
    new_pc, county_page, qtbot, answers
):
    _county, _file, old_fingerprint, new_fingerprint = new_pc
    answer_the_question(qtbot, lost=False, replace=True)
    county_page.choose_key()
    qtbot.waitUntil(lambda: "替换" in county_page.result.text(), timeout=15000)

    county_page.open_keys()
    dialog = county_page.keys_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=15000)
    shown = {
        dialog.table.item(r, 2).text(): dialog.table.item(r, 0).text()
        for r in range(dialog.table.rowCount())
    }
    assert shown == {new_fingerprint: "在用", old_fingerprint: "已替换"}
    # The key in use is not offered: the station would be left with none.
    current = next(r for r in range(2) if dialog.table.item(r, 2).text() == new_fingerprint)
    dialog.table.selectRow(current)
    assert not dialog.revoke_button.isEnabled()
    assert "先导入对方新电脑的公钥" in dialog.revoke_button.toolTip()

    dialog.table.selectRow(1 - current)
    assert dialog.revoke_button.isEnabled()
    dialog.revoke_button.click()
    assert answers.asked and old_fingerprint in answers.asked[-1][1]
    qtbot.waitUntil(lambda: "已作废" in dialog.result.text(), timeout=15000)
    qtbot.waitUntil(
        lambda: any(dialog.table.item(r, 0).text() == "已作废" for r in range(2)),
        timeout=15000,
    )
    assert [(k["fingerprint"], k["lost"]) for k in trust.retired_keys()] == [
        (old_fingerprint, True)
    ]


def test_who_may_not_manage_keys_reads_the_list_but_is_not_offered_to_revoke(session, qtbot):
    from firstask_desktop.gui.keys_dialog import KeysDialog

    dialog = KeysDialog(session)  # 李娜, a clerk at a station
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "本机公钥指纹" in dialog.mine.text(), timeout=15000)
    assert not dialog.revoke_button.isEnabled()
    assert "无权" in dialog.revoke_button.toolTip()
