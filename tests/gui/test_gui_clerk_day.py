"""A clerk's day (issue 20), the items no other test held: the register's filters show whole
names, a refusal in the 回访 dialog is shown whole, 转办完成 names the transfer it ends."""

from __future__ import annotations

import pytest
from gui_helpers import open_detail, settle, type_text
from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from firstask_desktop.services import entries as svc
from firstask_desktop.store.models import Transfer


def _entry(people) -> str:
    return svc.register_entry(
        people["李娜"], channel="来信", category="投诉", visitor="张三",
        phone="13812345678", matter="电压偏低",
    ).serial  # fmt: skip


def _open(detail, step, qtbot):
    detail.step_buttons[step].click()
    settle(qtbot)
    return detail.current_dialog


@pytest.fixture(params=["medium", "large"])
def text_size(request, session, qtbot):
    session.prefs.text_size = request.param
    session.prefs_changed.emit("text_size")
    settle(qtbot)
    yield request.param
    session.prefs.text_size = "medium"
    session.prefs_changed.emit("text_size")
    settle(qtbot)


def _text_room(combo) -> int:
    """The width a combo box gives its text (its frame and arrow left out)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def test_the_register_filters_show_their_whole_names(window, text_size, qtbot):
    window.resize(1280, 720)
    window.show_page("register")
    settle(qtbot)
    page = window.page["register"]
    responder = page.responder
    assert responder.itemText(0) == "全部责任人"
    for combo in page._filter_combos():
        if not combo.isVisible():
            continue  # the station filter is the county's
        shown = combo.currentText()
        # "全部责任人", never "全部责任," cut to the combo's width.
        assert _text_room(combo) >= combo.fontMetrics().horizontalAdvance(shown), shown


def test_a_refusal_in_the_follow_up_dialog_is_shown_whole(session, people, text_size, qtbot):
    serial = _entry(people)
    svc.reply_entry(people["李娜"], serial, "已调整变压器分接头")
    detail = open_detail(session, serial, qtbot)
    dialog = _open(detail, "follow_up", qtbot)
    dialog.ok_button.click()  # reached, but no satisfaction chosen
    settle(qtbot)
    beside = dialog.errors["satisfaction"]
    svc.void_entry(people["李娜"], serial, "重复登记")  # meanwhile, from another PC
    dialog.satisfaction["satisfied"].setChecked(True)
    dialog.ok_button.click()
    settle(qtbot)
    below = dialog.error
    assert "不能回访" in below.text()
    assert below.isVisible() and below.wordWrap()
    # Every line whole ("不能" never cut to "个能"), inside the dialog.
    assert below.height() >= below.heightForWidth(below.width())
    top_left = below.mapTo(dialog, below.rect().topLeft())
    assert dialog.rect().contains(below.rect().translated(top_left))
    assert not beside.isVisible()  # the field's line went with its cause
    dialog.reject()


def test_finish_transfer_names_the_transfer_and_ends_the_one_picked(session, people, qtbot):
    serial = _entry(people)
    li = people["李娜"]
    first = svc.transfer_entry(li, serial, department="抢修班", note="请到现场")
    second = svc.transfer_entry(li, serial, department="营业班", note="请核实表计")
    detail = open_detail(session, serial, qtbot)
    dialog = _open(detail, "finish_transfer", qtbot)
    names = [dialog.transfer.itemText(i) for i in range(dialog.transfer.count())]
    assert len(names) == 2 and "营业班" in names[0] and "抢修班" in names[1]
    dialog.transfer.setCurrentIndex(1)
    type_text(dialog.text, "抢修班已到现场处理")
    dialog.ok_button.click()
    settle(qtbot)
    assert not dialog.isVisible()
    assert Transfer.get_by_id(first.id).done_at is not None
    assert Transfer.get_by_id(second.id).done_at is None
    assert "抢修班已到现场处理" in Transfer.get_by_id(first.id).note
