"""Every screen fits an old station PC (1366×768 at 100 %, and at 150 % scaling), and the
screenshots command renders them all."""

from __future__ import annotations

import pytest
from gui_helpers import settle
from PySide6.QtGui import QImage

from firstask_desktop.gui.app import apply_look
from firstask_desktop.gui.entry_form import EntryForm

# 1366×768 at 150 % scaling leaves about 910×512 logical pixels, less the title bar.
SCALED_150 = (910, 500)
SCREEN_100 = (1366, 700)


@pytest.mark.parametrize("text_size", ["small", "medium", "large"])
def test_main_window_and_entry_form_fit_at_150_percent(window, session, qapp, qtbot, text_size):
    session.prefs.text_size = text_size
    try:
        apply_look(qapp, session.prefs)
        settle(qtbot)
        hint = window.minimumSizeHint()
        assert hint.width() <= SCALED_150[0] and hint.height() <= SCALED_150[1], hint
        form = EntryForm(session)
        form.show()
        settle(qtbot)
        hint = form.minimumSizeHint()
        assert hint.width() <= SCALED_150[0] and hint.height() <= SCALED_150[1] + 20, hint
        assert form.width() <= SCREEN_100[0] and form.height() <= SCREEN_100[1]
        form.discard()
    finally:
        session.prefs.text_size = "medium"
        apply_look(qapp, session.prefs)


def test_screenshots_render_every_screen(qapp, tmp_path):
    from firstask_desktop.gui.screenshots import render_all

    files = render_all(tmp_path / "shots")
    names = {path.stem.split("-", 1)[1] for path in files}
    for expected in (
        "wizard-welcome",
        "login",
        "welcome",
        "main-register",
        "main-todo",
        "main-follow_up",
        "main-customers",
        "main-stats",
        "main-sync",
        "main-settings",
        "entry-form-known-customer",
        "entry-form-errors",
        "dialog-transfer",
        "dialog-follow_up",
        "receipt-preview",
        "lock-screen",
        "main-register-english",
        "main-assess",
        "main-assess-clerk",
        "dialog-dismiss",
        "settings-clauses",
        "dialog-duplicate",
        "main-todo-transfers",
        "main-sync-county",
        "dialog-quarantine",
        "dialog-quarantine-resolved",
    ):
        assert expected in names
    from firstask_desktop.gui.screenshots import has_ink

    receipt = next(path for path in files if path.stem.endswith("receipt-preview"))
    assert has_ink(QImage(str(receipt)))  # the page drawn, not a blank preview
    for path in files:
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 300
        if path.stem.split("-", 1)[1].startswith("main-"):
            assert (image.width(), image.height()) == SCREEN_100
