"""A transfer says what is to be done (the note is the core's rule, not only the dialog's), and a
step on one transfer never guesses which when the entry is with several departments: on the
command line ``--transfer N`` names it, N as ``entry show`` numbers the entry's transfers."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from support import PASSWORD, T0

from firstask_desktop.domain.errors import TransferNotNamedError, ValidationError
from firstask_desktop.services import entries as svc
from firstask_desktop.services.queries import entry_details
from firstask_desktop.store.models import AuditEvent, Entry, Supervision, Transfer

LATER = datetime(2026, 3, 10, 11, 0)


def _entry(people):
    return svc.register_entry(
        people["李娜"], channel="来信", category="业务办理", visitor="张三",
        phone="13812345678", matter="申请增容", received_at=T0, now=T0,
    )  # fmt: skip


def _transfer(people, serial, department, at=T0, to_staff=""):
    return svc.transfer_entry(
        people["李娜"], serial, department=department, note="请核实", to_staff=to_staff, now=at
    )


@pytest.fixture
def cli(people, store, monkeypatch, capsys):
    from firstask_desktop.cli.runner import run

    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)

    def call(who, *args):
        code = run(["--data-dir", str(store), "--as", who, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


# --- the note -------------------------------------------------------------------------------


@pytest.mark.parametrize("note", ["", "   ", "\u3000\n\t"])
def test_a_transfer_without_a_note_is_refused_and_nothing_is_saved(people, note):
    entry = _entry(people)
    events = AuditEvent.select().count()
    with pytest.raises(ValidationError, match="写明要对方办什么") as refused:
        svc.transfer_entry(people["李娜"], entry.serial, department="营业班", note=note, now=T0)
    assert refused.value.field == "note"  # the dialog marks its note field
    assert Transfer.select().count() == 0
    assert AuditEvent.select().count() == events
    assert Entry.get_by_id(entry.id).status == "registered"


def test_entry_transfer_on_the_command_line_asks_for_the_note(people, cli):
    entry = _entry(people)
    code, out, err = cli("李娜", "entry", "transfer", entry.serial, "--department", "营业班")
    assert code == 2 and "转办须写明要对方办什么" in err and out == ""
    assert Transfer.select().count() == 0
    code, out, _err = cli(
        "李娜", "entry", "transfer", entry.serial, "--department", "营业班", "--note", "请核实容量"
    )
    assert code == 0 and Transfer.get().note == "请核实容量"


def test_an_old_transfer_without_a_note_still_travels_to_the_county(tmp_path):
    """The rule is for new transfers: one saved before it (no note) is still a valid record."""
    from sync_support import exchange_keys, export, import_at, make_county, make_station

    from firstask_desktop.store.audit import save_audited
    from firstask_desktop.store.models import Department, Staff

    county = make_county(tmp_path / "县公司")
    station = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=0)
    exchange_keys(county, station, usb=tmp_path / "U盘")
    with station.use():
        clerk = Staff.get(Staff.name == "李娜")
        entry = svc.register_entry(
            clerk, channel="来信", category="业务办理", visitor="张三",
            phone="13812345678", matter="申请增容", received_at=T0, now=T0,
        )  # fmt: skip
        at = T0 + timedelta(minutes=30)
        # As the earlier program saved a transfer: no note required.
        old = Transfer(
            station=entry.station, entry=entry, department=Department.get(name="营业班"),
            note="", transferred_at=at, due_at=entry.due_at, created_by=clerk,
        )  # fmt: skip
        save_audited(old, actor=clerk, action="transfer", at=at)
        entry.status = "transferred"
        save_audited(entry, actor=clerk, action="transfer", at=at)
    result = import_at(county, export(station, tmp_path / "U盘").path, accept_new_station=True)
    assert result.status == "imported"
    with county.use():
        shown = entry_details(Entry.get(Entry.serial == entry.serial))
        assert [(t["department"], t["note"]) for t in shown["transfers"]] == [("营业班", "")]
        assert shown["status"] == "transferred"


# --- which transfer ---------------------------------------------------------------------------


def test_entry_show_numbers_the_transfers_in_the_order_they_were_made(people, cli):
    entry = _entry(people)
    _transfer(people, entry.serial, "营业班")
    _transfer(people, entry.serial, "抢修班", at=T0 + timedelta(hours=1), to_staff="张伟")
    svc.finish_transfer(people["李娜"], entry.serial, "", now=LATER, transfer="1")
    code, out, _err = cli("李娜", "entry", "show", entry.serial, "--json")
    assert code == 0
    shown = json.loads(out)["transfers"]
    assert [(t["number"], t["department"]) for t in shown] == [(1, "营业班"), (2, "抢修班")]
    code, out, _err = cli("李娜", "entry", "show", entry.serial)
    assert "转办 1：营业班，2026-03-10 09:00 转办，已办完" in out
    assert "转办 2：抢修班　张伟，2026-03-10 10:00 转办，办理中" in out


def test_with_two_open_transfers_supervise_names_one_or_is_refused(people, cli):
    entry = _entry(people)
    _transfer(people, entry.serial, "营业班")
    _transfer(people, entry.serial, "抢修班", at=T0 + timedelta(hours=1))
    events = AuditEvent.select().count()
    code, out, err = cli("李娜", "entry", "supervise", entry.serial, "--note", "电话催办")
    assert code == 2 and out == ""
    assert "有 2 项正在办理的转办" in err
    assert "第 1 项 营业班（03-10 09:00 转办）" in err
    assert "第 2 项 抢修班（03-10 10:00 转办）" in err
    assert "--transfer 序号" in err
    assert Supervision.select().count() == 0 and AuditEvent.select().count() == events
    code, out, _err = cli(
        "李娜", "entry", "supervise", entry.serial, "--note", "电话催营业班", "--transfer", "1"
    )
    assert code == 0 and "已记录督办" in out
    chased = Supervision.get()
    assert chased.transfer.department.name == "营业班" and chased.note == "电话催营业班"


def test_finish_transfer_acts_on_the_named_one_and_leaves_the_other(people, cli):
    entry = _entry(people)
    first = _transfer(people, entry.serial, "营业班")
    second = _transfer(people, entry.serial, "抢修班", at=T0 + timedelta(hours=1))
    code, _out, err = cli("李娜", "entry", "finish-transfer", entry.serial)
    assert code == 2 and "--transfer" in err
    assert Transfer.select().where(Transfer.done_at.is_null(False)).count() == 0
    code, _out, _err = cli("李娜", "entry", "finish-transfer", entry.serial, "--transfer", "2")
    assert code == 0
    assert Transfer.get_by_id(second.id).done_at is not None
    assert Transfer.get_by_id(first.id).done_at is None
    assert Entry.get_by_id(entry.id).status == "transferred"  # 营业班 still has it
    # One open transfer left: named or not, the step acts on it, as before.
    code, _out, _err = cli("李娜", "entry", "finish-transfer", entry.serial)
    assert code == 0 and Transfer.get_by_id(first.id).done_at is not None
    assert Entry.get_by_id(entry.id).status == "in_progress"


def test_a_transfer_is_named_by_its_uuid_too_and_a_wrong_name_is_refused(people, cli):
    entry = _entry(people)
    first = _transfer(people, entry.serial, "营业班")
    _transfer(people, entry.serial, "抢修班", at=T0 + timedelta(hours=1))
    code, _out, err = cli(
        "李娜", "entry", "supervise", entry.serial, "--note", "催", "--transfer", "3"
    )
    assert code == 2 and "没有第 3 项转办" in err and "共有 2 项" in err
    code, _out, _err = cli(
        "李娜", "entry", "supervise", entry.serial, "--note", "催", "--transfer", first.uuid
    )
    assert code == 0 and Supervision.get().transfer_id == first.id
    svc.finish_transfer(people["李娜"], entry.serial, "", now=LATER, transfer=first.uuid)
    code, _out, err = cli(
        "李娜", "entry", "supervise", entry.serial, "--note", "催", "--transfer", "1"
    )
    assert code == 2 and "没有这项正在办理的转办" in err
    assert Supervision.select().count() == 1


def test_withdraw_transfer_names_one_when_two_could_be_withdrawn(people, cli):
    entry = _entry(people)
    _transfer(people, entry.serial, "营业班")
    second = _transfer(people, entry.serial, "抢修班", at=T0 + timedelta(hours=1))
    code, _out, err = cli("李娜", "entry", "withdraw-transfer", entry.serial, "--reason", "转错了")
    assert code == 2 and "第 1 项 营业班" in err and "第 2 项 抢修班" in err
    assert Transfer.select().where(Transfer.withdrawn_at.is_null(False)).count() == 0
    code, _out, _err = cli(
        "李娜", "entry", "withdraw-transfer", entry.serial, "--reason", "转错了", "--transfer", "2"
    )
    assert code == 0 and Transfer.get_by_id(second.id).withdraw_reason == "转错了"


def test_the_core_refuses_to_guess_between_open_transfers(people):
    entry = _entry(people)
    _transfer(people, entry.serial, "营业班")
    _transfer(people, entry.serial, "抢修班", at=T0 + timedelta(hours=1))
    with pytest.raises(TransferNotNamedError) as refused:
        svc.record_supervision(people["李娜"], entry.serial, "催办", now=LATER)
    assert refused.value.numbers == [1, 2]
    assert Supervision.select().count() == 0


def test_the_recipient_accepts_her_own_transfer_though_a_newer_one_went_elsewhere(people, cli):
    entry = _entry(people)
    hers = _transfer(people, entry.serial, "营业班", to_staff="张伟")
    _transfer(people, entry.serial, "抢修班", at=T0 + timedelta(hours=1))
    code, out, err = cli("张伟", "entry", "accept-transfer", entry.serial)
    assert code == 0, err
    assert Transfer.get_by_id(hers.id).accepted_at is not None
    code, _out, err = cli("陈静", "entry", "accept-transfer", entry.serial)
    assert code == 2 and "只有接收人本人可以接收或退回" in err


def test_a_transfer_number_out_of_reason_or_another_entrys_is_refused(people, cli):
    entry = _entry(people)
    _transfer(people, entry.serial, "营业班")
    _transfer(people, entry.serial, "抢修班", at=T0 + timedelta(hours=1))
    other = _entry(people)
    elsewhere = _transfer(people, other.serial, "营业班")
    for given in ("0", "-1", str(10**30), "9" * 5000, elsewhere.uuid, " "):
        code, _out, err = cli(
            "李娜", "entry", "supervise", entry.serial, "--note", "催", "--transfer", given
        )
        assert code == 2 and ("没有第" in err or "没有这项正在办理的转办" in err), (given, err)
        assert len(err) < 400  # the refusal names the number, not all 5,000 digits of it
    assert Supervision.select().count() == 0
