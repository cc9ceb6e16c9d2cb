"""Free text on public printouts (the wall register, the county's statistics): whatever a clerk
typed into 事由 or 办理结果, no ID number, phone, bank card, 户号 or house number survives.

Property tests: hypothesis writes the numbers inside Chinese sentences.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from firstask_desktop.domain.masking import id_check_digit, mask_free_text, mask_personal_text

# Words around the numbers: Chinese text and punctuation, never a digit (a digit next to a
# number would make it another number) nor a unit of a house number (15号, 3组: hidden too).
WORDS = st.text(
    alphabet="客户反映家中停电已经告知请核对电费我们办理了，。：、（）身份证银行卡", max_size=12
)


@st.composite
def id_numbers(draw) -> str:
    area = draw(st.sampled_from(["620102", "110105", "440304", "510107"]))
    year = draw(st.integers(1930, 2010))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    order = draw(st.integers(0, 999))
    first17 = f"{area}{year}{month:02d}{day:02d}{order:03d}"
    return first17 + id_check_digit(first17)


def _luhn_completed(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return digits + str((10 - total % 10) % 10)


@st.composite
def bank_cards(draw) -> str:
    length = draw(st.integers(16, 19))
    body = draw(st.text(alphabet="0123456789", min_size=length - 7, max_size=length - 7))
    card = _luhn_completed(draw(st.sampled_from(["622202", "621700", "436742"])) + body)
    if draw(st.booleans()):  # written in groups of four, as on the card
        card = " ".join(card[i : i + 4] for i in range(0, len(card), 4))
    return card


mobiles = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)
# A 户号 of eleven digits starting 13–19 cannot be told from a mobile number: it is masked as
# one (138****5678), tested above.
account_numbers = st.text(alphabet="0123456789", min_size=8, max_size=20).filter(
    lambda n: not (len(n) == 11 and n[0] == "1" and n[1] in "3456789")
)
house_numbers = st.builds(
    lambda village, group, number: (f"{village}村", f"{group}组{number}号"),
    st.sampled_from(["李家", "王家", "红柳沟", "金崖"]),
    st.integers(1, 30),
    st.integers(1, 300),
)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() or ch in "Xx")


@settings(max_examples=150, deadline=None)
@given(before=WORDS, after=WORDS, number=id_numbers())
def test_an_id_number_keeps_only_its_last_four(before, after, number):
    masked = mask_free_text(before + number + after)
    assert number not in masked and "*" * 14 + number[-4:] in masked


@settings(max_examples=150, deadline=None)
@given(before=WORDS, after=WORDS, card=bank_cards())
def test_a_bank_card_keeps_only_its_last_four(before, after, card):
    masked = mask_free_text(before + card + after)
    assert _digits(card)[:-4] not in _digits(masked)
    assert card not in masked


@settings(max_examples=150, deadline=None)
@given(before=WORDS, after=WORDS, phone=mobiles)
def test_a_mobile_number_is_masked_as_in_the_column(before, after, phone):
    masked = mask_free_text(before + phone + after)
    assert phone not in masked and phone[:3] + "****" + phone[7:] in masked


@settings(max_examples=150, deadline=None)
@given(before=WORDS, after=WORDS, number=account_numbers)
def test_a_long_number_such_as_a_huhao_keeps_only_its_last_four(before, after, number):
    masked = mask_free_text(before + "户号" + number + after)
    assert number not in masked and "*" * (len(number) - 4) + number[-4:] in masked


@settings(max_examples=150, deadline=None)
@given(before=WORDS, after=WORDS, address=house_numbers)
def test_an_address_keeps_the_village_and_hides_the_house(before, after, address):
    village, house = address
    masked = mask_free_text(before + "住" + village + house + after)
    assert village in masked and house not in masked


@settings(max_examples=100, deadline=None)
@given(
    before=WORDS,
    middle=WORDS,
    number=id_numbers(),
    phone=mobiles,
    address=house_numbers,
)
def test_everything_at_once_and_the_visitors_name(before, middle, number, phone, address):
    village, house = address
    text = f"{before}张三丰{number}{middle}电话{phone}，住{village}{house}"
    masked = mask_personal_text(text, "张三丰")
    for secret in ("张三丰", number, phone, house):
        assert secret not in masked


def test_amounts_dates_and_short_numbers_stay_readable():
    text = "2026年3月电费120元，已退还35.5元，3天内办结"
    assert mask_free_text(text) == text


def test_the_wall_register_and_the_statistics_hide_what_was_typed_into_free_text(people):
    """Break 11: the wall register masked names and phones but printed an ID number and a full
    address typed into 事由; the county's statistics print the reason of unresolved matters."""
    from reports_support import pdf_text, squeeze
    from support import T0

    from firstask_desktop.reports.register import build_register
    from firstask_desktop.reports.statistics import render_stats
    from firstask_desktop.services import entries as svc
    from firstask_desktop.services.month_stats import month_stats

    id_number = "620102199001011234"
    clerk = people["李娜"]
    typed = f"客户身份证{id_number}，住李家村3组15号，卡号6222 0200 1234 5678 901，户号0012345678"
    entry = svc.register_entry(
        clerk,
        channel="visit",
        category="business",
        visitor="张三丰",
        phone="13812345678",
        matter=typed,
        now=T0,
    )
    svc.mark_unresolved(clerk, entry.serial, typed, now=T0)
    register = squeeze(pdf_text(build_register("2026-03", now=T0)))
    stats = squeeze(pdf_text(render_stats(month_stats("2026-03", now=T0))))
    for printed in (register, stats):
        for secret in (id_number, "3组15号", "62220200", "00123456", "张三丰", "13812345678"):
            assert secret not in printed
    assert "李家村" in register and "1234" in register
