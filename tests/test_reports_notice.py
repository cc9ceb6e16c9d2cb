"""The one-time notice (一次性告知单) lists every missing document once."""

import json

import pytest
from reports_support import pdf_text, render_png, squeeze

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.reports import pdf_page_count
from firstask_desktop.reports.notice import build_notice
from firstask_desktop.store.models import Entry


def test_notice_lists_the_missing_documents(demo_store, tmp_path):
    entry = Entry.select().where(Entry.missing_documents != "[]").first()
    data = build_notice(entry.serial)
    text = squeeze(pdf_text(data))
    documents = json.loads(entry.missing_documents)
    for word in (
        "一次性告知单",
        "存根联",
        "客户联",
        entry.serial,
        entry.visitor,
        "客户签收",
        f"还需补交以下{len(documents)}项材料",
        *documents,
    ):
        assert word in text, word
    assert pdf_page_count(data) == 1
    assert render_png(data, tmp_path).stat().st_size > 1000


def test_notice_refused_without_documents(demo_store):
    entry = (
        Entry.select().where((Entry.missing_documents == "[]") & (Entry.status != "void")).first()
    )
    with pytest.raises(RefusedError, match="没有登记需要补交的材料"):
        build_notice(entry.serial)
