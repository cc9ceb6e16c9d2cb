"""The entry form: paper order, keyboard, live deadline, known customers, errors beside fields."""

from __future__ import annotations

import json

import pytest
from gui_helpers import settle, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from firstask_desktop.gui.entry_form import EntryForm
from firstask_desktop.services import entries as svc
from firstask_desktop.store.models import Customer, Entry


@pytest.fixture
def form(session, qtbot):
    f = EntryForm(session)
    f.show()
    settle(qtbot)
    yield f
    f.discard()  # a form left half-filled must not ask (a modal box) at teardown
    f.deleteLater()


def _fill_complaint(qtbot, form, phone="13812345678"):
    ui = form.ui
    ui.category.set_value("complaint")
    type_text(ui.visitor, "张三")
    type_text(ui.matter, "电压偏低")
    if phone:
        qtbot.keyClicks(ui.phone, phone)


def _save(qtbot, form) -> list[dict]:
    saved = []
    form.sig_entry_saved.connect(saved.append)
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    return saved


def test_a_refusal_shows_beside_its_field_and_keeps_what_was_typed(form, qtbot):
    _fill_complaint(qtbot, form, phone="")
    assert _save(qtbot, form) == []
    ui = form.ui
    assert ui.phoneError.isVisible()
    assert "联系电话" in ui.phoneError.text()
    assert not ui.visitorError.isVisible() and not ui.formError.isVisible()
    assert ui.visitor.text() == "张三" and ui.matter.toPlainText() == "电压偏低"
    assert form.isVisible() and Entry.select().count() == 0
    assert form.focusWidget() is ui.phone
    qtbot.keyClicks(ui.phone, "138 1234 5678")
    saved = _save(qtbot, form)
    assert saved and saved[0]["phone"] == "13812345678"
    assert not form.isVisible()


def test_a_number_that_does_not_exist_is_asked_about_once_then_kept_marked(form, qtbot, answers):
    _fill_complaint(qtbot, form, phone="0300 1234567")
    answers.reply = QMessageBox.StandardButton.No
    assert _save(qtbot, form) == []
    # Asked once, saying what is wrong; "no" goes back to the phone with the reason beside it.
    assert len(answers.asked) == 1 and "区号“0300”不存在" in answers.asked[0][1]
    assert "区号“0300”不存在" in form.ui.phoneError.text() and form.ui.phoneError.isVisible()
    assert Entry.select().count() == 0 and form.isVisible()

    answers.reply = QMessageBox.StandardButton.Yes
    saved = _save(qtbot, form)
    assert len(answers.asked) == 2  # once more for this save, and no more
    assert saved and saved[0]["phone"] == "0300-1234567" and saved[0]["phone_unverified"]
    assert Entry.get().phone_unverified and not form.isVisible()


def test_a_number_libphonenumber_knows_is_saved_without_a_question(form, qtbot, answers):
    _fill_complaint(qtbot, form, phone="0931 5221234")
    saved = _save(qtbot, form)
    assert answers.asked == [] and saved and not saved[0]["phone_unverified"]


@pytest.mark.parametrize(
    ("field", "widget", "label"),
    [
        ("visitor", "visitor", "visitorError"),
        ("category", "category", "categoryError"),
    ],
)
def test_missing_name_or_category_is_named_beside_the_field(form, qtbot, field, widget, label):
    ui = form.ui
    _fill_complaint(qtbot, form)
    if field == "visitor":
        ui.visitor.clear()
    else:
        ui.category.set_value("")
    _save(qtbot, form)
    error = getattr(ui, label)
    assert error.isVisible() and error.text()
    assert Entry.select().count() == 0


def test_a_95598_entry_needs_its_work_order_number(form, qtbot):
    ui = form.ui
    assert not ui.woNumber.isVisibleTo(form)
    qtbot.keyClick(ui.channel, Qt.Key.Key_5)
    assert ui.channel.value() == "hotline_95598" and ui.woNumber.isVisibleTo(form)
    _fill_complaint(qtbot, form)
    _save(qtbot, form)
    assert "工单号" in ui.woNumberError.text()
    qtbot.keyClicks(ui.woNumber, "95598260310001")
    saved = _save(qtbot, form)
    assert saved[0]["wo_number"] == "95598260310001" and saved[0]["wo_due_at"] is None


