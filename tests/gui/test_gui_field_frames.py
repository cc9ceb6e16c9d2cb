"""A field in error gets one red frame of its own, beside its message."""

from __future__ import annotations

from gui_helpers import open_detail, settle
from PySide6.QtGui import QColor

from firstask_desktop.services import entries as svc

ERROR_RED = QColor("#b00020")


def _red_pixels(widget) -> int:
    image = widget.grab().toImage()
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y) == ERROR_RED
    )


def test_a_choice_in_error_is_framed_once_not_each_of_its_options(session, complaint, qtbot):
    svc.reply_entry(session.actor, complaint, "已处理")
    detail = open_detail(session, complaint, qtbot)
    detail.step_buttons["follow_up"].click()
    settle(qtbot)
    dialog = detail.current_dialog
    dialog.ok_button.click()  # reached, but no satisfaction chosen
    settle(qtbot)
    assert dialog.errors["satisfaction"].isVisible()
    assert _red_pixels(dialog.satisfaction_box) > 0
    # Each option stays as it was: no box of its own around 满意, 基本满意, 不满意.
    for option in dialog.satisfaction.values():
        assert _red_pixels(option) == 0, option.text()
    dialog.reject()
