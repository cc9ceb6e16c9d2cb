"""In English mode the core's refusals are English too (issue 20, item 3): a step refused in its
dialog, the reason on a greyed button, a refused sync file, a message box; the values in place."""

from __future__ import annotations

import pytest
from gui_helpers import open_detail, settle, type_text

from firstask_desktop.gui import i18n
from firstask_desktop.services import entries as svc


@pytest.fixture
def english(qapp):
    assert i18n.set_language(qapp, "en")
    yield
    i18n.set_language(qapp, "zh_CN")


def test_a_step_refused_in_its_dialog_reads_english_with_the_entry_and_its_status(
    english, session, people, complaint, qtbot
):
    detail = open_detail(session, complaint, qtbot)
    svc.void_entry(people["李娜"], complaint, "重复登记")  # e.g. from the command line meanwhile
    detail.step_buttons["reply"].click()
    settle(qtbot)
    dialog = detail.current_dialog
    type_text(dialog.text, "已处理")
    dialog.ok_button.click()
    settle(qtbot)
    assert dialog.isVisible()
    assert dialog.error.text() == (
        f"{complaint} status is “Void”: Reply is not possible now. Possible now: nothing."
    )


def test_the_reason_on_a_greyed_step_button_reads_english(
    english, session, people, complaint, qtbot
):
    session.set_actor(people["王建国"])
    detail = open_detail(session, complaint, qtbot)
    button = detail.step_buttons["reply"]
    assert not button.isEnabled()
    assert button.toolTip() == (
        f"The first responder of {complaint} is 李娜: only that person may take this step."
    )


def test_a_refused_sync_file_reads_english_on_the_sync_page(
    english, session, people, qtbot, tmp_path
):
    from firstask_desktop.gui.sync_view import SyncPage

    session.set_actor(people["管理员"])
    page = SyncPage(session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    junk = tmp_path / "GS0101-000009.fasync"
    junk.write_bytes(b"FASYNC" + b"\x00" * 200)
    page.import_files([str(junk)])
    settle(qtbot)
    text = page.result.text()
    assert text.startswith("✗ GS0101-000009.fasync：Sync file “GS0101-000009.fasync”")
    assert "refused, nothing was imported" in text and "已拒绝" not in text


def test_a_refusal_message_box_reads_english_and_chinese_again_in_chinese(
    qapp, people, complaint, answers
):
    from firstask_desktop.domain.errors import RefusedError
    from firstask_desktop.gui.messages import show_error

    with pytest.raises(RefusedError) as refused:
        svc.close_entry(people["张伟"], complaint)
    assert i18n.set_language(qapp, "en")
    try:
        show_error(None, refused.value)
    finally:
        i18n.set_language(qapp, "zh_CN")
    show_error(None, refused.value)
    (title, english), (chinese_title, chinese) = answers.shown
    assert title == "Not done" and english.startswith(f"The first responder of {complaint}")
    assert chinese_title == "不能完成" and chinese == str(refused.value)
