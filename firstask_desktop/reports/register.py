"""月度首问登记簿: the month's register that hangs on the wall of the service hall.

Public, so every piece of a customer's personal data is masked with the core's masking: names,
phones, addresses, and any phone number or the visitor's own name typed inside the matter or the
result. Staff names stay: the first responder is named on purpose (首问负责制).

The table's cells are plain strings wrapped here (layout.wrap_lines), not Paragraphs: a month
can hold thousands of rows, and the register must print as fast as a plain table.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer, Table, TableStyle

from firstask_desktop.domain.masking import mask_address, mask_name, mask_personal_text, mask_phone
from firstask_desktop.domain.vocab import (
    CATEGORIES,
    CHANNELS,
    FOLLOW_UP_METHODS,
    SATISFACTION,
    STATUSES,
)
from firstask_desktop.reports.pdf_fonts import FONT_NAME, register_font
from firstask_desktop.store.models import AuditEvent, Entry, FollowUp, Staff, Void

from ..services.queries import month_range
from ..services.station import require_station
from .layout import (
    GREY,
    LIGHT,
    Cancelled,
    Progress,
    check_cancelled,
    numbered_canvas,
    para,
    report_progress,
    wrap_lines,
)

PAGE = landscape(A4)
MARGIN = 10 * mm
HEADER_SPACE = 14 * mm
FOOTER_SPACE = 10 * mm
CELL_SIZE = 7.5
CELL_LEADING = CELL_SIZE + 2
CELL_PAD = 2
CELL_TOP, CELL_BOTTOM = 1.5, 2.5
# The paper register's columns (DESIGN.md §2), in its order, with their widths in mm (sum 277).
COLUMNS = (
    ("受理编号", 27),
    ("时间", 17),
    ("渠道", 12),
    ("类别", 13),
    ("来访人", 12),
    ("单位", 16),
    ("地址", 22),
    ("联系方式", 19),
    ("事由", 34),
    ("首问责任人", 16),
    ("办理结果", 35),
    ("接待情况", 21),  # the paper register's column (县分公司 二.1: 办理结果、接待情况)
    ("回访/满意度", 19),
    ("状态", 14),
)
COL_WIDTHS = [w * mm for _, w in COLUMNS]
MAX_CELL_LINES = 8  # a 2,000-character matter is cut with "…" rather than fill a page


def _follow_up_text(follow_up) -> str:
    if follow_up is None:
        return ""
    method = FOLLOW_UP_METHODS.get(follow_up.method, follow_up.method)
    verdict = SATISFACTION.get(follow_up.satisfaction or "", "未联系上")
    return f"{follow_up.at:%m-%d} {method} {verdict}"


def _result_text(entry, void_reason: str) -> str:
    if entry.status == "void":
        return f"作废：{void_reason}"
    if entry.result:
        return entry.result
    if entry.unresolved_reason:
        return f"未办结，已上报：{entry.unresolved_reason}"
    return ""


def audit_head_at(end: datetime) -> tuple[int, str] | None:
    """The last audit event before ``end`` (its number and hash): the chain as it then stood."""
    event = (
        AuditEvent.select(AuditEvent.seq, AuditEvent.hash)
        .where(AuditEvent.at < end)
        .order_by(AuditEvent.seq.desc())
        .first()
    )
    return (event.seq, event.hash) if event else None


def register_data(
    month: str,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    now: datetime | None = None,
) -> dict:
    """The month's rows, already masked, and what the page header and footer show."""
    station = require_station()
    start, end = month_range(month)
    in_month = (Entry.received_at >= start) & (Entry.received_at < end)
    # Plain tuples, not model objects: a busy month has thousands of rows.
    query = (
        Entry.select(
            Entry.id,
            Entry.serial,
            Entry.received_at,
            Entry.channel,
            Entry.category,
            Entry.visitor,
            Entry.unit,
            Entry.address,
            Entry.phone,
            Entry.matter,
            Entry.status,
            Entry.result,
            Entry.unresolved_reason,
            Entry.reception_notes,
            Staff.name.alias("responder_name"),
        )
        .join(Staff, on=(Entry.responder == Staff.id))
        .where(in_month)
        .order_by(Entry.received_at, Entry.id)
    )
    total = query.count()
    ids = Entry.select(Entry.id).where(in_month)
    # The last follow-up attempt of each entry (later rows overwrite earlier ones).
    follow_ups = {
        f.entry: f
        for f in FollowUp.select(
            FollowUp.entry, FollowUp.at, FollowUp.method, FollowUp.satisfaction
        )
        .where(FollowUp.entry.in_(ids))
        .order_by(FollowUp.at, FollowUp.id)
        .namedtuples()
    }
    voids = dict(
        Void.select(Void.entry, Void.reason).where(Void.entry.in_(ids)).order_by(Void.id).tuples()
    )
    rows = []
    for number, entry in enumerate(query.namedtuples().iterator(), 1):
        if number % 200 == 0:
            check_cancelled(cancelled)
            report_progress(progress, 20 * number / total, f"正在整理第 {number} / {total} 条登记")
        visitor = entry.visitor
        rows.append(
            {
                "serial": entry.serial,
                "received_at": f"{entry.received_at:%m-%d %H:%M}",
                "channel": CHANNELS.get(entry.channel, entry.channel),
                "category": CATEGORIES.get(entry.category, entry.category),
                "visitor": mask_name(visitor),
                "unit": mask_personal_text(entry.unit, visitor),
                "address": mask_address(entry.address),
                "phone": mask_phone(entry.phone),
                "matter": mask_personal_text(entry.matter, visitor),
                "responder": entry.responder_name,
                "result": mask_personal_text(_result_text(entry, voids.get(entry.id, "")), visitor),
                "reception": mask_personal_text(entry.reception_notes, visitor),
                "follow_up": _follow_up_text(follow_ups.get(entry.id)),
                "status": STATUSES.get(entry.status, entry.status),
            }
        )
    head = audit_head_at(end)
    return {
        "station": {"code": station.code, "name": station.name, "county": station.county},
        "month": f"{start:%Y-%m}",
        "month_label": f"{start.year} 年 {start.month} 月",
        "rows": rows,
        "void_count": sum(1 for row in rows if row["status"] == STATUSES["void"]),
        "audit_head": {"seq": head[0], "hash": head[1]} if head else None,
        "printed_at": f"{(now or datetime.now()):%Y-%m-%d %H:%M}",
    }


