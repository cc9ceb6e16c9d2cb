"""督办与考核: each clause's scenario proposes exactly its breach; just inside the deadline, none."""

from datetime import datetime, timedelta

import pytest
from support import PASSWORD, T0

from firstask_desktop.domain.errors import IllegalStepError, NotAllowedError, ValidationError
from firstask_desktop.services import assessment
from firstask_desktop.services import entries as svc
from firstask_desktop.services.station import add_staff
from firstask_desktop.store.models import Entry, Violation


def _register(people, category="咨询", at=T0, **kw):
    values = dict(
        channel="来信",
        category=category,
        visitor="张三",
        phone="13812345678",
        matter="咨询电价",
        received_at=at,
        now=at,
    )
    values.update(kw)
    return svc.register_entry(people["李娜"], **values)


def _proposals(as_of):
    assessment.scan(as_of)
    return [
        (v.entry.serial, v.rule, v.clause.code, v.amount_fen, v.responder.name)
        for v in Violation.select().order_by(Violation.id)
    ]


def test_reply_past_its_deadline_is_clause_9_2_3(people):
    entry = _register(people)  # consult: 1 working day → Wed 03-11 23:59:59
    assert _proposals(datetime(2026, 3, 11, 23, 59)) == []
    assert _proposals(datetime(2026, 3, 12, 9, 0)) == [
        (entry.serial, "reply_overdue", "九.2-3", 50000, "李娜")
    ]
    v = Violation.get()
    assert "2026-03-11 23:59" in v.evidence and "仍未办结" in v.evidence
    assert v.clause.sanction == "通报全局"


def test_reply_deadline_runs_over_the_spring_festival_and_its_make_up_saturday(people):
    friday = _register(people, at=datetime(2026, 2, 13, 16, 0))  # due the 调休 Saturday 02-14
    saturday = _register(people, at=datetime(2026, 2, 14, 10, 0))  # due Tue 02-24 after the holiday
    assert friday.due_at == datetime(2026, 2, 14, 23, 59, 59)
    assert saturday.due_at == datetime(2026, 2, 24, 23, 59, 59)
    assert [p[0] for p in _proposals(datetime(2026, 2, 20, 12, 0))] == [friday.serial]
    assert [p[0] for p in _proposals(datetime(2026, 2, 25, 8, 0))] == [
        friday.serial,
        saturday.serial,
    ]


def test_replied_late_is_proposed_with_both_times(people):
    entry = _register(people)
    svc.reply_entry(people["李娜"], entry.serial, "已答复", now=datetime(2026, 3, 12, 10, 0))
    props = _proposals(datetime(2026, 3, 12, 11, 0))
    assert props == [(entry.serial, "reply_overdue", "九.2-3", 50000, "李娜")]
    assert "2026-03-12 10:00 才答复" in Violation.get().evidence


def test_complaint_not_contacted_in_time_is_clause_9_1(people):
    late = _register(people, category="投诉", matter="电压低")
    on_time = _register(people, category="投诉", matter="电压低", phone="13900001111")
    svc.record_contact(people["李娜"], on_time.serial, "已联系", now=datetime(2026, 3, 11, 20, 0))
    props = _proposals(datetime(2026, 3, 12, 9, 0))
    assert props == [(late.serial, "complaint_not_contacted", "九.1", 20000, "李娜")]
    assert Violation.get().clause.sanction == "全局通报批评"


@pytest.mark.parametrize("channel", ["来访", "来电"])
def test_a_walk_in_or_call_in_complaint_was_contacted_at_registration(people, channel):
    # The customer stood at the counter or was on the line: no call-back clock, no fine for
    # not pressing 记录首次联系. The same complaint by letter still has its clock.
    walk_in = _register(people, category="投诉", matter="电压低", channel=channel)
    letter = _register(people, category="投诉", matter="电压低", phone="13900001111")
    assert walk_in.contact_due_at is None
    assert walk_in.contacted_at == walk_in.received_at
    assert letter.contact_due_at == datetime(2026, 3, 11, 23, 59, 59)
    assert letter.contacted_at is None
    assert walk_in.due_at == letter.due_at  # the reply is owed all the same
    props = _proposals(datetime(2026, 3, 12, 9, 0))
    assert props == [(letter.serial, "complaint_not_contacted", "九.1", 20000, "李娜")]


