"""Small shared widget helpers: error labels beside fields, read-only tables."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

ERROR_STYLE = "color: #b00020;"
FIELD_ERROR_STYLE = "border: 2px solid #b00020;"


def set_error(label: QLabel, text: str) -> None:
    """Show (or hide, when empty) a red error message; hidden labels take no room."""
    label.setText(text)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(bool(text))


def field_with_error(form: QFormLayout, caption: str, widget: QWidget) -> QLabel:
    """A form row for ``widget`` and, in a row of its own right under it, its error label
    (returned, hidden while empty). Beside the field in one nested layout, QFormLayout gave a
    three-line error the height of two, cut at the top and bottom."""
    label = QLabel(caption)
    label.setBuddy(widget)  # its "(&C)" underlined and Alt+C going to the field itself
    form.addRow(label, widget)
    error = QLabel()
    set_error(error, "")
    # Right under its field: the form may give the row more height than its lines need.
    error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.addRow(None, error)
    return error


def grow_to_fit(window: QWidget) -> None:
    """As high as its wrapped lines need at its width (messages shown after it opened); the
    screen-fit keeps it on the screen."""
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        need = layout.totalHeightForWidth(window.width())
        if need > window.height():
            window.resize(window.width(), need)


def mark_field(widget: QWidget, bad: bool) -> None:
    """A red frame around a field in error, beside its message (colour is not the only signal).

    The frame is the field's own: a rule without a selector would frame every child too (each
    of 回访's three satisfaction choices had a box of its own)."""
    if not widget.objectName():
        widget.setObjectName(f"field{id(widget):x}")
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # a plain box draws it
    widget.setStyleSheet(f"#{widget.objectName()} {{ {FIELD_ERROR_STYLE} }}" if bad else "")


def row_table(columns: int) -> QTableWidget:
    """A read-only table chosen by whole rows, one at a time."""
    table = QTableWidget(0, columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_rows(table: QTableWidget, rows: list[list], tooltips: bool = False) -> None:
    """Put ``rows`` of values in ``table``; with ``tooltips`` each cell shows its whole text on
    hover (long evidence or reasons cut off by the column)."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(str(value))
            if tooltips:
                item.setToolTip(str(value))
            if isinstance(value, int | float):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    if header.stretchLastSection():
        # Sizing to contents shrank the last column on a visible table: stretch it again.
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)


class Retranslating:
    """Mixin (listed before the Qt class) for a widget with a ``retranslate()`` method: Qt sends
    every widget ``LanguageChange`` once a translator is installed, and this calls it then."""

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
