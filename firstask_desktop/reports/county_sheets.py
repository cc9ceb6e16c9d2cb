"""县公司总览 and 超期事项清单: the county's page of every station, and each station's overdue
list (one station per page, for the station head to sign and send back).

Built from :mod:`firstask_desktop.services.county_overview`'s data, the figures the screen shows.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Spacer

from firstask_desktop.reports.layout import GREY, fmt_time, numbered_canvas, para
from firstask_desktop.reports.pdf_fonts import FONT_NAME, register_font
from firstask_desktop.reports.statistics import grid_table, pct

MARGIN = 12 * mm


def sync_age_text(row: dict) -> str:
    """How old the station's last file is, as the county says it."""
    if row["sync_age_days"] is None:
        return "从未导入"
    return "今天" if row["sync_age_days"] == 0 else f"{row['sync_age_days']} 天前"


def oldest_text(row: dict) -> str:
    oldest = row["oldest_overdue"]
    if not oldest:
        return "—"
    return f"{oldest['serial']}（超 {oldest['days_over']} 天）"


def _document(buffer, pagesize, title: str, header: str):
    width, height = pagesize
    content_w = width - 2 * MARGIN

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT_NAME, 7)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, height - 8 * mm, header)
        canvas.drawRightString(width - MARGIN, height - 8 * mm, title)
        canvas.restoreState()

    doc = BaseDocTemplate(buffer, pagesize=pagesize, title=title, author=header)
    frame = Frame(
        MARGIN,
        MARGIN,
        content_w,
        height - 2 * MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    return doc, content_w, numbered_canvas((width / 2, 6 * mm))


def render_overview(overview: dict) -> bytes:
    """The overview on one landscape page (more pages for a county of many stations)."""
    register_font()
    county = overview["county"]
    buffer = io.BytesIO()
    doc, content_w, canvas = _document(
        buffer, landscape(A4), f"县公司总览 {overview['month']}", county["name"]
    )
    head = [
        "供电所",
        "本月登记",
        "未办结",
        "已超期",
        "最久超期",
        "待所长处理",
        "答复及时率",
        "回访及时率",
        "满意率",
        "最近同步文件",
        "距今",
        "电话",
    ]
    cells = [head]
    for r in overview["stations"]:
        cells.append(
            [
                r["name"],
                str(r["entries"]),
                str(r["open"]),
                str(r["overdue"]),
                oldest_text(r),
                str(r["escalated"]),
                pct(r["reply_rate"]),
                pct(r["follow_up_rate"]),
                pct(r["satisfaction_rate"]),
                r["last_file"] or "—",
                sync_age_text(r) + ("（逾期）" if r["sync_late"] else ""),
                r["phone"] or "—",
            ]
        )
    totals = overview["totals"]
    cells.append(
        [
            "合计",
            str(totals["entries"]),
            str(totals["open"]),
            str(totals["overdue"]),
            "",
            str(totals["escalated"]),
            "",
            "",
            "",
            "",
            f"{overview['sync_late']} 个所逾期",
            "",
        ]
    )
    fractions = (0.1, 0.06, 0.06, 0.06, 0.15, 0.06, 0.07, 0.07, 0.07, 0.13, 0.08, 0.09)
    story = [
        para(f"{county['name']} 各供电所总览", "title"),
        para(
            f"{overview['month']} 月　（统计截至 {fmt_time(overview['as_of'])}）",
            "subtitle",
        ),
        Spacer(1, 4 * mm),
        grid_table(cells, [content_w * f for f in fractions]),
        Spacer(1, 3 * mm),
        para(
            "本月登记：受理时间在本月的登记（不含作废）；未办结、已超期、待所长处理：统计时刻的"
            "全部登记。及时率与满意率为本月登记的。“逾期”：最近一次导入的同步文件已满 "
            f"{overview['sync_interval_days']} 天，或从未导入。",
            "tiny",
        ),
    ]
    doc.build(story, canvasmaker=canvas)
    return buffer.getvalue()


def render_overdue_lists(lists: dict) -> bytes:
    """超期事项清单: one station per page, the longest overdue first, the head signs."""
    register_font()
    buffer = io.BytesIO()
    doc, content_w, canvas = _document(
        buffer, A4, f"超期事项清单 {lists['as_of']:%Y-%m-%d}", lists["county"]
    )
    story = []
    for index, station in enumerate(lists["stations"]):
        if index:
            story.append(PageBreak())
        cells = [["受理编号", "受理时间", "类别", "来访人", "首问责任人", "环节", "时限", "超期"]]
        for r in station["rows"]:
            cells.append(
                [
                    r["serial"],
                    fmt_time(r["received_at"]),
                    r["category"],
                    r["visitor"],
                    r["responder_name"],  # the station's own people: no station after them
                    r["what"],
                    fmt_time(r["deadline"]),
                    f"{r['days_over']} 天",
                ]
            )
        if len(cells) == 1:
            cells.append(["没有超期事项"] + [""] * 7)
        fractions = (0.19, 0.16, 0.1, 0.08, 0.12, 0.08, 0.16, 0.11)
        story += [
            para(f"{station['name']} 超期事项清单", "title"),
            para(
                f"统计截至 {fmt_time(lists['as_of'])}　共 {len(station['rows'])} 件　"
                f"供电所电话：{station['phone'] or '—'}",
                "subtitle",
            ),
            Spacer(1, 4 * mm),
            grid_table(cells, [content_w * f for f in fractions]),
            Spacer(1, 3 * mm),
            para(
                "请逐件核实办理情况，在时限内答复或回访客户；不能解决的写明原因上报。"
                "清单中的客户姓名已遮蔽。",
                "tiny",
            ),
            Spacer(1, 10 * mm),
            para(
                f"所长签字：________________（{station['head'] or '所长'}）　　"
                "日期：______年____月____日"
            ),
        ]
    doc.build(story, canvasmaker=canvas)
    return buffer.getvalue()