def test_a_walk_in_registered_with_a_contact_clock_before_the_rule_is_not_proposed(people):
    # Registers kept before the rule carry a first-contact deadline for walk-ins: not a breach.
    walk_in = _register(people, category="投诉", matter="电压低", channel="来访")
    Entry.update(contact_due_at=datetime(2026, 3, 11, 23, 59, 59), contacted_at=None).where(
        Entry.id == walk_in.id
    ).execute()
    assert _proposals(datetime(2026, 3, 12, 9, 0)) == []


def test_transfer_without_supervision_before_its_deadline_is_clause_9_1(people):
    li = people["李娜"]
    chased = _register(people, category="业务办理", matter="申请增容")
    unchased = _register(people, category="业务办理", matter="申请过户", phone="13900001111")
    due = datetime(2026, 3, 12, 17, 0)
    for e in (chased, unchased):
        svc.transfer_entry(li, e.serial, department="营业班", note="请核实办理", due_at=due, now=T0)
    svc.record_supervision(li, chased.serial, "电话督办", now=datetime(2026, 3, 12, 9, 0))
    assert _proposals(datetime(2026, 3, 12, 16, 59)) == []
    assert _proposals(datetime(2026, 3, 12, 17, 1)) == [
        (unchased.serial, "transfer_unsupervised", "九.1", 20000, "李娜")
    ]
    assert "期间无督办记录" in Violation.get().evidence


def test_no_follow_up_within_its_rule_is_clause_9_4_5(people):
    li = people["李娜"]
    missed = _register(people, result="已当场答复")  # follow-up due Fri 03-13 23:59:59
    done = _register(people, result="已当场答复", phone="13900001111")
    svc.record_follow_up(
        li, done.serial, method="phone", satisfaction="satisfied", now=datetime(2026, 3, 13, 15, 0)
    )
    assert missed.follow_up_due_at == datetime(2026, 3, 13, 23, 59, 59)
    assert _proposals(datetime(2026, 3, 13, 23, 0)) == []
    assert _proposals(datetime(2026, 3, 14, 9, 0)) == [
        (missed.serial, "no_follow_up", "九.4-5", 20000, "李娜")
    ]


def test_follow_up_deadline_counts_the_make_up_saturday_and_skips_the_holiday(people):
    entry = _register(people, at=datetime(2026, 2, 12, 10, 0), result="已当场答复")
    # Fri 02-13, the 调休 Sat 02-14, then the holiday to 02-23: the third working day is 02-24.
    assert entry.follow_up_due_at == datetime(2026, 2, 24, 23, 59, 59)
    assert _proposals(datetime(2026, 2, 23, 12, 0)) == []
    assert [p[1] for p in _proposals(datetime(2026, 2, 25, 9, 0))] == ["no_follow_up"]


def test_unresolved_with_nobody_to_report_to_is_refused_and_nobody_is_fined(station):
    from firstask_desktop.domain.errors import RefusedError

    add_staff(station, name="李娜", role="clerk", password=PASSWORD, now=T0)  # no station head
    from firstask_desktop.store.models import Escalation, Staff

    people = {"李娜": Staff.get(Staff.name == "李娜")}
    entry = _register(people, category="投诉", matter="线路老化")
    svc.record_contact(people["李娜"], entry.serial, now=T0)
    with pytest.raises(RefusedError, match="添加所长"):
        svc.mark_unresolved(people["李娜"], entry.serial, "需农网改造", now=T0 + timedelta(hours=1))
    assert Escalation.select().count() == 0
    assert svc.get_entry(entry.serial).status == "in_progress"
    assert _proposals(T0 + timedelta(hours=2)) == []


def test_unresolved_reported_to_the_head_is_fine(people):
    entry = _register(people, category="投诉", matter="线路老化")
    svc.record_contact(people["李娜"], entry.serial, now=T0)
    svc.mark_unresolved(people["李娜"], entry.serial, "需农网改造", now=T0 + timedelta(hours=1))
    assert _proposals(T0 + timedelta(hours=2)) == []


