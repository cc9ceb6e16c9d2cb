"""月度考核表: confirmed breaches by responder with clause and amount, totals, dismissed proposals
with their reasons, and each responder's on-time and satisfaction rates (seed §十, §十二).

Figures come from :func:`firstask_desktop.services.assessment.month_sheet`; at the county, one sheet covers
every station (a station column appears when there is more than one).
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate, Spacer

from firstask_desktop.reports.layout import GREY, fmt_time, numbered_canvas, para
from firstask_desktop.reports.pdf_fonts import FONT_NAME, register_font
from firstask_desktop.reports.statistics import CONTENT_W, MARGIN, grid_table, pct
from firstask_desktop.services.assessment import month_sheet, yuan


def _breaches(sheet: dict, county: bool) -> list:
    head = (["供电所"] if county else []) + [
        "首问责任人",
        "受理编号",
        "条款",
        "违反情形",
        "依据",
        "金额(元)",
    ]
    cells = [head]
    for r in sorted(sheet["confirmed"], key=lambda r: (r["station"], r["responder"], r["id"])):
        cells.append(
            ([r["station"]] if county else [])
            + [
                r["responder"],
                r["serial"],
                f"§{r['clause']}",
                r["rule_label"],
                r["evidence"],
                yuan(r["amount_fen"]) + (f"\n+{r['sanction']}" if r["sanction"] else ""),
            ]
        )
    if len(cells) == 1:
        cells.append(["无"] + [""] * (len(head) - 1))
    fractions = (
        [0.08, 0.09, 0.19, 0.08, 0.14, 0.31, 0.11]
        if county
        else [0.10, 0.20, 0.09, 0.15, 0.34, 0.12]
    )
    return grid_table(cells, [CONTENT_W * f for f in fractions])


def _people(sheet: dict, county: bool) -> list:
    head = (["供电所"] if county else []) + [
        "首问责任人",
        "确认条数",
        "罚款合计(元)",
        "通报",
        "答复及时率",
        "满意率",
    ]
    cells = [head]
    for p in sheet["by_person"]:
        cells.append(
            ([p["station"]] if county else [])
            + [
                p["name"],
                str(p["count"]),
                yuan(p["amount_fen"]),
                "、".join(p["sanctions"]) or "—",
                pct(p["reply_rate"]),
                pct(p["satisfaction_rate"]),
            ]
        )
    cells.append(
        (["合计"] if county else [])
        + [
            "" if county else "合计",
            str(len(sheet["confirmed"])),
            yuan(sheet["total_fen"]),
            "",
            "",
            "",
        ]
    )
    widths = ([0.1] if county else []) + [0.16, 0.12, 0.16, 0.2, 0.13, 0.13]
    return grid_table(cells, [CONTENT_W * f for f in widths])


def _rates(sheet: dict) -> list:
    cells = [["首问责任人", "登记", "答复及时率", "回访按时", "回访超时", "满意率"]]
    for r in sheet["responders"]:
        cells.append(
            [
                r["label"],
                str(r["total"]),
                pct(r["reply_rate"]),
                str(r["follow_up_on_time"]),
                str(r["follow_up_late"]),
                pct(r["satisfaction_rate"]),
            ]
        )
    if len(cells) == 1:
        cells.append(["本月没有登记"] + [""] * 5)
    return grid_table(cells, [CONTENT_W * f for f in (0.2, 0.12, 0.17, 0.17, 0.17, 0.17)])


def _dismissed(sheet: dict) -> list:
    cells = [["受理编号", "首问责任人", "条款", "违反情形", "驳回人", "驳回理由"]]
    for r in sheet["dismissed"]:
        cells.append(
            [
                r["serial"],
                r["responder"],
                f"§{r['clause']}",
                r["rule_label"],
                r["decided_by"] or "",
                r["dismiss_reason"],
            ]
        )
    if len(cells) == 1:
        cells.append(["无"] + [""] * 5)
    return grid_table(cells, [CONTENT_W * f for f in (0.19, 0.12, 0.08, 0.19, 0.1, 0.32)])


def _bulletins(sheet: dict) -> list:
    """The confirmed breaches whose clause carries a 通报 (each printed on its own page with
    ``print bulletin``)."""
    cells = [["考核编号", "被通报人", "条款", "违反情形", "通报"]]
    for r in sheet.get("bulletins", []):
        cells.append(
            [str(r["id"]), r["responder"], f"§{r['clause']}", r["rule_label"], r["sanction"]]
        )
    if len(cells) == 1:
        cells.append(["无"] + [""] * 4)
    return grid_table(cells, [CONTENT_W * f for f in (0.12, 0.16, 0.1, 0.34, 0.28)])


def render_assessment(sheet: dict) -> bytes:
    register_font()
    width, height = A4
    station = sheet["station"]
    county = len(sheet["stations"]) > 1
    pending = len(sheet["pending"])
    story = [
        para(f"{station['name']} 月度考核表", "title"),
        para(f"{sheet['start']:%Y 年 %-m 月}　（制表时间 {fmt_time(sheet['as_of'])}）", "subtitle"),
        Spacer(1, 4 * mm),
        para(
            f"本月确认考核 {len(sheet['confirmed'])} 条，罚款合计 {yuan(sheet['total_fen'])} 元；"
            f"驳回 {len(sheet['dismissed'])} 条"
            + (f"；尚有 {pending} 条待所长确认，未计入本表" if pending else "")
            + "。"
        ),
        para("一、按首问责任人汇总", "heading"),
        _people(sheet, county),
        para("二、已确认的考核明细", "heading"),
        _breaches(sheet, county),
        KeepTogether([para("三、首问责任人及时率与满意率", "heading"), _rates(sheet)]),
        KeepTogether([para("四、已驳回的考核建议及理由", "heading"), _dismissed(sheet)]),
        KeepTogether([para("五、通报批评", "heading"), _bulletins(sheet)]),
        Spacer(1, 4 * mm),
        para(
            "依据：供电服务首问责任制实施办法第八条至第十条。考核建议由系统按登记记录提出，"
            "经所长逐条确认或驳回；金额以分为单位计算，按元打印。",
            "tiny",
        ),
        Spacer(1, 10 * mm),
        para(
            "制表人（签字）：________________　　所长（签字）：________________　　"
            "日期：______年____月____日"
        ),
    ]

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT_NAME, 7)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, height - 10 * mm, f"{station['name']}（{station['code']}）")
        canvas.drawRightString(width - MARGIN, height - 10 * mm, f"月度考核表 {sheet['month']}")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, title=f"月度考核表 {sheet['month']}", author=station["name"]
    )
    frame = Frame(
        MARGIN,
        MARGIN,
        CONTENT_W,
        height - 2 * MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="assessment", frames=[frame], onPage=decorate)])
    doc.build(story, canvasmaker=numbered_canvas((width / 2, 8 * mm)))
    return buffer.getvalue()


def build_assessment(
    month: str, *, station: str | None = None, now: datetime | None = None
) -> bytes:
    """The month's assessment sheet as PDF bytes."""
    return render_assessment(month_sheet(month, station=station, now=now))
