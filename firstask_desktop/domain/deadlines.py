"""Service deadlines (时限) computed from an editable rule table.

Every promise the station makes is a ``DeadlineRule`` row; ``DEFAULT_RULES`` only seeds the table
an admin then edits. Day-based deadlines end at 23:59:59 because a clerk promises "by day X" and
the customer may call any time that day. Datetimes are naive China local time.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from firstask_desktop.domain import vocab
from firstask_desktop.domain.errors import ValidationError
from firstask_desktop.domain.workdays import HolidayCalendar

UNITS = ("calendar_days", "working_days", "minutes")
# 首次联系, 答复, 到达现场, 恢复供电, 回访
CLOCKS = ("contact", "reply", "arrive", "restore", "follow_up")
CLOCK_LABELS = {
    "contact": "首次联系客户",
    "reply": "答复客户",
    "arrive": "到达现场",
    "restore": "恢复供电",
    "follow_up": "回访",
}
UNIT_LABELS = {"calendar_days": "自然日", "working_days": "工作日", "minutes": "分钟"}
# Code names come from vocab so the rule table and the register share one vocabulary.
CATEGORIES = tuple(vocab.CATEGORIES)
AREAS = tuple(vocab.AREAS)
ANY = "*"
MAX_AMOUNT = 100000
END_OF_DAY = time(23, 59, 59)
# A visitor at the counter or a caller on the line is talking to the clerk already: registering
# the matter is the first contact. The first-contact clock runs only for matters received
# without the customer there (95598转办, 来信, 网络), who must be called back.
CONTACT_AT_RECEIPT = frozenset({"visit", "phone"})


def contact_at_receipt(channel: str) -> bool:
    """Whether a matter received by ``channel`` had its first contact when it was registered."""
    return channel in CONTACT_AT_RECEIPT


@dataclass(frozen=True)
class DeadlineRule:
    """One promise: for this category and area, this clock runs out after amount units."""

    category: str  # one of CATEGORIES, or "*" for all (follow_up)
    clock: str  # one of CLOCKS
    unit: str  # one of UNITS
    amount: int
    area: str = ANY  # one of AREAS, or "*"
    basis: str = ""  # where the rule comes from, in Chinese


# Default values only; each county checks them against its own current service rules.
_PROMISE = "供电服务承诺（默认值，以县公司现行规定为准）"
DEFAULT_RULES: tuple[DeadlineRule, ...] = (
    DeadlineRule(
        "complaint", "contact", "working_days", 1, basis=f"投诉1个工作日内联系客户，{_PROMISE}"
    ),
    DeadlineRule("complaint", "reply", "calendar_days", 5, basis=f"投诉5日内答复，{_PROMISE}"),
    DeadlineRule("report", "reply", "calendar_days", 10, basis=f"举报10日内答复，{_PROMISE}"),
    DeadlineRule("repair", "arrive", "minutes", 45, "urban", f"城区抢修45分钟内到达，{_PROMISE}"),
    DeadlineRule("repair", "arrive", "minutes", 90, "rural", f"农村抢修90分钟内到达，{_PROMISE}"),
    DeadlineRule(
        "repair", "arrive", "minutes", 120, "remote", f"偏远地区抢修2小时内到达，{_PROMISE}"
    ),
    DeadlineRule("repair", "restore", "minutes", 180, "urban", f"城区3小时内恢复供电，{_PROMISE}"),
    DeadlineRule("repair", "restore", "minutes", 240, "rural", f"农村4小时内恢复供电，{_PROMISE}"),
    DeadlineRule(
        "repair", "restore", "minutes", 240, "remote", f"偏远地区4小时内恢复供电，{_PROMISE}"
    ),
    # Consultations and queries are normally answered on the spot; this covers the rest.
    DeadlineRule(
        "consult", "reply", "working_days", 1, basis="不能当场答复的咨询，1个工作日内答复"
    ),
    DeadlineRule("query", "reply", "working_days", 1, basis="不能当场答复的查询，1个工作日内答复"),
    DeadlineRule("business", "reply", "working_days", 5, basis="业务办理5个工作日内答复"),
    DeadlineRule("suggestion", "reply", "working_days", 5, basis="意见建议5个工作日内答复"),
    DeadlineRule(ANY, "follow_up", "working_days", 3, basis="答复后3个工作日内回访"),
)


def end_of_day(day: date) -> datetime:
    """23:59:59 of ``day``: the last second a "by day X" promise still holds."""
    return datetime.combine(day, END_OF_DAY)


def due_at(start: datetime, rule: DeadlineRule, calendar: HolidayCalendar) -> datetime:
    """When the rule's clock, started at ``start``, runs out."""
    if rule.unit == "minutes":
        return start + timedelta(minutes=rule.amount)
    if rule.unit == "calendar_days":
        return end_of_day(start.date() + timedelta(days=rule.amount))
    if rule.unit == "working_days":
        return end_of_day(calendar.add_working_days(start.date(), rule.amount))
    raise ValueError(f"unknown unit {rule.unit!r}")


