"""Printing: which documents this installation can build and building them; the month's
statistics."""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.domain import visibility

# --- printing (the printed documents are the core's reports; this only finds and calls them) ---

DOCUMENT_BUILDERS = {
    "receipt": ("firstask_desktop.reports.receipt", "build_receipt"),
    "notice": ("firstask_desktop.reports.notice", "build_notice"),
    "register": ("firstask_desktop.reports.register", "build_register"),
    "stats": ("firstask_desktop.reports.statistics", "build_stats"),
    "assessment": ("firstask_desktop.reports.assessment_sheet", "build_assessment"),
    "supervision": ("firstask_desktop.reports.supervision", "build_supervision"),
    "card": ("firstask_desktop.reports.wall_card", "build_card"),
}


def _builder(kind: str):
    import importlib

    module_name, function = DOCUMENT_BUILDERS[kind]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    return getattr(module, function, None)


def printable_kinds() -> list[str]:
    """The documents this build can print (each comes with the reports package). Looked up, not
    imported: ReportLab takes a quarter of a second to import, which the window's start need not
    wait for; the first print imports it."""
    from importlib.util import find_spec

    if find_spec("reportlab") is None:
        return []
    return [kind for kind, (module, _) in DOCUMENT_BUILDERS.items() if find_spec(module)]


def build_document(kind: str, key: str, progress=None, station: str = "") -> bytes:
    """The PDF bytes of a receipt/notice/督办单 (key: serial) or a register/statistics/月度考核表
    (key: month; at the county, ``station`` limits the statistics and the 考核表 to one)."""
    builder = _builder(kind)
    if builder is None:
        from firstask_desktop.domain.errors import RefusedError

        raise RefusedError("这个版本还不能打印这种单据：请安装完整版本。")
    if kind == "register" and progress is not None:
        return builder(key, lambda percent, message="": progress(int(percent), 100, message))
    if station and kind in ("stats", "assessment"):
        return builder(key, station=station)
    return builder(key)


def build_guide(language: str):
    """The user manual (``reports.guide.Guide``: the PDF and each chapter's first page)."""
    from firstask_desktop.reports.guide import render_guide

    return render_guide(language)


def month_stats(month: str, station: str = "") -> dict:
    from firstask_desktop.services.month_stats import month_stats as compute

    return compute(month, station=station or None)


def repeat_complainants(viewer=None, now: datetime | None = None) -> list[dict]:
    """Customers with 3 or more complaints in 90 days, masked unless ``viewer`` may see them."""
    from firstask_desktop.domain.masking import FIELD_MASKS
    from firstask_desktop.services.assessment import repeat_complainants as find

    rows = find(now)
    if not visibility.may_see_personal_data(viewer):
        rows = [
            r
            | {
                "key": FIELD_MASKS[r["kind"]](r["key"]),
                "visitor": FIELD_MASKS["visitor"](r["visitor"]),
            }
            for r in rows
        ]
    return rows
