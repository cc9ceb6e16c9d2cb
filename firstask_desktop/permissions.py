"""Who may do what: the one permission table, enforced in the core so the CLI obeys it too."""

from __future__ import annotations

from .errors import NotAllowedError
from .vocab import ROLES

ALL_ROLES = frozenset(ROLES)

PERMISSIONS: dict[str, frozenset[str]] = {
    # register a matter, and work the entries one owns
    "register": ALL_ROLES,
    # act on an entry owned by someone else (the station head chases everything)
    "act_for_others": frozenset({"head", "admin"}),
    "void": ALL_ROLES,  # a clerk voids their own entries; others need act_for_others
    "see_personal_data": ALL_ROLES,
    "manage_staff": frozenset({"admin"}),
    "manage_departments": frozenset({"admin", "head"}),
    "manage_customers": ALL_ROLES,
    "edit_rules": frozenset({"admin"}),
    # confirm or dismiss proposed breaches: the station head only (seed §十二)
    "assess": frozenset({"head"}),
}

PERMISSION_LABELS = {
    "register": "登记",
    "act_for_others": "办理他人负责的登记",
    "void": "作废",
    "see_personal_data": "查看客户个人信息",
    "manage_staff": "管理人员",
    "manage_departments": "管理部门",
    "manage_customers": "管理客户",
    "edit_rules": "修改时限规则",
    "assess": "确认或驳回考核",
}


def can(staff, permission: str) -> bool:
    return bool(staff is not None and staff.active and staff.role in PERMISSIONS[permission])


def require(staff, permission: str) -> None:
    if not can(staff, permission):
        role = ROLES.get(getattr(staff, "role", ""), "未登录")
        raise NotAllowedError(
            f"{role}无权{PERMISSION_LABELS[permission]}：请由有权限的人员（"
            + "、".join(ROLES[r] for r in sorted(PERMISSIONS[permission]))
            + "）操作。"
        )