# --- drawing -------------------------------------------------------------------------------------

_KEYS = (
    "serial",
    "received_at",
    "channel",
    "category",
    "visitor",
    "unit",
    "address",
    "phone",
    "matter",
    "responder",
    "result",
    "reception",
    "follow_up",
    "status",
)


def table_cells(rows: list[dict]) -> list[list[str]]:
    """Header + one row of wrapped plain strings per entry."""
    register_font()
    widths = [w - 2 * CELL_PAD for w in COL_WIDTHS]
    cells = [
        [
            wrap_lines(label, width, CELL_SIZE)
            for (label, _), width in zip(COLUMNS, widths, strict=True)
        ]
    ]
    for row in rows:
        cells.append(
            [
                wrap_lines(row[key], width, CELL_SIZE, MAX_CELL_LINES)
                for key, width in zip(_KEYS, widths, strict=True)
            ]
        )
    return cells


def row_heights(cells: list[list[str]]) -> list[float]:
    return [
        max(cell.count("\n") for cell in row) * CELL_LEADING + CELL_LEADING + CELL_TOP + CELL_BOTTOM
        for row in cells
    ]


def table_style(row_count: int) -> TableStyle:
    """The ruled register of ``row_count`` rows (the header included); rows below are not ruled."""
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT_NAME, CELL_SIZE, CELL_LEADING),
            ("GRID", (0, 0), (-1, row_count - 1), 0.3, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_TOP),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_BOTTOM),
        ]
    )


