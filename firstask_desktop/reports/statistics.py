"""月度统计表: the month's figures for the station head and the county.

Every number comes from :func:`firstask_desktop.services.month_stats.month_stats`, the same function the GUI's
统计 view calls, so the paper and the screen never disagree. Lists of people are masked.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from firstask_desktop.reports.pdf_fonts import FONT_NAME, register_font
from firstask_desktop.services.month_stats import month_stats

from .layout import GREY, LIGHT, fmt_time, numbered_canvas, para

MARGIN = 15 * mm
CONTENT_W = A4[0] - 2 * MARGIN
PALETTE = [
    colors.HexColor(c)
    for c in (
        "#2F6DB5",
        "#E07B39",
        "#4BA35A",
        "#C8483F",
        "#8E6BBF",
        "#8C6D46",
        "#D479B4",
        "#7F7F7F",
        "#B5B53A",
        "#3BB3C3",
    )
]
THIS_MONTH, LAST_MONTH = PALETTE[0], colors.HexColor("#A9C3E3")


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _change(now: float | int | None, before: float | int | None, percent: bool) -> str:
    if now is None or before is None:
        return "—"
    diff = now - before
    if percent:
        return f"{diff * 100:+.1f} 个百分点"
    return f"{diff:+d}"


def grid_table(cells: list[list], widths: list[float], *, header: bool = True) -> Table:
    rows = [[para(c, "cell") if isinstance(c, str) else c for c in row] for row in cells]
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), LIGHT))
    table.setStyle(TableStyle(style))
    return table


def _bar_chart(stats: dict, width: float, height: float) -> Drawing:
    """Entries per category: this month beside last month."""
    previous = stats.get("previous") or {"by_category": {}}
    labels = [row["label"] for row in stats["by_category"]]
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 30
    chart.width, chart.height = width - 40, height - 58
    chart.data = [
        [row["count"] for row in stats["by_category"]],
        [previous["by_category"].get(row["code"], 0) for row in stats["by_category"]],
    ]
    chart.bars[0].fillColor = THIS_MONTH
    chart.bars[1].fillColor = LAST_MONTH
    chart.barSpacing = 1
    chart.groupSpacing = 6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT_NAME
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = FONT_NAME
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.angle = 0
    chart.categoryAxis.labels.dy = -4
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT_NAME
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 150, height - 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = FONT_NAME
    legend.fontSize = 8
    legend.colorNamePairs = [
        (THIS_MONTH, f"本月 {stats['month']}"),
        (LAST_MONTH, f"上月 {previous.get('month', '')}"),
    ]
    legend.dxTextSpace = 4
    legend.deltax = 70
    drawing.add(legend)
    drawing.add(
        String(0, height - 12, "各类别登记数（与上月对比）", fontName=FONT_NAME, fontSize=9.5)
    )
    return drawing


def _pie_chart(stats: dict, width: float, height: float) -> Drawing:
    """Share of each channel this month."""
    rows = [row for row in stats["by_channel"] if row["count"]]
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, "受理渠道构成", fontName=FONT_NAME, fontSize=9.5))
    if not rows:
        drawing.add(String(0, height / 2, "本月没有登记", fontName=FONT_NAME, fontSize=9))
        return drawing
    size = min(width * 0.5, height - 30)
    pie = Pie()
    pie.x, pie.y = 6, (height - 18 - size) / 2
    pie.width = pie.height = size
    pie.data = [row["count"] for row in rows]
    pie.simpleLabels = 1
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    for i in range(len(rows)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    drawing.add(pie)
    total = sum(pie.data)
    legend = Legend()
    legend.x, legend.y = size + 20, height - 30
    legend.alignment = "right"  # swatch first, then the text
    legend.columnMaximum = len(rows)
    legend.fontName = FONT_NAME
    legend.fontSize = 8
    legend.dy = 8
    legend.deltay = 12
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], f"{row['label']} {row['count']}（{row['count'] / total:.0%}）")
        for i, row in enumerate(rows)
    ]
    drawing.add(legend)
    return drawing


def _summary(stats: dict) -> Table:
    prev = stats.get("previous")
    rows = [
        ["指标", f"本月（{stats['month']}）", f"上月（{prev['month'] if prev else '—'}）", "变化"]
    ]

    def line(label, now, before, percent):
        shown = pct if percent else str
        rows.append(
            [
                label,
                shown(now),
                "—" if before is None else shown(before),
                _change(now, before, percent),
            ]
        )

    line("登记数（不含作废）", stats["total"], prev and prev["total"], False)
    line("答复及时率", stats["reply"]["rate"], prev and prev["reply_rate"], True)
    line("回访及时率", stats["follow_up"]["rate"], prev and prev["follow_up_rate"], True)
    line(
        "满意率（满意+基本满意）",
        stats["satisfaction"]["rate"],
        prev and prev["satisfaction_rate"],
        True,
    )
    line("当前超期", len(stats["overdue"]), prev and prev["overdue"], False)
    line("未办结（已上报）", len(stats["unresolved"]), prev and prev["unresolved"], False)
    return grid_table(rows, [CONTENT_W * f for f in (0.34, 0.22, 0.22, 0.22)])


def _clock_table(stats: dict) -> Table:
    reply, follow, sat = stats["reply"], stats["follow_up"], stats["satisfaction"]
    return grid_table(
        [
            ["时限", "按时", "超时", "未到期", "及时率"],
            ["答复客户", reply["on_time"], reply["late"], reply["pending"], pct(reply["rate"])],
            ["回访", follow["on_time"], follow["late"], follow["pending"], pct(follow["rate"])],
            ["", "满意", "基本满意", "不满意", "满意率"],
            ["回访满意度", sat["satisfied"], sat["basic"], sat["unsatisfied"], pct(sat["rate"])],
        ],
        [CONTENT_W * 0.24] + [CONTENT_W * 0.19] * 4,
    )


def _counts_table(title: str, rows: list[dict], width: float) -> Table:
    total = sum(row["count"] for row in rows) or 1
    cells = [[title, "数量", "占比"]]
    cells += [[row["label"], str(row["count"]), f"{row['count'] / total:.0%}"] for row in rows]
    return grid_table(cells, [width * 0.5, width * 0.25, width * 0.25])


def _responders(stats: dict) -> Table:
    cells = [
        [
            "首问责任人",
            "登记",
            "答复按时",
            "答复超时",
            "答复及时率",
            "回访按时",
            "回访超时",
            "当前超期",
            "未办结",
            "满意率",
        ]
    ]
    for r in stats["responders"]:
        cells.append(
            [
                r["label"],
                r["total"],
                r["reply_on_time"],
                r["reply_late"],
                pct(r["reply_rate"]),
                r["follow_up_on_time"],
                r["follow_up_late"],
                r["overdue"],
                r["unresolved"],
                pct(r["satisfaction_rate"]),
            ]
        )
    if len(cells) == 1:
        cells.append(["本月没有登记"] + [""] * 9)
    cells = [[str(c) for c in row] for row in cells]
    return grid_table(cells, [CONTENT_W * 0.14] + [CONTENT_W * 0.0955] * 9)


def _stations(stats: dict) -> Table:
    """County: one row per station, and the county's totals."""
    cells = [
        ["供电所", "登记", "答复及时率", "回访按时", "回访超时", "当前超期", "未办结", "满意率"]
    ]
    for r in stats["stations"]:
        cells.append(
            [
                f"{r['name']}（{r['code']}）",
                r["total"],
                pct(r["reply_rate"]),
                r["follow_up_on_time"],
                r["follow_up_late"],
                r["overdue"],
                r["unresolved"],
                pct(r["satisfaction_rate"]),
            ]
        )
    cells.append(
        [
            "合计",
            stats["total"],
            pct(stats["reply"]["rate"]),
            stats["follow_up"]["on_time"],
            stats["follow_up"]["late"],
            len(stats["overdue"]),
            len(stats["unresolved"]),
            pct(stats["satisfaction"]["rate"]),
        ]
    )
    cells = [[str(c) for c in row] for row in cells]
    return grid_table(cells, [CONTENT_W * 0.23] + [CONTENT_W * 0.11] * 7)


