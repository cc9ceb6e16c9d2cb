"""Helpers for the printing tests: read PDFs back with poppler (pdftotext, pdffonts, pdftoppm)
and QR codes with zbarimg, as a person checking the printout would."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def _write(data: bytes, folder: Path, name: str = "doc.pdf") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def pdf_text(data: bytes, folder: Path, first: int | None = None, last: int | None = None) -> str:
    path = _write(data, folder)
    command = ["pdftotext", "-enc", "UTF-8"]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    return subprocess.run(
        command + [str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def squeeze(text: str) -> str:
    """Text without whitespace: a word wrapped across two lines of a cell reads as one."""
    return re.sub(r"\s+", "", text)


def pdf_fonts(data: bytes, folder: Path) -> str:
    path = _write(data, folder)
    return subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout


def render_png(data: bytes, folder: Path, dpi: int = 60, page: int = 1) -> Path:
    path = _write(data, folder)
    prefix = folder / "page"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(prefix),
        ],
        check=True,
        capture_output=True,
    )
    return prefix.with_suffix(".png")


def read_qr(png: Path) -> str:
    result = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    return result.stdout.strip()
