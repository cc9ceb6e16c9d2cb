"""受理回执: the signed receipt the visitor takes home (station stub + customer slip).

The visitor sees their own data unmasked: it is their receipt. The QR code and the short code
are the signature described in receipt_codes.py.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.domain.vocab import CATEGORIES, CHANNELS, STATUSES
from firstask_desktop.store import keys, receipt_codes, storage
from firstask_desktop.store.models import Entry, Station

from ..services.entries import get_entry
from ..services.holidays import estimated_fields
from ..services.station import require_station
from .layout import LIGHT, fmt_time, para, styles, text
from .slips import build_single, build_two_part, responder_line, responder_phone

SUPERVISION_PHONES = (("供电服务热线", "95598"), ("能源监管热线", "12398"))
PAPERS = ("a4", "a5")


def _promises(entry: Entry) -> list[tuple[str, str]]:
    """The deadlines promised at registration (from the rule table), as label and time; one
    counted in working days of a year whose holidays the county has not yet sent says so."""
    items = []
    if entry.contact_due_at:
        items.append(("首次联系您", "contact_due_at"))
    if entry.arrive_due_at:
        items.append(("到达现场", "arrive_due_at"))
    if entry.restore_due_at:
        items.append(("恢复供电", "restore_due_at"))
    if entry.due_at and entry.due_at not in (entry.restore_due_at, entry.arrive_due_at):
        items.append(("答复办理结果", "due_at"))
    estimated = estimated_fields(entry)
    return [
        (
            label,
            f"{fmt_time(getattr(entry, f))} 前" + ("（按工作日估算）" if f in estimated else ""),
        )
        for label, f in items
    ]


def receipt_data(serial: str, *, folder: Path | None = None, now: datetime | None = None) -> dict:
    """Everything a receipt shows, as plain data (signing with this PC's station key)."""
    station: Station = require_station()
    entry = get_entry(serial)
    if entry.status == "void":
        raise RefusedError(f"{entry.serial} 已作废，不能打印回执：如需重新受理，请重新登记。")
    folder = folder or storage.current_folder()
    key = keys.load_or_create_signing_key(folder)
    code = receipt_codes.entry_code(entry, key)
    responder = entry.responder
    return {
        "station": {
            "code": station.code,
            "name": station.name,
            "county": station.county,
            "phone": station.phone,
            "address": station.address,
        },
        "serial": entry.serial,
        "received_at": fmt_time(entry.received_at),
        "channel": CHANNELS.get(entry.channel, entry.channel),
        "category": CATEGORIES.get(entry.category, entry.category),
        "visitor": entry.visitor,
        "unit": entry.unit,
        "address": entry.address,
        "phone": entry.phone,
        "account_no": entry.account_no,
        "matter": entry.matter,
        "wo_number": entry.wo_number,
        "responder": responder.name,
        "responder_phone": responder_phone(responder, station),
        "status": STATUSES.get(entry.status, entry.status),
        "result": entry.result,
        "promises": _promises(entry),
        "missing_documents": json.loads(entry.missing_documents or "[]"),
        "qr": code,
        "short_code": receipt_codes.short_code(code),
        "key_fingerprint": keys.fingerprint(keys.public_bytes(key)),
        "printed_at": fmt_time((now or datetime.now()).replace(microsecond=0)),
    }


# --- drawing -------------------------------------------------------------------------------------


class QrCode(Flowable):
    """A QR code drawn straight on the canvas: encoded once, dark modules drawn as runs.

    ReportLab's QrCodeWidget encodes twice (bounds, then drawing) and draws one shape per
    module; this keeps a receipt well under 0.3 s.
    """

    def __init__(self, text: str, size: float, quiet_modules: int = 2):
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(text)
        code.make()
        count = code.getModuleCount()
        self.modules = [[code.isDark(r, c) for c in range(count)] for r in range(count)]
        self.size = size
        self.quiet = quiet_modules

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self):
        count = len(self.modules)
        module = self.size / (count + 2 * self.quiet)
        canvas = self.canv
        canvas.setFillColor(colors.black)
        for r, row in enumerate(self.modules):
            y = self.size - (self.quiet + r + 1) * module
            c = 0
            while c < count:
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < count and row[c]:
                    c += 1
                canvas.rect(
                    (self.quiet + start) * module, y, (c - start) * module, module, stroke=0, fill=1
                )


