"""Lists offer only what this person may act on: the 回访 list shows a clerk her own entries
(she cannot call a colleague's masked customer), the head every one; the head on 同步 is not
offered 导入密钥, the button saying why."""

from __future__ import annotations

from datetime import datetime, timedelta

from gui_helpers import settle

from firstask_desktop.services import entries as svc


def _answered(people, who: str, phone: str) -> str:
    when = datetime.now().replace(microsecond=0) - timedelta(days=10)
    entry = svc.register_entry(
        people[who], channel="来电", category="咨询", visitor="张三", phone=phone,
        matter="咨询电价", received_at=when, now=when,
    )  # fmt: skip
    svc.reply_entry(people[who], entry.serial, "已答复", now=when + timedelta(days=1))
    return entry.serial


def _listed(page, qtbot) -> set[str]:
    qtbot.waitUntil(lambda: not page.table.model.is_loading())
    model = page.table.model
    return {model.row(r)["serial"] for r in range(model.rowCount())}


def test_the_follow_up_list_shows_a_clerk_her_own_and_the_head_all(session, people, qtbot):
    from firstask_desktop.gui.follow_up_view import FollowUpPage

    mine = _answered(people, "李娜", "13812345678")
    colleagues = _answered(people, "张伟", "13812345679")
    page = FollowUpPage(session)
    qtbot.addWidget(page)
    page.set_counts({"follow_up_due": 2})  # the station's figure, before the list is read
    settle(qtbot)
    assert _listed(page, qtbot) == {mine}
    qtbot.waitUntil(lambda: page.buttons["follow_up_due"].text().endswith("\n1"))
    assert "我的" in page.buttons["follow_up_due"].text()
    session.set_actor(people["王建国"])
    page.refresh()
    settle(qtbot)
    assert _listed(page, qtbot) == {mine, colleagues}
    page.set_counts({"follow_up_due": 2})
    assert page.buttons["follow_up_due"].text().endswith("\n2")


def test_the_head_on_sync_is_not_offered_the_key_import(session, people, qtbot):
    from firstask_desktop.gui.sync_view import SyncPage

    session.set_actor(people["王建国"])
    page = SyncPage(session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    assert not page.key_import.isEnabled()
    assert page.key_import.toolTip().startswith("所长无权管理密钥")
    assert page.export_button.isEnabled() and page.export_button.toolTip() == ""
    session.set_actor(people["管理员"])
    page.refresh()  # 切换人员: the administrator manages the keys
    assert page.key_import.isEnabled() and page.key_import.toolTip() == ""
    session.set_actor(people["李娜"])
    page.refresh()
    assert not page.export_button.isEnabled() and "营业员无权" in page.export_button.toolTip()
