"""Preview of a generated PDF (QtPdf), with 打印 and 另存为PDF.

The PDF bytes come from the core's reports (built in a worker); printing renders each page as an
image at the printer's resolution, but never finer than ``MAX_PRINT_DPI`` (an A4 page at a laser
printer's 1200 dpi is ≈ 556 MB of pixels: an old 4 GB PC runs out of memory); saving goes
through reports.save_pdf (atomic write, read back, verified) in the background, and only then
says the file is safe.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPoint,
    QPointF,
    QRect,
    QSize,
    QTimer,
)
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from . import operations, tasks
from .file_dialogs import remember, start_file
from .messages import error_text, inform
from .widgets import set_error

_READER_MOVES = (QEvent.Type.Wheel, QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress)
MAX_PRINT_DPI = 300  # sharp text and QR codes at ≈ 35 MB per A4 page
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0


def render_size(drawn: QSize, printer_dpi: int) -> QSize:
    """The image to render for a page drawn ``drawn`` printer pixels big: the printer's own
    resolution up to ``MAX_PRINT_DPI``; the painter scales it up to the page."""
    factor = min(1.0, MAX_PRINT_DPI / max(1, printer_dpi))
    return QSize(max(1, round(drawn.width() * factor)), max(1, round(drawn.height() * factor)))


class PdfPreview(QDialog):
    def __init__(
        self,
        data: bytes,
        title: str,
        file_name: str,
        parent=None,
        copies: int = 1,
        start_page: int = 0,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.data = data
        self.file_name = file_name
        self.copies = copies
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.start_page = start_page  # the manual opened at a chapter (F1)
        self._settled = QTimer(self, singleShot=True, interval=0)
        self._settled.timeout.connect(self._jump_to_start_page)
        self.view.verticalScrollBar().rangeChanged.connect(lambda: self._settled.start())
        for widget in (self.view.viewport(), self.view.verticalScrollBar()):
            widget.installEventFilter(self)
        self.pages = QLabel(self.tr("共 {0} 页").format(self.document.pageCount()))
        # A wall register is small print on a small screen: zoom, with the keyboard too.
        self.zoom_out_button = QPushButton(self.tr("缩小"))
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button = QPushButton(self.tr("放大"))
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.fit_button = QPushButton(self.tr("适合宽度"))
        self.fit_button.clicked.connect(self.fit_width)
        for button, keys in (
            (self.zoom_out_button, "Ctrl+-"),
            (self.zoom_in_button, "Ctrl++"),
        ):
            button.setToolTip(keys)
        self.print_button = QPushButton(self.tr("打印(&P)…"))
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("另存为PDF(&S)…"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.error = QLabel()
        set_error(self.error, "")
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages)
        buttons.addWidget(self.zoom_out_button)
        buttons.addWidget(self.zoom_in_button)
        buttons.addWidget(self.fit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        # As large as the screen allows (screen_fit trims it), not a fixed 760×680.
        self.resize(1100, 1000)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def zoom_by(self, step: float) -> None:
        """Zoom from what is shown now (the fitted width, at first) by ``step``."""
        factor = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom and self.document.pageCount():
            page_width = self.document.pagePointSize(0).width() * self.logicalDpiX() / 72
            factor = max(0.1, (self.view.viewport().width() - 20) / max(1.0, page_width))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(MIN_ZOOM, min(MAX_ZOOM, factor * step)))

    def _jump_to_start_page(self) -> None:
        """After each new layout of the pages (shown, fitted to the width, a scroll bar
        appearing) has settled, until the reader scrolls: a layout keeps the offset, not the
        page, and a jump in the middle of one is lost."""
        if 0 < self.start_page < self.document.pageCount():
            self.view.pageNavigator().jump(self.start_page, QPointF(), 0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _READER_MOVES:
            self.start_page = 0  # the reader took over: layouts no longer bring the page back
        return super().eventFilter(watched, event)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setCopyCount(self.copies)
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        painter = QPainter()
        if not painter.begin(printer):
            set_error(
                self.error, self.tr("打印机没有响应：请检查打印机是否开机、联机，或先另存为PDF。")
            )
            return
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                target = printer.pageLayout().paintRectPixels(printer.resolution())
                size = self.document.pagePointSize(page)
                scale = min(target.width() / size.width(), target.height() / size.height())
                drawn = QSize(int(size.width() * scale), int(size.height() * scale))
                image = self.document.render(page, render_size(drawn, printer.resolution()))
                painter.drawImage(QRect(QPoint(0, 0), drawn), image)
        finally:
            painter.end()

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("另存为PDF"),
            start_file(None, self.file_name),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if path:
            remember(None, path)
            self.save_to(path)

    def save_to(self, path: str) -> None:
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.save_button.setEnabled(False)
        set_error(self.error, "")
        tasks.run_task(
            operations.save_pdf,
            self.data,
            path,
            owner=self,
            on_success=lambda pages: self._saved(path, pages),
            on_error=self._save_failed,
        )

    def _saved(self, path: str, pages: int) -> None:
        self.save_button.setEnabled(True)
        inform(
            self,
            self.tr("已保存"),
            self.tr("已保存并核对无误（{0} 页）：\n{1}\n如保存在U盘上，现在可以安全拔出。").format(
                pages, path
            ),
        )

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, error_text(error))
