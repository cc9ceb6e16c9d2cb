"""制度上墙卡: one A4 page in large type for the wall of the service hall.

How a matter is registered, in five steps; the station's promised time limits, read from its own
rule table (so the card says what the app enforces: print it again after editing a rule); the
95598 and 12398 hotlines and the station's phone.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from firstask_desktop.domain.deadlines import ANY, CLOCK_LABELS, DeadlineRule
from firstask_desktop.domain.vocab import AREAS, CATEGORIES
from firstask_desktop.reports.layout import GREY, LIGHT, styles, text

HOTLINES = (("供电服务热线", "95598"), ("能源监管热线", "12398"))
STEPS = (
    ("接待", "谁先接待来访、来电、来信，谁就是首问责任人，不推诿、不让客户再跑。"),
    ("登记", "在首问登记中记下姓名、电话、地址和事由，把受理回执交给客户。"),
    ("答复或转办", "能当场答复的当场答复；不能的转办给承办部门，并跟踪督办到底。"),
    ("告知", "缺少的材料一次告知；在承诺时限内把办理结果告诉客户。"),
    ("回访", "答复后按时回访，记下满意度；办不了的写明原因，报所长处理。"),
)
MARGIN = 14 * mm
WIDTH = A4[0] - 2 * MARGIN


def limit_text(rule: DeadlineRule) -> str:
    """ "5日内", "1个工作日内", "90分钟内", "2小时内": how the promise is said aloud."""
    amount = rule.amount
    if rule.unit == "minutes":
        if amount >= 60 and amount % 60 == 0:
            return f"{amount // 60}小时内"
        return f"{amount}分钟内"
    if rule.unit == "working_days":
        return f"{amount}个工作日内"
    return f"{amount}日内"


def deadline_rows(rules: list[DeadlineRule], area: str) -> list[tuple[str, list[str]]]:
    """The station's promises by category, in the register's order of categories: each a label
    and its clocks ("答复客户：5日内"); rules for other areas are left out."""
    own = [r for r in rules if r.area in (ANY, area)]
    rows = []
    for code, label in [*CATEGORIES.items(), (ANY, "所有事项")]:
        clocks = [
            f"{CLOCK_LABELS.get(r.clock, r.clock)}：{limit_text(r)}"
            for r in own
            if r.category == code
        ]
        if clocks:
            rows.append(("所有已答复的事项" if code == ANY else label, clocks))
    return rows


def card_data(now: datetime | None = None) -> dict:
    from firstask_desktop.services.rules import current_rules
    from firstask_desktop.services.station import require_station

    station = require_station()
    return {
        "station": station.name,
        "phone": station.phone,
        "address": station.address,
        "area": AREAS.get(station.area, station.area),
        "deadlines": deadline_rows(current_rules(station.code), station.area),
        "date": f"{(now or datetime.now()):%Y-%m-%d}",
    }


def _styles() -> dict[str, ParagraphStyle]:
    base = styles()["body"]
    return {
        "title": ParagraphStyle(
            "card_title", parent=base, fontSize=30, leading=38, alignment=TA_CENTER
        ),
        "station": ParagraphStyle(
            "card_station", parent=base, fontSize=17, leading=24, alignment=TA_CENTER
        ),
        "heading": ParagraphStyle(
            "card_heading", parent=base, fontSize=19, leading=26, textColor="#0b4f8a"
        ),
        "step": ParagraphStyle("card_step", parent=base, fontSize=15, leading=21),
        "number": ParagraphStyle(
            "card_number", parent=base, fontSize=22, leading=26, alignment=TA_CENTER
        ),
        "cell": ParagraphStyle("card_cell", parent=base, fontSize=14, leading=19),
        "hotline": ParagraphStyle(
            "card_hotline", parent=base, fontSize=14, leading=20, alignment=TA_CENTER
        ),
        "number_big": ParagraphStyle(
            "card_number_big", parent=base, fontSize=24, leading=30, alignment=TA_CENTER
        ),
        "small": ParagraphStyle("card_small", parent=base, fontSize=9, leading=12, textColor=GREY),
    }


def render_card(data: dict) -> bytes:
    s = _styles()
    story: list = [
        Paragraph("首问负责制 · 办事须知", s["title"]),
        Paragraph(text(data["station"]), s["station"]),
        Spacer(1, 3 * mm),
        Paragraph("来了客户，五步办到底", s["heading"]),
        Spacer(1, 2 * mm),
    ]
    steps = Table(
        [
            [
                Paragraph(str(number), s["number"]),
                Paragraph(f'<font color="#0b4f8a">{name}</font>　{detail}', s["step"]),
            ]
            for number, (name, detail) in enumerate(STEPS, 1)
        ],
        colWidths=[14 * mm, WIDTH - 14 * mm],
    )
    steps.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, colors.HexColor("#BBBBBB")),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story += [steps, Spacer(1, 4 * mm), Paragraph("本所承诺时限", s["heading"]), Spacer(1, 2 * mm)]
    rows = [[Paragraph("事项", s["cell"]), Paragraph("时限", s["cell"])]]
    rows += [
        [Paragraph(text(label), s["cell"]), Paragraph(text("；".join(clocks)), s["cell"])]
        for label, clocks in data["deadlines"]
    ]
    limits = Table(rows, colWidths=[48 * mm, WIDTH - 48 * mm], repeatRows=1)
    limits.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    phone = text(data["phone"]) if data["phone"] else "＿＿＿＿＿＿"
    calls = [*HOTLINES, ("本所电话", phone)]
    hotlines = Table(
        [
            [Paragraph(name, s["hotline"]) for name, _ in calls],
            [Paragraph(number, s["number_big"]) for _, number in calls],
        ],
        colWidths=[WIDTH * 0.3, WIDTH * 0.3, WIDTH * 0.4],
    )
    hotlines.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#0b4f8a")),
                ("LINEAFTER", (0, 0), (1, -1), 0.5, colors.HexColor("#0b4f8a")),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 8),
            ]
        )
    )
    story += [
        limits,
        Spacer(1, 1.5 * mm),
        Paragraph(
            text(
                f"供电区域：{data['area']}。工作日不含法定节假日，调休上班日照常计算。"
                "时限取自本所时限规则，规则修改后请重新打印本卡。"
            ),
            s["small"],
        ),
        Spacer(1, 5 * mm),
        hotlines,
    ]
    if data["address"]:
        story.append(Paragraph(text(f"地址：{data['address']}"), s["station"]))
    story.append(Paragraph(text(f"打印日期：{data['date']}"), s["small"]))
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title="首问负责制 制度上墙卡",
        author="首问登记",
    ).build(story)
    return buffer.getvalue()


def build_card(_key: str = "") -> bytes:
    return render_card(card_data())