def test_repair_not_passed_on_within_its_minutes_is_clause_9_2_3(people):
    li = people["李娜"]
    slow = _register(people, category="报修", matter="整村停电")  # rural: arrive in 90 minutes
    fast = _register(people, category="报修", matter="表箱冒烟", phone="13900001111")
    svc.transfer_entry(
        li, fast.serial, department="抢修班", note="请核实办理", now=T0 + timedelta(minutes=10)
    )
    assert _proposals(T0 + timedelta(minutes=89)) == []
    assert _proposals(T0 + timedelta(minutes=91)) == [
        (slow.serial, "repair_not_dispatched", "九.2-3", 50000, "李娜")
    ]


def test_scan_is_idempotent_and_voided_entries_are_left_alone(people):
    kept = _register(people)
    voided = _register(people, phone="13900001111")
    svc.void_entry(people["李娜"], voided.serial, "重复登记", now=T0)
    later = datetime(2026, 3, 20, 9, 0)
    first = assessment.scan(later)
    assert [v.entry.serial for v in first] == [kept.serial]
    assert assessment.scan(later) == []
    assert Violation.select().count() == 1


def test_only_the_head_decides_and_dismissals_keep_their_reason(people):
    _register(people)
    _register(people, phone="13900001111")
    assessment.scan(datetime(2026, 3, 20, 9, 0))
    first, second = list(Violation.select().order_by(Violation.id))
    with pytest.raises(NotAllowedError):
        assessment.confirm(people["李娜"], first.id)
    with pytest.raises(NotAllowedError):
        assessment.confirm(people["管理员"], first.id)
    with pytest.raises(ValidationError):
        assessment.dismiss(people["王建国"], second.id, "  ")
    assessment.confirm(people["王建国"], first.id)
    assessment.dismiss(people["王建国"], second.id, "客户要求延期办理，有书面说明")
    with pytest.raises(IllegalStepError):
        assessment.confirm(people["王建国"], second.id)
    rows = {v["id"]: v for v in map(assessment.violation_to_dict, assessment.violations())}
    assert rows[first.id]["state"] == "confirmed" and rows[first.id]["decided_by"] == "王建国"
    assert rows[second.id]["state"] == "dismissed"
    assert rows[second.id]["dismiss_reason"] == "客户要求延期办理，有书面说明"


def test_clause_amounts_are_integer_fen_and_edits_are_audited(people):
    from firstask_desktop.store.models import AuditEvent

    clause = assessment.update_clause(people["管理员"], "九.1", amount_fen=30000)
    assert clause.amount_fen == 30000 and assessment.yuan(clause.amount_fen) == "300.00"
    assert AuditEvent.select().where(AuditEvent.action == "edit_clause").count() == 1
    for bad in (199.5, -1, True, "200"):
        with pytest.raises(ValidationError):
            assessment.update_clause(people["管理员"], "九.1", amount_fen=bad)
    with pytest.raises(NotAllowedError):
        assessment.update_clause(people["王建国"], "九.1", amount_fen=100)
    # A new proposal carries the amount in force when proposed.
    _register(people, category="投诉", matter="电压低")
    assessment.scan(datetime(2026, 3, 12, 9, 0))
    contact = Violation.get(Violation.rule == "complaint_not_contacted")
    assert contact.amount_fen == 30000


