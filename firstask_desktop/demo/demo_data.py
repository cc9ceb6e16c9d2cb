"""The demo station's people and words: its staff, customers, villages and matters, and the
helpers that draw them at random. Shared by the service-built demo (demo_station) and the bulk
writer of large demos (bulk_demo)."""

from __future__ import annotations

import random
from datetime import datetime

from firstask_desktop.services.station import add_department
from firstask_desktop.store import db
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import Customer, Department, Staff

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


def random_name(rng: random.Random) -> str:
    if rng.random() < 0.03:
        return rng.choice(SPECIAL_NAMES)
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


# Blocks no operator gives to customers (libphonenumber's data): a demo number must pass the
# entry form as a real one does. Replaced, not redrawn, so the demo's random draws stay the same.
_UNUSED_MOBILE_BLOCKS = {"154": "155", "194": "195"}


def mobile_number(rng: random.Random) -> str:
    block = f"1{rng.choice('3589')}{rng.randint(0, 9)}"
    return _UNUSED_MOBILE_BLOCKS.get(block, block) + str(rng.randint(10000000, 99999999))


def random_phone(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return f"0931-52{rng.randint(10000, 99999)}"
    return mobile_number(rng)


def pick_weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def add_demo_staff(admin: Staff, at: datetime) -> None:
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


def add_demo_customers(rng: random.Random, staff: dict, at: datetime) -> None:
    """A few gold/silver/bronze customers with their customer managers (seed §六)."""
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
                name=random_name(rng),
                unit=unit,
                address=f"榆中县城关镇{rng.choice(VILLAGES)}",
                phone=f"138{rng.randint(10000000, 99999999)}",
                account_no=str(rng.randint(10**9, 10**10 - 1)),
                tier=tier,
                manager=staff[manager],
            )
            save_audited(customer, actor="系统", action="add_customer", at=at)
