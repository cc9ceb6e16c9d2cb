"""Phone numbers against libphonenumber's own data: its example numbers for China, every mobile
block and the area codes, with what it says of each, fixed in tests/fixtures/cn-phone-examples.json
(made by tools/gen_phone_examples.py from the phonenumbers package alone, not from our code)."""

import json
from pathlib import Path

from firstask_desktop.domain.errors import ValidationError
from firstask_desktop.domain.validation import UnverifiedPhoneError, normalise_phone

EXAMPLES = Path(__file__).parent / "fixtures" / "cn-phone-examples.json"


def _verdict(typed: str) -> tuple[str, str]:
    try:
        return "ok", normalise_phone(typed)
    except UnverifiedPhoneError as error:
        return "unverified", error.canonical
    except ValidationError:
        return "refused", ""


def test_every_number_is_judged_as_libphonenumber_judges_it():
    rows = json.loads(EXAMPLES.read_text(encoding="utf-8"))["rows"]
    assert len(rows) > 1000
    disagree = [
        (row["typed"], row["verdict"], row["canonical"], *_verdict(row["typed"]))
        for row in rows
        if _verdict(row["typed"]) != (row["verdict"], row["canonical"])
    ]
    assert disagree == [], f"{len(disagree)} of {len(rows)} disagree: {disagree[:10]}"


def test_the_table_has_numbers_of_every_kind():
    rows = json.loads(EXAMPLES.read_text(encoding="utf-8"))["rows"]
    sources = {row["source"] for row in rows}
    for kind in ("example FIXED_LINE", "example MOBILE", "example TOLL_FREE", "mobile block"):
        assert kind in sources
    verdicts = {(row["source"], row["verdict"]) for row in rows}
    # Both outcomes occur among the mobile blocks and the area codes: the table can catch both
    # a number wrongly refused and one wrongly taken.
    for source in ("mobile block", "area code"):
        assert {(source, "ok"), (source, "unverified")} <= verdicts
