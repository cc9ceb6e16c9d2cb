"""The bundled print font: present with its licence, embedded, extractable, and honest about
the characters it lacks."""

from reportlab.lib.pagesizes import A5
from reports_support import pdf_fonts, pdf_text, squeeze

from firstask_desktop.reports.layout import wrap_lines
from firstask_desktop.reports.pdf_fonts import (
    FONT_FILE,
    MISSING_MARK,
    glyph_warning,
    missing_glyphs,
    missing_glyphs_in,
    printable,
)
from firstask_desktop.reports.slips import build_single
from firstask_desktop.store import config


def test_font_is_bundled_with_its_licence():
    fonts = config.resources_dir() / "fonts"
    assert (fonts / FONT_FILE).stat().st_size > 1_000_000
    licence = (fonts / "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence and "WenQuanYi" in licence


def test_rare_characters_are_reported_and_common_ones_are_not():
    assert missing_glyphs("𠮷祥 张三 Zhang 138") == ["𠮷"]
    assert missing_glyphs("𪚥𠮷𪚥") == ["𪚥", "𠮷"]
    assert missing_glyphs("阿依古丽·买买提，欧阳娜娜，0931-5221234") == []
    assert missing_glyphs_in({"a": ["x", {"b": "𠮷"}], "c": 3}) == ["𠮷"]
    assert printable("𠮷祥") == MISSING_MARK + "祥"
    warning = glyph_warning(["𠮷"])
    assert "𠮷" in warning and "U+20BB7" in warning and MISSING_MARK in warning
    assert glyph_warning([]) == ""


def test_mixed_chinese_latin_digits_are_embedded_and_extractable():
    from firstask_desktop.reports.layout import para

    data = build_single(
        [para("申请增容至 20 kW，光伏 inverter 型号 SUN2000-5KTL，电话 95598")],
        pagesize=A5,
        title="t",
    )
    # Every font drawing text is the bundled one, embedded as a subset: the font program in the
    # file is a small part of the font file (the reader's PC needs no Chinese font).
    fonts = pdf_fonts(data)
    whole = (config.resources_dir() / "fonts" / FONT_FILE).stat().st_size
    assert fonts and all("WenQuanYiMicroHei" in font.name for font in fonts), fonts
    assert all(font.embedded and 0 < font.program_bytes < whole / 20 for font in fonts), fonts
    # Extractable (a ToUnicode map): the words read back as typed.
    text = squeeze(pdf_text(data))
    assert "申请增容至20kW，光伏inverter型号SUN2000-5KTL，电话95598" in text


def test_table_cells_wrap_chinese_and_keep_latin_words_whole():
    lines = wrap_lines("客户申请办理 photovoltaic 并网，户号 1234567890", 80, 9).split("\n")
    assert any(line.split()[0] == "photovoltaic" for line in lines)
    assert "".join(lines).replace(" ", "") == "客户申请办理photovoltaic并网，户号1234567890"
    assert wrap_lines("一二三四五六七八九十" * 5, 40, 9, max_lines=2).count("\n") == 1
    # A mask's stars stay with the character they follow.
    assert not any(
        line.startswith("*") for line in wrap_lines("榆中县城关镇红柳沟村***", 50, 7.5).split("\n")
    )