def test_the_promised_deadline_follows_the_category_live(form, qtbot):
    ui = form.ui
    settle(qtbot)
    assert "选择类别" in ui.deadlineLabel.text()
    qtbot.keyClick(ui.category, Qt.Key.Key_1)  # 咨询
    assert "答复客户：1个工作日内" in ui.deadlineLabel.text()
    qtbot.keyClick(ui.category, Qt.Key.Key_3)  # 投诉, at the counter: contacted already
    assert "首次联系客户" not in ui.deadlineLabel.text()
    assert "答复客户：5个自然日内" in ui.deadlineLabel.text()
    qtbot.keyClick(ui.channel, Qt.Key.Key_3)  # 来信: the customer is called back
    assert ui.channel.value() == "letter"
    assert "首次联系客户：1个工作日内" in ui.deadlineLabel.text()
    assert "答复客户：5个自然日内" in ui.deadlineLabel.text()
    qtbot.keyClick(ui.category, Qt.Key.Key_Right)  # 举报
    assert ui.category.value() == "report" and "10个自然日内" in ui.deadlineLabel.text()
    qtbot.keyClick(ui.category, Qt.Key.Key_5)  # 报修, a rural station
    assert "到达现场：90分钟内" in ui.deadlineLabel.text()


def test_a_known_gold_customer_with_complaints_is_recognised(session, people, qtbot):
    manager = people["陈静"]
    earlier = svc.register_entry(
        people["张伟"],
        channel="来电",
        category="投诉",
        visitor="王五",
        unit="兴隆农业合作社",
        address="兴隆村1号",
        phone="13900001111",
        account_no="1234567890",
        matter="电压低",
    )
    customer = Customer.get(Customer.phone == "13900001111")
    svc.set_customer_tier(people["管理员"], customer, "gold", manager.name)
    assert earlier.responder.name == "张伟"

    form = EntryForm(session)
    qtbot.addWidget(form)
    form.show()
    settle(qtbot)
    ui = form.ui
    qtbot.keyClicks(ui.phone, "139 0000 1111")
    form.lookup_customer()
    settle(qtbot)
    assert ui.customerBox.isVisible()
    hint = ui.customerHint.text()
    assert "王五" in hint and "金牌" in hint and "陈静" in hint
    assert "投诉过 1 次" in hint
    assert ui.responder.currentData() == "陈静" and ui.responderHint.isVisible()
    ui.fillButton.click()
    assert (ui.visitor.text(), ui.unit.text(), ui.address.text()) == (
        "王五",
        "兴隆农业合作社",
        "兴隆村1号",
    )
    ui.category.set_value("consult")
    type_text(ui.matter, "咨询电价")
    saved = _save(qtbot, form)
    assert saved[0]["responder"] == "陈静"  # the customer manager is the first responder


def test_a_gold_customers_matter_kept_by_the_clerk_asks_why_and_keeps_the_reason(
    session, people, qtbot, monkeypatch
):
    """The core refuses a tier customer's matter on someone else without a reason: the form
    asks for it (or lets the clerk go back to the manager) instead of a dead end."""
    svc.register_entry(
        people["张伟"], channel="来电", category="咨询", visitor="王五", phone="13900001111",
        matter="电价", result="已答复",
    )  # fmt: skip
    customer = Customer.get(Customer.phone == "13900001111")
    svc.set_customer_tier(people["管理员"], customer, "gold", "陈静")
    asked = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return ("陈静休假，客户要求当场办理", True)

    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getMultiLineText", answer)
    form = EntryForm(session)
    qtbot.addWidget(form)
    form.show()
    settle(qtbot)
    ui = form.ui
    qtbot.keyClicks(ui.phone, "13900001111")
    form.lookup_customer()
    settle(qtbot)
    ui.category.set_value("consult")
    type_text(ui.visitor, "王五")
    type_text(ui.matter, "咨询电价")
    assert ui.responder.currentData() == "陈静"  # offered first: the customer manager
    mine = ui.responder.findData(session.actor.name)
    ui.responder.setCurrentIndex(mine)  # she keeps it, as if picked from the list
    ui.responder.activated.emit(mine)
    saved = _save(qtbot, form)
    assert len(asked) == 1
    assert "金牌客户" in asked[0] and "陈静" in asked[0]
    assert saved and saved[0]["responder"] == session.actor.name
    entry = Entry.get(Entry.serial == saved[0]["serial"])
    assert entry.responder_reason == "陈静休假，客户要求当场办理"


