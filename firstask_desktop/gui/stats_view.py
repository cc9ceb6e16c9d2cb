"""统计: the month's figures and charts from the same core function as the printed statistics
(stats.month_stats), so screen and paper never disagree."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import operations, tasks
from .bar_chart import BarChart
from .document_preview import preview_document
from .labels import label
from .messages import error_text
from .station_filter import StationFilter
from .style import styled
from .widgets import Retranslating, fill_rows, row_table, set_error


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class StatsPage(Retranslating, QWidget):
    sig_open_entry = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.stats: dict | None = None
        self.preview = None
        self.month = QComboBox()
        self.month.setMinimumWidth(120)
        self.month.currentIndexChanged.connect(self.load)
        self.station = StationFilter()  # the county: one station's figures
        self.station.sig_changed.connect(self.load)
        self.print_button = QPushButton()
        self.print_button.setVisible(False)
        self.print_button.clicked.connect(self.print_stats)
        self.heading = QLabel()
        styled(self.heading, "pageHeading")
        self.error = QLabel()
        set_error(self.error, "")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.month)
        top.addWidget(self.station)
        top.addStretch(1)
        top.addWidget(self.print_button)
        self.tiles = QGridLayout()
        self.tile_labels: dict[str, QLabel] = {}
        for column, key in enumerate(
            ("total", "reply", "follow_up", "satisfaction", "overdue", "unresolved")
        ):
            tile = QLabel()
            styled(tile, "statTile")
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tile.setTextFormat(Qt.TextFormat.RichText)
            self.tiles.addWidget(tile, 0, column)
            self.tile_labels[key] = tile
        self.by_category = BarChart()
        self.by_channel = BarChart()
        self.by_status = BarChart()
        charts = QHBoxLayout()
        for chart in (self.by_category, self.by_channel, self.by_status):
            charts.addWidget(chart, 1, Qt.AlignmentFlag.AlignTop)
        self.people = QTableWidget(0, 8)
        self.people.verticalHeader().setVisible(False)
        self.people.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Each column as wide as its title and figures, the room left to the last: eight equal
        # columns cut "Answered in time" at text size 大.
        self.people.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.people.horizontalHeader().setStretchLastSection(True)
        self.people.setMinimumHeight(150)
        body = QWidget()
        box = QVBoxLayout(body)
        box.addLayout(self.tiles)
        box.addLayout(charts)
        self.people_label = QLabel()
        box.addWidget(self.people_label)
        box.addWidget(self.people, 1)
        # Customers complaining again and again (3 or more in 90 days): the head looks at why.
        self.repeat_label = QLabel()
        styled(self.repeat_label, "pageHeading")
        self.repeat = row_table(3)
        self.repeat.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.repeat.setMinimumHeight(110)
        self.repeat.setMaximumHeight(180)
        self.repeat_rows: list[dict] = []
        box.addWidget(self.repeat_label)
        box.addWidget(self.repeat)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)
        self.retranslate()
        tasks.run_task(operations.months, on_success=self._set_months, owner=self)
        tasks.run_task(
            operations.printable_kinds,
            owner=self,
            on_success=lambda kinds: self.print_button.setVisible("stats" in kinds),
        )

    def retranslate(self) -> None:
        self.heading.setText(self.tr("月度统计："))
        self.print_button.setText(self.tr("打印统计表…"))
        self.people_label.setText(self.tr("按首问责任人"))
        self.repeat.setHorizontalHeaderLabels(
            [self.tr("客户"), self.tr("电话或户号"), self.tr("近90天投诉次数")]
        )
        self._show_repeat(self.repeat_rows)
        self.people.setHorizontalHeaderLabels(
            [
                self.tr("首问责任人"),
                self.tr("受理"),
                self.tr("答复及时"),
                self.tr("答复超时"),
                self.tr("答复及时率"),
                self.tr("超期未办"),
                self.tr("未办结"),
                self.tr("满意率"),
            ]
        )
        if self.stats is not None:
            self.show_stats(self.stats)

    def _set_months(self, months: list[str]) -> None:
        self.month.blockSignals(True)
        self.month.clear()
        for month in months:
            self.month.addItem(month, month)
        self.month.blockSignals(False)
        if months:
            self.load()
        else:
            set_error(self.error, self.tr("还没有登记，没有可统计的月份。"))

    def load(self, *_args) -> None:
        month = self.month.currentData()
        if not month:
            return
        set_error(self.error, "")
        self.load_repeat()
        tasks.run_task(
            operations.month_stats,
            month,
            self.station.code(),
            on_success=self.show_stats,
            owner=self,
            on_error=lambda err: set_error(self.error, error_text(err)),
        )

    def refresh(self) -> None:
        self.load()

    def load_repeat(self) -> None:
        tasks.run_task(
            operations.repeat_complainants,
            self.session.actor,
            on_success=self._show_repeat,
            owner=self,
            on_error=lambda err: set_error(self.error, error_text(err)),
        )

    def _show_repeat(self, rows: list[dict]) -> None:
        self.repeat_rows = rows
        self.repeat_label.setText(
            self.tr("重复投诉客户（近90天投诉3次及以上）：{0} 位").format(len(rows))
            if rows
            else self.tr("重复投诉客户：近90天没有投诉3次及以上的客户。")
        )
        self.repeat.setVisible(bool(rows))
        kinds = {"phone": self.tr("电话"), "account_no": self.tr("户号")}
        fill_rows(
            self.repeat,
            [[r["visitor"], f"{kinds[r['kind']]} {r['key']}", r["count"]] for r in rows],
        )

    def show_stats(self, stats: dict) -> None:
        self.stats = stats
        previous = stats.get("previous") or {}
        tile = self.tile_labels

        def show(key: str, title: str, value: str, before: str = "") -> None:
            extra = f"<br><small>{self.tr('上月')} {before}</small>" if before else ""
            tile[key].setText(
                f"<small>{title}</small><br><b style='font-size:16pt'>{value}</b>{extra}"
            )

        show("total", self.tr("受理总数"), str(stats["total"]), str(previous.get("total", "")))
        show(
            "reply",
            self.tr("答复及时率"),
            pct(stats["reply"]["rate"]),
            pct(previous.get("reply_rate")) if previous else "",
        )
        show(
            "follow_up",
            self.tr("回访及时率"),
            pct(stats["follow_up"]["rate"]),
            pct(previous.get("follow_up_rate")) if previous else "",
        )
        show(
            "satisfaction",
            self.tr("满意率"),
            pct(stats["satisfaction"]["rate"]),
            pct(previous.get("satisfaction_rate")) if previous else "",
        )
        show(
            "overdue", self.tr("超期"), str(len(stats["overdue"])), str(previous.get("overdue", ""))
        )
        show(
            "unresolved",
            self.tr("未办结"),
            str(len(stats["unresolved"])),
            str(previous.get("unresolved", "")),
        )
        self.by_category.set_data(
            [(label(r["label"]), r["count"]) for r in stats["by_category"]], self.tr("按类别")
        )
        self.by_channel.set_data(
            [(label(r["label"]), r["count"]) for r in stats["by_channel"]], self.tr("按渠道")
        )
        self.by_status.set_data(
            [(label(r["label"]), r["count"]) for r in stats["by_status"]], self.tr("按状态")
        )
        self.people.setRowCount(len(stats["responders"]))
        for row, person in enumerate(stats["responders"]):
            values = [
                person["label"],
                person["total"],
                person["reply_on_time"],
                person["reply_late"],
                pct(person["reply_rate"]),
                person["overdue"],
                person["unresolved"],
                pct(person["satisfaction_rate"]),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.people.setItem(row, column, item)

    def print_stats(self) -> None:
        month = self.month.currentData()
        if month:
            preview_document(
                self,
                self.print_button,
                self.error,
                "stats",
                month,
                title=self.tr("月度统计 {0}").format(month),
                filename=f"月度统计-{month}.pdf",
                station=self.station.code(),
            )