def test_assess_command_line(people, store, monkeypatch, capsys):
    import json

    from firstask_desktop.cli.runner import run

    _register(people, category="投诉", matter="电压低")
    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    base = ["--data-dir", str(store)]
    assert (
        run(base + ["--as", "王建国", "assess", "scan", "--as-of", "2026-03-20T09:00", "--json"])
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert {(r["rule"], r["clause"], r["amount_fen"]) for r in rows} == {
        ("complaint_not_contacted", "九.1", 20000),
        ("reply_overdue", "九.2-3", 50000),
    }
    assert all(r["serial"] and r["responder"] == "李娜" and r["evidence"] for r in rows)
    first, second = sorted(r["id"] for r in rows)
    assert run(base + ["--as", "李娜", "assess", "confirm", str(first)]) == 2
    assert "所长" in capsys.readouterr().err
    assert run(base + ["--as", "王建国", "assess", "confirm", str(first)]) == 0
    assert (
        run(base + ["--as", "王建国", "assess", "dismiss", str(second), "--reason", "客户同意延期"])
        == 0
    )
    assert run(base + ["--as", "王建国", "assess", "confirm", "999"]) == 2
    capsys.readouterr()
    assert run(base + ["--as", "王建国", "assess", "scan", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_transfers_due_soon_name_the_department_phone(people):
    from firstask_desktop.services.station import add_department

    add_department(people["管理员"], name="线路班", phone="0931-5221240", now=T0)
    entry = _register(people, category="业务办理", matter="申请增容")
    svc.transfer_entry(
        people["李娜"],
        entry.serial,
        department="线路班",
        note="请核实办理",
        due_at=datetime(2026, 3, 11, 12, 0),
        now=T0,
    )
    assert assessment.transfers_due_soon(datetime(2026, 3, 10, 10, 0), hours=24) == []
    rows = assessment.transfers_due_soon(datetime(2026, 3, 10, 13, 0), hours=24)
    assert [(r["serial"], r["department_phone"], r["overdue"]) for r in rows] == [
        (entry.serial, "0931-5221240", False)
    ]
    late = assessment.transfers_due_soon(datetime(2026, 3, 11, 13, 0))
    assert late[0]["overdue"] is True


def test_three_complaints_in_90_days_flag_a_repeat_customer(people):
    for day in (0, 29, 59):  # 01-01, 01-30, 03-01
        _register(
            people,
            category="投诉",
            matter="电压低",
            at=datetime(2026, 1, 1, 10, 0) + timedelta(days=day),
        )
    _register(
        people,
        category="投诉",
        matter="电压低",
        phone="13900001111",
        at=datetime(2026, 1, 5, 10, 0),
    )
    rows = assessment.repeat_complainants(datetime(2026, 3, 10, 12, 0))
    assert [(r["key"], r["count"]) for r in rows] == [("13812345678", 3)]
    # 91 days after the first complaint only two remain inside the window.
    assert assessment.repeat_complainants(datetime(2026, 4, 2, 12, 0)) == []


def test_a_duplicate_registration_is_voided_with_a_link_to_the_one_kept(people):
    from firstask_desktop.domain.errors import RefusedError
    from firstask_desktop.services.queries import entry_details

    kept = _register(people, category="投诉", matter="电压低")
    copy = svc.register_entry(
        people["张伟"],
        channel="来访",
        category="投诉",
        visitor="张三",
        phone="13812345678",
        matter="家里电压低",
        received_at=T0,
        now=T0,
    )
    with pytest.raises(NotAllowedError):
        svc.link_duplicate(people["李娜"], copy.serial, kept.serial)  # not hers to void
    with pytest.raises(RefusedError):
        svc.link_duplicate(people["张伟"], copy.serial, copy.serial)
    svc.link_duplicate(people["张伟"], copy.serial, kept.serial, now=T0 + timedelta(hours=1))
    voided = entry_details(svc.get_entry(copy.serial))
    assert voided["status"] == "void" and voided["duplicate_of"] == kept.serial
    assert kept.serial in voided["void_reason"]
    assert entry_details(svc.get_entry(kept.serial))["duplicates"] == [copy.serial]
    # The voided copy is never proposed as a breach; the kept one still is when late.
    assessment.scan(datetime(2026, 3, 20, 9, 0))
    assert {v.entry.serial for v in Violation.select()} == {kept.serial}


def test_scan_looks_back_to_the_previous_month_unless_told_otherwise(people):
    old = _register(people, at=datetime(2025, 12, 2, 10, 0))  # due 12-03: settled history
    recent = _register(people, at=datetime(2026, 2, 3, 10, 0), phone="13900001111")
    assert assessment.assessment_window_start(datetime(2026, 3, 20, 9, 0)) == datetime(2026, 2, 1)
    assert assessment.assessment_window_start(datetime(2026, 1, 5)) == datetime(2025, 12, 1)
    first = assessment.scan(datetime(2026, 3, 20, 9, 0))
    assert [v.entry.serial for v in first] == [recent.serial]
    older = assessment.scan(datetime(2026, 3, 20, 9, 0), since=datetime(2025, 1, 1))
    assert [v.entry.serial for v in older] == [old.serial]
