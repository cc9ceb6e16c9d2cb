"""Fines typed in 元 become integer fen without floats; who sees every responder's breaches."""

import pytest

from firstask_desktop.domain.errors import ValidationError
from firstask_desktop.services import assessment


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        ("200", 20000),
        ("200.5", 20050),
        ("200.50", 20050),
        ("0.01", 1),
        ("0.1", 10),
        ("0", 0),
        ("  300 元 ", 30000),
        ("２００．５", 20050),
        ("100000", 10_000_000),
        ("0.29", 29),  # float("0.29") * 100 is 28.999999999999996
    ],
)
def test_yuan_is_parsed_to_exact_fen(typed, fen):
    assert assessment.parse_yuan(typed) == fen
    assert isinstance(assessment.parse_yuan(typed), int)


@pytest.mark.parametrize(
    "typed", ["", "abc", "-1", "1e3", "200.555", "1,000", "100000.01", "200.", ".5", "nan"]
)
def test_anything_else_is_refused_with_the_field_named(typed):
    with pytest.raises(ValidationError) as refused:
        assessment.parse_yuan(typed)
    assert refused.value.field == "fine" and str(refused.value).startswith("罚款金额")


def test_the_head_and_administrators_see_everyone_others_their_own(people):
    sees = {name: assessment.sees_every_responder(person) for name, person in people.items()}
    assert sees == {"管理员": True, "王建国": True, "李娜": False, "张伟": False, "陈静": False}
    assert not assessment.sees_every_responder(None)
