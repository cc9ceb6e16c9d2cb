"""The signed receipt (受理回执): its content, its QR code, and checking it."""

import json

import pytest
from reports_support import pdf_fonts, pdf_text, read_qr, render_png, squeeze

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.reports import pdf_page_count
from firstask_desktop.reports.receipt import build_receipt, receipt_data
from firstask_desktop.store import receipt_codes, storage
from firstask_desktop.store.models import Entry


@pytest.fixture
def with_docs(demo_store):
    """A demo entry with a one-time notice list."""
    return Entry.select().where(Entry.missing_documents != "[]").order_by(Entry.id).first()


def test_receipt_shows_what_the_visitor_needs(with_docs):
    entry = with_docs
    data = build_receipt(entry.serial)
    assert pdf_page_count(data) == 1
    text = squeeze(pdf_text(data))
    for word in (
        "城关供电所",
        "首问登记受理回执",
        "存根联",
        "客户联",
        entry.serial,
        entry.visitor,
        entry.phone,
        entry.responder.name,
        entry.responder.phone,
        "0931-5221234",
        "95598",
        "12398",
        "来访人签字",
        "首问责任人签字",
        "沿此虚线剪开",
        "答复办理结果",
        f"{entry.due_at:%Y-%m-%d%H:%M}前",
    ):
        assert word in text, word
    for document in json.loads(entry.missing_documents):
        assert document in text
    assert any("WenQuanYiMicroHei" in font.name and font.embedded for font in pdf_fonts(data))


def test_qr_code_scans_to_a_code_that_verifies(with_docs, tmp_path):
    data = receipt_data(with_docs.serial)
    png = render_png(build_receipt(with_docs.serial), tmp_path, dpi=150)
    scanned = read_qr(png)
    assert scanned == data["qr"] and scanned.isascii()
    check = receipt_codes.verify_code(scanned, storage.current_folder())
    assert check.genuine, check.message
    assert check.serial == with_docs.serial and check.responder == with_docs.responder.name
    assert "与登记簿一致" in check.message
    # The short code on the slip is the start of the same signature.
    assert data["short_code"] in pdf_text(build_receipt(with_docs.serial))


def _change_one_char_of_serial(code: str) -> str:
    prefix, serial, rest = code.split(".", 2)
    last = serial[-1]
    return ".".join([prefix, serial[:-1] + ("1" if last != "1" else "2"), rest])


def test_code_fails_when_one_character_changes(with_docs):
    folder = storage.current_folder()
    code = receipt_data(with_docs.serial)["qr"]
    forged = _change_one_char_of_serial(code)
    assert forged != code
    assert not receipt_codes.verify_code(forged, folder).genuine
    # Any other field changed, or the signature, fails too.
    parts = code.split(".")
    parts[3] = "praise" if parts[3] != "praise" else "consult"
    assert not receipt_codes.verify_code(".".join(parts), folder).genuine
    assert not receipt_codes.verify_code(
        code[:-2] + ("AA" if code[-2:] != "AA" else "BB"), folder
    ).genuine
    assert not receipt_codes.verify_code("hello", folder).genuine


def test_another_stations_key_is_not_trusted(with_docs):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    stranger = Ed25519PrivateKey.generate()
    code = receipt_codes.entry_code(with_docs, stranger)
    check = receipt_codes.verify_code(code, storage.current_folder())
    assert not check.genuine and "不是该所签发" in check.message


def test_register_change_after_printing_is_pointed_out(with_docs):
    code = receipt_data(with_docs.serial)["qr"]
    Entry.update(category="praise").where(Entry.id == with_docs.id).execute()
    check = receipt_codes.verify_code(code, storage.current_folder())
    assert check.genuine and "不一致" in check.message and "类别现为 表扬" in check.message


def test_short_code_checks_at_the_issuing_station(with_docs):
    folder = storage.current_folder()
    short = receipt_data(with_docs.serial)["short_code"]
    assert receipt_codes.verify_short_code(with_docs.serial, short.lower(), folder).genuine
    wrong = ("B" if short[0] != "B" else "C") + short[1:]
    assert not receipt_codes.verify_short_code(with_docs.serial, wrong, folder).genuine


def test_void_entry_has_no_receipt_and_a5_is_one_slip(demo_store):
    void = Entry.select().where(Entry.status == "void").first()
    with pytest.raises(RefusedError, match="已作废"):
        build_receipt(void.serial)
    live = Entry.select().where(Entry.status != "void").first()
    a5 = build_receipt(live.serial, paper="a5")
    text = pdf_text(a5)
    assert "客户联" in text and "存根联" not in text and pdf_page_count(a5) == 1
    with pytest.raises(RefusedError):
        build_receipt(live.serial, paper="letter")


def test_rare_name_prints_a_visible_mark(demo_store, tmp_path):
    from firstask_desktop.reports.pdf_fonts import missing_glyphs_in
    from firstask_desktop.services.entries import register_entry
    from firstask_desktop.store.models import Staff

    clerk = Staff.get(Staff.name == "李娜")
    rare = register_entry(
        clerk,
        channel="来访",
        category="咨询",
        visitor="𠮷祥",
        phone="13912345678",
        matter="咨询电价",
        result="已当面讲解",
    )
    assert missing_glyphs_in(receipt_data(rare.serial)) == ["𠮷"]
    data = build_receipt(rare.serial)
    assert "〓祥" in pdf_text(data)
    assert render_png(data, tmp_path).stat().st_size > 1000


def test_county_trusts_the_keys_registered_for_the_receipts_station(with_docs, monkeypatch):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from firstask_desktop.store import keys
    from firstask_desktop.store.trusted_keys import TrustedKey

    station_key = Ed25519PrivateKey.generate()
    code = receipt_codes.entry_code(with_docs, station_key)
    registry = {"GS0101": [TrustedKey(keys.public_bytes(station_key), None)]}
    monkeypatch.setattr(receipt_codes, "station_keys", lambda c: registry.get(c, []))
    assert receipt_codes.verify_code(code, storage.current_folder()).genuine
    # The same key registered for another station does not vouch for GS0101's receipts.
    registry = {"GS0202": [TrustedKey(keys.public_bytes(station_key), None)]}
    assert not receipt_codes.verify_code(code, storage.current_folder()).genuine


def test_the_printout_is_read_back_without_any_program_on_the_machine(
    with_docs, tmp_path, monkeypatch
):
    """The checks read PDFs and QR codes with the test extra's wheels, not with poppler's or
    zbar's programs: with no PATH and no program allowed to start, the receipt still reads
    back and its code still scans."""
    import subprocess

    def no_program(args, *rest, **options):
        raise AssertionError(f"the printing checks started a program: {args!r}")

    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(subprocess, "Popen", no_program)
    data = build_receipt(with_docs.serial)
    assert with_docs.serial in pdf_text(data)
    assert any(font.embedded for font in pdf_fonts(data))
    assert read_qr(render_png(data, tmp_path, dpi=150)) == receipt_data(with_docs.serial)["qr"]