def _specificity(rule: DeadlineRule, category: str, area: str) -> tuple[bool, bool]:
    """Sort key: an exact category outranks any area match, then an exact area."""
    return (rule.category == category, rule.area == area)


def pick_rule(
    rules: Iterable[DeadlineRule], category: str, clock: str, area: str
) -> DeadlineRule | None:
    """The most specific rule for this clock; among equals, the first in ``rules``."""
    matching = [
        r
        for r in rules
        if r.clock == clock and r.category in (category, ANY) and r.area in (area, ANY)
    ]
    if not matching:
        return None
    # max() keeps the first of equal keys, so table order breaks ties predictably.
    return max(matching, key=lambda r: _specificity(r, category, area))


def compute_deadlines(
    category: str,
    received_at: datetime,
    area: str,
    rules: Iterable[DeadlineRule],
    calendar: HolidayCalendar,
    channel: str = "",
) -> dict[str, datetime]:
    """Due datetime of every clock (except follow_up) that has a rule, in CLOCKS order; no
    first-contact clock for a matter whose registration was the contact (``channel``)."""
    rules = tuple(rules)  # read once per clock
    due: dict[str, datetime] = {}
    for clock in CLOCKS:
        if clock == "follow_up":
            continue  # starts at the reply, not at receipt: see follow_up_due
        if clock == "contact" and contact_at_receipt(channel):
            continue
        rule = pick_rule(rules, category, clock, area)
        if rule is not None:
            due[clock] = due_at(received_at, rule, calendar)
    return clamp_to_served(due)


# A step that serves a later promise is due no later than that promise: a complaint's first
# contact counted in working days may otherwise land after its reply counted in calendar days
# (received 09-30: contact 10-08, reply 10-05 over National Day), and a repair crew cannot be
# due on site after the power is due back on.
SERVES = {"contact": "reply", "arrive": "restore"}


def promised_due(deadlines: dict[str, datetime]) -> datetime | None:
    """The deadline promised to the customer: the reply, or for a repair, power restored (or,
    where no restore clock applies, the arrival)."""
    return deadlines.get("reply") or deadlines.get("restore") or deadlines.get("arrive")


def clamp_to_served(due: dict[str, datetime]) -> dict[str, datetime]:
    """``due`` with every step moved back to the deadline it serves when it fell after it."""
    for step, served in SERVES.items():
        if step in due and served in due and due[step] > due[served]:
            due[step] = due[served]
    return due


def follow_up_due(
    replied_at: datetime,
    area: str,
    rules: Iterable[DeadlineRule],
    calendar: HolidayCalendar,
    category: str = ANY,
) -> datetime | None:
    """When the 回访 is due, counted from the reply; None when no follow_up rule applies."""
    rule = pick_rule(rules, category, "follow_up", area)
    return None if rule is None else due_at(replied_at, rule, calendar)


def _describe_amount(unit: str, amount: int) -> str:
    """ "5个自然日内", "90分钟内"; zero reads as the same day or immediately."""
    if amount == 0:
        return {
            "calendar_days": "当日内",
            "working_days": "当日（非工作日顺延）",
            "minutes": "立即",
        }[unit]
    if unit == "minutes":
        return f"{amount}分钟内"
    return f"{amount}个{UNIT_LABELS[unit]}内"


def describe_rule(rule: DeadlineRule) -> str:
    """The promise in Chinese, e.g. "答复客户：5个自然日内", shown live on the form."""
    return f"{CLOCK_LABELS[rule.clock]}：{_describe_amount(rule.unit, rule.amount)}"


def validate_rule(rule: DeadlineRule) -> None:
    """Refuse a rule the admin cannot save; ``err.field`` names the offending attribute."""
    if rule.category != ANY and rule.category not in CATEGORIES:
        raise ValidationError("category", f"未知的类别“{rule.category}”")
    if rule.clock not in CLOCKS:
        raise ValidationError("clock", f"未知的计时节点“{rule.clock}”")
    if rule.unit not in UNITS:
        raise ValidationError("time_unit", f"未知的时限单位“{rule.unit}”")
    if rule.area != ANY and rule.area not in AREAS:
        raise ValidationError("area", f"未知的供电区域“{rule.area}”")
    # bool is an int subclass; True would otherwise pass as 1.
    if type(rule.amount) is not int or not 0 <= rule.amount <= MAX_AMOUNT:
        raise ValidationError("amount", f"时限数值应为0到{MAX_AMOUNT}之间的整数")
