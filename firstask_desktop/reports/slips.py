"""One page in two parts with a cut line: the station's stub above, the customer's part below.

Each part is shrunk to fit its frame if the text is long (a matter can have 2,000 characters),
so a receipt or a notice is always exactly one page.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, KeepInFrame, PageTemplate

from firstask_desktop.reports.pdf_fonts import FONT_NAME

from .layout import GREY

MARGIN = 12 * mm
CUT_GAP = 10 * mm  # white band around the cut line


def _draw_cut_line(canvas, doc, y: float) -> None:
    width, _ = doc.pagesize
    canvas.saveState()
    canvas.setStrokeColor(GREY)
    canvas.setDash(4, 3)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, y, width - MARGIN, y)
    canvas.setFillColor(GREY)
    canvas.setFont(FONT_NAME, 7.5)
    label = " 沿此虚线剪开：上联供电所留存，下联交客户 "
    label_w = canvas.stringWidth(label, FONT_NAME, 7.5)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(width / 2 - label_w / 2, y - 4, label_w, 8, stroke=0, fill=1)
    canvas.setFillColor(GREY)
    canvas.drawCentredString(width / 2, y - 2.5, label)
    canvas.restoreState()


def build_two_part(
    top: list, bottom: list, *, top_height: float, title: str, author: str = ""
) -> bytes:
    """A4 portrait: ``top`` above a cut line, ``bottom`` below."""
    width, height = A4
    inner_w = width - 2 * MARGIN
    top_y = height - MARGIN - top_height
    cut_y = top_y - CUT_GAP / 2
    bottom_h = top_y - CUT_GAP - MARGIN
    frames = [
        Frame(
            MARGIN,
            top_y,
            inner_w,
            top_height,
            id="stub",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        ),
        Frame(
            MARGIN,
            MARGIN,
            inner_w,
            bottom_h,
            id="slip",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        ),
    ]
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=author,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="two-part", frames=frames, onPage=lambda c, d: _draw_cut_line(c, d, cut_y)
            )
        ]
    )
    story = [
        KeepInFrame(inner_w, top_height, top, mode="shrink"),
        FrameBreak(),
        KeepInFrame(inner_w, bottom_h, bottom, mode="shrink"),
    ]
    doc.build(story)
    return buffer.getvalue()


def build_single(flowables: list, *, pagesize=A5, title: str, author: str = "") -> bytes:
    """One part alone on its own page (a receipt on A5), shrunk to fit."""
    width, height = pagesize
    margin = 10 * mm
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=pagesize, title=title, author=author)
    frame = Frame(
        margin,
        margin,
        width - 2 * margin,
        height - 2 * margin,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="single", frames=[frame])])
    doc.build([KeepInFrame(width - 2 * margin, height - 2 * margin, flowables, mode="shrink")])
    return buffer.getvalue()


def responder_phone(responder, station) -> str:
    """The number a customer's slip gives for the responder: theirs, else their department's,
    else the station's; empty when none is known (the slip then prints the name alone, not
    "李娜（）")."""
    department = responder.department
    return responder.phone or (department.phone if department else "") or station.phone or ""


def with_phone(name: str, phone: str) -> str:
    return f"{name}（{phone}）" if phone else name


def responder_line(name: str, phone: str) -> str:
    return f"{name}　联系电话 {phone}" if phone else name
