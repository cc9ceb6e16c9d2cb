"""通报: the one-page notice of a confirmed breach whose clause carries 通报批评 (seed §十.2–3),
on the station's letterhead, posted for all staff: the customer is masked."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer

from firstask_desktop.reports.layout import fmt_time, para
from firstask_desktop.reports.pdf_fonts import register_font
from firstask_desktop.reports.statistics import CONTENT_W, MARGIN, grid_table
from firstask_desktop.services.assessment import yuan


def render_bulletin(data: dict) -> bytes:
    register_font()
    station = data["station"]
    rows = [
        ["被通报人", data["person"]],
        ["违反条款", f"§{data['clause']} {data['clause_title']}"],
        ["违反情形", data["rule_label"]],
        [
            "相关登记",
            f"{data['serial']}（客户 {data['customer']}）" if data["serial"] else "无登记",
        ],
        ["发生时间", fmt_time(data["received_at"])],
        ["经过与依据", data["evidence"]],
        ["处理", f"罚款 {yuan(data['amount_fen'])} 元，{data['sanction']}"],
        ["确认", f"{data['decided_by']}　{fmt_time(data['decided_at'])}"],
    ]
    story = [
        para(f"{station['name']}", "title"),
        para("通　报", "title"),
        para(f"考核记录第 {data['id']} 号　　印发时间 {fmt_time(data['as_of'])}", "subtitle"),
        Spacer(1, 6 * mm),
        para(
            f"根据《供电服务首问责任制实施办法》第十条，{data['person']} 违反第{data['clause']}条"
            f"（{data['clause_title']}），经确认，予以{data['sanction']}。"
        ),
        Spacer(1, 4 * mm),
        grid_table(rows, [CONTENT_W * 0.2, CONTENT_W * 0.8]),
        Spacer(1, 6 * mm),
        para(f"条款原文：{data['clause_text']}", "tiny"),
        Spacer(1, 14 * mm),
        para(f"{station['name']}（盖章）　　　　所长（签字）：________________"),
        para("日期：______年____月____日"),
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"通报 {data['person']}",
        author=station["name"],
    )
    doc.build(story)
    return buffer.getvalue()
