"""The monthly statistics PDF prints the month's figures and masks its lists.

The figures are checked on a month built entry by entry (test_stats.py's March), written here
by hand: the PDF is not checked against the function that computes them.
"""

from datetime import datetime

from reports_support import pdf_text, render_png, squeeze
from test_stats import NOW as MARCH_NOW
from test_stats import march  # noqa: F401 - fixture

from firstask_desktop.reports.statistics import build_stats
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
    assert f"超期事项（{len(stats['overdue'])}件）" in text


def test_the_figures_of_a_known_month(march, tmp_path):  # noqa: F811 - the fixture above
    text = squeeze(pdf_text(build_stats("2026-03", now=MARCH_NOW)))
    # Six live entries (test_stats.py): replies 2 on time of 6 (E5 escalated is not answered,
    # E6 reopened), follow-ups 2 of 3, satisfied or basic 2 of 3.
    assert "登记数（不含作废）61+5" in text  # March 6, February 1
    assert "答复及时率33.3%" in text
    assert "回访及时率66.7%" in text
    assert "满意率（满意+基本满意）66.7%" in text
    assert "当前超期41+3" in text
    for serial in (march["e2"], march["e4"], march["e5"], march["e6"]):
        assert serial in text  # the four overdue matters, by number
    assert "超期事项（4件）" in text
    assert "钱*" in text and "钱多多" not in text and "13812345678" not in text
    for name in ("李娜", "张伟"):
        assert name in text


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
