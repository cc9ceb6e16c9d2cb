"""Who may do what: the one permission table, enforced in the core so the CLI obeys it too.

``docs/permissions.md`` carries the same table as Markdown (``python -m
firstask_desktop.domain.permissions`` prints it; a test keeps the two equal). Roles: 营业员 (clerk),
客户经理 (manager), 所长 (head), 管理员 (admin, the station's) and 县公司管理员 (county_admin, the
administrator of a county install, which merges the stations' sync files but registers nothing).
"""

from __future__ import annotations

from firstask_desktop.domain.errors import NotAllowedError
from firstask_desktop.domain.vocab import ROLES, STATION_ROLES

ALL_ROLES = frozenset(ROLES)
STATION_STAFF = frozenset(STATION_ROLES)
ADMINS = frozenset({"admin", "county_admin"})

PERMISSIONS: dict[str, frozenset[str]] = {
    # register a matter, and work the entries one owns
    "register": STATION_STAFF,
    # act on an entry owned by someone else (the station head chases everything)
    "act_for_others": frozenset({"head", "admin"}),
    # change what was registered once the customer has been answered: the answer is evidence
    "edit_after_reply": frozenset({"head", "admin"}),
    "void": STATION_STAFF,  # a clerk voids their own entries; others need act_for_others
    # names, phones, addresses and 户号 unmasked in lists and exports (保密); the responder
    # always sees their own entry's contact details to call the customer back
    "see_personal_data": frozenset({"manager", "head", "admin"}),
    # the Excel register, sync files out and in, the county's packages
    "export_import": frozenset({"head", "admin", "county_admin"}),
    "manage_staff": ADMINS,
    "manage_keys": ADMINS,
    "manage_departments": frozenset({"admin", "head"}),
    "manage_customers": STATION_STAFF,
    "edit_rules": ADMINS,
    "edit_settings": ADMINS,
    # a copy of everything to a USB stick, and putting a backup back over the register
    "backup": frozenset({"head", "admin", "county_admin"}),
    # confirm or dismiss proposed breaches: the station head (seed §十二); a breach of the head
    # himself goes to the county assessor (县公司考核员), who also sees every station's
    "assess": frozenset({"head", "county_assessor"}),
    # record a breach by hand (文明用语, 推诿/拒绝, 刁难/答复不实: no scan can see them)
    "record_breach": frozenset({"head", "county_assessor"}),
    # approve voiding an overdue entry or someone else's (a second person; the head's own
    # entries: the administrator)
    "approve_void": frozenset({"head", "admin"}),
    # hand an entry to another responder (改派), and decide on an escalation (协调/指派)
    "reassign": frozenset({"head", "admin"}),
    "decide_escalation": frozenset({"head"}),
    # decide an appeal (申诉) against a confirmed breach: the level above the station
    "decide_appeal": frozenset({"county_assessor"}),
}

PERMISSION_LABELS = {
    "register": "登记",
    "act_for_others": "办理他人负责的登记",
    "edit_after_reply": "修改已答复的登记",
    "void": "作废",
    "see_personal_data": "在列表和导出中查看客户个人信息",
    "export_import": "导出和导入（Excel、同步文件）",
    "manage_staff": "管理人员",
    "manage_keys": "管理密钥",
    "manage_departments": "管理部门",
    "manage_customers": "管理客户",
    "edit_rules": "修改时限规则",
    "edit_settings": "修改系统设置",
    "backup": "备份到U盘和恢复备份",
    "assess": "确认或驳回考核",
    "record_breach": "登记违规（人工）",
    "approve_void": "批准作废超期或他人的登记",
    "reassign": "改派首问责任人",
    "decide_escalation": "处理上报（协调、指派或亲自答复）",
    "decide_appeal": "裁决申诉",
}


def can(staff, permission: str) -> bool:
    return bool(staff is not None and staff.active and staff.role in PERMISSIONS[permission])


def refusal(staff, permission: str) -> NotAllowedError | None:
    """Why ``staff`` may not do what ``permission`` covers (None: they may): the text a refused
    action shows, and the tooltip of the button the screen disables for them."""
    if can(staff, permission):
        return None
    role = ROLES.get(getattr(staff, "role", ""), "未登录")
    return NotAllowedError(
        f"{role}无权{PERMISSION_LABELS[permission]}：请由有权限的人员（"
        + "、".join(label for r, label in ROLES.items() if r in PERMISSIONS[permission])
        + "）操作。"
    )


def require(staff, permission: str) -> None:
    refused = refusal(staff, permission)
    if refused is not None:
        raise refused


def markdown_table() -> str:
    """The permission table as Markdown, for ``docs/permissions.md``."""
    roles = list(ROLES)
    lines = [
        "| 权限 (code) | " + " | ".join(f"{ROLES[r]} ({r})" for r in roles) + " |",
        "| --- | " + " | ".join(":---:" for _ in roles) + " |",
    ]
    for permission, allowed in PERMISSIONS.items():
        cells = ["✓" if role in allowed else "—" for role in roles]
        lines.append(
            f"| {PERMISSION_LABELS[permission]} (`{permission}`) | " + " | ".join(cells) + " |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
