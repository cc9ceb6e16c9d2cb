"""附件 in the entry detail: thumbnails, adding by picking, dropping and pasting, the viewer."""

from __future__ import annotations

import pytest
from gui_helpers import settle
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from test_attachments import a_pdf, photo

from firstask_desktop.gui.attachments_panel import AttachmentsPanel
from firstask_desktop.gui.entry_detail import EntryDetail
from firstask_desktop.services import entries as svc
from firstask_desktop.services.attachments import add_attachment
from firstask_desktop.store.models import Attachment


@pytest.fixture
def letter_entry(people):
    entry = svc.register_entry(
        people["李娜"],
        channel="来信",
        category="投诉",
        visitor="张三",
        phone="13812345678",
        matter="来信反映电压偏低",
    )
    add_attachment(people["李娜"], entry.serial, a_pdf(3), file_name="来信.pdf", kind="letter")
    add_attachment(
        people["李娜"], entry.serial, photo((800, 600)), file_name="杆.jpg", kind="photo"
    )
    add_attachment(
        people["李娜"], entry.serial, photo((856, 540)), file_name="身份证.jpg", kind="id_document"
    )
    return entry.serial


def _panel(session, serial, qtbot) -> AttachmentsPanel:
    detail = EntryDetail(session, serial)
    qtbot.addWidget(detail)
    detail.show()
    settle(qtbot)
    return detail.attachments


def _captions(panel) -> list[str]:
    return [panel.tiles.item(i).text() for i in range(panel.tiles.count())]


def test_the_detail_shows_a_thumbnail_of_each_file(session, letter_entry, qtbot):
    panel = _panel(session, letter_entry, qtbot)
    assert _captions(panel) == ["来信原件\n来信.pdf", "现场照片\n杆.jpg", "客户证件\n身份证.jpg"]
    for i in range(3):
        icon = panel.tiles.item(i).icon()
        assert not icon.isNull()
    photo_tile = panel.tiles.item(1).icon().pixmap(100, 100)
    assert photo_tile.width() == 100 and photo_tile.height() == 75  # 800×600, kept in shape
    assert panel.add_button.isEnabled() and "3" in panel.title.text()


def test_a_colleague_sees_that_there_are_papers_but_not_them(session, people, letter_entry, qtbot):
    session.set_actor(people["张伟"])
    panel = _panel(session, letter_entry, qtbot)
    assert _captions(panel)[2] == "客户证件\n（无权查看）"
    hidden = panel.tiles.item(2)
    assert hidden.icon().isNull() and not (hidden.flags() & Qt.ItemFlag.ItemIsEnabled)
    assert not panel.add_button.isEnabled() and "只有能修改" in panel.add_button.toolTip()


def test_files_picked_or_dropped_are_added_with_their_kind(
    session, letter_entry, qtbot, tmp_path, monkeypatch
):
    panel = _panel(session, letter_entry, qtbot)
    monkeypatch.setattr(panel, "ask_kind", lambda names, kind: ("receipt", "客户签字"))
    signed = tmp_path / "回执.png"
    signed.write_bytes(photo((500, 700), fmt="PNG"))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(signed))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.dropEvent(drop)
    settle(qtbot)
    settle(qtbot)
    assert "签字回执\n回执.jpg" in _captions(panel)
    added = Attachment.get(Attachment.file_name == "回执.jpg")
    assert (added.kind, added.note) == ("receipt", "客户签字")
    # A file the core refuses: the reason under the tiles, nothing added.
    junk = tmp_path / "申请.docx"
    junk.write_bytes(b"PK\x03\x04 word")
    panel.add_files([str(junk)])
    settle(qtbot)
    assert "不是能识别的图片或 PDF" in panel.error.text() and len(_captions(panel)) == 4


def test_an_image_pasted_from_the_clipboard_is_added(session, letter_entry, qtbot, monkeypatch):
    panel = _panel(session, letter_entry, qtbot)
    monkeypatch.setattr(panel, "ask_kind", lambda names, kind: (kind, ""))
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    QApplication.clipboard().setImage(image)
    panel.paste_image()
    settle(qtbot)
    settle(qtbot)
    assert "现场照片\n粘贴的图片.jpg" in _captions(panel)


def test_the_viewer_zooms_rotates_pages_through_a_pdf_and_prints(
    session, letter_entry, qtbot, tmp_path
):
    panel = _panel(session, letter_entry, qtbot)
    panel.tiles.setCurrentRow(1)  # the photo
    panel.open_selected()
    settle(qtbot)
    viewer = panel.viewer
    qtbot.addWidget(viewer)
    fitted = viewer.shown_size()
    viewer.zoom_in()
    assert viewer.shown_size().width() > fitted.width()
    viewer.fit()
    viewer.rotate(90)
    turned = viewer.shown_size()
    assert turned.height() > turned.width()  # 800×600 on its side
    viewer.close()

    panel.tiles.setCurrentRow(0)  # the three-page letter
    panel.open_selected()
    settle(qtbot)
    viewer = panel.viewer
    qtbot.addWidget(viewer)
    assert viewer.page_count == 3 and viewer.page_label.text() == "第 1 / 3 页"
    assert not viewer.actions["previous"].isEnabled()
    viewer.next_page()
    viewer.next_page()
    assert viewer.page_label.text() == "第 3 / 3 页" and not viewer.actions["next"].isEnabled()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    viewer.print_to(printer)
    import pypdfium2

    assert len(pypdfium2.PdfDocument(str(tmp_path / "printed.pdf"))) == 3


def test_removing_asks_for_the_reason(session, letter_entry, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    panel = _panel(session, letter_entry, qtbot)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("拍错了", True))
    panel.tiles.setCurrentRow(1)
    panel.remove_selected()
    settle(qtbot)
    settle(qtbot)
    assert "现场照片\n杆.jpg" not in _captions(panel)
    assert Attachment.get(Attachment.file_name == "杆.jpg").remove_reason == "拍错了"
