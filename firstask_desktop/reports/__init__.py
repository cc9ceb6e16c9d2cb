"""Printed documents (ReportLab, no Qt): each built from plain data into PDF bytes.

``receipt.build_receipt(serial)``, ``register.build_register(month, progress, cancelled)``,
``statistics.build_stats(month)``, ``notice.build_notice(serial)`` return the bytes; the GUI
previews them, and :func:`save_pdf` writes them to a file that leaves the PC.
"""

from __future__ import annotations

import io
from pathlib import Path

from firstask_desktop.store.fileio import write_atomic


class PdfCheckFailed(OSError):
    """What was read back is not the PDF that was written (a bad stick, a full disk)."""


def pdf_page_count(data: bytes) -> int:
    """Open ``data`` with pypdf (an independent reader) and count its pages."""
    from pypdf import PdfReader  # imported here: only saving and tests need it

    return len(PdfReader(io.BytesIO(data)).pages)


def save_pdf(data: bytes, path: str | Path) -> int:
    """Write the PDF atomically, read it back and check it; returns the number of pages."""
    if not data.startswith(b"%PDF-"):
        raise ValueError("not PDF data")
    target = write_atomic(Path(path), data, what=f"保存打印文件“{Path(path).name}”")
    written = target.read_bytes()
    if written != data:
        raise PdfCheckFailed(
            f"写入后读回的内容与生成的不一致：{target}。请换一个位置或U盘重新保存。"
        )
    try:
        return pdf_page_count(written)
    except Exception as err:  # noqa: BLE001 - any parser complaint means the file is unusable
        raise PdfCheckFailed(f"写入的PDF无法打开（{err}）：{target}。请重新保存。") from err
