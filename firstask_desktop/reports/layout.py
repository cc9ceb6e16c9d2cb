"""What every document shares: paragraph styles, escaping, line wrapping for table cells,
page numbers "第 N 页 共 M 页", and the cancel/progress hooks of long documents."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from functools import cache, lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.reports.pdf_fonts import FONT_NAME, printable, register_font

Progress = Callable[[int, str], None]  # (percent 0–100, what is being done, in Chinese)
Cancelled = Callable[[], bool]

GREY = colors.HexColor("#555555")
LIGHT = colors.HexColor("#E8E8E8")
# Characters that may not begin a line (Chinese typesetting 避头点): they hang at the line end.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕…—’”%,.;:?!)]}")


class PrintCancelled(RefusedError):
    """The user cancelled a long document; nothing was written."""

    def __init__(self):
        super().__init__("已取消生成打印文件，没有写入任何文件。需要时请重新打印。")


def check_cancelled(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise PrintCancelled()


def report_progress(progress: Progress | None, percent: float, message: str) -> None:
    if progress is not None:
        progress(max(0, min(100, int(percent))), message)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles; every one wraps Chinese (CJK) and keeps short Latin words whole."""
    font = register_font()
    base = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK")
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11.5),
        "tiny": ParagraphStyle("tiny", parent=base, fontSize=7, leading=9, textColor=GREY),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12),
        "label": ParagraphStyle("label", parent=base, fontSize=9.5, leading=13, textColor=GREY),
        "title": ParagraphStyle(
            "title", parent=base, fontSize=18, leading=24, alignment=TA_CENTER, spaceAfter=4
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=10, leading=14, alignment=TA_CENTER, textColor=GREY
        ),
        "heading": ParagraphStyle(
            "heading", parent=base, fontSize=12.5, leading=18, spaceBefore=8, spaceAfter=4
        ),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "small_center": ParagraphStyle(
            "small_center", parent=base, fontSize=8.5, leading=11.5, alignment=TA_CENTER
        ),
    }


def text(value) -> str:
    """Plain text made safe for a Paragraph: rare characters marked, XML escaped, lines kept."""
    return escape(printable("" if value is None else str(value))).replace("\n", "<br/>")


def para(value, style: str = "body") -> Paragraph:
    return Paragraph(text(value), styles()[style])


def fmt_time(value: datetime | None, with_year: bool = True) -> str:
    if value is None:
        return ""
    return value.strftime("%Y-%m-%d %H:%M" if with_year else "%m-%d %H:%M")


# --- fast wrapping for big tables ------------------------------------------------------------
# A wrapping Paragraph per cell costs three times a plain string (ENVIRONMENT.md); the wall
# register has thousands of rows, so its cells are plain strings broken into lines here.

# Latin words, numbers and masked numbers stay whole; a mask's stars stay with the character
# before them (村*** never breaks after 村).
_TOKEN_RE = re.compile(r"[A-Za-z0-9_@./:+\-#%*]+|\s+|.\*+|.", re.S)


@lru_cache(maxsize=4096)
def _width(token: str, size: float) -> float:
    return stringWidth(token, FONT_NAME, size)


@lru_cache(maxsize=16384)  # registers repeat the same labels, results and matters many times
def wrap_lines(value: str, width: float, size: float, max_lines: int = 0) -> str:
    """``value`` broken into lines of at most ``width`` points (Latin words kept whole unless
    they alone are wider), as one string with newlines; ``max_lines`` cuts with "…"."""
    register_font()
    lines: list[str] = []
    for paragraph in printable(value).splitlines() or [""]:
        line, used = "", 0.0
        for token in _TOKEN_RE.findall(paragraph):
            w = _width(token, size)
            if token.isspace():
                if line and used + w <= width:
                    line, used = line + token, used + w
                continue  # a space at a line break is dropped
            if used + w <= width or (line and token in NO_LINE_START):
                line, used = line + token, used + w
                continue
            if w > width and len(token) > 1:
                # A long number or word: break it by character rather than overflow the cell.
                for ch in token:
                    cw = _width(ch, size)
                    if used + cw > width and line:
                        lines.append(line.rstrip())
                        line, used = "", 0.0
                    line, used = line + ch, used + cw
                continue
            if line:
                lines.append(line.rstrip())
            line, used = token, w
        lines.append(line.rstrip())
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][:-1] + "…"
    return "\n".join(lines)


# --- page numbers ------------------------------------------------------------------------------


class NumberedCanvas(rl_canvas.Canvas):
    """Keeps every page until the end so that each can say "第 N 页 共 M 页".

    ``on_page(page_number)`` runs as each page is finished: long documents report progress and
    honour a cancel request there.
    """

    def __init__(
        self, *args, page_label_at=None, on_page=None, label="第 {0} 页  共 {1} 页", **kwargs
    ):
        super().__init__(*args, **kwargs)
        self._label = label
        self._pages: list[dict] = []
        self._page_label_at = page_label_at  # (x, y) of the centre of the label
        self._on_page = on_page

    def showPage(self):  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        if self._on_page is not None:
            self._on_page(len(self._pages))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._page_label_at is not None:
                x, y = self._page_label_at
                self.setFont(FONT_NAME, 8)
                self.setFillColor(GREY)
                self.drawCentredString(x, y, self._label.format(self._pageNumber, total))
            super().showPage()
        super().save()


def numbered_canvas(page_label_at, on_page=None, label="第 {0} 页  共 {1} 页"):
    """A ``canvasmaker`` for ``doc.build``; ``label`` says page {0} of {1}."""

    def make(*args, **kwargs):
        return NumberedCanvas(
            *args, page_label_at=page_label_at, on_page=on_page, label=label, **kwargs
        )

    return make
