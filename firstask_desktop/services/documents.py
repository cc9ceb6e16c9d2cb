"""The documents a customer may be asked for, per kind of business (一次性告知 lists).

Seed §一次性告知: everything missing is listed to the customer once. These are the usual lists a
clerk ticks from; anything else is typed. Editable data, not rules: counties differ.
"""

from __future__ import annotations

BUSINESS_DOCUMENTS: dict[str, tuple[str, ...]] = {
    "居民新装": ("户主身份证复印件", "房产证明或宅基地证明", "用电申请表", "户口本复印件"),
    "非居民新装": (
        "营业执照复印件",
        "法定代表人身份证复印件",
        "授权委托书",
        "用电申请表",
        "用电设备清单",
        "产权证明",
    ),
    "增容": ("原用电户号", "身份证或营业执照复印件", "增容申请表", "新增用电设备清单"),
    "过户更名": ("原户主身份证复印件", "新户主身份证复印件", "房产过户证明", "结清电费凭证"),
    "充电桩报装": ("身份证复印件", "车位产权或使用权证明", "物业同意安装证明", "用电申请表"),
    "分布式光伏并网": (
        "身份证复印件",
        "房屋产权证明",
        "并网申请表",
        "光伏组件及逆变器资料",
        "户号",
    ),
    "销户": ("户主身份证复印件", "结清电费凭证", "销户申请表"),
}
