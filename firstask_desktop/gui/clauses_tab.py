"""设置 › 考核条款: the assessment clauses and their amounts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import operations, tasks
from .messages import error_text
from .widgets import fill_rows, row_table, set_error


class ClausesTab(QWidget):
    """The assessment clauses (seed §十) with their fines: an administrator edits a row; the
    amount is typed in 元 and kept as integer fen by the core."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.clauses: list[dict] = []
        self.table = row_table(4)
        self.table.itemSelectionChanged.connect(self._selected)
        self.title = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setMaximumWidth(120)
        self.sanction = QLineEdit()
        self.save_button = QPushButton()
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = QLabel()
        set_error(self.error, "")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.saved = QLabel()
        self.captions = [QLabel() for _ in range(3)]
        row = QHBoxLayout()
        for caption, field, stretch in zip(
            self.captions, (self.title, self.amount, self.sanction), (2, 0, 1), strict=True
        ):
            caption.setBuddy(field)
            row.addWidget(caption)
            row.addWidget(field, stretch)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.description)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.saved)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("条款"), self.tr("名称"), self.tr("罚款(元)"), self.tr("另加处理")]
        )
        for caption, text in zip(
            self.captions,
            (self.tr("名称(&T)"), self.tr("罚款(元)(&Y)"), self.tr("另加处理(&S)")),
            strict=True,
        ):
            caption.setText(text)
        self.amount.setPlaceholderText(self.tr("如 200 或 200.50"))
        self.sanction.setPlaceholderText(self.tr("如 全局通报批评（可不填）"))
        self.save_button.setText(self.tr("保存修改"))
        self.note.setText(
            self.tr(
                "只有管理员可以修改，每次修改都记入审计记录。新的金额只用于以后提出的考核建议；"
                "已提出的考核保持提出时的金额。"
            )
        )

    def load(self) -> None:
        tasks.run_task(
            operations.clause_table,
            owner=self,
            on_success=self._show,
            on_error=lambda e: set_error(self.error, error_text(e)),
        )

    def _show(self, clauses: list[dict]) -> None:
        self.clauses = clauses
        fill_rows(
            self.table,
            [[f"§{c['code']}", c["title"], c["amount_yuan"], c["sanction"]] for c in clauses],
            tooltips=True,
        )
        self._selected()

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.clauses[rows[0].row()] if rows and rows[0].row() < len(self.clauses) else None

    def _selected(self) -> None:
        clause = self.selected()
        self.save_button.setEnabled(clause is not None)
        self.description.setText(clause["description"] if clause else "")
        if clause is not None:
            self.title.setText(clause["title"])
            self.amount.setText(clause["amount_yuan"])
            self.sanction.setText(clause["sanction"])

    def save(self) -> None:
        clause = self.selected()
        if clause is None:
            return
        set_error(self.error, "")
        self.saved.setText("")
        tasks.run_task(
            operations.update_clause,
            self.session.actor,
            clause["code"],
            title=self.title.text(),
            amount_yuan=self.amount.text(),
            sanction=self.sanction.text(),
            owner=self,
            on_success=lambda _r, code=clause["code"]: self._saved(code),
            on_error=lambda e: set_error(self.error, error_text(e)),
        )

    def _saved(self, code: str) -> None:
        self.load()
        self.saved.setText(self.tr("已保存条款 §{0}。").format(code))
