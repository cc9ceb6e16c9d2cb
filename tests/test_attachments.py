"""附件: files kept with the entry — re-encoded, hashed, audited, checked, masked, backed up."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image
from support import T0

from firstask_desktop.domain.errors import NotAllowedError, RefusedError, ValidationError
from firstask_desktop.services import attachment_prep
from firstask_desktop.services import entries as svc
from firstask_desktop.services.attachments import (
    add_attachment,
    attachment_names,
    list_attachments,
    read_attachment,
    remove_attachment,
)
from firstask_desktop.store import attachment_files
from firstask_desktop.store.integrity import check_database
from firstask_desktop.store.models import Attachment, AuditEvent

GPS = 0x8825
ORIENTATION = 0x0112


def photo(size=(4000, 3000), *, orientation=1, fmt="JPEG", mode="RGB", noise=False) -> bytes:
    """A phone photo: EXIF with a GPS position (a village in 榆中县) and an orientation."""
    image = Image.new(mode, size, (200, 60, 30) if mode == "RGB" else (200, 60, 30, 128))
    if noise:  # random pixels do not compress: the size of a real 12 MB photo
        image = Image.frombytes("RGB", size, __import__("os").urandom(size[0] * size[1] * 3))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Phone maker"
    exif[GPS] = {1: "N", 2: (35.0, 50.0, 30.0), 3: "E", 4: (104.0, 7.0, 12.0)}
    out = io.BytesIO()
    image.save(out, fmt, exif=exif, quality=95)
    return out.getvalue()


def a_pdf(pages: int = 2) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    for n in range(pages):
        c.drawString(72, 720, f"letter page {n + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


def _entry(owner, **extra):
    fields = dict(
        channel="letter",
        category="complaint",
        visitor="张山",
        phone="13812345678",
        matter="来信反映电压低",
        now=T0,
    )
    fields.update(extra)
    return svc.register_entry(owner, **fields)


def _kept(store, item) -> Image.Image:
    return Image.open(attachment_files.path_for(store, item.sha256))


def test_a_phone_photo_is_turned_upright_shrunk_and_loses_its_location(store, people):
    entry = _entry(people["李娜"])
    original = photo((4000, 3000), orientation=6)  # taken holding the phone upright
    item = add_attachment(
        people["李娜"], entry.serial, original, file_name="IMG_0001.JPG", kind="现场照片", now=T0
    )
    kept = _kept(store, item)
    assert kept.format == "JPEG" and kept.size == (1500, 2000)  # rotated, longest side 2,000
    exif = kept.getexif()
    assert GPS not in exif and ORIENTATION not in exif and 0x010F not in exif
    assert b"Phone maker" not in attachment_files.path_for(store, item.sha256).read_bytes()
    assert (item.kind, item.media_type, item.file_name) == ("photo", "image/jpeg", "IMG_0001.jpg")
    assert item.size < len(original)


def test_png_with_transparency_and_webp_become_jpeg_on_white(store, people):
    entry = _entry(people["李娜"])
    png = photo((300, 200), fmt="PNG", mode="RGBA")
    item = add_attachment(people["李娜"], entry.serial, png, file_name="扫描.png", kind="other")
    kept = _kept(store, item).convert("RGB")
    assert kept.size == (300, 200) and item.file_name == "扫描.jpg"
    assert kept.getpixel((10, 10))[0] > 200  # half-transparent red on white paper: light
    webp = photo((640, 480), fmt="WEBP")
    item = add_attachment(
        people["李娜"], entry.serial, webp, file_name="微信图片.webp", kind="photo"
    )
    assert _kept(store, item).size == (640, 480) and item.media_type == "image/jpeg"


def test_a_pdf_is_kept_byte_for_byte(store, people):
    entry = _entry(people["李娜"])
    letter = a_pdf()
    item = add_attachment(
        people["李娜"], entry.serial, letter, file_name="来信.pdf", kind="letter", note="原件已归档"
    )
    assert attachment_files.path_for(store, item.sha256).read_bytes() == letter
    assert (item.media_type, item.note, item.kind) == ("application/pdf", "原件已归档", "letter")
    # The same file again is one file on disk, two attachments.
    again = add_attachment(people["李娜"], entry.serial, letter, file_name="b.pdf", kind="other")
    assert again.sha256 == item.sha256 and Attachment.select().count() == 2


def _deep_pdf(depth: int) -> bytes:
    """A PDF whose page tree nests ``depth`` levels deep before its one page."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    objects += [f"<< /Type /Pages /Kids [{n + 3} 0 R] /Count 1 >>" for n in range(depth)]
    objects.append("<< /Type /Page >>")
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out + trailer.encode()


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"PK\x03\x04 a word document", "申请.docx", "不是能识别的图片或 PDF"),
        (b"%PDF-1.7\n garbage that is no pdf", "扫描.pdf", "是损坏的 PDF"),
        (_deep_pdf(3000), "深.pdf", "是损坏的 PDF"),
        (photo((400, 300), noise=True)[:3000], "cut.jpg", "已损坏"),
        (b"", "empty.jpg", "是空的"),
        (b"\x00\x00\x00\x18ftypheic" + b"\x00" * 100, "IMG_1.HEIC", "HEIC"),
    ],
)
def test_unknown_damaged_and_empty_files_are_refused_in_chinese(store, people, data, name, words):
    entry = _entry(people["李娜"])
    with pytest.raises(RefusedError, match=words) as refused:
        add_attachment(people["李娜"], entry.serial, data, file_name=name, kind="other")
    assert name in str(refused.value)
    assert Attachment.select().count() == 0 and not attachment_files.store_dir(store).exists()


