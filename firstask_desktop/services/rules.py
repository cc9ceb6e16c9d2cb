"""The deadline rule table and holiday calendar as stored (data, editable by an administrator)."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from firstask_desktop.domain.deadlines import DeadlineRule, compute_deadlines, follow_up_due
from firstask_desktop.domain.workdays import HolidayCalendar
from firstask_desktop.store import db, record_sql, watched_tables
from firstask_desktop.store.holiday_table import provisional_years
from firstask_desktop.store.models import DeadlineRuleRow, HolidayDay


def current_rules(station_code: str | None = None) -> list[DeadlineRule]:
    """The rules of ``station_code`` (by default this PC's station) as stored: every save needs
    them, an administrator may edit them in any window or process (watched_tables)."""
    if station_code is None:
        from .station import local_station

        station = local_station()
        station_code = station.code if station else ""
    return list(
        watched_tables.remembered(("rules", station_code), lambda: _read_rules(station_code))
    )


def _read_rules(station_code: str) -> tuple[DeadlineRule, ...]:
    rows = db.database.execute_sql(record_sql.driver_sql(_RULE_ROWS), (station_code,)).fetchall()
    return tuple(DeadlineRule(*row) for row in rows)


_RULE_ROWS = (
    'SELECT "category", "clock", "unit", "amount", "area", "basis" FROM "deadline_rule" '
    'WHERE "station" = ? ORDER BY "id"'
)


def _own_rule_rows():
    """This station's rule rows: a county database also holds every station's (USB sync)."""
    from .station import own_rows

    return DeadlineRuleRow.select().where(own_rows(DeadlineRuleRow)).order_by(DeadlineRuleRow.id)


def current_calendar() -> HolidayCalendar:
    """The holiday calendar as stored (read again only when the table may have changed)."""
    return watched_tables.remembered("calendar", _read_calendar)


def _read_calendar() -> HolidayCalendar:
    rows = db.database.execute_sql("SELECT day, kind FROM holiday_day ORDER BY day").fetchall()
    return _calendar(tuple(map(tuple, rows)), tuple(provisional_years()))


@lru_cache(maxsize=8)
def _calendar(rows: tuple, provisional: tuple = ()) -> HolidayCalendar:
    """Built once for each content of the table, read as the driver returns it: the table is
    read again whenever any other connection committed anything (and on PostgreSQL for every
    save), though it changes a few times a year (a save took twice as long building it anew)."""
    return HolidayCalendar.from_days(
        ((day if isinstance(day, date) else date.fromisoformat(day), kind) for day, kind in rows),
        provisional,
    )


class DeadlineBook:
    """Rules + calendar loaded once, for a burst of computations (a form, a demo, an import)."""

    def __init__(
        self,
        area: str,
        rules: list[DeadlineRule] | None = None,
        calendar: HolidayCalendar | None = None,
    ):
        self.area = area
        self.rules = rules if rules is not None else current_rules()
        self.calendar = calendar if calendar is not None else current_calendar()

    def for_entry(
        self, category: str, received_at: datetime, channel: str = ""
    ) -> dict[str, datetime]:
        return compute_deadlines(
            category, received_at, self.area, self.rules, self.calendar, channel
        )

    def follow_up(self, replied_at: datetime) -> datetime | None:
        return follow_up_due(replied_at, self.area, self.rules, self.calendar)


def rule_rows() -> list[DeadlineRuleRow]:
    """The stored rule table, in its order (the settings screen lists and edits these rows)."""
    return list(_own_rule_rows())


def update_rule(
    actor,
    rule_id: int,
    *,
    unit: str,
    amount: int,
    basis: str | None = None,
    now: datetime | None = None,
) -> DeadlineRuleRow:
    """Change one rule's time limit (an administrator only; audited like every change).

    Category, clock and area stay: they say which promise the row is; only its length changes.
    Entries already registered keep the deadline they were promised.
    """
    from firstask_desktop.domain import permissions
    from firstask_desktop.domain.deadlines import validate_rule
    from firstask_desktop.domain.errors import NotFoundError
    from firstask_desktop.domain.validation import clean_text
    from firstask_desktop.store import db
    from firstask_desktop.store.audit import save_audited

    permissions.require(actor, "edit_rules")
    row = DeadlineRuleRow.get_or_none(DeadlineRuleRow.id == rule_id)
    if row is None:
        raise NotFoundError("没有这条时限规则：请刷新规则表后重试。")
    if isinstance(amount, str) and amount.strip().isdigit():
        amount = int(amount.strip())
    rule = DeadlineRule(
        category=row.category,
        clock=row.clock,
        unit=unit,
        amount=amount,
        area=row.area,
        basis=row.basis,
    )
    validate_rule(rule)
    row.unit, row.amount = rule.unit, rule.amount
    if basis is not None:
        row.basis = clean_text(basis, "note", max_len=200, multiline=False)
    with db.transaction():
        save_audited(
            row, actor=actor, action="edit_rule", at=(now or datetime.now()).replace(microsecond=0)
        )
    return row


def holidays_in_year(year: int) -> list[HolidayDay]:
    """The calendar's listed days of one year: holidays and 调休 make-up workdays."""
    from datetime import date

    return list(
        HolidayDay.select()
        .where((HolidayDay.day >= date(year, 1, 1)) & (HolidayDay.day <= date(year, 12, 31)))
        .order_by(HolidayDay.day)
    )


def holiday_years() -> list[int]:
    """Years the calendar has data for (a year missing here counts Mon–Fri only)."""
    return sorted({d.day.year for d in HolidayDay.select(HolidayDay.day)})
