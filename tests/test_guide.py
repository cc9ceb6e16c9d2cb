"""用户手册 and 制度上墙卡: a chapter for every page of the window, every refusal message
explained, the card's time limits the station's own, fonts embedded, Chinese that reads back."""

from __future__ import annotations

import pytest
from refusal_scan import refusal_templates
from reports_support import pdf_fonts, pdf_text, squeeze
from support import PASSWORD

from firstask_desktop.cli.runner import run
from firstask_desktop.reports.guide import LANGUAGES, chapter_for_page, chapters, render_guide
from firstask_desktop.reports.refusal_catalogue import catalogue


@pytest.fixture(scope="module")
def guides() -> dict:
    return {language: render_guide(language) for language in LANGUAGES}


def _main_window_pages() -> tuple[str, ...]:
    from firstask_desktop.gui.main_window import COUNTY_PAGES

    return COUNTY_PAGES  # the station's pages, and the county's 总览 first


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_of_the_window_has_a_chapter_that_starts_on_a_known_page(guides, language):
    guide = guides[language]
    for page in _main_window_pages():
        key = chapter_for_page(page, language)
        assert key, f"no chapter of the {language} manual explains the page {page!r}"
        assert guide.page_for(page, language) == guide.chapter_pages[key] > 2  # after the contents


def test_both_languages_have_the_same_chapters():
    assert [(c.key, c.pages) for c in chapters("zh_CN")] == [
        (c.key, c.pages) for c in chapters("en")
    ]


def test_the_chapter_f1_opens_is_the_one_on_that_page(guides, tmp_path):
    guide = guides["zh_CN"]
    page = guide.page_for("sync")
    text = pdf_text(guide.data, first=page, last=page)
    assert "U盘同步" in text and "交换公钥" in text


def test_every_refusal_message_of_the_code_has_an_entry_and_no_entry_is_stale():
    in_code = refusal_templates()
    in_catalogue = catalogue().messages()
    missing = {text: places for text, places in in_code.items() if text not in in_catalogue}
    assert not missing, "refusal messages with no entry in resources/guide/refusals.toml:\n" + (
        "\n".join(f"  {places[0]}: {text}" for text, places in missing.items())
    )
    stale = [text for text in in_catalogue if text not in in_code]
    assert not stale, f"entries for messages the code no longer has: {stale}"
    assert len(in_catalogue) == len(set(in_catalogue)), "a message listed twice"
    for group in catalogue().groups:
        for problem in group.problems:
            assert problem.zh.strip() and problem.en.strip(), problem.messages[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_troubleshooting_chapter_prints_every_refusal_message(guides, language, tmp_path):
    guide = guides[language]
    start = guide.chapter_pages["troubleshooting"]
    text = squeeze(pdf_text(guide.data, first=start))
    for problem in (p for g in catalogue().groups for p in g.problems):
        for message in problem.messages:
            assert squeeze(message) in text, message
        assert squeeze(problem.advice(language)) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_manual_embeds_its_font_and_reads_back(guides, language, tmp_path):
    data = guides[language].data
    # Every font the text is drawn in is the bundled Chinese font, embedded.
    fonts = pdf_fonts(data)
    assert fonts and all("WenQuanYiMicroHei" in f.name and f.embedded for f in fonts), fonts
    text = squeeze(pdf_text(data))
    assert "95598" in text
    if language == "en":
        assert "Registeringawalk-invisitor" in text and "Page1of" in text
    else:
        assert "登记一位来访客户" in text and "第1页共" in text


@pytest.fixture
def edited_station(people):
    """The station with its complaint reply limit changed from 5 to 7 days by its administrator."""
    from firstask_desktop.services.rules import rule_rows, update_rule

    row = next(r for r in rule_rows() if r.category == "complaint" and r.clock == "reply")
    update_rule(people["管理员"], row.id, unit="calendar_days", amount=7)
    return people


def test_the_card_shows_the_station_rule_table_after_an_edit(edited_station, tmp_path):
    from firstask_desktop.reports.wall_card import card_data, limit_text, render_card
    from firstask_desktop.services.rules import rule_rows
    from firstask_desktop.services.station import require_station

    data = card_data()
    rows = dict(data["deadlines"])
    assert "答复客户：7日内" in rows["投诉"] and "答复客户：5日内" not in rows["投诉"]
    pdf = render_card(data)
    text = squeeze(pdf_text(pdf))
    area = require_station().area
    from firstask_desktop.domain.deadlines import CLOCK_LABELS

    own = [r for r in rule_rows() if r.area in ("*", area)]
    others = [r for r in rule_rows() if r.area not in ("*", area)]
    for rule in own:
        assert squeeze(f"{CLOCK_LABELS[rule.clock]}：{limit_text(rule)}") in text
    # A rural station promises the rural arrival time, not the town's 45 minutes.
    assert others and "到达现场：45分钟内" not in text
    assert "投诉" in text and "首次联系客户：1个工作日内；答复客户：7日内" in text


def test_the_card_is_one_page_with_the_hotlines_and_the_station_phone(people, tmp_path):
    from firstask_desktop.reports import pdf_page_count
    from firstask_desktop.reports.wall_card import card_data, render_card
    from firstask_desktop.services.station import require_station

    station = require_station()
    station.phone = "0931-5221234"
    station.save()
    pdf = render_card(card_data())
    assert pdf_page_count(pdf) == 1
    text = squeeze(pdf_text(pdf))
    assert "95598" in text and "12398" in text and "0931-5221234" in text
    assert "城关供电所" in text and "五步" in text


def test_print_guide_and_card_need_a_login_on_the_command_line(
    people, store, tmp_path, capsys, monkeypatch
):
    out = tmp_path / "卡.pdf"
    monkeypatch.delenv("FIRSTASK_USER", raising=False)
    assert run(["--data-dir", str(store), "print", "card", "--out", str(out)]) == 2
    assert "--as" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("FIRSTASK_PASSWORD", "wrong-password")
    assert run(["--data-dir", str(store), "--as", "李娜", "print", "card", "--out", str(out)]) == 2
    assert "密码不正确" in capsys.readouterr().err and not out.exists()

    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    code = run(["--data-dir", str(store), "--as", "李娜", "print", "card", "--out", str(out)])
    assert code == 0 and out.read_bytes().startswith(b"%PDF-")
    guide = tmp_path / "手册.pdf"
    args = ["print", "guide", "--lang", "en", "--out", str(guide)]
    assert run(["--data-dir", str(store), "--as", "李娜", *args]) == 0
    assert "User Guide" in pdf_text(guide.read_bytes(), first=1, last=1)
    args = ["print", "guide", "--lang", "fr", "--out", str(guide)]
    assert run(["--data-dir", str(store), "--as", "李娜", *args]) == 2
    assert "手册语言" in capsys.readouterr().err