def _blank_png(width: int, height: int) -> bytes:
    """A PNG of transparent pixels, written row by row: a few hundred kilobytes on disk however
    much it takes once decoded (this test keeps none of it in memory)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    packer, row, idat = zlib.compressobj(9), b"\0" * (1 + 4 * width), []
    for _ in range(height):
        idat.append(packer.compress(row))
    idat.append(packer.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", b"".join(idat))
        + (chunk(b"IEND", b""))
    )


def test_a_small_png_that_decodes_to_hundreds_of_megabytes_is_refused(store, people):
    # 8,000 × 8,000 transparent pixels: under the pixel limit, 256 MB decoded, about three
    # times that while it is turned upright and put onto white; the file itself is small.
    entry = _entry(people["李娜"])
    bomb = _blank_png(8000, 8000)
    assert len(bomb) < 1024 * 1024
    with pytest.raises(RefusedError, match="像素多得不合理"):
        add_attachment(people["李娜"], entry.serial, bomb, file_name="图.png", kind="photo")
    assert Attachment.select().count() == 0
    # A phone's photo of as many pixels is a JPEG, read at a fraction of its size: kept.
    assert (
        add_attachment(
            people["李娜"], entry.serial, photo((8000, 6000)), file_name="杆.jpg", kind="photo"
        ).media_type
        == "image/jpeg"
    )


def test_a_path_longer_than_the_system_takes_is_no_such_file(tmp_path):
    from firstask_desktop.services.attachments import read_picked

    with pytest.raises(RefusedError, match="找不到文件") as refused:
        read_picked(tmp_path / ("照" * 5000 + ".jpg"))
    assert len(str(refused.value)) < 300  # the path's end, not 5,000 characters of it


def test_a_file_over_the_limit_after_re_encoding_is_refused(store, people, monkeypatch):
    entry = _entry(people["李娜"])
    letter = a_pdf(3)
    monkeypatch.setattr(attachment_prep, "MAX_BYTES", len(letter) - 1)
    with pytest.raises(RefusedError, match="超过附件上限"):
        add_attachment(people["李娜"], entry.serial, letter, file_name="大.pdf", kind="letter")
    assert Attachment.select().count() == 0


def test_a_kind_outside_the_list_is_refused(people):
    entry = _entry(people["李娜"])
    with pytest.raises(ValidationError):
        add_attachment(people["李娜"], entry.serial, a_pdf(), file_name="x.pdf", kind="发票")


def test_only_who_may_edit_the_entry_adds_or_removes(people):
    entry = _entry(people["李娜"])
    with pytest.raises(NotAllowedError, match="可以添加或删除"):
        add_attachment(people["张伟"], entry.serial, a_pdf(), file_name="x.pdf", kind="letter")
    item = add_attachment(people["王建国"], entry.serial, a_pdf(), file_name="x.pdf", kind="letter")
    with pytest.raises(NotAllowedError):
        remove_attachment(people["张伟"], entry.serial, item.uuid[:8], "传错了")
    svc.void_entry(people["李娜"], entry.serial, "重复登记", now=T0)
    with pytest.raises(RefusedError, match="已作废"):
        add_attachment(people["李娜"], entry.serial, a_pdf(), file_name="y.pdf", kind="letter")


def test_adding_and_removing_are_audited_with_the_hash_and_check_stays_green(store, people):
    entry = _entry(people["李娜"])
    item = add_attachment(people["李娜"], entry.serial, a_pdf(), file_name="信.pdf", kind="letter")
    event = AuditEvent.get(AuditEvent.action == "attach")
    assert json.loads(event.after)["sha256"] == item.sha256
    assert check_database() == []
    removed = remove_attachment(people["李娜"], entry.serial, item.uuid[:8], "传错了文件")
    event = AuditEvent.get(AuditEvent.action == "detach")
    assert json.loads(event.after)["remove_reason"] == "传错了文件"
    assert removed.removed_by_id == people["李娜"].id
    # Kept until the next backup has copied it; no longer listed.
    assert attachment_files.path_for(store, item.sha256).is_file()
    assert list_attachments(people["李娜"], entry.serial) == []
    assert len(list_attachments(people["李娜"], entry.serial, include_removed=True)) == 1
    with pytest.raises(RefusedError, match="已经删除过了"):
        remove_attachment(people["李娜"], entry.serial, item.uuid[:8], "再删")
    assert check_database() == []


def test_check_names_a_swapped_file_and_a_missing_one(store, people):
    entry = _entry(people["李娜"])
    letter = add_attachment(
        people["李娜"], entry.serial, a_pdf(), file_name="信.pdf", kind="letter"
    )
    shot = add_attachment(
        people["李娜"], entry.serial, photo((800, 600)), file_name="杆.jpg", kind="photo"
    )
    # Someone replaces the letter with another PDF under the same name, and deletes the photo.
    attachment_files.path_for(store, letter.sha256).write_bytes(a_pdf(5))
    attachment_files.path_for(store, shot.sha256).unlink()
    problems = check_database()
    assert any(letter.uuid[:8] in p and "校验值不符" in p for p in problems), problems
    assert any(shot.uuid[:8] in p and "不见了" in p for p in problems), problems
    assert all(entry.serial in p for p in problems)
    with pytest.raises(RefusedError, match="不见了或已损坏"):
        read_attachment(people["李娜"], entry.serial, letter.uuid[:8])


def test_customer_papers_are_shown_only_to_who_sees_the_customer_unmasked(store, people):
    entry = _entry(people["李娜"])
    card = add_attachment(
        people["李娜"], entry.serial, photo((856, 540)), file_name="身份证.jpg", kind="客户证件"
    )
    letter = add_attachment(
        people["李娜"], entry.serial, a_pdf(), file_name="张山来信.pdf", kind="letter"
    )
    add_attachment(
        people["李娜"], entry.serial, photo((640, 480)), file_name="杆.jpg", kind="photo"
    )
    for who, sees in (("李娜", True), ("陈静", True), ("王建国", True), ("张伟", False)):
        listed = {a["kind"]: a for a in list_attachments(people[who], entry.serial)}
        assert listed["id_document"]["visible"] is sees
        assert (listed["id_document"]["file_name"] == "身份证.jpg") is sees
        # A letter carries the customer's name, address and phone as much as an ID does.
        assert listed["letter"]["visible"] is sees
        assert (listed["letter"]["file_name"] == "张山来信.pdf") is sees
        assert listed["photo"]["visible"]  # the site: for everyone on the matter
    with pytest.raises(NotAllowedError):
        read_attachment(people["张伟"], entry.serial, letter.uuid[:8])
    with pytest.raises(NotAllowedError, match="客户证件"):
        read_attachment(people["张伟"], entry.serial, card.uuid[:8])
    info, data = read_attachment(people["陈静"], entry.serial, card.uuid[:8])
    assert Image.open(io.BytesIO(data)).size == (856, 540) and info["kind_label"] == "客户证件"
    # The Excel export lists names only, and a 客户证件 by its kind alone.
    assert attachment_names([entry.id]) == {
        entry.id: ["客户证件", "来信原件：张山来信.pdf", "现场照片：杆.jpg"]
    }


def test_a_twelve_megabyte_photo_is_kept_at_about_half_a_megabyte(store, people):
    entry = _entry(people["李娜"])
    big = photo((4000, 3000), noise=True)
    assert len(big) > 8 * 1024 * 1024
    item = add_attachment(people["李娜"], entry.serial, big, file_name="p.jpg", kind="photo")
    assert item.size < len(big) / 4


def _pool_files(store) -> set[str]:
    return {p.name for p in (store / "backups" / "attachments").glob("*/*")}


def test_backups_copy_each_file_once_and_a_restore_brings_them_back(store, people):
    import shutil
    from datetime import timedelta

    from firstask_desktop.services import backup

    entry = _entry(people["李娜"])
    pdf = a_pdf()
    letter = add_attachment(people["李娜"], entry.serial, pdf, file_name="信.pdf", kind="letter")
    first = backup.make_backup(store, now=T0)
    assert _pool_files(store) == {letter.sha256}
    copied_at = (store / "backups" / "attachments" / letter.sha256[:2] / letter.sha256).stat()
    shot = add_attachment(
        people["李娜"], entry.serial, photo((800, 600)), file_name="杆.jpg", kind="photo"
    )
    backup.make_backup(store, now=T0 + timedelta(minutes=1))
    assert _pool_files(store) == {letter.sha256, shot.sha256}
    # Incremental: the letter was not copied again.
    again = (store / "backups" / "attachments" / letter.sha256[:2] / letter.sha256).stat()
    assert again.st_mtime_ns == copied_at.st_mtime_ns and again.st_ino == copied_at.st_ino

    shutil.rmtree(attachment_files.store_dir(store))  # the disk lost the files
    assert len(check_database()) == 2
    report = backup.restore(store, first, actor=people["管理员"], now=T0 + timedelta(hours=1))
    assert report.problems == []
    assert attachment_files.read(store, letter.sha256) == pdf
    assert [a["file_name"] for a in list_attachments(people["李娜"], entry.serial)] == ["信.pdf"]


def test_a_removed_file_leaves_the_data_folder_only_once_a_backup_holds_it(store, people):
    from firstask_desktop.services import backup

    entry = _entry(people["李娜"])
    item = add_attachment(people["李娜"], entry.serial, a_pdf(), file_name="错.pdf", kind="other")
    remove_attachment(people["李娜"], entry.serial, item.uuid[:8], "传错了")
    kept = attachment_files.path_for(store, item.sha256)
    assert kept.is_file()
    backup.make_backup(store, now=T0)
    assert not kept.exists() and item.sha256 in _pool_files(store)
    assert check_database() == []


def test_a_usb_backup_carries_the_files_sealed_and_a_new_disk_gets_them_back(
    store, people, tmp_path
):
    import shutil
    from datetime import timedelta

    from firstask_desktop.services import backup

    entry = _entry(people["李娜"])
    card = add_attachment(
        people["李娜"], entry.serial, photo((856, 540)), file_name="身份证.jpg", kind="id_document"
    )
    usb = tmp_path / "U盘"
    usb.mkdir()
    sealed = backup.backup_to(store, usb, people["王建国"], now=T0)
    on_stick = usb / "firstask-attachments-GS0101" / f"{card.sha256}.faattach"
    plain = attachment_files.path_for(store, card.sha256).read_bytes()
    assert on_stick.is_file() and plain[1000:1100] not in on_stick.read_bytes()
    written = on_stick.stat().st_mtime_ns
    backup.backup_to(store, usb, people["王建国"], now=T0 + timedelta(minutes=5))
    assert on_stick.stat().st_mtime_ns == written  # already on the stick: not written again

    # The PC's disk is replaced: the data folder keeps only its keys.
    shutil.rmtree(attachment_files.store_dir(store))
    shutil.rmtree(store / "backups")
    report = backup.restore(store, sealed, actor=people["管理员"], now=T0 + timedelta(hours=1))
    assert report.problems == []
    assert attachment_files.read(store, card.sha256) == plain


def test_the_commands_attach_list_and_detach(tmp_path, monkeypatch, capsys):
    from firstask_desktop.cli.runner import run

    monkeypatch.setenv("FIRSTASK_PASSWORD", "secret123")
    monkeypatch.setenv("FIRSTASK_NEW_PASSWORD", "secret123")
    folder = tmp_path / "数据"

    def cli(*args, acting="管理员"):
        code = run(["--data-dir", str(folder), "--as", acting, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    run(
        ["--data-dir", str(folder), "init", "--station-code", "GS0101"]
        + ["--station-name", "城关供电所", "--admin", "管理员"]
    )
    assert cli("staff", "add", "--name", "李娜", "--role", "clerk")[0] == 0
    assert cli("staff", "add", "--name", "张伟", "--role", "clerk")[0] == 0
    code, out, _ = cli(
        "entry",
        "add",
        "--channel",
        "来信",
        "--category",
        "投诉",
        "--visitor",
        "张山",
        "--phone",
        "13812345678",
        "--matter",
        "电压低",
        "--json",
        acting="李娜",
    )
    serial = json.loads(out)["serial"]
    picture = tmp_path / "身份证.png"
    picture.write_bytes(photo((600, 400), fmt="PNG"))
    code, out, err = cli(
        "entry", "attach", serial, str(picture), "--kind", "客户证件", acting="李娜"
    )
    assert code == 0 and "已添加附件" in out, err
    attachment_id = out.split("附件 ")[1][:8]
    code, out, _ = cli("entry", "attachments", serial, "--json", acting="李娜")
    (listed,) = json.loads(out)
    assert listed["id"] == attachment_id and listed["file_name"] == "身份证.jpg"
    # A colleague sees that there is one, not what it is; and may not remove it.
    code, out, _ = cli("entry", "attachments", serial, acting="张伟")
    assert "无权查看" in out and "身份证" not in out
    code, _, err = cli("entry", "detach", serial, attachment_id, "--reason", "错", acting="张伟")
    assert code == 2 and "可以添加或删除" in err
    code, _, err = cli("entry", "attach", serial, str(tmp_path / "无.jpg"), "--kind", "其他")
    assert code == 2 and "找不到文件" in err
    code, out, _ = cli(
        "entry", "detach", serial, attachment_id, "--reason", "传错了", acting="李娜"
    )
    assert code == 0 and "文件保留到下次备份" in out
    code, out, _ = cli("entry", "attachments", serial, acting="李娜")
    assert "没有附件" in out
    assert run(["--data-dir", str(folder), "check"]) == 0


def test_the_excel_register_lists_attachment_names_only(store, people):
    from openpyxl import load_workbook

    from firstask_desktop.services.export_excel import export_register

    entry = _entry(people["李娜"])
    add_attachment(people["李娜"], entry.serial, a_pdf(), file_name="张山来信.pdf", kind="letter")
    add_attachment(
        people["李娜"], entry.serial, photo((856, 540)), file_name="张山身份证.jpg", kind="客户证件"
    )
    _entry(people["李娜"], visitor="李四")

    def column(actor, name):
        out = export_register(actor, store / name)
        rows = list(load_workbook(out.path).worksheets[0].iter_rows(values_only=True))
        at = rows[0].index("附件")
        return [row[at] for row in rows[1:]], out.path

    head_sees, path = column(people["王建国"], "head.xlsx")
    assert head_sees == ["来信原件：张山来信.pdf、客户证件", None]
    # Only names: the workbook holds no image or PDF.
    import zipfile

    assert not [n for n in zipfile.ZipFile(path).namelist() if "media" in n]
    # Exported by who sees no personal data: a file name may carry the customer's name.
    from firstask_desktop.store import db
    from firstask_desktop.store.audit import save_audited
    from firstask_desktop.store.models import Staff

    with db.transaction():
        county = Staff(station="GS0101", name="周县", role="county_admin", password_hash="x")
        save_audited(county, actor="测试", action="add_staff", at=T0)
    masked, _ = column(county, "county.xlsx")
    assert masked == ["来信原件、客户证件", None]


def test_the_wall_register_and_the_statistics_never_show_them(store, people):
    import pypdfium2

    from firstask_desktop.reports.register import build_register
    from firstask_desktop.reports.statistics import build_stats

    entry = _entry(people["李娜"])
    add_attachment(
        people["李娜"], entry.serial, photo((856, 540)), file_name="户口本.jpg", kind="客户证件"
    )
    for pdf in (build_register("2026-03", now=T0), build_stats("2026-03", now=T0)):
        document = pypdfium2.PdfDocument(pdf)
        text = "".join(page.get_textpage().get_text_range() for page in document)
        assert entry.serial in text or "投诉" in text  # the entry is on the page, counted
        assert "户口本" not in text and "客户证件" not in text and "附件" not in text
        # No picture of it either: the pages carry text and lines, no image.
        for page in document:
            assert not [o for o in page.get_objects() if o.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]


def test_the_pool_lets_a_removed_file_go_with_the_last_backup_that_had_it(store, people):
    from datetime import timedelta

    from firstask_desktop.services import backup

    entry = _entry(people["李娜"])
    kept = add_attachment(people["李娜"], entry.serial, a_pdf(), file_name="信.pdf", kind="letter")
    wrong = add_attachment(
        people["李娜"], entry.serial, photo((640, 480)), file_name="错.jpg", kind="photo"
    )
    backup.make_backup(store, kind="auto", now=T0)  # holds both
    remove_attachment(people["李娜"], entry.serial, wrong.uuid[:8], "传错了")
    # A year of monthly automatic backups after it: twelve months are kept, the first one is
    # thinned out, and with it the only backup that still had the removed photo.
    for month in range(1, 13):
        backup.make_backup(store, kind="auto", now=T0 + timedelta(days=31 * month))
        backup.rotate(store)
    assert all(b.made_at > T0 for b in backup.list_backups(store))
    assert _pool_files(store) == {kept.sha256}
    assert check_database() == []


def test_the_pool_keeps_every_file_while_a_backup_cannot_be_read(store, people):
    from datetime import timedelta

    from firstask_desktop.services import backup

    entry = _entry(people["李娜"])
    wrong = add_attachment(
        people["李娜"], entry.serial, photo((640, 480)), file_name="错.jpg", kind="photo"
    )
    backup.make_backup(store, kind="auto", now=T0)
    remove_attachment(people["李娜"], entry.serial, wrong.uuid[:8], "传错了")
    (store / "backups" / "firstask-other-20260101-000000.sqlite3").write_bytes(b"not a register")
    for month in range(1, 13):
        backup.make_backup(store, kind="auto", now=T0 + timedelta(days=31 * month))
        backup.rotate(store)
    assert all(b.made_at is None or b.made_at > T0 for b in backup.list_backups(store))
    assert wrong.sha256 in _pool_files(store)
