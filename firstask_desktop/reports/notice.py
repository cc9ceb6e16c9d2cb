"""一次性告知单: every document still missing for a matter, listed to the customer once.

Seed (一次性告知): the clerk tells the customer everything that is missing in one go, never
bit by bit. The station keeps the upper part, signed by the customer; the customer takes the
lower part with the list. The customer sees their own data unmasked.
"""

from __future__ import annotations

import json
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.domain.vocab import CATEGORIES

from ..services.entries import get_entry
from ..services.station import require_station
from .layout import LIGHT, fmt_time, para
from .slips import build_two_part, responder_line, responder_phone, with_phone


def notice_data(serial: str, now: datetime | None = None) -> dict:
    station = require_station()
    entry = get_entry(serial)
    if entry.status == "void":
        raise RefusedError(f"{entry.serial} 已作废，不能打印一次性告知单。")
    documents = json.loads(entry.missing_documents or "[]")
    if not documents:
        raise RefusedError(
            f"{entry.serial} 没有登记需要补交的材料：请先在登记中填写一次性告知的"
            "材料清单，再打印告知单。"
        )
    responder = entry.responder
    return {
        "station": {
            "code": station.code,
            "name": station.name,
            "phone": station.phone,
            "address": station.address,
        },
        "serial": entry.serial,
        "received_at": fmt_time(entry.received_at),
        "category": CATEGORIES.get(entry.category, entry.category),
        "visitor": entry.visitor,
        "unit": entry.unit,
        "matter": entry.matter,
        "responder": responder.name,
        "responder_phone": responder_phone(responder, station),
        "documents": documents,
        "date": f"{(now or datetime.now()):%Y 年 %m 月 %d 日}",
    }


def _facts(d: dict, width: float) -> Table:
    label_w = 24 * mm
    visitor = d["visitor"] + (f"（{d['unit']}）" if d["unit"] else "")
    rows = [
        ("受理编号", d["serial"]),
        ("受理时间", d["received_at"]),
        ("客户", visitor),
        ("办理事项", f"{d['category']}：{d['matter']}"),
        ("首问责任人", responder_line(d["responder"], d["responder_phone"])),
    ]
    table = Table(
        [[para(label, "label"), para(value)] for label, value in rows],
        colWidths=[label_w, width - label_w],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _documents(d: dict, width: float) -> Table:
    rows = [
        [para("序号", "label"), para("需补交的材料", "label"), para("已备齐（客户自查）", "label")]
    ]
    rows += [[para(str(i)), para(doc), para("□")] for i, doc in enumerate(d["documents"], 1)]
    table = Table(rows, colWidths=[14 * mm, width - 54 * mm, 40 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def render_notice(d: dict) -> bytes:
    width = A4[0] - 24 * mm
    station = d["station"]
    where = "，".join(
        x for x in (station["address"], f"电话 {station['phone']}" if station["phone"] else "") if x
    )
    count = len(d["documents"])
    stub = [
        para(f"{station['name']} 一次性告知单（存根联）", "heading"),
        _facts(d, width),
        Spacer(1, 2 * mm),
        para(
            f"已一次性告知客户需补交的全部材料，共 {count} 项：" + "、".join(d["documents"]) + "。"
        ),
        Spacer(1, 8 * mm),
        para("客户签收：______________　　告知人：______________　　日期：______年____月____日"),
    ]
    slip = [
        para(f"{station['name']} 一次性告知单", "title"),
        para("（客户联）", "subtitle"),
        Spacer(1, 3 * mm),
        _facts(d, width),
        Spacer(1, 4 * mm),
        para(
            f"您办理的事项还需补交以下 {count} 项材料。以上即为全部所需材料，我们一次性告知，"
            "不会再要求您补交清单以外的材料：",
            "body",
        ),
        Spacer(1, 2 * mm),
        _documents(d, width),
        Spacer(1, 4 * mm),
        para(
            "材料备齐后，请带本告知单到"
            + (f"{station['name']}（{where}）" if where else station["name"])
            + f"办理，或联系首问责任人 {with_phone(d['responder'], d['responder_phone'])}。"
            "如对告知内容有疑问，可拨打供电服务热线 95598 或能源监管热线 12398。",
            "small",
        ),
        Spacer(1, 8 * mm),
        para(f"告知人：______________　　（供电所盖章）　　{d['date']}"),
    ]
    return build_two_part(
        stub, slip, top_height=78 * mm, title=f"一次性告知单 {d['serial']}", author=station["name"]
    )


def build_notice(serial: str, *, now: datetime | None = None) -> bytes:
    """The one-time notice of an entry's missing documents, as PDF bytes."""
    return render_notice(notice_data(serial, now))
