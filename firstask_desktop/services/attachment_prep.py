"""Getting a picked file ready to keep: photos re-encoded, PDFs checked, anything else refused.

A phone photo carries where it was taken (EXIF GPS) and is 12 MB; the register needs neither.
So every image is turned upright (``exif_transpose``), shrunk to at most 2,000 px on its longest
side and saved as a JPEG without any EXIF: a 12 MB photo becomes about half a megabyte. A PDF
(a scanner's output) is kept byte for byte once it opens as a PDF. HEIC is read only where the
optional ``pillow-heif`` is installed; without it a HEIC file is refused with what to do.
"""

from __future__ import annotations

import contextlib
import io
import unicodedata
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from firstask_desktop.domain.errors import RefusedError

MAX_SIDE = 2000
MAX_BYTES = 20 * 1024 * 1024  # after re-encoding: what is kept and carried to the county
MAX_INPUT = 200 * 1024 * 1024  # what is read at all (a scanner's TIFF can be large)
JPEG_QUALITY = 85
MAX_PIXELS = 150_000_000  # a decompression bomb stops here, not in the PC's memory
# What an image may take in memory once decoded (after a JPEG's draft: its 1/2, 1/4 …): a PNG
# or TIFF is decoded whole, and turning it upright and onto white copies it twice more. A
# 600 KB PNG of 12,000 × 12,000 transparent pixels took 1.8 GB and 11 s; an A4 page scanned
# at 600 dpi in colour is 105 MB.
MAX_DECODED = 192 * 1024 * 1024
BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "LA": 2, "I;16": 2, "RGB": 3, "YCbCr": 3, "LAB": 3}

with contextlib.suppress(ImportError):  # optional: HEIC photos from iPhones
    from pillow_heif import register_heif_opener

    register_heif_opener()


@dataclass
class Prepared:
    data: bytes
    media_type: str  # image/jpeg | application/pdf
    file_name: str  # the name to show: the picked name, .jpg for a re-encoded image


def prepare(data: bytes, name: str) -> Prepared:
    """``data`` (the picked file's bytes) as it will be kept; refuses what cannot be kept."""
    name = shown_name(name)
    if len(data) > MAX_INPUT:
        raise RefusedError(
            f"文件“{name}”太大（{len(data) / 1024 / 1024:.0f} MB）：请先用扫描仪或手机缩小后再添加。"
        )
    if not data:
        raise RefusedError(f"文件“{name}”是空的（0 字节）：请重新拷贝或重新扫描后再添加。")
    if data.startswith(b"%PDF-"):
        return _pdf(data, name)
    return _image(data, name)


def shown_name(name: str) -> str:
    """The picked file's name as kept: without the characters that cannot be seen (controls,
    and the marks that turn text around, so 发票, U+202E, gpj.exe is not shown as 发票exe.jpg),
    at most 200 characters (its end, where the type is). The county refuses a record holding
    such characters; kept as picked, one name stopped every later file of the station."""
    visible = "".join(ch for ch in name or "" if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    return visible.strip()[-200:] or "附件"


def _pdf(data: bytes, name: str) -> Prepared:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        pages = len(PdfReader(io.BytesIO(data)).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        # PyPdfError, not only PdfReadError: a page tree 3,000 deep is pypdf's LimitReachedError,
        # which stopped the add with an internal error.
        pages = 0
    if pages < 1:
        raise RefusedError(f"文件“{name}”是损坏的 PDF，打不开：请重新扫描或重新导出后再添加。")
    _check_size(len(data), name)
    return Prepared(data, "application/pdf", name)


def _image(data: bytes, name: str) -> Prepared:
    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > MAX_PIXELS:
                raise RefusedError(f"文件“{name}”的像素多得不合理：请先缩小后再添加。")
            longest = max(opened.size)
            if longest > MAX_SIDE:
                # A JPEG decodes at 1/2, 1/4 … of its size directly: a 12 MB photo in a
                # fraction of the time of decoding all of it and shrinking afterwards.
                opened.draft("RGB", tuple(v * MAX_SIDE // longest for v in opened.size))
            decoded = opened.width * opened.height * BYTES_PER_PIXEL.get(opened.mode, 4)
            if decoded > MAX_DECODED:
                raise RefusedError(f"文件“{name}”的像素多得不合理：请先缩小后再添加。")
            opened.load()
            upright = ImageOps.exif_transpose(opened)
    except UnidentifiedImageError:
        if name.lower().endswith((".heic", ".heif")):
            raise RefusedError(
                f"文件“{name}”是苹果手机的 HEIC 照片，本机读不了：请在手机上改存为 JPEG 后再添加。"
            ) from None
        raise RefusedError(
            f"文件“{name}”不是能识别的图片或 PDF：只能添加照片（JPEG、PNG 等）和 PDF 文件。"
        ) from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise RefusedError(
            f"文件“{name}”已损坏，无法读出图片：请重新拷贝或重新拍照后再添加。"
        ) from None
    upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # Saved without exif=: nothing of the original's EXIF (GPS, phone model, time) is kept.
    _rgb(upright).save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    encoded = out.getvalue()
    _check_size(len(encoded), name)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return Prepared(encoded, "image/jpeg", f"{stem}.jpg")


def _rgb(image: Image.Image) -> Image.Image:
    """JPEG has no transparency: a transparent PNG goes onto white, like paper."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return image if image.mode in ("RGB", "L") else image.convert("RGB")


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise RefusedError(
            f"文件“{name}”有 {size / 1024 / 1024:.1f} MB，超过附件上限 {MAX_BYTES // 1024 // 1024} MB：请分成几份扫描，或降低扫描分辨率后再添加。"
        )
