"""Helpers for the printing tests: read PDFs back as a person checking the printout would, with
PDFium (pypdfium2: the text where it is drawn, the fonts and what of them is embedded, the page
rendered to an image) and QR codes with ZXing (zxing-cpp). Both are wheels of the test extra, so
these tests need no program installed on the machine (no poppler, no zbar)."""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


def pdf_text(data: bytes, first: int | None = None, last: int | None = None) -> str:
    """The text of pages ``first``..``last`` (1-based, inclusive) in reading order: PDFium puts
    text drawn on one line on one line, separated by spaces where there is a gap."""
    document = pdfium.PdfDocument(data)
    try:
        start = (first or 1) - 1
        stop = last or len(document)
        pages = []
        for index in range(start, stop):
            page = document[index]
            text_page = page.get_textpage()
            pages.append(text_page.get_text_range().replace("\r\n", "\n"))
            text_page.close()
            page.close()
        return "\f".join(pages)
    finally:
        document.close()


def squeeze(text: str) -> str:
    """Text without whitespace: a word wrapped across two lines of a cell reads as one."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class PdfFont:
    name: str  # the base font name, without a subset's "ABCDEF+" tag
    embedded: bool
    # The size of the font program in the file (0 if not embedded): a subset's is a small part
    # of the whole font file's.
    program_bytes: int


def pdf_fonts(data: bytes) -> list[PdfFont]:
    """Every font that draws text on any page, once."""
    document = pdfium.PdfDocument(data)
    fonts: dict[str, PdfFont] = {}
    try:
        for page in document:
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=8):
                font = pdfium_c.FPDFTextObj_GetFont(obj.raw)
                length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
                buffer = ctypes.create_string_buffer(length)
                pdfium_c.FPDFFont_GetBaseFontName(font, buffer, length)
                name = buffer.value.decode("utf-8", "replace")
                if name in fonts:
                    continue
                size = ctypes.c_size_t(0)
                pdfium_c.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size))
                embedded = bool(pdfium_c.FPDFFont_GetIsEmbedded(font))
                fonts[name] = PdfFont(name, embedded, size.value if embedded else 0)
            page.close()
        return list(fonts.values())
    finally:
        document.close()


def render_png(data: bytes, folder: Path, dpi: int = 60, page: int = 1) -> Path:
    """Page ``page`` drawn as a picture, saved as ``folder/page.png`` (to look at, or to scan)."""
    document = pdfium.PdfDocument(data)
    try:
        drawn = document[page - 1]
        image = drawn.render(scale=dpi / 72).to_pil()
        drawn.close()
    finally:
        document.close()
    target = folder / "page.png"
    image.save(target)
    return target


def read_qr(png: Path) -> str:
    """The text of every QR code in the picture, one a line, as a scanner reads it."""
    import zxingcpp
    from PIL import Image

    with Image.open(png) as image:
        found = zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    return "\n".join(code.text for code in found)
