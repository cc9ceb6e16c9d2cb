"""A realistic demo station, so that every screen and printout has something true to show.

Everything is made through the same services a clerk uses, with the clock of each step set to
when it would have happened, so deadlines, audit events and states are all genuine.

A large demo (more than ``BULK_FROM`` entries: ten years of a busy station) would take hours
that way; its history up to the last week is written by ``bulk.add_entries`` instead (the same
rows and hash-chained audit events, in batches), and only the last week goes through the
services, so the 待办, overdue and follow-up screens still have live matters on them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from . import db
from .errors import RefusedError
from .models import Customer, Entry, Staff
from .services import entries as svc
from .services.station import add_department, init_station, local_station

DEMO_PASSWORD = "demo123"
STATION = {
    "code": "GS0101",
    "name": "城关供电所",
    "county": "榆中县供电公司",
    "area": "rural",
    "phone": "0931-5221234",
}
STAFF = [  # name, role, department
    ("王建国", "head", "综合办公室"),
    ("李娜", "clerk", "营业班"),
    ("张伟", "clerk", "营业班"),
    ("刘芳", "clerk", "营业班"),
    ("陈静", "manager", "营业班"),
    ("赵磊", "manager", "配电运维班"),
]
ADMIN = "管理员"
DEPARTMENT_PHONES = {
    "营业班": "0931-5221234",
    "配电运维班": "0931-5221235",
    "抢修班": "0931-5221236",
    "计量班": "0931-5221237",
    "综合办公室": "0931-5221238",
}

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田萧潘袁蔡蒋余"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "秀英",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀兰",
    "霞",
    "平",
    "刚",
    "桂英",
    "建华",
    "玉兰",
    "志强",
    "海燕",
]
SPECIAL_NAMES = ["𠮷祥", "阿依古丽·买买提", "欧阳娜娜", "马明·哈力克", "司马光明"]
VILLAGES = [
    "李家村",
    "金家崖村",
    "三角城村",
    "周前村",
    "兴隆村",
    "城关镇东街社区",
    "黄家庄村",
    "红柳沟村",
    "清水驿村",
    "小康营村",
]
UNITS = [
    "",
    "",
    "",
    "榆中县第一中学",
    "兴隆农业合作社",
    "三角城小学",
    "李家村村委会",
    "金崖镇卫生院",
    "城关镇幸福超市",
    "红柳沟养殖场",
]
MATTERS = {
    "consult": [
        "咨询阶梯电价的计算方法",
        "咨询新装电表需要哪些材料",
        "咨询峰谷电价如何办理",
        "咨询光伏并网补贴政策",
        "咨询电费缴纳方式",
    ],
    "query": ["查询上月电费明细", "查询电表底数是否正确", "查询欠费停电原因", "查询预存电费余额"],
    "complaint": [
        "家中电压长期偏低，空调无法启动",
        "抄表员估抄，电费明显偏高",
        "停电未提前通知，冰箱食物损坏",
        "营业员服务态度差，办理业务推诿",
        "电费发票开具错误多次未改正",
    ],
    "report": ["举报有人私拉乱接偷电", "举报施工队挖断电缆后私自接线", "举报变压器附近违章建房"],
    "repair": [
        "整村停电，请尽快抢修",
        "入户线烧断，家中无电",
        "电线杆倾斜，有倒杆危险",
        "表箱冒烟，闻到焦糊味",
        "大风刮断低压线路",
    ],
    "business": [
        "申请新装居民用电",
        "申请增容至 20 kW",
        "办理过户更名",
        "申请安装充电桩",
        "办理分布式光伏并网",
    ],
    "suggestion": ["建议营业厅周末延长营业时间", "建议增加微信缴费提醒", "建议村里设置缴费代办点"],
    "praise": ["感谢抢修班冒雨连夜恢复供电", "表扬营业员耐心讲解电价政策"],
}
CATEGORY_WEIGHTS = {
    "consult": 26,
    "query": 18,
    "complaint": 9,
    "report": 3,
    "repair": 20,
    "business": 16,
    "suggestion": 5,
    "praise": 3,
}
CHANNEL_WEIGHTS = {"visit": 45, "phone": 35, "letter": 3, "online": 7, "hotline_95598": 10}
DOCS = ["身份证复印件", "房产证明", "户口本", "用电申请表", "营业执照复印件", "授权委托书"]
RESULTS = {
    "consult": "已当面讲解并提供书面资料",
    "query": "已查明并告知客户",
    "complaint": "已调查核实，向客户说明并整改",
    "report": "已会同用电检查人员现场核实处理",
    "repair": "抢修完毕，已恢复供电",
    "business": "业务已办结，客户已签收",
    "suggestion": "已采纳并回复客户",
    "praise": "已致谢并转告相关班组",
}


def _name(rng: random.Random) -> str:
    if rng.random() < 0.03:
        return rng.choice(SPECIAL_NAMES)
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


# Blocks no operator gives to customers (libphonenumber's data): a demo number must pass the
# entry form as a real one does. Replaced, not redrawn, so the demo's random draws stay the same.
_UNUSED_MOBILE_BLOCKS = {"154": "155", "194": "195"}


def mobile_number(rng: random.Random) -> str:
    block = f"1{rng.choice('3589')}{rng.randint(0, 9)}"
    return _UNUSED_MOBILE_BLOCKS.get(block, block) + str(rng.randint(10000000, 99999999))


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return f"0931-52{rng.randint(10000, 99999)}"
    return mobile_number(rng)


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _received_times(rng: random.Random, count: int, now: datetime) -> list[datetime]:
    """Working-hours arrivals over the past months, more in summer and winter peaks."""
    span_days = max(30, min(3650, count // 3))
    times = []
    while len(times) < count:
        day = now - timedelta(days=rng.randint(0, span_days))
        peak = day.month in (1, 2, 7, 8, 12)
        if day.weekday() >= 5 and rng.random() < 0.7:
            continue
        if not peak and rng.random() < 0.25:
            continue
        moment = day.replace(
            hour=rng.randint(8, 17), minute=rng.randint(0, 59), second=0, microsecond=0
        )
        if moment < now - timedelta(minutes=10):
            times.append(moment)
    return sorted(times)


BULK_FROM = 5000  # more entries than this: the history is written in bulk
RECENT_DAYS = 7  # ... all but the last week, which goes through the services
SETTLED_DAYS = 30  # matters older than this have all ended in the bulk-written history


def build_demo(
    entries: int = 300,
    seed: int = 1,
    now: datetime | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Fill an empty data folder with the demo station (refused if it has one already).

    ``on_progress(done, total)`` is called now and then while a large demo is written."""
    if local_station() is not None:
        raise RefusedError("数据文件夹里已经有供电所的数据：演示数据只能生成在空的数据文件夹中。")
    if not 0 <= entries <= 1_000_000:
        raise RefusedError("演示登记条数应在 0 到 1000000 之间。")
    rng = random.Random(seed)
    now = (now or datetime.now()).replace(second=0, microsecond=0)
    start = now - timedelta(days=max(30, min(3650, entries // 3)) + 2)
    init_station(admin_name=ADMIN, admin_password=DEMO_PASSWORD, now=start, **STATION)
    admin = Staff.get(Staff.name == ADMIN)
    _demo_staff(admin, start)
    staff = {s.name: s for s in Staff.select()}
    clerks = [staff[n] for n, role, _ in STAFF if role in ("clerk", "manager")]
    _demo_customers(rng, staff, start)
    times = _received_times(rng, entries, now)
    if entries > BULK_FROM:
        recent = now - timedelta(days=RECENT_DAYS)
        history = [t for t in times if t < recent]
        times = times[len(history) :]
        _write_history(history, seed, now, entries, on_progress)
    for number, received in enumerate(times, start=entries - len(times) + 1):
        _one_entry(rng, rng.choice(clerks), received, now)
        if on_progress is not None and number % 100 == 0:
            on_progress(number, entries)
    return {
        "station": f"{STATION['name']}（{STATION['code']}）",
        "entries": Entry.select().count(),
        "staff": Staff.select().count(),
        "password": DEMO_PASSWORD,
    }


def _write_history(
    times: list[datetime],
    seed: int,
    now: datetime,
    total: int,
    on_progress: Callable[[int, int], None] | None,
) -> None:
    """Years of matters in bulk: those of the last month still moving, the rest long ended."""
    from . import bulk
    from .bulk_write import loading
    from .models import AuditEvent, Escalation, FollowUp, Transfer, Void

    def report(done: int, _count: int) -> None:
        if on_progress is not None:
            on_progress(done, total)

    with loading((Customer, Entry, Transfer, FollowUp, Escalation, Void, AuditEvent)):
        bulk.add_entries(
            len(times),
            seed=seed,
            now=now,
            times=times,
            batch=5000,
            settled_after=timedelta(days=SETTLED_DAYS),
            on_progress=report,
            in_parallel=True,
        )


def _demo_staff(admin: Staff, at: datetime) -> None:
    from .audit import save_audited
    from .models import Department

    for dep in Department.select():
        if dep.name in DEPARTMENT_PHONES:
            dep.phone = DEPARTMENT_PHONES[dep.name]
            with db.transaction():
                save_audited(dep, actor=admin, action="edit_department", at=at)
    add_department(admin, name="用电检查班", phone="0931-5221239", place="生产楼二楼", now=at)
    # One Argon2 hash for every demo account: the demo password is public anyway.
    password_hash = admin.password_hash
    with db.transaction():
        for name, role, department in STAFF:
            member = Staff(
                station=admin.station,
                name=name,
                role=role,
                department=Department.get(Department.name == department),
                phone=f"139{random.Random(name).randint(10000000, 99999999)}",
                password_hash=password_hash,
            )
            save_audited(member, actor=admin, action="add_staff", at=at)


def _demo_customers(rng: random.Random, staff: dict, at: datetime) -> None:
    """A few gold/silver/bronze customers with their customer managers (seed §六)."""
    from .audit import save_audited

    tiers = [
        ("兴隆农业合作社", "gold", "陈静"),
        ("榆中县第一中学", "silver", "陈静"),
        ("红柳沟养殖场", "bronze", "赵磊"),
        ("金崖镇卫生院", "gold", "赵磊"),
    ]
    with db.transaction():
        for unit, tier, manager in tiers:
            customer = Customer(
                station=staff[manager].station,
                name=_name(rng),
                unit=unit,
                address=f"榆中县城关镇{rng.choice(VILLAGES)}",
                phone=f"138{rng.randint(10000000, 99999999)}",
                account_no=str(rng.randint(10**9, 10**10 - 1)),
                tier=tier,
                manager=staff[manager],
            )
            save_audited(customer, actor="系统", action="add_customer", at=at)


def _within(
    rng: random.Random, start: datetime, deadline: datetime | None, punctual: bool
) -> datetime:
    """When a step is done: before its deadline for a punctual clerk, some hours late if not."""
    if deadline is None or deadline <= start:
        return start + timedelta(minutes=rng.randint(20, 600))
    if punctual:
        span = (deadline - start).total_seconds()
        return start + timedelta(seconds=max(300, int(span * rng.uniform(0.1, 0.8))))
    return deadline + timedelta(hours=rng.randint(2, 72))


def _one_entry(rng: random.Random, clerk: Staff, received: datetime, now: datetime) -> None:
    category = _pick(rng, CATEGORY_WEIGHTS)
    channel = _pick(rng, CHANNEL_WEIGHTS)
    returning = rng.random() < 0.15 and Customer.select().count() > 10
    if returning:
        customer = (
            Customer.select()
            .order_by(Customer.id)
            .offset(rng.randint(0, Customer.select().count() - 1))
            .first()
        )
        visitor, phone, unit = customer.name, customer.phone, customer.unit
        address, account = customer.address, customer.account_no
    else:
        visitor, phone, unit = _name(rng), _phone(rng), rng.choice(UNITS)
        address = f"榆中县城关镇{rng.choice(VILLAGES)}{rng.randint(1, 9)}组{rng.randint(1, 80)}号"
        account = str(rng.randint(10**9, 10**10 - 1)) if rng.random() < 0.5 else ""
    on_the_spot = category in ("consult", "query") and rng.random() < 0.6
    registered_at = received + timedelta(minutes=2)
    entry = svc.register_entry(
        clerk,
        channel=channel,
        category=category,
        visitor=visitor,
        unit=unit,
        address=address,
        phone=phone,
        account_no=account,
        matter=rng.choice(MATTERS[category]),
        received_at=received,
        now=registered_at,
        wo_number=f"95598{received:%y%m%d}{rng.randint(1000, 9999)}"
        if channel == "hotline_95598"
        else "",
        missing_documents=rng.sample(DOCS, rng.randint(1, 3))
        if category == "business" and rng.random() < 0.4
        else None,
        result=RESULTS[category] if on_the_spot else "",
        reception_notes="客户情绪激动，已安抚"
        if category == "complaint" and rng.random() < 0.3
        else "",
    )
    owner = entry.responder
    punctual = rng.random() < 0.9  # most clerks keep their promises; the rest show in 考核
    if entry.status in ("replied", "closed"):
        _follow_up(rng, owner, entry, punctual, now)
        return
    fate = rng.random()
    recent = now - received < timedelta(days=10)  # only recent matters are still on the desk
    if fate < 0.03:
        svc.void_entry(
            owner,
            entry.serial,
            "重复登记，同一事项已由他人受理",
            now=registered_at + timedelta(minutes=10),
        )
        return
    step = registered_at
    if category == "complaint":
        step = _within(rng, step, entry.contact_due_at, punctual)
        if step > now:
            return
        svc.record_contact(owner, entry.serial, "已电话联系客户，说明处理安排", now=step)
    if category in ("repair", "complaint", "report", "business") and rng.random() < 0.8:
        department = {
            "repair": "抢修班",
            "complaint": "营业班",
            "report": "用电检查班",
            "business": "营业班",
        }[category]
        soon = entry.arrive_due_at if category == "repair" else step + timedelta(hours=4)
        step = _within(rng, step, soon, punctual)
        if step > now:
            return
        svc.transfer_entry(
            owner, entry.serial, department=department, note="请按时限办理并回复", now=step
        )
        transfer_due = svc.get_entry(entry.serial).due_at
        if fate < 0.08 and recent:
            return  # still with the department: supervision to do
        if category != "repair" or not punctual:
            step = _within(rng, step, transfer_due, punctual)
            if step > now:
                return
            svc.record_supervision(owner, entry.serial, "电话督办，部门答复正在处理", now=step)
    step = _within(rng, step, entry.due_at, punctual)
    if step > now or (fate < 0.12 and recent):
        return  # still open (and, past its deadline, overdue)
    if fate < 0.16:
        svc.mark_unresolved(
            owner, entry.serial, "涉及线路改造，需列入明年农网改造计划，本所无法单独解决", now=step
        )
    else:
        svc.reply_entry(owner, entry.serial, RESULTS[category], now=step)
    _follow_up(rng, owner, svc.get_entry(entry.serial), punctual, now)


def _follow_up(rng, owner: Staff, entry: Entry, punctual: bool, now: datetime) -> None:
    if entry.status not in ("replied", "unresolved"):
        return
    start = entry.replied_at or entry.updated_at
    at = _within(rng, start, entry.follow_up_due_at, punctual)
    if at > now:
        return  # follow-up still to do
    if rng.random() < 0.15:
        svc.record_follow_up(
            owner,
            entry.serial,
            method="phone",
            outcome="no_answer",
            now=at - timedelta(hours=2) if at - timedelta(hours=2) > start else at,
        )
    satisfaction = rng.choices(["satisfied", "basic", "unsatisfied"], weights=[82, 14, 4])[0]
    svc.record_follow_up(
        owner,
        entry.serial,
        method=rng.choice(["phone", "phone", "visit", "sms"]),
        satisfaction=satisfaction,
        note="客户表示认可" if satisfaction != "unsatisfied" else "客户认为问题未彻底解决",
        now=at,
    )
    if satisfaction == "unsatisfied":
        return  # reopened: back on the responder's desk
    if at + timedelta(days=1) <= now and rng.random() < 0.85:
        svc.close_entry(owner, entry.serial, now=at + timedelta(days=1))