def _overdue(stats: dict) -> Table:
    cells = [
        [
            "受理编号",
            "受理时间",
            "类别",
            "来访人",
            "首问责任人",
            "状态",
            "超期事项",
            "时限",
            "超期天数",
        ]
    ]
    for r in stats["overdue"]:
        cells.append(
            [
                r["serial"],
                fmt_time(r["received_at"], False),
                r["category"],
                r["visitor"],
                r["responder"],
                r["status"],
                r["what"],
                fmt_time(r["deadline"], False),
                str(r["days_over"]),
            ]
        )
    if len(cells) == 1:
        cells.append(["无超期事项"] + [""] * 8)
    return grid_table(
        cells, [CONTENT_W * f for f in (0.19, 0.13, 0.1, 0.08, 0.1, 0.1, 0.08, 0.13, 0.09)]
    )


def _unresolved(stats: dict) -> Table:
    cells = [["受理编号", "类别", "来访人", "首问责任人", "上报时间", "未办结原因"]]
    for r in stats["unresolved"]:
        cells.append(
            [
                r["serial"],
                r["category"],
                r["visitor"],
                r["responder"],
                fmt_time(r["escalated_at"], False),
                r["reason"],
            ]
        )
    if len(cells) == 1:
        cells.append(["无未办结事项"] + [""] * 5)
    return grid_table(cells, [CONTENT_W * f for f in (0.2, 0.09, 0.09, 0.11, 0.12, 0.39)])


