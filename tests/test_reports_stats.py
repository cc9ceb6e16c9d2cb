"""The monthly statistics PDF prints the figures of stats.month_stats and masks its lists."""

from datetime import datetime

from reports_support import pdf_text, render_png, squeeze

from firstask_desktop.reports.statistics import build_stats, pct
from firstask_desktop.services.month_stats import month_stats

NOW = datetime(2026, 11, 20, 16, 0)


def test_stats_pdf_carries_the_core_figures(demo_store):
    stats = month_stats("2026-10", NOW)
    data = build_stats("2026-10", now=NOW)
    text = squeeze(pdf_text(data))
    for word in (
        "城关供电所月度统计表",
        "2026年10月",
        "与上月对比",
        "各类别登记数",
        "受理渠道构成",
        "首问责任人",
        "超期事项",
        "未办结事项",
        "答复及时率",
        "回访及时率",
        "满意率",
        "95598转办",
        "业务办理",
    ):
        assert word in text, word
    assert pct(stats["reply"]["rate"]) in text
    assert pct(stats["follow_up"]["rate"]) in text
    assert pct(stats["satisfaction"]["rate"]) in text
    assert f"超期事项（{len(stats['overdue'])}件）" in text
    for person in stats["responders"]:
        assert person["name"] in text
    for row in stats["overdue"] + stats["unresolved"]:
        assert row["serial"] in text


def test_lists_show_masked_names_only(demo_store, tmp_path):
    from firstask_desktop.store.models import Entry

    stats = month_stats("2026-10", NOW)
    text = squeeze(pdf_text(build_stats("2026-10", now=NOW)))
    for row in stats["overdue"] + stats["unresolved"]:
        entry = Entry.get(Entry.serial == row["serial"])
        assert row["visitor"] in text
        assert entry.phone not in text


def test_stats_render_and_an_empty_month_prints(demo_store, tmp_path):
    assert render_png(build_stats("2026-10", now=NOW), tmp_path).stat().st_size > 10_000
    text = squeeze(pdf_text(build_stats("2030-01", now=NOW)))
    assert "本月没有登记" in text and "无超期事项" in text
