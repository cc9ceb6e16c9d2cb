"""督办单: the slip a first responder hands or sends to the department a matter was transferred
to — what, for whom, by when, who chases it — with room for the department's feedback."""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.domain.vocab import CATEGORIES
from firstask_desktop.store.models import Supervision, Transfer

from ..services.entries import get_entry
from ..services.station import require_station
from .layout import fmt_time, numbered_canvas, para
from .statistics import CONTENT_W, MARGIN, grid_table


def supervision_data(serial: str, now: datetime | None = None) -> dict:
    station = require_station()
    entry = get_entry(serial)
    transfer = Transfer.select().where(Transfer.entry == entry).order_by(Transfer.id.desc()).first()
    if transfer is None:
        raise RefusedError(f"{entry.serial} 没有转办记录：督办单只能为已转办的事项打印。")
    history = [
        {"at": fmt_time(s.at), "by": s.by.name, "note": s.note}
        for s in Supervision.select()
        .where(Supervision.transfer == transfer)
        .order_by(Supervision.at)
    ]
    responder = entry.responder
    return {
        "station": {"code": station.code, "name": station.name, "phone": station.phone},
        "serial": entry.serial,
        "received_at": fmt_time(entry.received_at),
        "category": CATEGORIES.get(entry.category, entry.category),
        # The department needs to reach the customer: it is the station's own paper, unmasked.
        "visitor": entry.visitor,
        "phone": entry.phone,
        "address": entry.address,
        "matter": entry.matter,
        "responder": responder.name,
        "responder_phone": responder.phone or station.phone,
        "department": transfer.department.name if transfer.department else "",
        "department_phone": transfer.department.phone if transfer.department else "",
        "to_staff": transfer.to_staff.name if transfer.to_staff else "",
        "note": transfer.note,
        "transferred_at": fmt_time(transfer.transferred_at),
        "due_at": fmt_time(transfer.due_at),
        "customer_due_at": fmt_time(entry.due_at),
        "done_at": fmt_time(transfer.done_at),
        "history": history,
        "printed_at": fmt_time((now or datetime.now()).replace(microsecond=0)),
    }


def render_supervision(d: dict) -> bytes:
    width, height = A4
    station = d["station"]
    to = d["department"] + (f"（{d['to_staff']}）" if d["to_staff"] else "")
    facts = [
        ["受理编号", d["serial"], "受理时间", d["received_at"]],
        ["类别", d["category"], "承办部门", to],
        ["客户", d["visitor"], "联系电话", d["phone"]],
        ["地址", d["address"], "部门电话", d["department_phone"]],
        ["转办时间", d["transferred_at"], "转办时限", d["due_at"]],
        [
            "首问责任人",
            f"{d['responder']}（{d['responder_phone']}）",
            "答复客户时限",
            d["customer_due_at"],
        ],
    ]
    w = CONTENT_W
    history = [["督办时间", "督办人", "督办情况"]] + [
        [h["at"], h["by"], h["note"]] for h in d["history"]
    ] or []
    if len(history) == 1:
        history.append(["尚无督办记录", "", ""])
    story = [
        para(f"{station['name']} 督办单", "title"),
        para(f"（交承办部门）　打印时间 {d['printed_at']}", "subtitle"),
        Spacer(1, 4 * mm),
        grid_table(facts, [w * 0.14, w * 0.36, w * 0.14, w * 0.36], header=False),
        Spacer(1, 3 * mm),
        para("事由", "heading"),
        para(d["matter"]),
        para("转办要求", "heading"),
        para(d["note"] or "请在转办时限内办理完毕，并将办理情况反馈首问责任人。"),
        para("督办记录", "heading"),
        grid_table(history, [w * 0.2, w * 0.15, w * 0.65]),
        para("承办部门办理情况反馈", "heading"),
        grid_table(
            [
                ["办理结果：\n\n\n\n"],
                ["办结时间：______年____月____日____时　　承办人（签字）：______________"],
            ],
            [w],
            header=False,
        ),
        Spacer(1, 8 * mm),
        para(
            "首问责任人按首问负责制对本事项负责到底：请承办部门在时限内办结并反馈，"
            "逾期将按《供电服务首问责任制实施办法》督办考核。",
            "small",
        ),
        Spacer(1, 6 * mm),
        para("首问责任人（签字）：______________　　所长（签字）：______________"),
    ]
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, title=f"督办单 {d['serial']}", author=station["name"]
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
    doc.addPageTemplates([PageTemplate(id="supervision", frames=[frame])])
    doc.build(story, canvasmaker=numbered_canvas((width / 2, 8 * mm)))
    return buffer.getvalue()


def build_supervision(serial: str, *, now: datetime | None = None) -> bytes:
    """The supervision slip of an entry's latest transfer, as PDF bytes."""
    return render_supervision(supervision_data(serial, now))