def _grid(rows: list[tuple[str, object]], widths: list[float], pairs: int = 1) -> Table:
    """Label/value cells, ``pairs`` pairs per row."""
    cells, line = [], []
    for label, value in rows:
        line += [para(label, "label"), value if not isinstance(value, str) else para(value)]
        if len(line) == 2 * pairs:
            cells.append(line)
            line = []
    if line:
        cells.append(line + [""] * (2 * pairs - len(line)))
    table = Table(cells, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *[("BACKGROUND", (col, 0), (col, -1), LIGHT) for col in range(0, 2 * pairs, 2)],
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _visitor_line(d: dict) -> str:
    return d["visitor"] + (f"（{d['unit']}）" if d["unit"] else "")


def _stub(d: dict, width: float) -> list:
    label_w = 22 * mm
    value_w = width / 2 - label_w
    matter = d["matter"] if len(d["matter"]) <= 120 else d["matter"][:118] + "……"
    promise = "；".join(f"{label} {at}" for label, at in d["promises"]) or "当场办结"
    rows = [
        ("受理编号", d["serial"]),
        ("受理时间", d["received_at"]),
        ("渠道", d["channel"]),
        ("类别", d["category"]),
        ("来访人", _visitor_line(d)),
        ("联系电话", d["phone"]),
        ("首问责任人", d["responder"]),
        ("承诺时限", promise),
    ]
    header = Table(
        [
            [
                para(f"{d['station']['name']} 首问登记受理回执（存根联）", "heading"),
                para(f"验证码 {d['short_code']}", "right"),
            ]
        ],
        colWidths=[width * 0.68, width * 0.32],
    )
    header.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        header,
        _grid(rows, [label_w, value_w] * 2, pairs=2),
        _grid([("事由", matter)], [label_w, width - label_w]),
        Spacer(1, 7 * mm),
        para(
            "来访人签字：______________　　首问责任人签字：______________　　"
            "日期：______年____月____日"
        ),
    ]


def _slip(d: dict, width: float) -> list:
    label_w = 24 * mm
    qr_size = 34 * mm
    station = d["station"]
    contact = "　".join(
        x for x in (f"电话 {station['phone']}" if station["phone"] else "", station["address"]) if x
    )
    rows = [
        ("受理编号", d["serial"]),
        ("受理时间", d["received_at"]),
        ("受理渠道", d["channel"] + (f"（工单 {d['wo_number']}）" if d["wo_number"] else "")),
        ("事项类别", d["category"]),
        ("来访人", _visitor_line(d)),
        ("联系电话", d["phone"]),
        ("地址", d["address"]),
        ("事由", d["matter"]),
        ("首问责任人", responder_line(d["responder"], d["responder_phone"])),
    ]
    if d["result"]:
        rows.append(("办理结果", f"{d['result']}（{d['status']}）"))
    promise = "<br/>".join(text(f"{label}：{at}") for label, at in d["promises"]) or "已当场办结"
    rows.append(("承诺时限", Paragraph(promise, styles()["body"])))
    if d["missing_documents"]:
        docs = "；".join(f"{i}. {doc}" for i, doc in enumerate(d["missing_documents"], 1))
        rows.append(("一次性告知", f"办理本事项还需补交以下材料（已一次性告知）：{docs}"))
    main = _grid(rows, [label_w, width - label_w - qr_size - 4 * mm])

    qr_box = Table(
        [
            [QrCode(d["qr"], qr_size)],
            [para("扫码核验回执真伪", "small_center")],
            [para(f"验证码 {d['short_code']}", "small_center")],
        ],
        colWidths=[qr_size + 4 * mm],
    )
    qr_box.setStyle(
        TableStyle(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    body = Table([[main, qr_box]], colWidths=[width - qr_size - 4 * mm, qr_size + 4 * mm])
    body.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    hotlines = "，".join(f"{name} {number}" for name, number in SUPERVISION_PHONES)
    return [
        para(f"{station['name']} 首问登记受理回执", "title"),
        para(f"（客户联）　{contact}" if contact else "（客户联）", "subtitle"),
        Spacer(1, 3 * mm),
        body,
        Spacer(1, 3 * mm),
        para(
            f"您的事项由首问责任人 {d['responder']} 负责到底：需要其他部门办理的，由其转办、督办，"
            "并在承诺时限内把结果告诉您，办结后还会回访。查询进度请报受理编号。",
            "small",
        ),
        para(f"如对办理情况不满意，可拨打监督电话：{hotlines}。", "small"),
        Spacer(1, 8 * mm),
        para("首问责任人签字：______________　　（供电所盖章）　　日期：______年____月____日"),
        Spacer(1, 2 * mm),
        para(f"打印时间 {d['printed_at']}　签发密钥 {d['key_fingerprint']}", "tiny"),
    ]


def render_receipt(data: dict, paper: str = "a4") -> bytes:
    """The PDF of :func:`receipt_data`: A4 stub + slip, or the customer slip alone on A5."""
    from reportlab.lib.pagesizes import A4, A5

    title = f"受理回执 {data['serial']}"
    author = data["station"]["name"]
    if paper == "a5":
        return build_single(_slip(data, A5[0] - 20 * mm), pagesize=A5, title=title, author=author)
    width = A4[0] - 24 * mm
    return build_two_part(
        _stub(data, width), _slip(data, width), top_height=80 * mm, title=title, author=author
    )


def build_receipt(serial: str, *, paper: str = "a4", now: datetime | None = None) -> bytes:
    """The receipt of one entry as PDF bytes (A4 two parts, or ``paper="a5"``: slip only)."""
    if paper not in PAPERS:
        raise RefusedError(f"纸张“{paper}”不支持：请选 a4（存根联+客户联）或 a5（仅客户联）。")
    return render_receipt(receipt_data(serial, now=now), paper)
