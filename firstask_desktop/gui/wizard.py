"""First run: set up this PC's station (or the county office), or fill in the demo station."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from firstask_desktop.domain.errors import ValidationError
from firstask_desktop.domain.validation import clean_text, normalise_name
from firstask_desktop.domain.vocab import AREAS
from firstask_desktop.store import passwords

from ..services.station import normalise_station_code
from . import operations, tasks
from .labels import choices
from .messages import error_text, field_error_text
from .problem_text import problem_text
from .widgets import field_with_error, mark_field, set_error

PAGE_MODE, PAGE_STATION, PAGE_ADMIN, PAGE_FINISH = range(4)
DEMO_ENTRIES = 300


class ModePage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("欢迎使用首问登记"))
        self.setSubTitle(self.tr("这台电脑上还没有数据。请选择要做什么："))
        self.station = QRadioButton(self.tr("建立本供电所的首问登记（第一次正式使用）"))
        self.county = QRadioButton(self.tr("建立县公司数据库（汇总各供电所的U盘同步文件）"))
        self.demo = QRadioButton(
            self.tr("生成演示供电所（试用、培训用，含 {0} 条示例登记）").format(DEMO_ENTRIES)
        )
        self.station.setChecked(True)
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for button in (self.station, self.county, self.demo):
            group.addButton(button)
            layout.addWidget(button)
        layout.addStretch(1)

    def nextId(self) -> int:
        return PAGE_FINISH if self.demo.isChecked() else PAGE_STATION


class StationPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("供电所信息"))
        self.setSubTitle(self.tr("编码用于受理编号（如 GS0101-2026-00001），建好后不能修改。"))
        form = QFormLayout(self)
        self.code = QLineEdit()
        self.code.setPlaceholderText("GS0101")
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("如：城关供电所"))
        self.county = QLineEdit()
        self.county.setPlaceholderText(self.tr("如：榆中县供电公司"))
        self.area = QComboBox()
        for code, text in choices(AREAS):
            self.area.addItem(text, code)
        self.area.setCurrentIndex(self.area.findData("rural"))
        self.errors = {
            "station_code": field_with_error(form, self.tr("供电所编码(&C)："), self.code),
            "station_name": field_with_error(form, self.tr("供电所名称(&N)："), self.name),
            "county": field_with_error(form, self.tr("所属县公司(&X)："), self.county),
            "area": field_with_error(form, self.tr("供电区域(&A)："), self.area),
        }
        self.fields = {
            "station_code": self.code,
            "station_name": self.name,
            "county": self.county,
            "area": self.area,
        }

    def validatePage(self) -> bool:
        checks = [
            ("station_code", lambda: normalise_station_code(self.code.text())),
            (
                "station_name",
                lambda: clean_text(
                    self.name.text(), "station_name", max_len=60, required=True, multiline=False
                ),
            ),
            (
                "county",
                lambda: clean_text(self.county.text(), "county", max_len=60, multiline=False),
            ),
        ]
        ok = True
        for field, check in checks:
            try:
                check()
                show_field_error(self, field, "")
            except ValidationError as err:
                show_field_error(self, field, problem_text(err))
                ok = False
        return ok


class AdminPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("第一位管理员"))
        self.setSubTitle(self.tr("管理员可以添加人员、修改时限规则。请牢记密码。"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {
            "name": field_with_error(form, self.tr("管理员姓名(&M)："), self.name),
            "password": field_with_error(form, self.tr("密码(&P)："), self.password),
            "repeat": field_with_error(form, self.tr("再输一次密码(&R)："), self.repeat),
        }
        self.fields = {"name": self.name, "password": self.password, "repeat": self.repeat}
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("建立(&O)"))

    def validatePage(self) -> bool:
        ok = True
        try:
            normalise_name(self.name.text(), "name")
            show_field_error(self, "name", "")
        except ValidationError as err:
            show_field_error(self, "name", problem_text(err))
            ok = False
        try:
            passwords.check_new_password(self.password.text())
            show_field_error(self, "password", "")
        except ValidationError as err:
            show_field_error(self, "password", problem_text(err))
            ok = False
        same = self.password.text() == self.repeat.text()
        show_field_error(
            self, "repeat", "" if same else self.tr("两次输入的密码不一样，请重新输入")
        )
        return ok and same


def show_field_error(page, field: str, message: str) -> None:
    set_error(page.errors[field], message)
    mark_field(page.fields[field], bool(message))


class FinishPage(QWizardPage):
    """Does the work (in the background) and says what was made."""

    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("正在建立"))
        self.done = False
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.error = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the work reports no steps
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_text)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.done = False
        set_error(self.error, "")
        self.progress.show()
        self.result_text.setText(self.tr("请稍候，正在建立数据库……"))
        self.wizard().start_work()

    def isComplete(self) -> bool:
        return self.done

    def finish(self, text: str) -> None:
        self.done = True
        self.progress.hide()
        self.setTitle(self.tr("建立完成"))
        self.result_text.setText(text)
        # Done cannot be undone: only "开始使用" is left.
        self.wizard().setButtonLayout(
            [QWizard.WizardButton.Stretch, QWizard.WizardButton.FinishButton]
        )
        self.completeChanged.emit()

    def fail(self, message: str) -> None:
        self.progress.hide()
        self.result_text.setText("")
        set_error(self.error, message + self.tr("\n请点“上一步”修改后重试。"))


class SetupWizard(QWizard):
    """After ``accepted``: ``admin_name`` is who may log in first (the demo's: 管理员)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("首问登记 — 首次设置"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.mode_page = ModePage()
        self.station_page = StationPage()
        self.admin_page = AdminPage()
        self.finish_page = FinishPage()
        self.setPage(PAGE_MODE, self.mode_page)
        self.setPage(PAGE_STATION, self.station_page)
        self.setPage(PAGE_ADMIN, self.admin_page)
        self.setPage(PAGE_FINISH, self.finish_page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步(&N) >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步(&B)"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("开始使用(&F)"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.admin_name = ""
        self.demo_summary: dict | None = None
        self.resize(620, 460)

    def is_demo(self) -> bool:
        return self.mode_page.demo.isChecked()

    def start_work(self) -> None:
        if self.is_demo():
            tasks.run_task(
                operations.create_demo,
                DEMO_ENTRIES,
                on_success=self._demo_done,
                on_error=self._failed,
                owner=self,
            )
            return
        page, admin = self.station_page, self.admin_page
        self.admin_name = admin.name.text().strip()
        tasks.run_task(
            operations.create_station,
            code=page.code.text(),
            name=page.name.text(),
            county=page.county.text(),
            area=page.area.currentData(),
            mode="county" if self.mode_page.county.isChecked() else "station",
            admin_name=admin.name.text(),
            admin_password=admin.password.text(),
            on_success=self._station_done,
            on_error=self._failed,
            owner=self,
        )

    def _station_done(self, station) -> None:
        self.finish_page.finish(
            self.tr("已建立{0}（{1}）。请用管理员“{2}”登录，然后在“设置”中添加本所人员。").format(
                station.name, station.code, self.admin_name
            )
        )

    def _demo_done(self, summary: dict) -> None:
        from firstask_desktop.demo.demo_station import ADMIN

        self.demo_summary = summary
        self.admin_name = ADMIN
        self.finish_page.finish(
            self.tr(
                "演示供电所已生成：{0}，{1} 条登记，{2} 名人员。\n所有演示人员的密码都是 {3}。"
            ).format(summary["station"], summary["entries"], summary["staff"], summary["password"])
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            for page in (self.station_page, self.admin_page):
                if error.field in page.errors:
                    show_field_error(page, error.field, field_error_text(error))
        self.finish_page.fail(error_text(error))
