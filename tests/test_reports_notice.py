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


def test_the_customer_slip_gives_a_number_to_call_or_none_at_all(people):
    from firstask_desktop.services import entries as svc
    from firstask_desktop.store.models import Department, Staff, Station

    # 李娜 has no phone of her own; 营业班 has none either.
    entry = svc.register_entry(
        people["李娜"],
        channel="来访",
        category="业务办理",
        visitor="张三",
        phone="13812345678",
        matter="新装用电",
        missing_documents=["户口本"],
    )
    assert not Staff.get(Staff.name == "李娜").phone
    Department.update(phone="").execute()
    Station.update(phone="").execute()
    text = squeeze(pdf_text(build_notice(entry.serial)))
    assert "李娜（）" not in text and "联系首问责任人李娜。" in text
    # Her department's number, when it has one, is the one to call.
    Department.update(phone="0931-5221299").execute()
    text = squeeze(pdf_text(build_notice(entry.serial)))
    assert "李娜（0931-5221299）" in text
