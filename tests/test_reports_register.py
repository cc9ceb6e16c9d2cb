"""The monthly wall register: every entry of the month, masked, on numbered landscape pages."""

import pytest
from reports_support import pdf_text, render_png, squeeze

from firstask_desktop.domain.masking import mask_name
from firstask_desktop.reports import pdf_page_count
from firstask_desktop.reports.layout import PrintCancelled
from firstask_desktop.reports.register import audit_head_at, build_register, register_data
from firstask_desktop.services.queries import month_range
from firstask_desktop.store.models import AuditEvent, Entry, Staff

MONTH = "2026-10"


@pytest.fixture
def month_entries(demo_store):
    start, end = month_range(MONTH)
    return list(Entry.select().where((Entry.received_at >= start) & (Entry.received_at < end)))


@pytest.fixture
def register_text(month_entries):
    data = build_register(MONTH)
    return data, pdf_text(data)


def test_every_entry_of_the_month_is_listed(month_entries, register_text):
    data, text = register_text
    flat = squeeze(text)
    assert len(month_entries) > 50
    for entry in month_entries:
        assert entry.serial in flat
    for word in (
        "城关供电所月度首问登记簿·2026年10月",
        "受理编号",
        "首问责任人",
        "回访/满意度",
        "办理结果",
        "接待情况",
        "制表人（签字）",
        "所长（签字）",
        "已作废",
    ):
        assert word in flat, word


def test_no_full_name_or_phone_of_the_month_appears(month_entries, register_text):
    _, text = register_text
    flat = squeeze(text)
    staff_names = {s.name for s in Staff.select()}
    checked_names = 0
    for entry in month_entries:
        digits = "".join(ch for ch in entry.phone if ch.isdigit())
        assert entry.phone not in flat, entry.serial
        assert digits not in flat.replace("-", ""), entry.serial
        # Staff names are printed on purpose as the responder; a visitor who shares one
        # cannot be told apart from it.
        if entry.visitor not in staff_names:
            assert entry.visitor not in flat, entry.serial
            checked_names += 1
        assert mask_name(entry.visitor).replace("·", "") in flat.replace("·", "")
    assert checked_names > 40


def test_phone_and_name_typed_in_the_matter_are_masked(demo_store):
    from firstask_desktop.services.entries import register_entry

    clerk = Staff.get(Staff.name == "李娜")
    register_entry(
        clerk,
        channel="来电",
        category="投诉",
        visitor="欧阳娜娜",
        phone="13512345678",
        address="甘肃省榆中县城关镇李家村3组15号",
        matter="欧阳娜娜反映邻居电话 13987654321 的线路私接，另可拨 0931-8123456",
        received_at=month_range("2026-11")[0].replace(day=3, hour=9),
    )
    text = squeeze(pdf_text(build_register("2026-11")))
    for secret in ("欧阳娜娜", "13512345678", "13987654321", "0931-8123456", "3组15号"):
        assert secret not in text, secret
    for shown in ("欧阳*", "135****5678", "139****4321", "李家村***"):
        assert shown in text, shown


def test_the_reception_column_carries_the_clerks_notes_masked(demo_store):
    from firstask_desktop.services.entries import register_entry

    register_entry(
        Staff.get(Staff.name == "李娜"),
        channel="来访",
        category="投诉",
        visitor="司马光明",
        phone="13512340000",
        matter="电压低",
        reception_notes="司马光明情绪激动，已安抚；其子电话 13911112222",
        received_at=month_range("2026-11")[0].replace(day=4, hour=9),
    )
    (row,) = [r for r in register_data("2026-11")["rows"] if r["visitor"] == "司马*"]
    assert row["reception"] == "司马*情绪激动，已安抚；其子电话 139****2222"
    text = squeeze(pdf_text(build_register("2026-11")))
    assert "接待情况" in text and "情绪激动" in text and "13911112222" not in text


def test_header_row_and_page_numbers_on_every_page(register_text):
    data, _ = register_text
    pages = pdf_page_count(data)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = squeeze(pdf_text(data, first=page, last=page))
        assert f"第{page}页共{pages}页" in text
        assert "受理编号" in text and "联系方式" in text and "2026年10月" in text


def test_footer_carries_the_audit_chain_head_of_the_month(demo_store, register_text):
    _, text = register_text
    seq, digest = audit_head_at(month_range(MONTH)[1])
    assert digest in squeeze(text) and f"第{seq}号事件" in squeeze(text)
    later = AuditEvent.select().where(AuditEvent.seq > seq).first()
    assert later is None or later.hash not in text


def test_progress_is_reported_and_cancel_stops(demo_store):
    seen = []
    build_register(MONTH, progress=lambda percent, message: seen.append((percent, message)))
    assert seen[-1][0] == 100 and any("页" in message for _, message in seen)
    assert [p for p, _ in seen] == sorted(p for p, _ in seen)
    with pytest.raises(PrintCancelled, match="已取消"):
        build_register(MONTH, cancelled=lambda: True)


def test_empty_month_still_prints_a_signed_page(demo_store):
    data = build_register("2030-01")
    text = squeeze(pdf_text(data))
    assert "本月没有登记" in text and "所长（签字）" in text
    assert register_data("2030-01")["rows"] == []


def test_page_one_renders(register_text, tmp_path):
    data, _ = register_text
    assert render_png(data, tmp_path).stat().st_size > 10_000
