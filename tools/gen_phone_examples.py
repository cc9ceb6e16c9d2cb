"""Write tests/fixtures/cn-phone-examples.json: Chinese phone numbers and what libphonenumber's
data (the ``phonenumbers`` package) says about each, for tests/test_phone_examples.py.

The expected results are worked out here from libphonenumber alone (is the number valid, where
its area code ends), never with the app's own code, and kept fixed in the file: a newer
``phonenumbers`` that judges a number differently shows up as a failing row to look at, then
this script is run again.

Rows: libphonenumber's example numbers for CN in its national, international and E.164 forms;
its short-number examples and the five-digit service numbers 95500–95599 and 12300–12399 (the
register takes five-digit service numbers only: a 110 is nobody's call-back number, so shorter
ones are expected refused); every mobile block 130–199; and the landline area codes 010–029
and 0300–0999 with a 7- and an 8-digit local number.

Usage: python tools/gen_phone_examples.py [output.json]
"""

import json
import sys
from importlib.metadata import version
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberFormat, PhoneNumberType, shortnumberinfo

OUTPUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "cn-phone-examples.json"
# Customer phones the register takes (a premium-rate 168 line is nobody's call-back number).
TYPES = ("FIXED_LINE", "MOBILE", "TOLL_FREE", "SHARED_COST")


def canonical(number) -> str:
    """The register's spelling of a valid number: 0931-8123456, 13812345678, 4001234567."""
    national = str(number.national_number)
    area = phonenumbers.length_of_geographical_area_code(number)
    return f"0{national[:area]}-{national[area:]}" if area else national


def judged(typed: str, split_at: int = 0) -> dict:
    """A row for a typed number: "ok" with its canonical form, or "unverified" with the form
    it keeps (the clerk's own split, ``split_at`` digits of area code with its 0)."""
    number = phonenumbers.parse(typed, "CN")
    valid = phonenumbers.is_valid_number_for_region(number, "CN")
    # Typed as a landline, it must be one: 0400-5221234 is no area code, whatever a leading 0
    # before a 400 number would mean.
    if valid and split_at and not phonenumbers.length_of_geographical_area_code(number):
        valid = False
    if valid:
        return {"typed": typed, "verdict": "ok", "canonical": canonical(number)}
    digits = "".join(ch for ch in typed if ch.isdigit())
    kept = f"{digits[:split_at]}-{digits[split_at:]}" if split_at else digits
    return {"typed": typed, "verdict": "unverified", "canonical": kept}


def judged_short(typed: str) -> dict:
    if len(typed) != 5:
        return {"typed": typed, "verdict": "refused", "canonical": ""}
    valid = shortnumberinfo.is_valid_short_number_for_region(phonenumbers.parse(typed, "CN"), "CN")
    return {"typed": typed, "verdict": "ok" if valid else "unverified", "canonical": typed}


def rows() -> list[dict]:
    out = []
    for name in TYPES:
        number = phonenumbers.example_number_for_type("CN", getattr(PhoneNumberType, name))
        for form in (PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL):
            row = judged(phonenumbers.format_number(number, form))
            out.append(dict(row, source=f"example {name}"))
        row = judged(phonenumbers.format_number(number, PhoneNumberFormat.E164))
        out.append(dict(row, source=f"example {name}"))
    short = PhoneMetadata.short_metadata_for_region("CN")
    service = {}
    for name in ("emergency", "short_code", "toll_free", "standard_rate", "carrier_specific"):
        description = getattr(short, name, None)
        if description and description.example_number:
            service.setdefault(description.example_number, name)
    for n in (*range(95500, 95600), *range(12300, 12400)):
        service.setdefault(str(n), "service number")
    for typed, source in service.items():
        out.append(dict(judged_short(typed), source=source))
    for block in range(130, 200):
        typed = f"{block}12345678"
        out.append(dict(judged(typed), source="mobile block"))
    areas = [f"0{n}" for n in range(10, 30)] + [f"0{n}" for n in range(300, 1000)]
    for area in areas:
        for local in ("5221234", "52212345"):
            out.append(dict(judged(f"{area}-{local}", len(area)), source="area code"))
    return out


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    document = {
        "source": f"phonenumbers {version('phonenumbers')} (libphonenumber's data), region CN",
        "made_by": "tools/gen_phone_examples.py",
        "rows": rows(),
    }
    # One number a line, so that a newer phonenumbers' changes read as a short diff.
    head = json.dumps({k: v for k, v in document.items() if k != "rows"}, ensure_ascii=False)
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in document["rows"])
    target.write_text(f'{head[:-1]}, "rows": [\n{lines}\n]}}\n', encoding="utf-8")
    print(f"{target}: {len(document['rows'])} numbers")


if __name__ == "__main__":
    main()
