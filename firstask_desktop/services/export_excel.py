"""The register as an Excel workbook (``export excel``), for the head's own analysis.

- Masked unless the acting role may see personal data (permissions.py); exporting at all needs
  ``export_import``.
- Phone numbers, 户号 and serial numbers are text cells (format ``@``): Excel would otherwise
  drop a 户号's leading zeros and show a mobile number as 1.38E+10.
- A cell that Excel or LibreOffice could take for a formula (starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return) is prefixed with a single quote, as the OWASP guidance on
  CSV injection says: a customer who gives their name as ``=HYPERLINK(...)`` must not get a live
  link into the head's spreadsheet.
- Written with ``fileio.write_atomic`` and read back before it is reported as done.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from firstask_desktop.domain import permissions
from firstask_desktop.domain.errors import RefusedError, StorageError
from firstask_desktop.domain.visibility import mask_entry_dict
from firstask_desktop.domain.vocab import CATEGORIES, CHANNELS, STATUSES
from firstask_desktop.services.attachments import attachment_names
from firstask_desktop.services.queries import EntryFilter, entry_to_dict, list_entries, month_range
from firstask_desktop.services.station import require_station
from firstask_desktop.store import db
from firstask_desktop.store.disk_errors import translated
from firstask_desktop.store.fileio import write_atomic
from firstask_desktop.store.models import Entry

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_FORMAT = "@"
DATE_FORMAT = "yyyy-mm-dd hh:mm"

# (header, key in the entry dict or a callable, width in characters, kind)
COLUMNS = (
    ("受理编号", "serial", 20, "text"),
    ("受理时间", "received_at", 17, "date"),
    ("渠道", "channel", 9, "text"),
    ("类别", "category", 9, "text"),
    ("来访人姓名", "visitor", 12, "text"),
    ("单位", "unit", 18, "text"),
    ("地址", "address", 26, "text"),
    ("联系方式", "phone", 16, "text"),
    ("户号", "account_no", 14, "text"),
    ("事由", "matter", 40, "text"),
    ("首问责任人", "responder", 10, "text"),
    ("办理结果", "result", 40, "text"),
    ("接待情况", "reception_notes", 24, "text"),
    ("状态", "status", 11, "text"),
    ("承诺时限", "due_at", 17, "date"),
    ("答复时间", "replied_at", 17, "date"),
    ("未办结原因", "unresolved_reason", 24, "text"),
    ("95598工单号", "wo_number", 16, "text"),
    # Names only, never the files: a 客户证件 by its kind alone (attachments.attachment_names).
    ("附件", "attachments", 30, "text"),
)
BATCH = 500


@dataclass
class ExcelExport:
    path: Path
    rows: int
    masked: bool


def spreadsheet_text(value: str) -> str:
    """Text safe for a spreadsheet cell: never the start of a formula, no XML-illegal characters."""
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value or "")
    if text.lstrip(" ").startswith(FORMULA_STARTS):  # " =1+1" is a formula to some readers too
        return "'" + text
    return text


def _row_values(entry: Entry, masked: bool, attached: list[str]) -> list:
    data = entry_to_dict(entry)
    if masked:
        data = mask_entry_dict(data)
    # A file name may hold the customer's name (张三身份证.jpg): masked, the kinds alone.
    data["attachments"] = "、".join(name.split("：", 1)[0] if masked else name for name in attached)
    data["channel"] = CHANNELS.get(entry.channel, entry.channel)
    data["category"] = CATEGORIES.get(entry.category, entry.category)
    data["status"] = STATUSES.get(entry.status, entry.status)
    values = []
    for _header, key, _width, kind in COLUMNS:
        if kind == "date":
            values.append(getattr(entry, key))
        else:
            values.append(spreadsheet_text(str(data.get(key) or "")))
    return values


def _cell(sheet, value, kind: str, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if kind == "date":
        cell.number_format = DATE_FORMAT
    else:
        cell.number_format = TEXT_FORMAT
    if bold:
        cell.font = Font(bold=True)
    return cell


def _sheet_title(month: str) -> str:
    return f"首问登记簿 {month}" if month else "首问登记簿"


def export_register(actor, out: Path, *, month: str = "") -> ExcelExport:
    """Write the register (one month, or all) to ``out`` (.xlsx); returns what was written."""
    permissions.require(actor, "export_import")
    require_station()
    if month:
        month_range(month)  # refuse a bad month before touching the disk
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise RefusedError(f"导出文件“{out.name}”应以 .xlsx 结尾（Excel 工作簿）：请改一下文件名。")
    if not out.parent.is_dir():
        raise StorageError(
            f"导出 Excel 失败：找不到文件夹“{out.parent}”（U盘可能没有插好）。"
            "请插好U盘或选择其他文件夹后重试。",
            "gone",
        )
    masked = not permissions.can(actor, "see_personal_data")
    query = list_entries(EntryFilter(month=month))

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(month))
    for index, (_header, _key, width, _kind) in enumerate(COLUMNS):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_cell(sheet, header, "text", bold=True) for header, *_ in COLUMNS])
    rows = 0
    batch: list[Entry] = []
    entries = db.stream(query)
    while True:
        entry = next(entries, None)
        if entry is not None:
            batch.append(entry)
            if len(batch) < BATCH:
                continue
        names = attachment_names([e.id for e in batch])
        for item in batch:
            values = _row_values(item, masked, names.get(item.id, []))
            sheet.append(
                [_cell(sheet, v, kind) for v, (*_, kind) in zip(values, COLUMNS, strict=True)]
            )
        rows += len(batch)
        batch = []
        if entry is None:
            break
    # Zipped in memory first (a few MB even for years of entries), so that a full or pulled
    # stick fails in write_atomic alone and leaves no half-built workbook behind.
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomic(out, buffer.getvalue(), what="导出 Excel")
    _verify(out, rows)
    return ExcelExport(path=out, rows=rows, masked=masked)


def _verify(path: Path, rows: int) -> None:
    """Read the file back: a workbook with the header and every row, or it was not written."""
    with translated("核对导出的 Excel"):
        book = load_workbook(path, read_only=True)
        try:
            sheet = book.worksheets[0]
            found = sum(1 for _ in sheet.iter_rows(values_only=True))
            header = next(sheet.iter_rows(max_row=1, values_only=True), ())
        finally:
            book.close()
    if found != rows + 1 or tuple(header) != tuple(h for h, *_ in COLUMNS):
        raise StorageError(
            f"导出 Excel 失败：读回的文件“{path.name}”不完整（应有 {rows} 行，"
            f"读到 {max(found - 1, 0)} 行）。请换一个位置或U盘后重试。",
            "io",
        )


def default_file_name(month: str, now: datetime | None = None) -> str:
    code = require_station().code
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M")
    return f"首问登记簿-{code}-{month or '全部'}-{stamp}.xlsx"
