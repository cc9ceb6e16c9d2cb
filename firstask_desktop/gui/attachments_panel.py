"""The entry's attachments in its detail: thumbnails; add by picking files, dropping them, or
pasting an image (a WeChat photo copied on the PC); open one in the viewer; remove one."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import operations, tasks
from .attachment_add_dialog import AttachmentAddDialog
from .attachment_viewer import AttachmentViewer
from .labels import label
from .messages import error_text
from .operations.attachment_ops import THUMBNAIL
from .widgets import Retranslating, set_error

PATTERNS = "(*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff *.heic *.pdf)"


class AttachmentsPanel(Retranslating, QWidget):
    sig_changed = Signal()  # an attachment was added or removed

    def __init__(self, session, serial: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.serial = serial
        self.items: list[dict] = []
        self.may_change = False
        self.viewer: AttachmentViewer | None = None
        self.setAcceptDrops(True)
        self.title = QLabel()
        self.tiles = QListWidget()
        self.tiles.setViewMode(QListWidget.ViewMode.IconMode)
        self.tiles.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.tiles.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.tiles.setMovement(QListWidget.Movement.Static)
        self.tiles.setWordWrap(True)
        self.tiles.setGridSize(QSize(136, THUMBNAIL + 56))  # the picture and two lines
        self.tiles.setMinimumHeight(170)
        self.tiles.itemActivated.connect(lambda _item: self.open_selected())
        self.tiles.itemSelectionChanged.connect(self._enable)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.pick_files)
        self.paste_button = QPushButton()
        self.paste_button.clicked.connect(self.paste_image)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Paste), self.tiles, activated=self.paste_image
        )
        self.error = QLabel()
        set_error(self.error, "")
        bar = QHBoxLayout()
        for button in (self.add_button, self.paste_button, self.open_button, self.remove_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tiles, 1)
        layout.addWidget(self.error)
        layout.addLayout(bar)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("添加附件…"))
        self.paste_button.setText(self.tr("粘贴图片"))
        self.open_button.setText(self.tr("查看"))
        self.remove_button.setText(self.tr("删除…"))
        self._show()

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        tasks.run_task(
            operations.attachments,
            self.serial,
            self.session.actor,
            on_success=self._loaded,
            on_error=lambda err: set_error(self.error, error_text(err)),
            owner=self,
        )

    def _loaded(self, found: dict) -> None:
        self.items = found["items"]
        self.may_change = found["may_change"]
        self._show()

    def _show(self) -> None:
        title = self.tr("附件（{0}）").format(len(self.items))
        if self.may_change:
            title += "　" + self.tr("可把照片或PDF拖到这里，或复制图片后粘贴")
        self.title.setText(title)
        self.tiles.clear()
        for item in self.items:
            tile = QListWidgetItem(self._caption(item))
            tile.setData(Qt.ItemDataRole.UserRole, item["id"])
            if item.get("thumbnail") is not None and not item["thumbnail"].isNull():
                tile.setIcon(QIcon(QPixmap.fromImage(item["thumbnail"])))
            tile.setToolTip(self._tooltip(item))
            if not item["visible"]:
                tile.setFlags(tile.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.tiles.addItem(tile)
        self._enable()

    def _caption(self, item: dict) -> str:
        kind = label(item["kind_label"])
        if not item["visible"]:
            return kind + "\n" + self.tr("（无权查看）")
        if item.get("missing"):
            return kind + "\n" + self.tr("（文件缺失）")
        return f"{kind}\n{item['file_name']}"

    def _tooltip(self, item: dict) -> str:
        if not item["visible"]:
            return self.tr("客户证件只有首问责任人、客户经理、所长和管理员可以查看")
        lines = [item["file_name"], f"{item['size'] / 1024:.0f} KB"]
        lines.append(
            self.tr("{0} 由 {1} 添加").format(item["added_at"].replace("T", " "), item["added_by"])
        )
        if item["note"]:
            lines.append(item["note"])
        return "\n".join(lines)

    def _enable(self) -> None:
        selected = self.selected()
        why = "" if self.may_change else self.tr("只有能修改这条登记的人可以添加或删除附件")
        for button in (self.add_button, self.paste_button):
            button.setEnabled(self.may_change)
            button.setToolTip(why)
        self.remove_button.setEnabled(self.may_change and selected is not None)
        self.remove_button.setToolTip(why)
        self.open_button.setEnabled(
            selected is not None and selected["visible"] and not selected.get("missing")
        )

    def selected(self) -> dict | None:
        tile = self.tiles.currentItem()
        if tile is None or not tile.isSelected():
            return None
        wanted = tile.data(Qt.ItemDataRole.UserRole)
        return next((i for i in self.items if i["id"] == wanted), None)

    # --- adding --------------------------------------------------------------------------------

    def pick_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择照片或PDF"), "", self.tr("照片或PDF") + " " + PATTERNS
        )
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        names = [p.replace("\\", "/").rsplit("/", 1)[-1] for p in paths]
        kind = "letter" if all(n.lower().endswith(".pdf") for n in names) else "photo"
        choice = self.ask_kind(names, kind)
        if choice is None:
            return
        for path in paths:
            self._add(path=path, kind=choice[0], note=choice[1])

    def ask_kind(self, names: list[str], kind: str) -> tuple[str, str] | None:
        dialog = AttachmentAddDialog(names, self, kind)
        return dialog.choice() if dialog.exec() == AttachmentAddDialog.DialogCode.Accepted else None

    def paste_image(self) -> None:
        if not self.may_change:
            return
        clipboard = QApplication.clipboard()
        urls = [u.toLocalFile() for u in clipboard.mimeData().urls() if u.isLocalFile()]
        if urls:  # files copied in Explorer
            self.add_files(urls)
            return
        image = clipboard.image()
        if image.isNull():
            set_error(self.error, self.tr("剪贴板里没有图片：请先在微信或看图软件里复制图片。"))
            return
        holder = QByteArray()
        buffer = QBuffer(holder)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        name = self.tr("粘贴的图片") + ".png"
        choice = self.ask_kind([name], "photo")
        if choice is not None:
            self._add(data=bytes(holder.data()), file_name=name, kind=choice[0], note=choice[1])

    def _add(self, *, kind: str, note: str, **picked) -> None:
        set_error(self.error, "")
        tasks.run_task(
            operations.prepare_attachment,
            **picked,
            on_success=lambda prepared: self._keep(prepared, kind, note),
            on_error=lambda err: set_error(self.error, error_text(err)),
            owner=self,
        )

    def _keep(self, prepared, kind: str, note: str) -> None:
        tasks.run_task(
            operations.add_attachment,
            self.session.actor,
            self.serial,
            prepared,
            kind=kind,
            note=note,
            on_success=lambda _added: self._changed(),
            on_error=lambda err: set_error(self.error, error_text(err)),
            owner=self,
        )

    def _changed(self) -> None:
        self.reload()
        self.sig_changed.emit()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.may_change and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if self.may_change and paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # --- opening and removing ------------------------------------------------------------------

    def open_selected(self) -> None:
        item = self.selected()
        if item is None or not item["visible"]:
            return
        tasks.run_task(
            operations.attachment_file,
            self.serial,
            item["id"],
            self.session.actor,
            on_success=self._open,
            on_error=lambda err: set_error(self.error, error_text(err)),
            owner=self,
        )

    def _open(self, found: tuple[dict, bytes]) -> None:
        info, data = found
        self.viewer = AttachmentViewer(info, data, self)
        self.viewer.show()

    def remove_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("删除附件"),
            self.tr("删除“{0}”的原因（文件保留到下次备份，审计记录可查）：").format(
                item["file_name"] or label(item["kind_label"])
            ),
        )
        if not ok:
            return
        tasks.run_task(
            operations.remove_attachment,
            self.session.actor,
            self.serial,
            item["id"],
            reason,
            on_success=lambda _none: self._changed(),
            on_error=lambda err: set_error(self.error, error_text(err)),
            owner=self,
        )
