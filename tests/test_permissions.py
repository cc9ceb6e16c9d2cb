"""The permission table, cell by cell, through the services that enforce it.

The expected table is written out here a second time, by hand, as the requirement: a change to
``permissions.py`` that is not also made here (and in docs/permissions.md) fails.
"""

from __future__ import annotations

import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from support import PASSWORD, T0

from firstask_desktop.domain import permissions
from firstask_desktop.domain.errors import NotAllowedError, RefusedError, ValidationError
from firstask_desktop.store import db
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import Entry, Staff, Violation
from firstask_desktop.store.storage import open_store

ROOT = Path(__file__).resolve().parent.parent
ROLES = ("clerk", "manager", "head", "admin", "county_admin", "county_assessor")
ACTOR = {
    "clerk": "李娜",
    "manager": "陈静",
    "head": "王建国",
    "admin": "管理员",
    "county_admin": "周县",
    "county_assessor": "赵考核",
}
OWNER = "刘芳"  # a clerk who owns the entries the actors act on
COUNTY_KEY_FILE = "YZ00-public-key.json"  # beside each copy of the station's data folder

# The requirement: who may do what (1 = allowed).
# fmt: off
EXPECTED = {
    #                    clerk manager head admin county_admin county_assessor
    "register":          (1, 1, 1, 1, 0, 0),
    "act_for_others":    (0, 0, 1, 1, 0, 0),
    "edit_after_reply":  (0, 0, 1, 1, 0, 0),
    "void":              (1, 1, 1, 1, 0, 0),
    "see_personal_data": (0, 1, 1, 1, 0, 0),
    "export_import":     (0, 0, 1, 1, 1, 0),
    "manage_staff":      (0, 0, 0, 1, 1, 0),
    "manage_keys":       (0, 0, 0, 1, 1, 0),
    "manage_departments": (0, 0, 1, 1, 0, 0),
    "manage_customers":  (1, 1, 1, 1, 0, 0),
    "edit_rules":        (0, 0, 0, 1, 1, 0),
    "edit_settings":     (0, 0, 0, 1, 1, 0),
    "backup":            (0, 0, 1, 1, 1, 0),
    "assess":            (0, 0, 1, 0, 0, 1),
    "record_breach":     (0, 0, 1, 0, 0, 1),
    "approve_void":      (0, 0, 1, 1, 0, 0),
    "reassign":          (0, 0, 1, 1, 0, 0),
    "decide_escalation": (0, 0, 1, 0, 0, 0),
    "decide_appeal":     (0, 0, 0, 0, 0, 1),
}
# fmt: on


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A station with one member of each role, and entries to act on; copied for each test."""
    from firstask_desktop.services import entries as svc
    from firstask_desktop.services.station import add_staff, init_station
    from firstask_desktop.sync.trust import export_key_file

    base = tmp_path_factory.mktemp("perm")
    # The county's public key file, for the station's administrators to import (manage_keys).
    open_store(base / "county")
    init_station(
        code="YZ00",
        name="榆中县供电公司",
        mode="county",
        admin_name="县管理员",
        admin_password=PASSWORD,
        now=T0,
    )
    export_key_file(base)
    db.close()
    folder = base / "data"
    open_store(folder)
    init_station(
        code="GS0101",
        name="城关供电所",
        area="rural",
        admin_name="管理员",
        admin_password=PASSWORD,
        now=T0,
    )
    admin = Staff.get(Staff.name == "管理员")
    for name, role in [
        ("李娜", "clerk"),
        ("陈静", "manager"),
        ("王建国", "head"),
        (OWNER, "clerk"),
    ]:
        add_staff(admin, name=name, role=role, password=PASSWORD, department="营业班", now=T0)
    # The county roles exist only on county installs; the permission check looks at the role
    # alone, so they are written here directly (audited, as the app would).
    with db.transaction():
        for name, role in (("周县", "county_admin"), ("赵考核", "county_assessor")):
            save_audited(
                Staff(
                    station="GS0101",
                    name=name,
                    role=role,
                    password_hash=Staff.get(Staff.name == "李娜").password_hash,
                ),
                actor="测试",
                action="add_staff",
                at=T0,
            )
    owner = Staff.get(Staff.name == OWNER)
    svc.register_entry(
        owner,
        channel="visit",
        category="consult",
        visitor="张三",
        phone="13812345678",
        address="甘肃省榆中县城关镇李家村3组15号",
        matter="咨询电价，回电13912345678",
        now=T0,
    )
    svc.register_entry(
        owner,
        channel="visit",
        category="consult",
        visitor="李四",
        phone="13812345679",
        matter="咨询电价",
        result="已讲解",
        now=T0,
    )
    for role, name in ACTOR.items():  # one entry owned by each actor, for 作废
        svc.register_entry(
            admin,
            channel="phone",
            category="query",
            visitor="王五",
            phone="13812345670",
            matter=f"{role} 的登记",
            responder=name,
            now=T0,
        )
    # One proposed breach for the head to decide (assess): the first entry left unanswered.
    from firstask_desktop.services.assessment import scan

    scan(T0 + timedelta(days=3))
    db.close()
    return folder


@pytest.fixture
def station_copy(template, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    shutil.copy(template.parent / COUNTY_KEY_FILE, tmp_path)
    open_store(folder)
    yield folder
    db.close()


def _serial(n: int) -> str:
    return f"GS0101-2026-{n:05d}"


OPEN, REPLIED = _serial(1), _serial(2)


def _own_serial(role: str) -> str:
    return _serial(3 + ROLES.index(role))


def _do(permission: str, actor: Staff, folder: Path):
    """Exercise ``permission`` through a real service; returns on success or any refusal that
    comes after the permission check, raises NotAllowedError when the role is refused."""
    from firstask_desktop.services import accounts, backup, entry_edits, export_excel, rules
    from firstask_desktop.services import entries as svc
    from firstask_desktop.services.assessment import confirm
    from firstask_desktop.services.station import add_department, add_staff
    from firstask_desktop.sync.trust import import_key_file, registered

    if permission == "register":
        svc.register_entry(
            actor,
            channel="visit",
            category="consult",
            visitor="赵六",
            phone="13812345671",
            matter="咨询",
            now=T0,
        )
    elif permission == "act_for_others":
        svc.start_entry(actor, OPEN, now=T0)
    elif permission == "edit_after_reply":
        entry_edits.edit_entry(actor, REPLIED, matter="咨询电价（更正）", now=T0)
        assert Entry.get(Entry.serial == REPLIED).matter == "咨询电价（更正）"
    elif permission == "void":
        svc.void_entry(actor, _own_serial(actor.role), "重复登记", now=T0)
    elif permission == "see_personal_data":
        from firstask_desktop.domain.visibility import entry_dict_for
        from firstask_desktop.services.queries import entry_to_dict

        entry = Entry.get(Entry.serial == OPEN)
        shown = entry_dict_for(actor, entry, entry_to_dict(entry))
        if shown["phone"] != "13812345678":
            assert shown["phone"] == "138****5678" and shown["visitor"] == "张*"
            assert "13912345678" not in shown["matter"]
            raise NotAllowedError("masked")
    elif permission == "export_import":
        export_excel.export_register(actor, folder / "x.xlsx")
    elif permission == "manage_staff":
        add_staff(actor, name="新来的", role="clerk", password=PASSWORD, now=T0)
    elif permission == "manage_keys":
        info, new = import_key_file(folder.parent / COUNTY_KEY_FILE, accepted_by=actor, now=T0)
        assert new and registered("county", info.station).accepted_by == actor.name
    elif permission == "manage_departments":
        add_department(actor, name="新部门", now=T0)
    elif permission == "manage_customers":
        svc.set_customer_tier(actor, Entry.get(Entry.serial == OPEN).customer, "none", now=T0)
    elif permission == "edit_rules":
        row = rules.rule_rows()[0]
        rules.update_rule(actor, row.id, unit=row.unit, amount=row.amount + 1, now=T0)
    elif permission == "edit_settings":
        accounts.set_auto_lock_minutes(actor, 5, now=T0)
        assert accounts.auto_lock_minutes() == 5
    elif permission == "backup":
        usb = folder.parent / "U盘"
        usb.mkdir()
        assert backup.backup_to(folder, usb, actor, now=T0).is_file()
    elif permission == "assess":
        proposal = Violation.get(Violation.state == "proposed")
        confirm(actor, proposal.id, now=T0)
        assert Violation.get_by_id(proposal.id).state == "confirmed"
    elif permission == "record_breach":
        from firstask_desktop.services.breaches import record_breach

        record_breach(actor, clause="九.1", person=OWNER, what="接待时语气生硬", now=T0)
    elif permission == "approve_void":
        clerk = Staff.get(Staff.name == "李娜")  # voiding someone else's entry
        svc.void_entry(clerk, OPEN, "登记错了", now=T0, approver=actor)
        assert Entry.get(Entry.serial == OPEN).status == "void"
    elif permission == "reassign":
        from firstask_desktop.services.responsibility import reassign_entry

        reassign_entry(actor, OPEN, "李娜", "调岗", now=T0)
    elif permission == "decide_escalation":
        from firstask_desktop.services.responsibility import decide_escalation

        # Nothing was reported on this entry: refused after the check.
        decide_escalation(actor, OPEN, "answer", result="已答复", now=T0)
    elif permission == "decide_appeal":
        from firstask_desktop.services.breaches import decide_appeal

        decide_appeal(actor, 999999, "upheld", "维持", now=T0)  # no such appeal: after the check
    else:
        raise AssertionError(f"no service exercises {permission}")


CELLS = [(perm, role) for perm in EXPECTED for role in ROLES]


@pytest.mark.parametrize("permission, role", CELLS, ids=[f"{p}-{r}" for p, r in CELLS])
def test_every_cell_through_the_service(station_copy, permission, role):
    actor = Staff.get(Staff.name == ACTOR[role])
    allowed = bool(EXPECTED[permission][ROLES.index(role)])
    if allowed:
        try:
            _do(permission, actor, station_copy)
        except NotAllowedError as err:
            pytest.fail(f"{role} should be allowed to {permission}: {err}")
        except RefusedError as err:
            # Refused after the permission check (nothing reported, no such appeal): allowed.
            assert permission in ("decide_escalation", "decide_appeal"), err
    else:
        with pytest.raises(NotAllowedError) as refused:
            _do(permission, actor, station_copy)
        if permission != "see_personal_data":
            assert re.search("无权|只有", str(refused.value)), str(refused.value)


def test_the_code_table_is_the_written_table():
    table = {
        p: tuple(int(r in allowed) for r in ROLES) for p, allowed in permissions.PERMISSIONS.items()
    }
    assert table == EXPECTED
    assert set(permissions.PERMISSION_LABELS) == set(EXPECTED)


def test_docs_carry_the_same_table():
    doc = (ROOT / "docs" / "permissions.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- permissions:begin -->\n(.*?)<!-- permissions:end -->", doc, re.S)
    assert block, "docs/permissions.md lost its markers"
    assert block.group(1) == permissions.markdown_table(), (
        "docs/permissions.md is out of date: regenerate the table with "
        "python -m firstask_desktop.domain.permissions"
    )


def test_a_refusal_names_who_may_do_it(station_copy):
    from firstask_desktop.services.station import add_department

    with pytest.raises(NotAllowedError, match="营业员无权管理部门.*所长.*管理员"):
        add_department(Staff.get(Staff.name == "李娜"), name="某部门")


def test_a_deactivated_account_can_do_nothing(station_copy):
    from firstask_desktop.services import accounts
    from firstask_desktop.services import entries as svc

    admin = Staff.get(Staff.name == "管理员")
    accounts.deactivate_staff(admin, "王建国", now=T0, owners={"*": "李娜"}, reason="离任")
    head = Staff.get(Staff.name == "王建国")
    assert not any(permissions.can(head, p) for p in permissions.PERMISSIONS)
    with pytest.raises(NotAllowedError):
        svc.register_entry(
            head,
            channel="visit",
            category="consult",
            visitor="赵六",
            phone="13812345671",
            matter="咨询",
        )


def test_the_owner_sees_their_own_entry_unmasked_others_do_not(station_copy):
    from firstask_desktop.domain.visibility import entry_dict_for
    from firstask_desktop.services.queries import entry_to_dict

    entry = Entry.get(Entry.serial == OPEN)
    data = entry_to_dict(entry)
    assert entry_dict_for(Staff.get(Staff.name == OWNER), entry, data)["phone"] == "13812345678"
    other = entry_dict_for(Staff.get(Staff.name == "李娜"), entry, data)
    assert other["phone"] == "138****5678"
    assert other["address"] == "甘肃省榆中县城关镇李家村***"
    assert entry_dict_for(None, entry, data)["visitor"] == "张*"


def test_roles_follow_the_kind_of_install(store):
    """county_admin only on a county install, whose first administrator is one."""
    from firstask_desktop.services.station import add_staff, init_station

    init_station(
        code="XG01",
        name="榆中县供电公司",
        mode="county",
        admin_name="县管理员",
        admin_password=PASSWORD,
        now=T0,
    )
    county_admin = Staff.get(Staff.name == "县管理员")
    assert county_admin.role == "county_admin"
    with pytest.raises(ValidationError, match="县公司管理员"):
        add_staff(county_admin, name="甲", role="admin", password=PASSWORD)
    add_staff(county_admin, name="乙", role="county_admin", password=PASSWORD)


def test_a_station_cannot_have_a_county_admin(station):
    from firstask_desktop.services.station import add_staff

    with pytest.raises(ValidationError, match="只用于县公司"):
        add_staff(station, name="甲", role="县公司管理员", password=PASSWORD)


def test_the_cli_masks_lists_unless_the_role_may_see(station_copy, monkeypatch, capsys):
    import json

    from firstask_desktop.cli.runner import run

    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    db.close()

    def listed(*acting):
        assert run(["--data-dir", str(station_copy), *acting, "entry", "list", "--json"]) == 0
        rows = {r["serial"]: r for r in json.loads(capsys.readouterr().out)}
        return rows[OPEN]["phone"], rows[_own_serial("clerk")]["phone"]

    assert run(["--data-dir", str(station_copy), "entry", "list", "--json"]) == 2  # no login
    assert "--as" in capsys.readouterr().err
    assert listed("--as", "王建国") == ("13812345678", "13812345670")  # the head
    assert listed("--as", "李娜") == ("138****5678", "13812345670")  # a clerk: own entry only
    assert (
        run(
            [
                "--data-dir",
                str(station_copy),
                "--as",
                "李娜",
                "export",
                "excel",
                "--out",
                str(station_copy / "x.xlsx"),
            ]
        )
        == 2
    )
    assert "无权" in capsys.readouterr().err
    assert not (station_copy / "x.xlsx").exists()


def test_nobody_logged_in_is_refused_everything_and_told_so():
    for permission in permissions.PERMISSIONS:
        assert not permissions.can(None, permission)
        with pytest.raises(NotAllowedError, match="^未登录无权"):
            permissions.require(None, permission)
