"""The window part of ``--selfcheck`` (see :mod:`firstask_desktop.cli.selfcheck`).

Loads what a bundle can lose without a Python import error: Qt's platform, image and print
plugins, Qt's and the app's translations, the bundled CJK font, the SVG icons, QtPdf; then builds
the main window the way :mod:`.app` does after a login, shows it, previews a receipt and prints
it to a PDF printer. Any dialog the window tries to pop up fails the step instead of waiting for
a click nobody can give.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QGuiApplication, QImageReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox

from firstask_desktop.domain.errors import MissingPart
from firstask_desktop.store import config

from . import i18n, tasks
from .app import apply_look, create_application, open_main_window
from .icons import icon
from .prefs import LANGUAGES
from .session import Session

# Plugins the window needs on a real desktop even when this check runs offscreen (patterns, as
# Qt renames its style plugins between releases): the platform, the native style, printers.
NATIVE_PLUGINS = {
    "win32": (
        "platforms/qwindows*.dll",
        "styles/*windows*style*.dll",
        "printsupport/*windows*.dll",
    ),
    "linux": ("platforms/libqxcb*.so",),
}
IMAGE_FORMATS = ("svg", "png")  # the icons, and the window grabs


def wait_for(condition, seconds: float = 30.0) -> None:
    app = QApplication.instance()
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()


def settle(seconds: float = 30.0) -> None:
    """Let background reads finish and deliver their results to the widgets."""
    app = QApplication.instance()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if not tasks.busy():
            break
        time.sleep(0.01)
    for _ in range(3):
        app.processEvents()


@contextlib.contextmanager
def no_dialogs():
    """Message boxes answer at once and are recorded; the caller fails on any."""
    shown: list[str] = []
    names = ("warning", "critical", "information", "question")
    saved = {name: getattr(QMessageBox, name) for name in names}

    def record(_parent, title, text, *_args, **_kwargs):
        shown.append(f"{title}：{text}")
        return QMessageBox.StandardButton.No

    for name in names:
        setattr(QMessageBox, name, staticmethod(record))
    try:
        yield shown
    finally:
        for name, original in saved.items():
            setattr(QMessageBox, name, original)


def check_font(sample: str) -> str:
    """The bundled font itself (not a system fallback) loads and draws the sample."""
    path = config.resources_dir() / "fonts" / "wqy-microhei.ttc"
    if not path.is_file():
        raise MissingPart(f"界面字体文件 {path}")
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise MissingPart(f"可用的界面字体（{path} 无法载入）")
    metrics = QFontMetrics(QFont(families[0]))
    lacking = [ch for ch in sample if not metrics.inFontUcs4(ord(ch))]
    if lacking:
        raise MissingPart(f"字体 {families[0]} 中的字形 {''.join(lacking)}")
    return families[0]


def check_plugins() -> None:
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    for pattern in NATIVE_PLUGINS.get(sys.platform, ()):
        if not any(plugins.glob(pattern)):
            raise MissingPart(f"Qt 插件 {plugins / pattern}")
    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    lacking = [f for f in IMAGE_FORMATS if f not in formats]
    if lacking:
        raise MissingPart(f"Qt 图片插件 {'、'.join(lacking)}（在 {plugins / 'imageformats'}）")
    if icon("app").pixmap(32, 32).isNull():
        raise MissingPart(f"SVG 图标引擎（Qt 插件 {plugins / 'iconengines'}）")


def check_translations(app: QApplication) -> None:
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for language in LANGUAGES:
        if not QTranslator().load(f"qtbase_{language}", qt_dir):
            raise MissingPart(f"Qt 自带翻译 qtbase_{language}.qm（在 {qt_dir}）")
        if not i18n.set_language(app, language):
            raise MissingPart(f"界面翻译 firstask_{language}.qm（在 {i18n.translations_dir()}）")
    i18n.set_language(app, "zh_CN")


def check_preview_and_print(window, pdf: Path, out: Path) -> int:
    """The receipt in the print preview, printed to a PDF printer (QtPdf + QtPrintSupport)."""
    from .pdf_preview import PdfPreview

    preview = PdfPreview(pdf.read_bytes(), "回执", pdf.name, window)
    pages = preview.document.pageCount()
    if pages < 1:
        raise MissingPart(f"PDF 预览（QtPdf 打不开 {pdf.name}）")
    preview.show()
    settle()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    # A PDF printer defaults to 1200 dpi (a 556 MB page image, 7 s); 300 dpi is an office laser's.
    printer.setResolution(300)
    preview.print_to(printer)
    preview.close()
    if not out.is_file() or out.stat().st_size < 1000:
        raise MissingPart(f"打印输出（{out} 没有写出）")
    return pages


def check_window(folder: Path, admin, sample: str, receipt_pdf: Path | None = None) -> str:
    from ..services.station import local_station

    app = create_application()
    family = check_font(sample)
    check_plugins()
    check_translations(app)
    session = Session(folder)
    session.station = local_station()
    apply_look(app, session.prefs)
    with no_dialogs() as shown:
        session.set_actor(admin)
        window = open_main_window(app, session)
        window.resize(1366, 700)  # a 1366×768 screen less the taskbar
        window.show()
        settle()
        if not window.isVisible() or window.grab().isNull():
            raise MissingPart("主窗口（未能显示）")
        pages = 0
        if receipt_pdf is not None:
            pages = check_preview_and_print(window, receipt_pdf, receipt_pdf.with_name("打印.pdf"))
        window.close()
        settle()
        tasks.wait_for_workers()
    if shown:
        raise MissingPart(f"无对话框的启动（弹出了：{shown[0]}）")
    printed = f"，回执预览 {pages} 页并已打印到PDF" if pages else ""
    return f"平台 {QGuiApplication.platformName()}，字体 {family}{printed}"


def measure_startup(folder: Path) -> int:
    """Start as after a login, show the main window with its register loaded, print
    ``window-ready`` and exit: bench/bundle_bench.py times launch → usable window."""
    from firstask_desktop.store import db
    from firstask_desktop.store.models import Staff
    from firstask_desktop.store.storage import open_store

    from ..services.station import local_station

    app = create_application()
    open_store(folder)
    session = Session(folder)
    apply_look(app, session.prefs)
    session.station = local_station()
    admin = Staff.get_or_none(Staff.role == "admin")
    if session.station is None or admin is None:
        print(f"数据文件夹 {folder} 还没有建立供电所：请先运行 init 或 demo。", file=sys.stderr)
        return 2
    with no_dialogs() as shown:
        session.set_actor(admin)
        window = open_main_window(app, session)
        window.resize(1366, 700)
        window.show()
        # Usable: the register's first rows and their number are in and painted (the side
        # panels' reads come 0.3 s later, tasks.after_first_paint).
        model = window.page["register"].table.model
        wait_for(lambda: model.total is not None and not model.is_loading())
        window.repaint()
        print("window-ready", flush=True)
        window.close()
        settle()
        tasks.wait_for_workers()
    db.close()
    for text in shown:
        print(f"启动时弹出了对话框：{text}", file=sys.stderr)
    return 1 if shown else 0