DEFINITIONS = (
    "统计口径：受理时间在本月内的登记；作废的登记只计入“已作废”，不计入任何比率。"
    "答复及时：在承诺时限内答复客户（不能解决的，以上报所长的时间为准）；回访及时：在回访时限内"
    "联系上客户；未到期的不计入及时率。满意率 =（满意 + 基本满意）/ 已评价数。"
    "超期按统计时刻计算。名单中的客户姓名已遮蔽。"
)


def render_stats(stats: dict) -> bytes:
    register_font()
    width, height = A4
    station = stats["station"]
    half = (CONTENT_W - 6 * mm) / 2
    charts = Table(
        [
            [
                _bar_chart(stats, CONTENT_W * 0.6, 62 * mm),
                _pie_chart(stats, CONTENT_W * 0.4, 62 * mm),
            ]
        ],
        colWidths=[CONTENT_W * 0.6, CONTENT_W * 0.4],
    )
    counts = Table(
        [
            [
                _counts_table("类别", stats["by_category"], half),
                _counts_table("渠道", stats["by_channel"], half),
            ]
        ],
        colWidths=[half + 3 * mm, half + 3 * mm],
    )
    for grid in (charts, counts):
        grid.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
    status_rows = stats["by_status"]
    story = [
        para(f"{station['name']} 月度统计表", "title"),
        para(f"{stats['start']:%Y 年 %-m 月}　（统计截至 {fmt_time(stats['as_of'])}）", "subtitle"),
        Spacer(1, 4 * mm),
        para("一、总体情况（与上月对比）", "heading"),
        _summary(stats),
        Spacer(1, 3 * mm),
        *(
            [para("各供电所（县公司汇总）", "heading"), _stations(stats)]
            if len(stats.get("stations", [])) > 1
            else []
        ),
        charts,
        para("二、类别与渠道", "heading"),
        counts,
        para("三、办理状态", "heading"),
        grid_table(
            [
                ["状态"] + [row["label"] for row in status_rows],
                ["数量"] + [str(row["count"]) for row in status_rows],
            ],
            [CONTENT_W * 0.12] + [CONTENT_W * 0.88 / len(status_rows)] * len(status_rows),
        ),
        KeepTogether([para("四、时限与满意度", "heading"), _clock_table(stats)]),
        KeepTogether([para("五、首问责任人", "heading"), _responders(stats)]),
        para(f"六、超期事项（{len(stats['overdue'])} 件）", "heading"),
        _overdue(stats),
        para(f"七、未办结事项（{len(stats['unresolved'])} 件）", "heading"),
        _unresolved(stats),
        Spacer(1, 4 * mm),
        para(DEFINITIONS, "tiny"),
        Spacer(1, 8 * mm),
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
        canvas.drawRightString(width - MARGIN, height - 10 * mm, f"月度统计表 {stats['month']}")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, title=f"月度统计表 {stats['month']}", author=station["name"]
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
    doc.addPageTemplates([PageTemplate(id="stats", frames=[frame], onPage=decorate)])
    doc.build(story, canvasmaker=numbered_canvas((width / 2, 8 * mm)))
    return buffer.getvalue()


def build_stats(month: str, *, now: datetime | None = None, station: str | None = None) -> bytes:
    """The month's statistics as PDF bytes (figures from ``stats.month_stats``)."""
    return render_stats(month_stats(month, now, station=station))
