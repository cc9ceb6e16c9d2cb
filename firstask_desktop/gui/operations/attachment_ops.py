"""The entry's attachments: the list with thumbnails, adding, removing, opening one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.gui.operations.routing import writes
from firstask_desktop.services import attachments as svc
from firstask_desktop.services.attachment_prep import prepare

THUMBNAIL = 100  # px, the longest side of a tile in the entry detail


def thumbnail(data: bytes, media_type: str, side: int = THUMBNAIL) -> QImage:
    """A small picture of a file: the photo, or a PDF's first page (QImage works off the GUI
    thread; a pixmap would not)."""
    if media_type == "application/pdf":
        pages = pdf_document(data)
        if pages.pageCount() < 1:
            return QImage()
        page = pages.pagePointSize(0)
        scale = side / max(page.width(), page.height(), 1)
        size = QSize(max(1, round(page.width() * scale)), max(1, round(page.height() * scale)))
        return pages.render(0, size)
    image = QImage.fromData(data)
    return image.scaled(
        side,
        side,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def pdf_document(data: bytes) -> QPdfDocument:
    """A PDF opened from memory; the buffer lives as long as the document."""
    document = QPdfDocument()
    holder = QByteArray(data)
    buffer = QBuffer(holder, document)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    document._bytes = holder  # kept alive with the document
    return document


def attachments(serial: str, actor) -> dict:
    """The entry's attachments as ``actor`` may see them, each visible one with a thumbnail,
    and whether ``actor`` may add or remove them."""
    items = svc.list_attachments(actor, serial)
    for item in items:
        item["thumbnail"] = None
        if item["visible"]:
            try:
                _info, data = svc.read_attachment(actor, serial, item["id"])
            except RefusedError:
                item["missing"] = True  # ``check`` names it; the tile says so
                continue
            item["thumbnail"] = thumbnail(data, item["media_type"])
    return {"items": items, "may_change": svc.may_change(actor, serial)}


def attachment_file(serial: str, attachment_id: str, actor) -> tuple[dict, bytes]:
    return svc.read_attachment(actor, serial, attachment_id)


def prepare_attachment(*, path: str = "", data: bytes = b"", file_name: str = ""):
    """A picked or dropped file (``path``) or a pasted image (``data``) made ready to keep, off
    the writing thread: re-encoding a photo takes about 0.4 s that no save should wait for."""
    if path:
        data = svc.read_picked(Path(path))
        file_name = Path(path).name
    return prepare(data, file_name)


@writes
def add_attachment(actor, serial: str, prepared, *, kind: str, note: str) -> dict:
    item = svc.keep_prepared(actor, serial, prepared, kind=kind, note=note)
    return {"id": item.uuid[:8], "file_name": item.file_name}


@writes
def remove_attachment(actor, serial: str, attachment_id: str, reason: str) -> None:
    svc.remove_attachment(actor, serial, attachment_id, reason)
