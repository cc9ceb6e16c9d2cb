"""The bundled CJK font: registered with ReportLab once, embedded as a subset in every PDF.

WenQuanYi Micro Hei (``resources/fonts/wqy-microhei.ttc``, Apache-2.0, licence beside it) has
ASCII digits and letters, which some CJK fallback fonts lack, and every character of GB 2312 and
most of GBK. It has no glyphs for rare characters outside the BMP (𠮷, 𪚥): ReportLab would leave
them blank without a word, so the documents print 〓 (the typesetter's mark for a missing type)
in their place and :func:`missing_glyphs` lets the GUI and the CLI warn before printing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from firstask_desktop.store import config

FONT_FILE = "wqy-microhei.ttc"
FONT_NAME = "WenQuanYiMicroHei"
MISSING_MARK = "\u3013"  # 〓 geta mark: a visible gap the clerk can fill in by hand


def font_path():
    return config.resources_dir() / "fonts" / FONT_FILE


def register_font() -> str:
    """Register the font with ReportLab unless done already; returns its name.

    ReportLab's font registry is process-wide, so this is the one piece of global state the
    reports keep; registering twice would only waste 0.1 s reading the 5 MB file again.
    """
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        path = font_path()
        if not path.exists():
            raise FileNotFoundError(f"打印字体缺失：{path}。请重新安装本程序。")
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
        # One face only: bold and italic map to it, so <b> in a paragraph never falls back to
        # Helvetica (which has no Chinese).
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
    return FONT_NAME


def _glyph_map() -> Mapping[int, int]:
    register_font()
    return pdfmetrics.getFont(FONT_NAME).face.charToGlyph


def _needs_glyph(ch: str) -> bool:
    # Line breaks, tabs and format characters (ZWJ, variation selectors) are never drawn.
    return ch.isprintable() and not ch.isspace() and not 0xFE00 <= ord(ch) <= 0xFE0F


def missing_glyphs(text: str | None) -> list[str]:
    """The distinct characters of ``text`` the font cannot draw, in order of appearance."""
    glyphs = _glyph_map()
    missing: list[str] = []
    for ch in text or "":
        if ord(ch) not in glyphs and _needs_glyph(ch) and ch not in missing:
            missing.append(ch)
    return missing


def _strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def missing_glyphs_in(data) -> list[str]:
    """:func:`missing_glyphs` over every string inside a document's data (dicts and lists)."""
    missing: list[str] = []
    for text in _strings(data):
        for ch in missing_glyphs(text):
            if ch not in missing:
                missing.append(ch)
    return missing


def glyph_warning(missing: list[str]) -> str:
    """The Chinese warning shown before printing, or "" when nothing is missing."""
    if not missing:
        return ""
    chars = "、".join(f"{ch}（U+{ord(ch):04X}）" for ch in missing)
    return (
        f"打印字体中没有这些生僻字：{chars}。打印件上它们会印成“{MISSING_MARK}”，"
        "请打印后在该处用笔补写清楚。"
    )


def printable(text: str | None) -> str:
    """``text`` with each character the font lacks replaced by 〓, so the gap is visible."""
    text = text or ""
    glyphs = _glyph_map()
    if all(ord(ch) in glyphs for ch in text):
        return text
    return "".join(
        MISSING_MARK if ord(ch) not in glyphs and _needs_glyph(ch) else ch for ch in text
    )