def test_one_time_notice_documents_are_ticked_or_typed(form, qtbot):
    ui = form.ui
    _fill_complaint(qtbot, form)
    ui.category.set_value("business")
    ui.businessType.setCurrentIndex(ui.businessType.findData("居民新装"))
    assert ui.docsList.count() >= 3
    ui.docsList.item(0).setCheckState(Qt.CheckState.Checked)
    ui.docsList.item(2).setCheckState(Qt.CheckState.Checked)
    type_text(ui.docsExtra, "村委会证明、电工证")
    first, third = ui.docsList.item(0).text(), ui.docsList.item(2).text()
    saved = _save(qtbot, form)
    entry = Entry.get(Entry.serial == saved[0]["serial"])
    assert json.loads(entry.missing_documents) == [first, third, "村委会证明", "电工证"]


def test_escape_asks_only_when_something_was_typed(form, qtbot, answers):
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible() and answers.asked == []
    form.show()
    type_text(form.ui.visitor, "张三")
    answers.reply = QMessageBox.StandardButton.No
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible() and len(answers.asked) == 1
    assert form.ui.visitor.text() == "张三"
    answers.reply = QMessageBox.StandardButton.Yes
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()


def test_tab_order_is_the_paper_order(form, qtbot):
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    ui = form.ui
    ui.channel.setFocus()
    order = []
    for _ in range(13):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        # A date-time edit focuses its inner line edit; name the field, not its part.
        while widget is not None and not hasattr(ui, widget.objectName()):
            widget = widget.parentWidget()
        order.append(widget.objectName())
    assert order == [
        "category",
        "receivedAt",
        "visitor",
        "unit",
        "address",
        "phone",
        "accountNo",
        "matter",
        "responder",
        "result",
        "receptionNotes",
        "businessType",
        "docsList",
    ]


def test_saving_an_empty_form_marks_every_missing_field_at_once(form, qtbot):
    ui = form.ui
    # Marked before saving: the caption's "*" and "必填" for a screen reader.
    for caption in (ui.categoryLabel, ui.visitorLabel, ui.matterLabel, ui.phoneLabel):
        assert caption.text().endswith("*"), caption.text()
    assert not ui.unitLabel.text().endswith("*")
    assert (
        ui.visitor.accessibleDescription() == "必填" and ui.visitor.accessibleName() == "来访人姓名"
    )
    assert _save(qtbot, form) == []
    shown = {
        "category": ui.categoryError,
        "visitor": ui.visitorError,
        "matter": ui.matterError,
        "phone": ui.phoneError,
    }
    for field, label in shown.items():
        assert label.isVisible(), field
        # Plain Chinese, no code names, the whole message on screen (wrapped, not cut).
        assert not any(code in label.text() for code in ("consult", "query", "complaint"))
        assert label.wordWrap()
        assert label.height() >= label.heightForWidth(label.width())
    assert "咨询、查询、投诉" in ui.categoryError.text()
    assert "来访人姓名" in ui.visitorError.text()
    assert not ui.formError.isVisible()
    assert form.focusWidget() is ui.category or ui.category.isAncestorOf(form.focusWidget())
    assert Entry.select().count() == 0


def test_the_phone_is_not_required_when_answered_on_the_spot(form, qtbot):
    ui = form.ui
    assert ui.phoneLabel.text().endswith("*")
    type_text(ui.result, "已当场解答")
    assert not ui.phoneLabel.text().endswith("*")
    assert ui.phone.accessibleDescription() == ""


def test_errors_follow_the_english_language(form, session, qapp, qtbot):
    from firstask_desktop.gui.app import apply_look

    session.prefs.language = "en"
    try:
        apply_look(qapp, session.prefs)
        assert _save(qtbot, form) == []
        assert form.ui.visitorError.text() == "Required: please fill in the visitor's name"
        assert form.ui.categoryError.text().startswith("Please choose one: Consultation, ")
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in form.ui.matterError.text())
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in form.ui.phoneError.text())
    finally:
        session.prefs.language = "zh_CN"
        apply_look(qapp, session.prefs)
