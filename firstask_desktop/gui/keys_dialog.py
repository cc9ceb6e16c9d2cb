"""公钥: this PC's fingerprint, the keys registered here and the ones they replaced.

A replaced key still vouches for what its old PC signed before (receipts customers hold, USB
backups); when that PC turns out lost or stolen after its replacement, 作废选中的旧密钥 revokes it
(the command line's ``keys revoke``), asked once more, audited, never undone. Everyone may read
the list (public keys only); revoking is offered to whom may manage keys. The rules are the
core's (sync.trust).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from firstask_desktop.domain import permissions

from . import operations, tasks
from .messages import confirm, error_text
from .style import styled
from .widgets import Retranslating, fill_rows, row_table, set_error

COL_STATE, COL_OWNER, COL_FINGERPRINT, COL_AT, COL_BY = range(5)


class KeysDialog(Retranslating, QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.listing: dict | None = None
        self.rows: list[dict] = []  # one per table row: the key and whether it may be revoked
        self.heading = QLabel()
        styled(self.heading, "pageHeading")
        self.mine = QLabel()
        self.mine.setWordWrap(True)
        self.table = row_table(5)
        self.table.itemSelectionChanged.connect(self._offer)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.error = QLabel()
        set_error(self.error, "")
        self.revoke_button = QPushButton()
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        actions = QHBoxLayout()
        actions.addWidget(self.revoke_button)
        actions.addStretch(1)
        actions.addWidget(self.buttons)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.mine)
        column.addWidget(self.table, 1)
        column.addWidget(self.note)
        column.addWidget(self.result)
        column.addWidget(self.error)
        column.addLayout(actions)
        self.resize(1180, 480)  # inside a 1366×768 screen, as 隔离记录
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("公钥"))
        self.heading.setText(self.tr("已登记的公钥"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("状态"), self.tr("单位"), self.tr("指纹"), self.tr("时间"), self.tr("经办人")]
        )
        self.note.setText(
            self.tr(
                "被替换的旧密钥仍可核验旧电脑换下前签的回执和U盘备份。旧电脑后来发现丢失或被盗时，"
                "选中它的旧密钥，点“作废选中的旧密钥…”：它签的东西从此一律不信任。"
            )
        )
        self.revoke_button.setText(self.tr("作废选中的旧密钥…"))
        self._show()

    # --- reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.result.setText("")
        set_error(self.error, "")
        tasks.run_task(
            operations.keys_overview,
            owner=self,
            on_success=self._loaded,
            on_error=lambda e: set_error(self.error, error_text(e)),
        )

    def _loaded(self, listing: dict) -> None:
        self.listing = listing
        self._show()

    def _show(self) -> None:
        listing = self.listing
        if listing is None:
            return
        self.mine.setText(
            self.tr("本机公钥指纹：{0}（交给对方时，请电话念给对方核对）").format(listing["local"])
        )
        self.rows, values = [], []
        for key in listing["known"]:
            self.rows.append({**key, "revocable": False})
            values.append(
                [
                    self.tr("在用"),
                    self._owner(key),
                    key["fingerprint"],
                    key["accepted_at"].replace("T", " "),
                    key["accepted_by"],
                ]
            )
        for key in listing["retired"]:
            self.rows.append({**key, "revocable": not key["lost"]})
            state = self.tr("已作废") if key["lost"] else self.tr("已替换")
            values.append(
                [
                    state,
                    self._owner(key),
                    key["fingerprint"],
                    key["retired_at"].replace("T", " "),
                    key["retired_by"],
                ]
            )
        fill_rows(self.table, values)
        for r, key in enumerate(self.rows):  # what each state means for what the key signed
            self.table.item(r, COL_STATE).setToolTip(self._meaning(key))
        self._offer()

    def _meaning(self, key: dict) -> str:
        if "lost" not in key:
            return self.tr("现在登记的密钥：对方发来的文件用它核验。")
        if key["lost"]:
            return self.tr("旧电脑丢失或被盗：它签的回执、备份和文件一律不信任。")
        return self.tr("换电脑时被替换：换下之前签的回执和U盘备份仍可核验。")

    def _owner(self, key: dict) -> str:
        name = f"（{key['name']}）" if key["name"] else ""
        return f"{key['role_label']} {key['station']}{name}"

    def _selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _offer(self) -> None:
        """作废 only for a replaced key not yet revoked, by whom may manage keys; otherwise
        disabled, the tooltip saying why."""
        refused = permissions.refusal(self.session.actor, "manage_keys")
        key = self._selected()
        if refused is not None:
            why = error_text(refused)
        elif key is None:
            why = self.tr("先在表中选中一把被替换的旧密钥。")
        elif not key["revocable"]:
            why = (
                self.tr("这把旧密钥早已作废。")
                if key.get("lost")
                else self.tr(
                    "在用的密钥不能直接作废：先导入对方新电脑的公钥并确认替换，"
                    "替换时勾选“旧电脑丢失或被盗”。"
                )
            )
        else:
            why = ""
        self.revoke_button.setEnabled(not why)
        self.revoke_button.setToolTip(why)

    # --- revoking -----------------------------------------------------------------------------

    def revoke_selected(self) -> None:
        key = self._selected()
        if key is None or not key["revocable"]:
            return
        question = self.tr(
            "作废{0}的旧密钥？\n指纹：{1}\n\n只有旧电脑丢失或被盗时才作废。作废后，它签的回执、"
            "U盘备份和文件一律不信任，这把密钥也不能再登记。作废不能撤销。"
        ).format(self._owner(key), key["fingerprint"])
        if self.listing is not None and self.listing["role"] == "station":
            question += self.tr(
                "\n\n这只在本机生效：县公司核验回执和备份时以县公司登记的为准，"
                "请同时通知县公司作废这把密钥。"
            )
        if not confirm(self, self.tr("作废旧密钥"), question):
            return
        set_error(self.error, "")
        self.result.setText("")
        tasks.run_task(
            operations.revoke_key,
            key["fingerprint"],
            actor=self.session.actor,
            owner=self,
            on_success=self._revoked,
            on_error=lambda e: set_error(self.error, error_text(e)),
        )

    def _revoked(self, message: str) -> None:
        self.reload()
        self.result.setText(message)
