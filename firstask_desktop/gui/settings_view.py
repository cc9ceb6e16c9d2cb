"""设置: the interface (language, text size, auto-lock, printing), departments, staff, the
deadline rule table and the holiday calendar. Every change goes through a core service, which
checks the acting person's permission and writes the audit log."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from firstask_desktop.domain.deadlines import UNIT_LABELS
from firstask_desktop.domain.vocab import ROLES

from . import operations, tasks
from .labels import label
from .messages import confirm, error_text
from .prefs import LANGUAGES
from .widgets import Retranslating, fill_rows, row_table, set_error

WEEKDAYS = "一二三四五六日"


class PreferencesTab(QWidget):
    """This PC's choices (applied at once; ``sig_changed(name)`` tells the app), the station's
    auto-lock time (an administrator's setting, stored with the register), one's own password."""

    sig_changed = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        prefs = self.prefs = session.prefs
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(prefs.language))
        self.sizes = {}
        size_row = QHBoxLayout()
        group = QButtonGroup(self)
        for code in ("small", "medium", "large"):
            button = QRadioButton()
            group.addButton(button)
            size_row.addWidget(button)
            self.sizes[code] = button
        size_row.addStretch(1)
        self.sizes[prefs.text_size].setChecked(True)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(1, 60)
        self.lock_minutes.setValue(session.lock_minutes)
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(self.save_lock_minutes)
        lock_row = QHBoxLayout()
        lock_row.addWidget(self.lock_minutes)
        lock_row.addWidget(self.lock_button)
        lock_row.addStretch(1)
        self.lock_error = QLabel()
        set_error(self.lock_error, "")
        self.copies = QSpinBox()
        self.copies.setRange(1, 5)
        self.copies.setValue(prefs.receipt_copies)
        self.offer_receipt = QCheckBox()
        self.offer_receipt.setChecked(prefs.print_after_save)
        self.password_button = QPushButton()
        self.password_button.clicked.connect(self.change_password)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.captions = [QLabel() for _ in range(6)]
        self.form.addRow(self.captions[0], self.language)
        self.form.addRow(self.captions[1], size_row)
        self.form.addRow(self.captions[2], lock_row)
        self.form.addRow("", self.lock_error)
        self.form.addRow(self.captions[3], self.copies)
        self.form.addRow(self.captions[4], self.offer_receipt)
        self.form.addRow(self.captions[5], self.password_button)
        self.language.currentIndexChanged.connect(self._language)
        for code, button in self.sizes.items():
            button.toggled.connect(lambda on, c=code: on and self._text_size(c))
        self.copies.valueChanged.connect(lambda v: setattr(self.prefs, "receipt_copies", v))
        self.offer_receipt.toggled.connect(lambda v: setattr(self.prefs, "print_after_save", v))
        self.retranslate()

    def retranslate(self) -> None:
        captions = (
            self.tr("界面语言"),
            self.tr("文字大小"),
            self.tr("无人操作自动锁定（分钟）"),
            self.tr("回执打印份数"),
            self.tr("保存登记后显示回执"),
            self.tr("我的密码"),
        )
        for caption, text in zip(self.captions, captions, strict=True):
            caption.setText(text)
        for code, text in (
            ("small", self.tr("小")),
            ("medium", self.tr("中")),
            ("large", self.tr("大")),
        ):
            self.sizes[code].setText(text)
        self.lock_button.setText(self.tr("应用（管理员）"))
        self.offer_receipt.setText(self.tr("是（可直接打印或关闭）"))
        self.password_button.setText(self.tr("修改我的密码…"))

    def _language(self, _index: int) -> None:
        self.prefs.language = self.language.currentData()
        self.sig_changed.emit("language")

    def _text_size(self, code: str) -> None:
        self.prefs.text_size = code
        self.sig_changed.emit("text_size")

    def save_lock_minutes(self) -> None:
        set_error(self.lock_error, "")
        tasks.run_task(
            operations.set_auto_lock_minutes,
            self.session.actor,
            self.lock_minutes.value(),
            owner=self,
            on_success=self._lock_saved,
            on_error=lambda e: set_error(self.lock_error, error_text(e)),
        )

    def _lock_saved(self, minutes: int) -> None:
        self.session.lock_minutes = minutes
        self.sig_changed.emit("lock_minutes")

    def change_password(self) -> None:
        from .password_dialog import PasswordDialog

        self.password_dialog = PasswordDialog(self.session, self)
        self.password_dialog.open()


class DepartmentsTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.table = row_table(3)
        self.name, self.phone, self.place = QLineEdit(), QLineEdit(), QLineEdit()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.error = QLabel()
        set_error(self.error, "")
        row = QHBoxLayout()
        for widget in (self.name, self.phone, self.place, self.add_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("部门"), self.tr("电话"), self.tr("办公地点")]
        )
        self.name.setPlaceholderText(self.tr("新部门名称"))
        self.phone.setPlaceholderText(self.tr("电话"))
        self.place.setPlaceholderText(self.tr("办公地点"))
        self.add_button.setText(self.tr("添加部门"))

    def load(self) -> None:
        tasks.run_task(
            operations.departments,
            owner=self,
            on_success=lambda deps: fill_rows(
                self.table, [[d["name"], d["phone"], d["place"]] for d in deps]
            ),
        )

    def add(self) -> None:
        set_error(self.error, "")
        tasks.run_task(
            operations.add_department,
            self.session.actor,
            name=self.name.text(),
            phone=self.phone.text(),
            place=self.place.text(),
            owner=self,
            on_success=self._added,
            on_error=lambda e: set_error(self.error, error_text(e)),
        )

    def _added(self, _result) -> None:
        for field in (self.name, self.phone, self.place):
            field.clear()
        self.load()


class StaffTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.table = row_table(4)
        self.name = QLineEdit()
        self.role = QComboBox()
        for code, text in ROLES.items():
            self.role.addItem(label(text), code)
        self.department = QComboBox()
        self.phone = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.error = QLabel()
        set_error(self.error, "")
        self.done_label = QLabel()
        self.staff: list[dict] = []
        # An administrator's help for who forgot a password, and for leavers.
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_password)
        self.deactivate_button = QPushButton()
        self.deactivate_button.clicked.connect(self.deactivate)
        self.table.itemSelectionChanged.connect(self._selected)
        chosen = QHBoxLayout()
        chosen.addWidget(self.reset_button)
        chosen.addWidget(self.deactivate_button)
        chosen.addWidget(self.done_label, 1)
        row = QHBoxLayout()
        for widget in (
            self.name,
            self.role,
            self.department,
            self.phone,
            self.password,
            self.add_button,
        ):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(chosen)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.retranslate()
        self._selected()
        self.load()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("角色"), self.tr("部门"), self.tr("电话")]
        )
        self.name.setPlaceholderText(self.tr("姓名"))
        self.phone.setPlaceholderText(self.tr("电话"))
        self.password.setPlaceholderText(self.tr("初始密码（至少6位）"))
        self.add_button.setText(self.tr("添加人员"))
        self.reset_button.setText(self.tr("重置选中人员的密码…"))
        self.deactivate_button.setText(self.tr("停用选中人员…"))
        self.deactivate_button.setToolTip(
            self.tr("离职或调走的人员：不能再登录，以前的登记和记录全部保留")
        )

    def load(self) -> None:
        tasks.run_task(operations.staff_table, owner=self, on_success=self._show)
        tasks.run_task(operations.departments, owner=self, on_success=self._set_departments)

    def _set_departments(self, deps: list[dict]) -> None:
        self.department.clear()
        self.department.addItem(self.tr("（无部门）"), "")
        for dep in deps:
            self.department.addItem(dep["name"], dep["name"])

    def add(self) -> None:
        set_error(self.error, "")
        tasks.run_task(
            operations.add_staff,
            self.session.actor,
            name=self.name.text(),
            role=self.role.currentData(),
            password=self.password.text(),
            department=self.department.currentData() or "",
            phone=self.phone.text(),
            owner=self,
            on_success=self._added,
            on_error=lambda e: set_error(self.error, error_text(e)),
        )

    def _added(self, _result) -> None:
        for field in (self.name, self.phone, self.password):
            field.clear()
        self.load()

    def _show(self, staff: list[dict]) -> None:
        self.staff = staff
        fill_rows(
            self.table,
            [[s["name"], label(s["role_label"]), s["department"], s["phone"]] for s in staff],
        )
        self._selected()

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.staff[rows[0].row()] if rows and rows[0].row() < len(self.staff) else None

    def _selected(self) -> None:
        chosen = self.selected() is not None
        self.reset_button.setEnabled(chosen)
        self.deactivate_button.setEnabled(chosen)

    def reset_password(self) -> None:
        person = self.selected()
        if person is None:
            return
        from .reset_password_dialog import ResetPasswordDialog

        self.dialog = ResetPasswordDialog(self.session, person["name"], self)
        self.dialog.accepted.connect(
            lambda name=person["name"]: self.done_label.setText(
                self.tr("已为 {0} 设置新密码，请当面告诉本人，并请本人登录后自己修改。").format(
                    name
                )
            )
        )
        self.dialog.open()

    def deactivate(self) -> None:
        person = self.selected()
        if person is None:
            return
        question = self.tr(
            "停用 {0}（{1}）？\n停用后不能再登录；以前的登记、办理记录和考核记录全部保留。"
        ).format(person["name"], label(person["role_label"]))
        if not confirm(self, self.tr("停用人员"), question):
            return
        set_error(self.error, "")
        tasks.run_task(
            operations.deactivate_staff,
            self.session.actor,
            person["name"],
            owner=self,
            on_success=lambda _r, name=person["name"]: self._deactivated(name),
            on_error=lambda e: set_error(self.error, error_text(e)),
        )

    def _deactivated(self, name: str) -> None:
        self.done_label.setText(self.tr("已停用 {0}。").format(name))
        self.load()


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


class RulesTab(QWidget):
    """The deadline rule table: who promises what, by when; an administrator edits a row."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.rules: list[dict] = []
        self.table = row_table(5)
        self.table.itemSelectionChanged.connect(self._selected)
        self.amount = QSpinBox()
        self.amount.setRange(0, 100000)
        self.unit = QComboBox()
        for code, text in UNIT_LABELS.items():
            self.unit.addItem(label(text), code)
        self.basis = QLineEdit()
        self.save_button = QPushButton()
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = QLabel()
        set_error(self.error, "")
        row = QHBoxLayout()
        self.amount_label = QLabel()
        row.addWidget(self.amount_label)
        row.addWidget(self.amount)
        row.addWidget(self.unit)
        row.addWidget(self.basis, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("类别"),
                self.tr("计时节点"),
                self.tr("区域"),
                self.tr("时限"),
                self.tr("依据"),
            ]
        )
        self.amount_label.setText(self.tr("选中规则的时限："))
        self.basis.setPlaceholderText(self.tr("依据（文件、条款）"))
        self.save_button.setText(self.tr("保存修改"))
        self.note.setText(
            self.tr("只有管理员可以修改。修改只影响以后的登记；已登记的事项保持当时承诺的时限。")
        )

    def load(self) -> None:
        tasks.run_task(operations.rule_table, owner=self, on_success=self._show)

    def _show(self, rules: list[dict]) -> None:
        self.rules = rules
        fill_rows(
            self.table,
            [
                [
                    label(r["category_label"]),
                    label(r["clock_label"]),
                    label(r["area_label"]),
                    f"{r['amount']} {label(r['unit_label'])}",
                    r["basis"],
                ]
                for r in rules
            ],
        )
        self.save_button.setEnabled(False)

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rules[rows[0].row()] if rows else None

    def _selected(self) -> None:
        rule = self.selected()
        self.save_button.setEnabled(rule is not None)
        if rule is not None:
            self.amount.setValue(rule["amount"])
            self.unit.setCurrentIndex(self.unit.findData(rule["unit"]))
            self.basis.setText(rule["basis"])

    def save(self) -> None:
        rule = self.selected()
        if rule is None:
            return
        set_error(self.error, "")
        tasks.run_task(
            operations.update_rule,
            self.session.actor,
            rule["id"],
            unit=self.unit.currentData(),
            amount=self.amount.value(),
            basis=self.basis.text(),
            owner=self,
            on_success=lambda _r: self.load(),
            on_error=lambda e: set_error(self.error, error_text(e)),
        )


class HolidaysTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = QComboBox()
        self.year.activated.connect(lambda _i: self.load(self.year.currentData()))
        self.table = row_table(4)
        self.note = QLabel()
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        self.year_label = QLabel()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("年份："))
        self.table.setHorizontalHeaderLabels(
            [self.tr("日期"), self.tr("星期"), self.tr("类型"), self.tr("节日")]
        )
        self.note.setText(
            self.tr("表中没有的日子按周一至周五上班计算。新的年份由县公司随同步包下发。")
        )

    def load(self, year: int | None = None) -> None:
        tasks.run_task(operations.holidays, year, owner=self, on_success=self._show)

    def _show(self, data: dict) -> None:
        self.year.blockSignals(True)
        self.year.clear()
        for year in data["years"]:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(data["year"])))
        self.year.blockSignals(False)
        kinds = {"holiday": self.tr("放假"), "workday": self.tr("调休上班")}
        fill_rows(
            self.table,
            [
                [
                    d["day"],
                    self.tr("星期{0}").format(WEEKDAYS[d["weekday"]]),
                    kinds.get(d["kind"], d["kind"]),
                    d["name"],
                ]
                for d in data["days"]
            ],
        )


class SettingsPage(Retranslating, QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.tabs = QTabWidget()
        self.preferences = PreferencesTab(session)
        self.preferences.sig_changed.connect(session.prefs_changed)
        self.departments = DepartmentsTab(session)
        self.staff = StaffTab(session)
        self.rules = RulesTab(session)
        self.clauses = ClausesTab(session)
        self.holidays = HolidaysTab()
        for tab in self._tabs():
            self.tabs.addTab(tab, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        for index, text in enumerate(
            (
                self.tr("界面与打印"),
                self.tr("部门"),
                self.tr("人员"),
                self.tr("时限规则"),
                self.tr("考核条款"),
                self.tr("节假日"),
            )
        ):
            self.tabs.setTabText(index, text)
        for tab in self._tabs():
            tab.retranslate()

    def _tabs(self) -> tuple[QWidget, ...]:
        return (
            self.preferences,
            self.departments,
            self.staff,
            self.rules,
            self.clauses,
            self.holidays,
        )

    def refresh(self) -> None:
        pass
