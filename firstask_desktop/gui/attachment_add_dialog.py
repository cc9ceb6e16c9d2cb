"""Adding attachments: what they are (来信原件, 现场照片 …) and a note, asked once per batch."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from firstask_desktop.domain import vocab

from .labels import label


class AttachmentAddDialog(QDialog):
    def __init__(self, names: list[str], parent=None, kind: str = "photo"):
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加附件"))
        shown = "、".join(names[:5]) + (
            self.tr(" 等 {0} 个").format(len(names)) if len(names) > 5 else ""
        )
        self.files = QLabel(shown)
        self.files.setWordWrap(True)
        self.kind = QComboBox()
        for code, text in vocab.ATTACHMENT_KINDS.items():
            self.kind.addItem(label(text), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("如：客户来信第1页、倒杆现场、户口本首页（可不填）"))
        hint = QLabel(
            self.tr("照片会自动摆正、缩小到2000像素以内，并去掉拍摄地点等信息；PDF原样保存。")
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("文件"), self.files)
        form.addRow(self.tr("类别"), self.kind)
        form.addRow(self.tr("说明"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("添加"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str, str]:
        return self.kind.currentData(), self.note.text()
