"""The whole life of a complaint, done the way a clerk does it: through the windows."""

from __future__ import annotations

from gui_helpers import settle, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from firstask_desktop.gui.app import open_main_window
from firstask_desktop.gui.login import LoginDialog
from firstask_desktop.gui.register_model import COL_STATUS
from firstask_desktop.gui.session import Session
from firstask_desktop.gui.wizard import SetupWizard
from firstask_desktop.services.station import local_station

PASSWORD = "secret123"


def _set_up_station(qtbot) -> str:
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    station = wizard.station_page
    qtbot.keyClicks(station.code, "gs0909")
    type_text(station.name, "城关供电所")
    type_text(station.county, "榆中县供电公司")
    wizard.next()
    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    type_text(admin.name, "管理员")
    qtbot.keyClicks(admin.password, PASSWORD)
    qtbot.keyClicks(admin.repeat, PASSWORD)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.finish_page.done, timeout=30000)
    assert "城关供电所（GS0909）" in wizard.finish_page.result_text.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    return wizard.admin_name


def _log_in(qtbot, name: str):
    login = LoginDialog(local_station().name, name)
    qtbot.addWidget(login)
    login.show()
    settle(qtbot)
    assert login.panel.selected_name() == "管理员"
    qtbot.keyClicks(login.panel.password, PASSWORD)
    qtbot.keyClick(login.panel.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.staff is not None, timeout=10000)
    return login.staff


def _step(qtbot, detail, step: str, fill=None) -> dict:
    detail.step_buttons[step].click()
    dialog = detail.current_dialog
    settle(qtbot)
    if fill is not None:
        fill(dialog)
    dialog.ok_button.click()
    settle(qtbot)
    assert not dialog.isVisible(), dialog.error.text()
    return detail.details


def test_wizard_login_register_transfer_reply_unsatisfied_reopen_and_close(store, qtbot, answers):
    admin_name = _set_up_station(qtbot)
    staff = _log_in(qtbot, admin_name)
    session = Session(store)
    session.station = local_station()
    session.set_actor(staff)
    window = open_main_window(QApplication.instance(), session)
    qtbot.addWidget(window)
    window.notifier.timer.stop()
    window.show()
    settle(qtbot)
    assert "管理员" in window.actor_label.text()
    assert "城关供电所" in window.station_label.text()

    # 新登记 with Ctrl+N, filled in paper order with the keyboard, saved with Ctrl+S.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.entry_form
    assert form is not None and form.isVisible()
    ui = form.ui
    qtbot.keyClick(ui.channel, Qt.Key.Key_1)
    qtbot.keyClick(ui.category, Qt.Key.Key_3)
    type_text(ui.visitor, "张三")
    type_text(ui.address, "城关镇东街12号")
    qtbot.keyClicks(ui.phone, "13812345678")
    type_text(ui.matter, "电压偏低，空调无法启动")
    settle(qtbot)
    assert "答复客户：5个自然日内" in ui.deadlineLabel.text()
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert not form.isVisible(), ui.formError.text()
    # The receipt for the visitor is on screen at once, ready to print.
    qtbot.waitUntil(lambda: window.receipt_preview is not None, timeout=15000)
    assert window.receipt_preview.document.pageCount() >= 1
    window.receipt_preview.close()

    # The register lists it; Enter on the row opens it.
    table = window.page["register"].table
    qtbot.waitUntil(lambda: table.model.rowCount() == 1 and not table.model.is_loading())
    serial = table.model.serial_at(0)
    assert serial.startswith("GS0909-")
    table.view.setCurrentIndex(table.model.index(0, 0))
    qtbot.keyClick(table.view, Qt.Key.Key_Return)
    detail = window.detail_windows[serial]
    settle(qtbot)
    assert detail.details["category"] == "complaint"
    assert set(detail.step_buttons) == {
        "start",
        "contact",
        "transfer",
        "reply",
        "unresolved",
        "reassign",  # the administrator may hand it to another responder (改派)
        "edit",
        "void",
        "duplicate",
    }

    def transfer(dialog):
        dialog.department.setCurrentIndex(dialog.department.findData("配电运维班"))
        type_text(dialog.note, "请今天到现场测电压")

    details = _step(qtbot, detail, "transfer", transfer)
    assert details["status"] == "transferred"
    assert details["transfers"][0]["department"] == "配电运维班"
    assert "supervise" in detail.step_buttons and "transfer" in detail.step_buttons

    details = _step(
        qtbot, detail, "reply", lambda d: type_text(d.text, "已调整变压器分接头，电压恢复正常")
    )
    assert details["status"] == "replied"
    # The administrator may still correct an answered entry (edit_after_reply).
    assert set(detail.step_buttons) == {"follow_up", "reassign", "edit", "void", "duplicate"}

    def unsatisfied(dialog):
        dialog.satisfaction["unsatisfied"].setChecked(True)
        type_text(dialog.note, "客户说晚上电压仍然偏低")

    details = _step(qtbot, detail, "follow_up", unsatisfied)
    assert details["status"] == "in_progress"  # reopened, back on the responder's desk
    assert details["timeline"][-1]["label"] == "客户不满意，重新办理"
    assert "reply" in detail.step_buttons and "follow_up" not in detail.step_buttons

    _step(qtbot, detail, "reply", lambda d: type_text(d.text, "已新增配变，电压稳定"))

    def satisfied(dialog):
        dialog.method.setCurrentIndex(dialog.method.findData("visit"))
        dialog.satisfaction["satisfied"].setChecked(True)

    details = _step(qtbot, detail, "follow_up", satisfied)
    assert details["status"] == "followed_up"
    assert [f["satisfaction"] for f in details["follow_ups"]] == ["unsatisfied", "satisfied"]

    detail.step_buttons["close"].click()
    settle(qtbot)
    assert answers.asked and "办结" in answers.asked[-1][0]
    assert detail.details["status"] == "closed"
    assert detail.step_buttons.keys() == {"edit", "void", "duplicate"}
    labels = [event["label"] for event in detail.details["timeline"]]
    assert labels[0] == "登记" and labels[-1] == "办结"
    assert "回访" in labels and "客户不满意，重新办理" in labels and "转办" in labels

    # The register and the status bar followed every step.
    qtbot.waitUntil(lambda: not table.model.is_loading() and table.model.rowCount() == 1)
    assert table.model.index(0, COL_STATUS).data() == "已办结"
    assert window.counts["overdue"] == 0
    detail.close()
