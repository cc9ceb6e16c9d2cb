"""户号 and the edges of the name mask: what a public printout shows of them, by hand."""

from __future__ import annotations

import pytest

from firstask_desktop.domain.masking import mask_account_no, mask_name, mask_personal_text


@pytest.mark.parametrize(
    "account_no, shown",
    [
        ("0123456789", "******6789"),
        (" 0123456789 ", "******6789"),
        ("12345", "*2345"),
        ("1234", "****"),  # four digits or fewer: nothing of it shows
        ("123", "***"),
        ("", ""),
        (None, ""),
    ],
)
def test_an_account_number_shows_its_last_four_digits_only(account_no, shown):
    assert mask_account_no(account_no) == shown


def test_a_name_with_its_dot_after_one_character_keeps_that_character():
    assert mask_name("阿·买买提") == "阿·*"


def test_free_text_without_a_visitor_only_has_its_phones_masked():
    text = "电表型号DDZY-XXXX，回电13912345678"
    assert mask_personal_text(text) == "电表型号DDZY-XXXX，回电139****5678"


@pytest.mark.parametrize(
    "address, shown",
    [
        ("王家台子东头", "王家台***"),  # no unit to cut at, six characters: half of it
        ("李家3组15号", "李家***"),  # and never a digit of the house number
    ],
)
def test_an_address_without_a_unit_never_shows_whole(address, shown):
    from firstask_desktop.domain.masking import mask_address

    assert mask_address(address) == shown
