"""One attachment, looked at: zoom, rotate (a photo taken sideways), a PDF page by page (QtPdf),
printed on the station's printer."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut, QTransform
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from . import operations
from .labels import label

ZOOM_STEP = 1.25
PDF_DPI = 150  # a page rendered for the screen and the printer: sharp text, ≈ 6 MB per A4 page


class AttachmentViewer(QDialog):
    def __init__(self, info: dict, data: bytes, parent=None):
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(f"{label(info['kind_label'])} — {info['file_name']}")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.document = None
        if info["media_type"] == "application/pdf":
            self.document = operations.pdf_document(data)
            self.page_count = max(1, self.document.pageCount())
            self._image = QImage()
        else:
            self.page_count = 1
            self._image = QImage.fromData(data)
        self.page = 0
        self.rotation = 0  # degrees, a multiple of 90
        self.zoom = 0.0  # 0: fit the window
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.picture)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label = QLabel()
        buttons = QHBoxLayout()
        self.actions = {}
        for key, text, slot, shortcut in (
            (
                "previous",
                self.tr("上一页"),
                self.previous_page,
                QKeySequence.StandardKey.MoveToPreviousPage,
            ),
            ("next", self.tr("下一页"), self.next_page, QKeySequence.StandardKey.MoveToNextPage),
            ("zoom_in", self.tr("放大"), self.zoom_in, QKeySequence.StandardKey.ZoomIn),
            ("zoom_out", self.tr("缩小"), self.zoom_out, QKeySequence.StandardKey.ZoomOut),
            ("fit", self.tr("适合窗口"), self.fit, None),
            ("left", self.tr("向左转"), lambda: self.rotate(-90), None),
            ("right", self.tr("向右转"), lambda: self.rotate(90), None),
            ("print", self.tr("打印(&P)…"), self.print_it, QKeySequence.StandardKey.Print),
            ("close", self.tr("关闭"), self.close, None),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.actions[key] = button
            if shortcut is not None:
                QShortcut(QKeySequence(shortcut), self, activated=slot)
            if key == "next":
                buttons.addWidget(self.page_label)
            if key == "close":
                buttons.insertStretch(buttons.count() - 1, 1)
        for key in ("previous", "next"):
            self.actions[key].setVisible(self.page_count > 1)
        self.page_label.setVisible(self.page_count > 1)
        note = QLabel(info.get("note", ""))
        note.setVisible(bool(info.get("note")))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        self.resize(900, 700)
        self.show_page()

    # --- what is shown -------------------------------------------------------------------------

    def page_image(self, page: int) -> QImage:
        if self.document is None:
            return self._image
        points = self.document.pagePointSize(page)
        size = QSize(round(points.width() * PDF_DPI / 72), round(points.height() * PDF_DPI / 72))
        return self.document.render(page, size)

    def turned(self, image: QImage) -> QImage:
        if self.rotation % 360 == 0:
            return image
        return image.transformed(QTransform().rotate(self.rotation))

    def show_page(self) -> None:
        self._page_image = self.turned(self.page_image(self.page))
        self.page_label.setText(self.tr("第 {0} / {1} 页").format(self.page + 1, self.page_count))
        self.actions["previous"].setEnabled(self.page > 0)
        self.actions["next"].setEnabled(self.page < self.page_count - 1)
        self._scale()

    def shown_size(self) -> QSize:
        return self.picture.pixmap().size() if not self.picture.pixmap().isNull() else QSize()

    def _scale(self) -> None:
        image = self._page_image
        if image.isNull():
            self.picture.setText(self.tr("无法显示这个文件"))
            return
        if self.zoom == 0.0:
            room = self.scroll.viewport().size() - QSize(8, 8)
            factor = min(room.width() / image.width(), room.height() / image.height(), 1.0)
        else:
            factor = self.zoom
        size = QSize(max(1, round(image.width() * factor)), max(1, round(image.height() * factor)))
        self.picture.setPixmap(
            QPixmap.fromImage(
                image.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        )

    def _current_factor(self) -> float:
        shown = self.shown_size()
        return shown.width() / max(1, self._page_image.width()) if shown.isValid() else 1.0

    def zoom_in(self) -> None:
        self.zoom = min(8.0, self._current_factor() * ZOOM_STEP)
        self._scale()

    def zoom_out(self) -> None:
        self.zoom = max(0.05, self._current_factor() / ZOOM_STEP)
        self._scale()

    def fit(self) -> None:
        self.zoom = 0.0
        self._scale()

    def rotate(self, degrees: int) -> None:
        self.rotation = (self.rotation + degrees) % 360
        self.show_page()

    def next_page(self) -> None:
        if self.page < self.page_count - 1:
            self.page += 1
            self.show_page()

    def previous_page(self) -> None:
        if self.page > 0:
            self.page -= 1
            self.show_page()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.zoom == 0.0 and hasattr(self, "_page_image"):
            self._scale()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.zoom == 0.0:
            self._scale()  # the scroll area has its real size only now

    # --- printing ------------------------------------------------------------------------------

    def print_it(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Every page (a photo: the one), turned as shown, fitted to the paper."""
        painter = QPainter(printer)
        try:
            for page in range(self.page_count):
                if page:
                    printer.newPage()
                image = self.turned(self.page_image(page))
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
        finally:
            painter.end()
