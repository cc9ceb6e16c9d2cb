"""修改登记: the owner corrects before the reply; afterwards only the head or the administrator."""

from __future__ import annotations

import json

import pytest
from support import T0

from firstask_desktop.domain.errors import IllegalStepError, NotAllowedError, RefusedError
from firstask_desktop.services import entries as svc
from firstask_desktop.services.entry_edits import edit_entry, may_edit
from firstask_desktop.store.integrity import check_database
from firstask_desktop.store.models import AuditEvent


def _register(owner, **extra):
    fields = dict(
        channel="visit",
        category="consult",
        visitor="张山",
        phone="13812345678",
        matter="咨询电价",
        now=T0,
    )
    fields.update(extra)
    return svc.register_entry(owner, **fields)


def test_the_owner_corrects_a_misheard_name_and_the_old_value_is_kept(people):
    entry = _register(people["李娜"])
    edited = edit_entry(people["李娜"], entry.serial, visitor="张三", phone="138 1234 5679", now=T0)
    assert (edited.visitor, edited.phone) == ("张三", "13812345679")
    assert edited.search_initials.startswith("zs")
    event = AuditEvent.select().where(AuditEvent.action == "edit").get()
    before = json.loads(event.before)
    assert (before["visitor"], before["phone"]) == ("张山", "13812345678")
    assert check_database() == []


def test_nothing_changed_writes_no_event(people):
    entry = _register(people["李娜"])
    edit_entry(people["李娜"], entry.serial, visitor="张山", now=T0)
    assert not AuditEvent.select().where(AuditEvent.action == "edit").exists()


def test_a_colleague_may_not_edit_another_clerks_entry(people):
    entry = _register(people["李娜"])
    assert not may_edit(people["张伟"], entry) and may_edit(people["王建国"], entry)
    with pytest.raises(NotAllowedError, match="只有本人或所长、管理员"):
        edit_entry(people["张伟"], entry.serial, matter="改了")


def test_after_the_reply_even_the_owner_needs_the_head(people):
    entry = _register(people["李娜"], result="已讲解阶梯电价")
    assert not may_edit(people["李娜"], entry)
    with pytest.raises(NotAllowedError, match="修改已答复的登记"):
        edit_entry(people["李娜"], entry.serial, result="没讲过")
    edit_entry(people["王建国"], entry.serial, result="已讲解阶梯电价和峰谷电价", now=T0)
    assert svc.get_entry(entry.serial).result == "已讲解阶梯电价和峰谷电价"


def test_what_cannot_be_edited_is_refused(people):
    entry = _register(people["李娜"])
    with pytest.raises(RefusedError, match="渠道、类别和时间"):
        edit_entry(people["李娜"], entry.serial, category="complaint")
    with pytest.raises(RefusedError, match="答复客户"):
        edit_entry(people["李娜"], entry.serial, result="已解决")
    with pytest.raises(RefusedError, match="联系电话"):
        edit_entry(people["李娜"], entry.serial, phone="")
    svc.void_entry(people["李娜"], entry.serial, "重复登记", now=T0)
    with pytest.raises(IllegalStepError, match="已作废"):
        edit_entry(people["管理员"], entry.serial, matter="x")
