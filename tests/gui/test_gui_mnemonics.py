"""A caption's Alt key (the "(&C)" in 供电所编码(&C)) is a shortcut to its field: the caption must
have the field as its buddy, or Qt prints "(&C)" as it stands and the key does nothing."""

from __future__ import annotations

import re

from gui_helpers import settle
from PySide6.QtWidgets import QLabel, QWidget

from firstask_desktop.gui.entry_detail import EntryDetail
from firstask_desktop.gui.wizard import SetupWizard
from firstask_desktop.services import entries as svc

MNEMONIC = re.compile(r"&[^&\s]")


def captions_printing_their_mnemonic(root: QWidget) -> list[str]:
    """The labels that show an "&X" as text: a mnemonic with no buddy to go to."""
    return [
        label.text()
        for label in root.findChildren(QLabel)
        if MNEMONIC.search(label.text().replace("&&", "")) and label.buddy() is None
    ]


def test_every_wizard_caption_leads_to_its_field(store, qtbot):
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    assert captions_printing_their_mnemonic(wizard) == []
    station = wizard.station_page
    # Alt+C goes to the station code: the caption's buddy is the field itself.
    buddies = {label.buddy() for label in station.findChildren(QLabel) if label.buddy()}
    assert {station.code, station.name, station.county, station.area} <= buddies
    admin = wizard.admin_page
    buddies = {label.buddy() for label in admin.findChildren(QLabel) if label.buddy()}
    assert {admin.name, admin.password, admin.repeat} <= buddies


def test_no_screen_or_step_dialog_prints_a_mnemonic(window, session, people, complaint, qtbot):
    for name in window.page:
        window.show_page(name)
        settle(qtbot)
        assert captions_printing_their_mnemonic(window) == [], name
    window.new_entry()
    settle(qtbot)
    assert captions_printing_their_mnemonic(window.entry_form) == []
    window.entry_form.discard()
    svc.transfer_entry(people["李娜"], complaint, department="营业班", note="请处理")
    detail = EntryDetail(session, complaint)
    qtbot.addWidget(detail)
    detail.show()
    settle(qtbot)
    for step in list(detail.step_buttons):
        if step in ("start", "close"):
            continue
        detail.start_step(step)
        settle(qtbot)
        assert captions_printing_their_mnemonic(detail.current_dialog) == [], step
        detail.current_dialog.reject()