def _decorate(data: dict):
    """Header (station, month) and footer (audit chain, print time) of every page."""
    width, height = PAGE
    head = data["audit_head"]
    chain = (
        f"审计链截至本月末：第 {head['seq']} 号事件 {head['hash']}"
        if head
        else "审计链：本月末前没有审计事件"
    )

    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT_NAME, 13)
        title = f"{data['station']['name']} 月度首问登记簿 · {data['month_label']}"
        canvas.drawCentredString(width / 2, height - MARGIN - 5 * mm, title)
        canvas.setFont(FONT_NAME, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, height - MARGIN - 5 * mm, f"供电所编码 {data['station']['code']}")
        canvas.drawRightString(
            width - MARGIN, height - MARGIN - 5 * mm, "客户个人信息已按保密要求遮蔽"
        )
        canvas.setFont(FONT_NAME, 6)
        canvas.drawString(MARGIN, MARGIN - 2 * mm, chain)
        canvas.drawRightString(width - MARGIN, MARGIN - 2 * mm, f"打印时间 {data['printed_at']}")
        canvas.restoreState()

    return draw


def render_register(
    data: dict, *, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> bytes:
    """The PDF of :func:`register_data`: A4 landscape, header row on every page."""
    rows = data["rows"]
    width, height = PAGE
    cells = table_cells(rows)
    check_cancelled(cancelled)
    report_progress(progress, 30, "正在排版")
    if not rows:
        cells.append(["本月没有登记"] + [""] * (len(COLUMNS) - 1))
    # Row heights are known from the wrapping: given to the table, they spare ReportLab from
    # measuring every cell again each time the table is split at a page end.
    ruled = len(cells)
    heights = row_heights(cells)
    # The signing lines are the table's last row, kept with the row above: after the table
    # they could fall alone on a last page, to be signed under no register at all.
    cells.append(
        [
            "制表人（签字）：________________　　　　所长（签字）：________________　　　　"
            "日期：______年____月____日"
        ]
        + [""] * (len(COLUMNS) - 1)
    )
    heights.append(12 * mm)
    table = Table(cells, colWidths=COL_WIDTHS, rowHeights=heights, repeatRows=1)
    style = table_style(ruled)
    if not rows:
        style.add("SPAN", (0, 1), (-1, 1))
    style.add("SPAN", (0, -1), (-1, -1))
    style.add("VALIGN", (0, -1), (-1, -1), "BOTTOM")
    style.add("FONT", (0, -1), (-1, -1), FONT_NAME, 9, 11)
    style.add("NOSPLIT", (0, -2), (-1, -1))
    table.setStyle(style)
    void = f"，其中作废 {data['void_count']} 条" if data["void_count"] else ""
    story = [
        para(f"本月共登记 {len(rows)} 条{void}。", "small"),
        Spacer(1, 2 * mm),
        table,
    ]
    expected_pages = max(1, len(rows) // 14)

    def on_page(number: int) -> None:
        check_cancelled(cancelled)
        report_progress(
            progress, 30 + 65 * min(1.0, number / expected_pages), f"正在排版第 {number} 页"
        )

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE,
        title=f"月度首问登记簿 {data['month']}",
        author=data["station"]["name"],
    )
    frame = Frame(
        MARGIN,
        MARGIN + FOOTER_SPACE - 4 * mm,
        width - 2 * MARGIN,
        height - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE + 4 * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="register", frames=[frame], onPage=_decorate(data))])
    doc.build(story, canvasmaker=numbered_canvas((width / 2, MARGIN - 2 * mm), on_page))
    report_progress(progress, 100, "登记簿已生成")
    return buffer.getvalue()


def build_register(
    month: str,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    now: datetime | None = None,
) -> bytes:
    """The month's wall register as PDF bytes.

    ``progress(percent, message)`` is called along the way and ``cancelled()`` polled; when it
    returns True, :class:`~.layout.PrintCancelled` is raised. Both are for the GUI's worker.
    """
    data = register_data(month, progress=progress, cancelled=cancelled, now=now)
    return render_register(data, progress=progress, cancelled=cancelled)
