"""Setting up a station and its people: init, staff, departments, login."""

from __future__ import annotations

import re
from datetime import datetime

from firstask_desktop.domain import permissions
from firstask_desktop.domain.deadlines import DEFAULT_RULES
from firstask_desktop.domain.errors import (
    NotAllowedError,
    NotFoundError,
    RefusedError,
    ValidationError,
    WrongPasswordError,
)
from firstask_desktop.domain.validation import clean_text, normalise_name, normalise_phone
from firstask_desktop.domain.vocab import AREAS, COUNTY_ROLES, MODES, ROLES, parse_choice
from firstask_desktop.store import db, lockout, passwords
from firstask_desktop.store.audit import record_table_state, save_audited
from firstask_desktop.store.holiday_table import top_up_shipped_years
from firstask_desktop.store.local_station import local_station
from firstask_desktop.store.models import (
    DeadlineRuleRow,
    Department,
    HolidayDay,
    KnownKey,
    RetiredKey,
    Staff,
    Station,
)
from firstask_desktop.store.storage import current_folder

STATION_CODE = re.compile(r"^[A-Z0-9]{2,12}$")
DEFAULT_DEPARTMENTS = (
    ("营业班", "营业厅"),
    ("配电运维班", "生产楼一楼"),
    ("抢修班", "生产楼一楼"),
    ("计量班", "生产楼二楼"),
    ("综合办公室", "办公楼二楼"),
)


def _office_phone(phone: str) -> str:
    """The station's, a department's or a staff member's phone: the form is checked, the number
    kept as typed even where libphonenumber's data does not know it. A station's own numbers
    (a new exchange, an extension board) are its own to know, and there is no one to ask."""
    return normalise_phone(phone, allow_unverified=True) if phone else ""


def require_station() -> Station:
    station = local_station()
    if station is None:
        raise RefusedError(
            "数据文件夹还没有初始化：请先运行 init 建立供电所，或用 demo 生成演示数据。"
        )
    return station


def normalise_station_code(code: str) -> str:
    value = (code or "").strip().upper()
    if not STATION_CODE.match(value):
        raise ValidationError(
            "station_code", "应为 2–12 位大写字母或数字（如 GS0101），用于受理编号"
        )
    return value


def seed_holidays() -> int:
    """The shipped calendar, each year with its status (holiday_table); returns the days added."""
    before = HolidayDay.select().count()
    top_up_shipped_years(actor="系统初始化")
    return HolidayDay.select().count() - before


def init_station(
    *,
    code: str,
    name: str,
    county: str = "",
    mode: str = "station",
    area: str = "rural",
    admin_name: str,
    admin_password: str,
    phone: str = "",
    now: datetime | None = None,
) -> Station:
    """Create this PC's station, its first administrator, the rule table and holiday calendar."""
    if local_station() is not None:
        raise RefusedError("这个数据文件夹已经初始化过：如需重新开始，请换一个空的数据文件夹。")
    code = normalise_station_code(code)
    name = clean_text(name, "station_name", max_len=60, required=True, multiline=False)
    county = clean_text(county, "county", max_len=60, multiline=False)
    mode = parse_choice(mode, MODES, "mode")
    area = parse_choice(area, AREAS, "area")
    admin_name = normalise_name(admin_name, "name")
    password_hash = passwords.hash_password(admin_password)
    phone = _office_phone(phone)
    now = now or datetime.now().replace(microsecond=0)
    system = "系统初始化"
    with db.transaction():
        station = Station(
            code=code,
            station=code,
            name=name,
            county=county,
            mode=mode,
            area=area,
            phone=phone,
            is_local=True,
        )
        save_audited(station, actor=system, action="init_station", at=now)
        for dep_name, place in DEFAULT_DEPARTMENTS:
            save_audited(
                Department(station=code, name=dep_name, place=place),
                actor=system,
                action="add_department",
                at=now,
            )
        # A county install's first administrator is the county administrator (permissions.py).
        admin_role = "county_admin" if mode == "county" else "admin"
        admin = Staff(station=code, name=admin_name, role=admin_role, password_hash=password_hash)
        save_audited(admin, actor=system, action="add_staff", at=now)
        for rule in DEFAULT_RULES:
            row = DeadlineRuleRow(
                station=code,
                category=rule.category,
                clock=rule.clock,
                unit=rule.unit,
                amount=rule.amount,
                area=rule.area,
                basis=rule.basis,
            )
            save_audited(row, actor=system, action="seed_rule", at=now)
        # The key registry chained from the start: a key written into it by anything but the
        # app (sync/trust.py) is reported by check, even before the first key is imported.
        for model in (KnownKey, RetiredKey):
            record_table_state(model, station=code, actor=system, at=now)
    seed_holidays()
    # The station's identity for signed receipts and sync files, made once at setup.
    # Imported here: cryptography takes a while to load, and only a new station needs it.
    from firstask_desktop.store.keys import (
        load_or_create_encryption_key,
        load_or_create_signing_key,
    )

    load_or_create_signing_key(current_folder())
    if mode == "county":
        load_or_create_encryption_key(current_folder())  # stations encrypt their sync files to it
    return station


