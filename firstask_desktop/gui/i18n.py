"""Installing the translation: Chinese is the source language, English a Qt translation.

Installing or removing a translator makes Qt send ``QEvent.LanguageChange`` to every widget;
windows that must follow at once retranslate themselves on it.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from firstask_desktop.store import config

_installed: list[QTranslator] = []
# The language the screens speak now: the core's refusals are put into it (gui/messages.py).
_current = ["zh_CN"]


def current_language() -> str:
    """The language of the screens: zh_CN, or en when its translation is installed."""
    return _current[0]


def translations_dir():
    return config.resources_dir() / "i18n"


def set_language(app: QApplication, language: str) -> bool:
    """Install ``language`` ("zh_CN" or "en"); returns False when its files did not load."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ok = True
    # Qt's own strings (OK/Cancel, the print dialog) come from the qtbase_ catalogue.
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    if language != "zh_CN":
        ours = QTranslator(app)
        if ours.load(f"firstask_{language}", str(translations_dir())):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            ok = False
    # English that did not load leaves the screens Chinese: the messages stay Chinese with them.
    _current[0] = language if ok else "zh_CN"
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if language == "zh_CN"
        else QLocale(QLocale.Language.English)
    )
    return ok