def own_rows(model):
    """The condition "belongs to this PC's station": after USB sync a database also holds other
    stations' departments and staff (the county's directory at a station; all at the county)."""
    station = local_station()
    return model.station == (station.code if station else "")


def find_staff(name: str, *, active_only: bool = True) -> Staff:
    station = require_station()
    query = Staff.select().where((Staff.station == station.code) & (Staff.name == name.strip()))
    if active_only:
        query = query.where(Staff.active == True)  # noqa: E712
    staff = query.first()
    if staff is None:
        raise NotFoundError(f"没有名为“{name}”的在岗人员：请检查姓名，或由管理员先添加该人员。")
    return staff


def find_department(name: str) -> Department:
    dep = (
        Department.select()
        .where(
            (Department.name == name.strip())
            & (Department.active == True)  # noqa: E712
            & own_rows(Department)
        )
        .first()
    )
    if dep is None:
        names = "、".join(
            d.name
            for d in Department.select().where(
                (Department.active == True) & own_rows(Department)  # noqa: E712
            )
        )
        raise NotFoundError(f"没有名为“{name}”的部门。现有部门：{names or '无'}。")
    return dep


def authenticate(name: str, password: str, now: datetime | None = None) -> Staff:
    """The staff member, when the password is right; refused (nothing said of which part) else.

    Five wrong passwords in a row lock the account for ten minutes (lockout.py); a locked
    account is refused without looking at the password, saying how many minutes are left.
    """
    now = now or datetime.now()
    try:
        staff = find_staff(name)
    except NotFoundError:
        staff = None
    if staff is None:
        raise NotAllowedError("姓名或密码不正确，请重新输入。")
    lockout.refuse_if_locked(staff, now)
    if not passwords.verify_password(staff.password_hash, password):
        left = lockout.record_failure(staff, now)
        if not left:
            raise NotAllowedError(
                f"密码已连续输错{lockout.MAX_FAILED_LOGINS}次，“{staff.name}”的账户锁定"
                f"{lockout.LOCK_MINUTES}分钟：请{lockout.LOCK_MINUTES}分钟后再试，"
                "急用请由管理员重置密码。"
            )
        raise WrongPasswordError(
            f"姓名或密码不正确，请重新输入（再错{left}次，账户将锁定{lockout.LOCK_MINUTES}分钟）。",
            left,
            lockout.LOCK_MINUTES,
        )
    lockout.clear(staff)
    return staff


def add_staff(
    actor: Staff,
    *,
    name: str,
    role: str,
    password: str,
    department: str = "",
    phone: str = "",
    now: datetime | None = None,
) -> Staff:
    permissions.require(actor, "manage_staff")
    station = require_station()
    name = normalise_name(name, "name")
    role = parse_choice(role, ROLES, "role")
    if (role in COUNTY_ROLES and station.mode != "county") or (
        role == "admin" and station.mode == "county"
    ):
        raise ValidationError("role", _role_for_mode_message(station.mode))
    phone = _office_phone(phone)
    dep = find_department(department) if department else None
    if Staff.select().where((Staff.station == station.code) & (Staff.name == name)).exists():
        raise ValidationError("name", f"已有人员“{name}”：同名人员请加以区分（如 张伟2）")
    password_hash = passwords.hash_password(password)
    staff = Staff(
        station=station.code,
        name=name,
        role=role,
        department=dep,
        phone=phone,
        password_hash=password_hash,
    )
    with db.transaction():
        save_audited(staff, actor=actor, action="add_staff", at=now)
    return staff


def _role_for_mode_message(mode: str) -> str:
    if mode == "county":
        return "县公司的管理员请选“县公司管理员”（county_admin）"
    return "“县公司管理员”和“县公司考核员”只用于县公司的安装；供电所的管理员请选“管理员”（admin）"


def add_department(
    actor: Staff, *, name: str, phone: str = "", place: str = "", now: datetime | None = None
) -> Department:
    permissions.require(actor, "manage_departments")
    station = require_station()
    name = clean_text(name, "department", max_len=40, required=True, multiline=False)
    phone = _office_phone(phone)
    place = clean_text(place, "place", max_len=80, multiline=False)
    if Department.select().where((Department.name == name) & own_rows(Department)).exists():
        raise ValidationError("department", f"已有部门“{name}”")
    dep = Department(station=station.code, name=name, phone=phone, place=place)
    with db.transaction():
        save_audited(dep, actor=actor, action="add_department", at=now)
    return dep


def list_departments(active_only: bool = True) -> list[Department]:
    query = Department.select().where(own_rows(Department)).order_by(Department.id)
    if active_only:
        query = query.where(Department.active == True)  # noqa: E712
    return list(query)


def list_staff(active_only: bool = True) -> list[Staff]:
    query = Staff.select().where(own_rows(Staff)).order_by(Staff.role, Staff.name)
    if active_only:
        query = query.where(Staff.active == True)  # noqa: E712
    return list(query)


def station_head() -> Staff | None:
    return (
        Staff.select()
        .where(
            (Staff.role == "head")
            & (Staff.active == True)  # noqa: E712
            & own_rows(Staff)
        )
        .order_by(Staff.id)
        .first()
    )
