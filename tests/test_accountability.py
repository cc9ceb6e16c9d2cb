"""Accountability that holds: lateness is a fact of the history, escalation is not an answer,
the fine names the person the seed names, breaches no scan can see are recorded by hand, the head
acts on an escalation, matters change hands on the record, nobody judges their own breach.

Each test is one case of the issue as filed, through the services (and the main ones through
the command line)."""

import re
from datetime import datetime, timedelta

import pytest
from support import PASSWORD, T0

from firstask_desktop.domain.errors import (
    IllegalStepError,
    NotAllowedError,
    RefusedError,
    ValidationError,
)
from firstask_desktop.services import assessment, breaches, responsibility
from firstask_desktop.services import entries as svc
from firstask_desktop.services.accounts import deactivate_staff
from firstask_desktop.services.month_stats import month_stats
from firstask_desktop.store.models import AuditEvent, Customer, Entry, Staff, Violation

LATER = datetime(2026, 4, 20, 9, 0)  # well after every deadline of March


def _register(people, category="咨询", at=T0, who="李娜", phone="13812345678", **kw):
    values = dict(
        channel="来信",
        category=category,
        visitor="张三",
        phone=phone,
        matter="测试事项",
        received_at=at,
        now=at,
    )
    values.update(kw)
    return svc.register_entry(people[who], **values)


def _proposals(as_of=LATER, since=datetime(2026, 1, 1)):
    assessment.scan(as_of, since=since)
    return sorted(
        (v.entry.serial if v.entry_id else "", v.clause.code, v.responder.name, v.amount_fen)
        for v in Violation.select()
    )


@pytest.fixture
def cli(store, monkeypatch, capsys):
    from firstask_desktop.cli.runner import run

    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)

    def call(who, *args):
        code = run(["--data-dir", str(store), "--as", who, *args])
        out = capsys.readouterr()
        return code, out.out + out.err

    return call


# --- 1. late matters do not vanish ------------------------------------------------------------


def test_a_report_marked_unresolved_a_week_after_its_deadline_is_still_late(people):
    entry = _register(people, category="举报", matter="有人窃电")  # 10 days → 03-20 23:59:59
    assert entry.due_at == datetime(2026, 3, 20, 23, 59, 59)
    svc.mark_unresolved(people["李娜"], entry.serial, "需公安配合", now=datetime(2026, 3, 27, 10))
    assert _proposals() == [(entry.serial, "九.2-3", "李娜", 50000)]
    evidence = Violation.get().evidence
    assert "2026-03-27 10:00 才标记未办结上报" in evidence and "上报不是答复" in evidence


def test_voiding_an_overdue_entry_needs_the_head_and_the_breach_stays(people, cli):
    entry = _register(people, category="业务办理", matter="申请增容")  # 5 working days → 03-17
    after = datetime(2026, 3, 18, 9, 0)
    with pytest.raises(NotAllowedError, match="须经所长批准"):
        svc.void_entry(people["李娜"], entry.serial, "客户不办了", now=after)
    with pytest.raises(NotAllowedError, match="批准人须是所长"):
        svc.void_entry(
            people["李娜"], entry.serial, "客户不办了", now=after, approver=people["张伟"]
        )
    void = svc.void_entry(
        people["李娜"], entry.serial, "客户不办了", now=after, approver=people["王建国"]
    )
    assert void.approved_by.name == "王建国"
    assert _proposals() == [(entry.serial, "九.2-3", "李娜", 50000)]
    assert "作废不免除已发生的超期" in Violation.get().evidence


def test_voiding_on_the_command_line_asks_for_the_approver(people, cli, monkeypatch):
    late = _register(people, category="业务办理", matter="申请增容", at=datetime(2026, 1, 5, 9))
    code, text = cli("李娜", "entry", "void", late.serial, "--reason", "客户不办了")
    assert code == 2 and "须经所长批准" in text and "--approver" in text
    monkeypatch.setenv("FIRSTASK_APPROVER_PASSWORD", PASSWORD)
    code, text = cli(
        "李娜", "entry", "void", late.serial, "--reason", "客户不办了", "--approver", "王建国"
    )
    assert code == 0 and "王建国 批准" in text
    assert svc.get_entry(late.serial).status == "void"


def test_the_head_voiding_a_clerks_entry_is_the_second_person(people):
    entry = _register(people)
    void = svc.void_entry(people["王建国"], entry.serial, "登记错了", now=T0 + timedelta(hours=1))
    assert void.approved_by.name == "王建国"
    own = _register(people, phone="13900001111")
    assert svc.void_entry(people["李娜"], own.serial, "重复", now=T0).approved_by is None


# --- 2. escalation is not an answer -----------------------------------------------------------


def test_an_escalated_complaint_is_not_answered_followed_up_or_closed(people, cli):
    li = people["李娜"]
    entry = _register(people, category="投诉", matter="电压低")
    svc.record_contact(li, entry.serial, "已联系", now=T0 + timedelta(hours=1))
    code, text = cli("李娜", "entry", "unresolved", entry.serial, "--reason", "需改造线路")
    assert code == 0 and "已上报所长" in text
    with pytest.raises(IllegalStepError):
        svc.record_follow_up(li, entry.serial, method="phone", satisfaction="satisfied")
    code, text = cli("李娜", "entry", "follow-up", entry.serial, "--method", "phone",
                     "--satisfaction", "satisfied")  # fmt: skip
    assert code == 2 and "不能回访" in text
    stats = month_stats("2026-03", LATER)
    # Reported but never told: a late answer, not an on-time one; counted apart as 已上报.
    assert stats["reply"]["on_time"] == 0 and stats["reply"]["late"] == 1
    assert stats["reply"]["rate"] == 0 and stats["escalated"] == 1
    assert stats["satisfaction"]["rated"] == 0


def test_a_closed_entry_carries_its_result(people):
    from firstask_desktop.store.audit import save_audited

    entry = _register(people, result="已当场答复")
    svc.record_follow_up(people["李娜"], entry.serial, method="phone", satisfaction="satisfied")
    stored = svc.get_entry(entry.serial)
    stored.result = " "  # as an older version could leave it
    save_audited(stored, actor=people["李娜"], action="edit", at=T0)
    with pytest.raises(RefusedError, match="最终处理结果"):
        svc.close_entry(people["李娜"], entry.serial)


# --- 3. the right person ----------------------------------------------------------------------


def test_a_late_transfer_names_the_colleague_who_held_it(people):
    li = people["李娜"]
    entry = _register(people, category="业务办理", matter="申请增容")
    svc.transfer_entry(
        li, entry.serial, department="营业班", note="请核实办理", to_staff="张伟",
        due_at=datetime(2026, 3, 12, 17, 0), now=T0 + timedelta(hours=1),
    )  # fmt: skip
    assert _proposals() == [
        (entry.serial, "九.1", "李娜", 20000),  # the responder never chased it
        (entry.serial, "九.2-3", "张伟", 50000),  # the colleague let it run late: one fine
    ]
    late = Violation.get(Violation.responder == people["张伟"])
    assert "转办接收人未在转办时限内办完" in late.evidence and "超过承诺时限" in late.evidence


def test_one_late_repair_is_one_fine_with_all_its_evidence(people):
    entry = _register(people, category="报修", matter="整村停电")  # arrive 90 min, restore 240
    assert _proposals(T0 + timedelta(hours=5), since=T0) == [
        (entry.serial, "九.2-3", "李娜", 50000)
    ]
    evidence = Violation.get().evidence
    assert "报修未在到达时限内转达抢修" in evidence and "超过承诺时限未办结答复" in evidence
    assessment.scan(T0 + timedelta(hours=6), since=T0)
    assert Violation.select().count() == 1  # a second scan adds nothing


def test_no_head_means_no_escalation_and_the_command_says_what_to_set_up(station, cli):
    from firstask_desktop.services.station import add_staff

    add_staff(station, name="李娜", role="clerk", password=PASSWORD, now=T0)
    entry = _register({"李娜": Staff.get(Staff.name == "李娜")}, category="投诉", matter="线路老化")
    code, text = cli("李娜", "entry", "unresolved", entry.serial, "--reason", "需改造")
    assert code == 2 and "已上报所长" not in text and "添加所长" in text


# --- 4. breaches seen, not scanned -------------------------------------------------------------


def test_the_head_records_rudeness_and_a_refusal_by_hand(people, cli):
    entry = _register(people)
    code, text = cli(
        "王建国", "assess", "record", "--clause", "九.1", "--person", "李娜", "--serial",
        entry.serial, "--what", "接待时语气生硬，未使用文明用语", "--evidence", "客户当面反映",
        "--occurred-at", "2026-03-10T10:00",
    )  # fmt: skip
    assert code == 0 and "待确认" in text
    refused = breaches.record_breach(
        people["王建国"], clause="九.2-3", person="张伟", what="以不归本班管为由拒绝登记",
        occurred_at=T0, now=T0 + timedelta(hours=2),
    )  # fmt: skip
    assert refused.entry is None and refused.kind == "manual"
    with pytest.raises(NotAllowedError):
        breaches.record_breach(people["李娜"], clause="九.1", person="张伟", what="态度差")
    with pytest.raises(RefusedError, match="一次处罚"):
        breaches.record_breach(people["王建国"], clause="九.1", person="李娜",
                               serial=entry.serial, what="又一次")  # fmt: skip
    for v in Violation.select():
        assessment.confirm(people["王建国"], v.id)
    sheet = assessment.month_sheet("2026-03", now=LATER)
    assert {(r["responder"], r["clause"], r["kind"]) for r in sheet["confirmed"]} == {
        ("李娜", "九.1", "manual"),
        ("张伟", "九.2-3", "manual"),
    }


# --- 5. the head acts on an escalation ----------------------------------------------------------


def test_the_head_assigns_an_escalated_matter_with_an_instruction_and_a_deadline(people, cli):
    li, head = people["李娜"], people["王建国"]
    entry = _register(people, category="举报", matter="私拉乱接")  # due 03-20
    svc.mark_unresolved(li, entry.serial, "涉及邻村，本人无法协调", now=T0 + timedelta(hours=1))
    with pytest.raises(IllegalStepError):
        svc.transfer_entry(head, entry.serial, department="营业班", note="请核实办理")
    with pytest.raises(ValidationError, match="不能晚于答复客户的时限"):
        responsibility.decide_escalation(
            head, entry.serial, "assign", instruction="联系邻村电工", to_staff="张伟",
            due_at=datetime(2026, 3, 25, 17, 0), now=T0 + timedelta(hours=2),
        )  # fmt: skip
    # The command acts now, when the reply deadline has long passed: the instruction's own
    # deadline is then simply in the future.
    due = (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    code, text = cli(
        "王建国", "entry", "decide", entry.serial, "--decision", "assign", "--to-staff", "张伟",
        "--instruction", "联系邻村电工一起处理", "--due-at", due,
    )  # fmt: skip
    assert code == 0 and "协调指派" in text
    stored = svc.get_entry(entry.serial)
    transfer = stored.transfers[0]
    assert stored.status == "transferred" and transfer.to_staff.name == "张伟"
    assert transfer.created_by.name == "王建国" and "联系邻村电工" in transfer.note
    actions = {e.action for e in AuditEvent.select().where(AuditEvent.actor == "王建国")}
    assert {"decide_escalation", "assign"} <= actions


def test_the_head_answers_the_customer_himself(people):
    entry = _register(people, category="投诉", matter="电费有误")
    svc.record_contact(people["李娜"], entry.serial, now=T0)
    svc.mark_unresolved(people["李娜"], entry.serial, "需所里核算", now=T0 + timedelta(hours=1))
    responsibility.decide_escalation(
        people["王建国"], entry.serial, "answer", result="已复核电费并退还多收部分",
        now=T0 + timedelta(hours=3),
    )  # fmt: skip
    stored = svc.get_entry(entry.serial)
    assert stored.status == "replied" and stored.result.startswith("已复核")
    assert _proposals(T0 + timedelta(days=1), since=T0) == []
    # The follow-up stays the responder's (seed 八.1: 从接待到回访).
    assert _proposals() == [(entry.serial, "九.4-5", "李娜", 20000)]


# --- 6. matters change hands on the record --------------------------------------------------------


def test_reassignment_names_the_new_responder_from_that_day(people, cli):
    head = people["王建国"]
    entry = _register(people, category="业务办理", matter="申请过户")  # due 03-17
    early = _register(people, category="业务办理", matter="申请增容", phone="13900001111")
    code, text = cli("李娜", "entry", "reassign", entry.serial, "--to", "张伟", "--reason", "x")
    assert code == 2 and "无权改派" in text
    with pytest.raises(ValidationError):
        responsibility.reassign_entry(head, entry.serial, "张伟", "  ")
    responsibility.reassign_entry(head, entry.serial, "张伟", "李娜休产假", now=T0 + timedelta(1))
    responsibility.reassign_entry(head, early.serial, "张伟", "调岗", now=datetime(2026, 3, 18, 9))
    with pytest.raises(NotAllowedError):
        svc.reply_entry(people["李娜"], entry.serial, "已办理")  # no longer hers
    svc.reply_entry(people["张伟"], entry.serial, "已办理", now=datetime(2026, 3, 19, 10, 0))
    svc.reply_entry(people["张伟"], early.serial, "已办理", now=datetime(2026, 3, 19, 10, 0))
    assert _proposals(datetime(2026, 3, 20, 9, 0)) == sorted(
        [
            (entry.serial, "九.2-3", "张伟", 50000),  # late after it became his
            (early.serial, "九.2-3", "李娜", 50000),  # its deadline passed while it was hers
        ]
    )
    change = svc.get_entry(entry.serial).reassignments[0]
    assert (change.from_staff.name, change.to_staff.name, change.by.name) == (
        "李娜",
        "张伟",
        "王建国",
    )
    code, text = cli(
        "王建国", "entry", "reassign", early.serial, "--to", "陈静", "--reason", "轮岗"
    )
    assert code == 0 and "张伟 → 陈静" in text


def test_a_leavers_matters_and_customers_are_handed_on_before_the_account_stops(people, cli):
    chen = people["陈静"]
    gold = Customer.create(
        station="GS0101", name="金矿", phone="13700000000", tier="gold", manager=chen
    )
    entry = _register(people, who="陈静", phone="13700000000")
    assert entry.responder.name == "陈静"
    code, text = cli("管理员", "staff", "deactivate", "--name", "陈静")
    assert code == 2 and entry.serial in text and "客户 金矿" in text
    assert Staff.get_by_id(chen.id).active
    deactivate_staff(people["管理员"], "陈静", owners={"*": "张伟"}, reason="陈静离职")
    assert not Staff.get_by_id(chen.id).active
    assert Entry.get_by_id(entry.id).responder.name == "张伟"
    assert Customer.get_by_id(gold.id).manager.name == "张伟"
    svc.reply_entry(people["张伟"], entry.serial, "已答复")  # the matter can be answered


# --- 7. nobody judges their own breach; a confirmed one may be appealed ------------------------


def test_the_head_cannot_decide_his_own_breach(people, cli):
    entry = _register(people, who="王建国")
    assessment.scan(LATER, since=datetime(2026, 1, 1))
    (own,) = Violation.select()
    assert own.responder.name == "王建国"
    code, text = cli("王建国", "assess", "confirm", str(own.id))
    assert code == 2 and "县公司考核员" in text
    assert Violation.get_by_id(own.id).state == "proposed"
    assert entry.serial


def test_a_confirmed_breach_is_appealed_once_by_the_person_named(people, cli):
    _register(people)
    assessment.scan(LATER, since=datetime(2026, 1, 1))
    (v,) = Violation.select()
    code, text = cli("李娜", "assess", "appeal", str(v.id), "--reason", "客户要求改期")
    assert code == 2 and "尚未确认" in text
    assessment.confirm(people["王建国"], v.id)
    with pytest.raises(NotAllowedError):
        breaches.appeal(people["张伟"], v.id, "替她申诉")
    code, text = cli("李娜", "assess", "appeal", str(v.id), "--reason", "客户要求改期，有书面说明")
    assert code == 0 and "县公司考核员" in text
    with pytest.raises(IllegalStepError, match="已经申诉过"):
        breaches.appeal(people["李娜"], v.id, "再申诉")
    (row,) = breaches.appeals()
    assert row["outcome_label"] == "待裁决" and row["by"] == "李娜"
    with pytest.raises(NotAllowedError):  # the station head is not the level above himself
        breaches.decide_appeal(people["王建国"], row["id"], "overturned", "同意")


def test_a_county_assessor_exists_only_at_the_county(station):
    from firstask_desktop.domain import permissions
    from firstask_desktop.services.station import add_staff

    with pytest.raises(ValidationError, match="县公司考核员"):
        add_staff(station, name="赵考核", role="county_assessor", password=PASSWORD)
    assert permissions.can(Staff(role="county_assessor", active=True), "decide_appeal")
    assert permissions.can(Staff(role="county_assessor", active=True), "assess")


# --- 9. no scan of the future --------------------------------------------------------------------


def test_a_scan_as_of_a_future_time_is_refused_and_writes_nothing(people, cli):
    _register(people)
    before = AuditEvent.select().count()
    with pytest.raises(RefusedError, match="晚于当前时间"):
        assessment.scan(datetime(2026, 3, 20, 9, 0), now=datetime(2026, 3, 15, 9, 0))
    future = (datetime.now() + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M")
    code, text = cli("李娜", "assess", "scan", "--as-of", future)
    assert code == 2 and "在将来" in text
    assert AuditEvent.select().count() == before
    assert Violation.select().count() == 0


# --- a month at a station: every late step, one proposal each, nothing removes one -------------


def _month_of_late_steps(people):
    """One entry per kind of late step in March 2026, and who the seed names for it."""
    li, zhang, head = people["李娜"], people["张伟"], people["王建国"]
    day = lambda d, h=9: datetime(2026, 3, d, h, 0)  # noqa: E731
    phones = iter(f"139000011{n:02d}" for n in range(50))
    add = lambda category, at, **kw: _register(  # noqa: E731
        people, category=category, at=at, phone=next(phones), **kw
    )
    expected = []
    late_reply = add("咨询", day(2))  # due 03-03
    svc.reply_entry(li, late_reply.serial, "已答复", now=day(5))
    expected.append((late_reply.serial, "九.2-3", "李娜", 50000))
    expected.append((late_reply.serial, "九.4-5", "李娜", 20000))  # never followed up
    no_contact = add("投诉", day(2))  # contact by 03-03, reply by 03-07
    svc.reply_entry(li, no_contact.serial, "已处理", now=day(6))
    svc.record_follow_up(li, no_contact.serial, method="phone", satisfaction="basic", now=day(7))
    expected.append((no_contact.serial, "九.1", "李娜", 20000))
    colleague = add("业务办理", day(9))  # due 03-16
    svc.transfer_entry(li, colleague.serial, department="营业班", note="请核实办理", to_staff="张伟",
                       due_at=day(11, 17), now=day(9, 10))  # fmt: skip
    responsibility.accept_transfer(zhang, colleague.serial, now=day(9, 11))
    svc.finish_transfer(li, colleague.serial, "张伟已办完", now=day(13))
    svc.reply_entry(li, colleague.serial, "已办理", now=day(13, 10))
    svc.record_follow_up(li, colleague.serial, method="phone", satisfaction="satisfied",
                         now=day(13, 11))  # fmt: skip
    expected.append((colleague.serial, "九.1", "李娜", 20000))  # not chased
    expected.append((colleague.serial, "九.2-3", "张伟", 50000))  # not done in time
    repair = add("报修", day(16))  # arrive 10:30, restore 13:00
    svc.transfer_entry(li, repair.serial, department="抢修班", note="请核实办理", now=day(16, 11))
    svc.reply_entry(li, repair.serial, "已恢复供电", now=day(16, 14))
    svc.record_follow_up(li, repair.serial, method="phone", satisfaction="satisfied",
                         now=day(17))  # fmt: skip
    expected.append((repair.serial, "九.2-3", "李娜", 50000))  # one fine, two late steps
    expected.append((repair.serial, "九.1", "李娜", 20000))  # the crew was never chased
    escalated_late = add("举报", day(2))  # due 03-12
    svc.mark_unresolved(li, escalated_late.serial, "需公安配合", now=day(19))
    responsibility.decide_escalation(head, escalated_late.serial, "answer",
                                     result="已告知客户：已移交公安", now=day(19, 15))  # fmt: skip
    svc.record_follow_up(li, escalated_late.serial, method="phone", satisfaction="basic",
                         now=day(20))  # fmt: skip
    expected.append((escalated_late.serial, "九.2-3", "李娜", 50000))
    voided_late = add("业务办理", day(2))  # due 03-09
    svc.void_entry(li, voided_late.serial, "客户不办了", now=day(10), approver=head)
    expected.append((voided_late.serial, "九.2-3", "李娜", 50000))
    handed = add("业务办理", day(16))  # due 03-23, reassigned before it
    responsibility.reassign_entry(head, handed.serial, "张伟", "李娜调岗", now=day(17))
    svc.reply_entry(zhang, handed.serial, "已办理", now=day(25))
    svc.record_follow_up(zhang, handed.serial, method="phone", satisfaction="satisfied",
                         now=day(26))  # fmt: skip
    expected.append((handed.serial, "九.2-3", "张伟", 50000))
    on_time = add("咨询", day(23), result="当场答复")
    svc.record_follow_up(li, on_time.serial, method="phone", satisfaction="satisfied",
                         now=day(24))  # fmt: skip
    return sorted(expected), {"open": add("业务办理", day(27))}


def test_a_month_of_late_steps_gives_one_proposal_each_naming_the_right_person(people):
    expected, _ = _month_of_late_steps(people)
    assert _proposals(datetime(2026, 3, 31, 18, 0)) == expected


def test_voiding_escalating_or_reassigning_afterwards_removes_no_proposal(people):
    expected, _ = _month_of_late_steps(people)
    at = datetime(2026, 3, 31, 18, 0)
    assert _proposals(at) == expected
    head = people["王建国"]
    for serial, *_ in expected:
        entry = svc.get_entry(serial)
        if entry.status in ("registered", "in_progress", "transferred"):
            svc.mark_unresolved(entry.responder, serial, "无法解决", now=at)
        if entry.status not in ("void", "closed"):
            to = "陈静" if entry.responder.name != "陈静" else "李娜"
            responsibility.reassign_entry(head, serial, to, "轮岗", now=at)
            svc.void_entry(head, serial, "清理", now=at + timedelta(minutes=1), approver=head)
    assert _proposals(datetime(2026, 4, 1, 9, 0), since=datetime(2026, 3, 1)) == expected


def test_at_the_demo_station_each_entry_clause_and_person_is_proposed_once(demo_store):
    from collections import Counter

    now = datetime(2026, 11, 20, 16, 0)
    assessment.scan(now)
    keys = Counter((v.entry_id, v.clause_id, v.responder_id) for v in Violation.select())
    assert keys and max(keys.values()) == 1
    before = {v.id: (v.entry_id, v.responder_id) for v in Violation.select()}
    head = Staff.get(Staff.name == "王建国")
    for v in Violation.select().limit(10):
        if v.entry.status not in ("void", "closed"):
            svc.void_entry(head, v.entry.serial, "清理", now=now, approver=head)
    assessment.scan(now + timedelta(minutes=5), now=now + timedelta(minutes=5))
    after = {v.id: (v.entry_id, v.responder_id) for v in Violation.select()}
    assert before.items() <= after.items()


# --- tier customers -----------------------------------------------------------------------------


def test_a_tier_customer_is_known_by_account_or_name_and_address_and_others_need_a_reason(
    people, cli
):
    from firstask_desktop.services.queries import entry_details

    chen = people["陈静"]
    Customer.create(
        station="GS0101", name="兰州铝业", address="城关镇工业园1号", phone="13700000000",
        account_no="1234567890", tier="gold", manager=chen,
    )  # fmt: skip
    by_account = _register(people, phone="13600000001", account_no="1234567890")
    by_name = _register(people, phone="13600000002", visitor="兰州铝业", address="城关镇工业园1号")
    assert by_account.responder.name == "陈静" and by_name.responder.name == "陈静"
    with pytest.raises(ValidationError, match="客户经理 陈静"):
        _register(people, phone="13700000000", responder="李娜")
    code, text = cli(
        "李娜", "entry", "add", "--channel", "来电", "--category", "咨询", "--visitor", "兰州铝业",
        "--phone", "13700000000", "--matter", "咨询", "--responder", "李娜",
        "--responder-reason", "陈静外出抢修，客户急需答复",
    )  # fmt: skip
    assert code == 0 and "首问责任人 李娜" in text
    serial = re.search(r"GS0101-\d{4}-\d{5}", text).group(0)
    shown = entry_details(svc.get_entry(serial))
    assert shown["responder_reason"] == "陈静外出抢修，客户急需答复"
    code, text = cli("李娜", "entry", "show", serial)
    assert "非客户经理负责的原因：陈静外出抢修" in text


# --- 通报批评 -------------------------------------------------------------------------------------


def test_a_confirmed_breach_with_a_bulletin_prints_one_page_with_the_customer_masked(
    people, cli, tmp_path
):
    from reports_support import pdf_text, squeeze

    from firstask_desktop.reports import pdf_page_count

    entry = _register(people, category="投诉", matter="电压低", visitor="王小明")
    assessment.scan(datetime(2026, 3, 12, 9, 0), since=T0)
    contact = Violation.get(Violation.clause == assessment.clauses()["九.1"])
    out = tmp_path / "通报.pdf"
    code, text = cli("王建国", "print", "bulletin", str(contact.id), "--out", str(out))
    assert code == 2 and "只有已确认的考核才印发通报" in text and not out.exists()
    assessment.confirm(people["王建国"], contact.id)
    code, text = cli("王建国", "print", "bulletin", str(contact.id), "--out", str(out))
    assert code == 0
    data = out.read_bytes()
    printed = squeeze(pdf_text(data))
    assert pdf_page_count(data) == 1
    assert "城关供电所" in printed and "通报" in printed and "全局通报批评" in printed
    assert entry.serial in printed and "王*" in printed and "王小明" not in printed
    sheet = assessment.month_sheet("2026-03", now=LATER)
    assert [r["id"] for r in sheet["bulletins"]] == [contact.id]


def test_the_one_time_notice_is_amended_with_a_reason_and_printed_again(people, cli, tmp_path):
    from reports_support import pdf_text, squeeze

    entry = _register(people, category="业务办理", matter="申请过户", missing_documents=["身份证"])
    code, text = cli(
        "张伟", "entry", "amend-notice", entry.serial, "--doc", "身份证", "--doc", "房产证",
        "--reason", "漏列房产证",
    )  # fmt: skip
    assert code == 2 and "只有本人" in text
    code, text = cli(
        "李娜", "entry", "amend-notice", entry.serial, "--doc", "身份证", "--doc", "房产证",
        "--reason", "漏列房产证",
    )  # fmt: skip
    assert code == 0 and "print notice" in text
    event = AuditEvent.get(AuditEvent.action == "amend_notice")
    assert "房产证" in event.after and "房产证" not in event.before
    out = tmp_path / "告知单.pdf"
    assert cli("李娜", "print", "notice", entry.serial, "--out", str(out))[0] == 0
    assert "房产证" in squeeze(pdf_text(out.read_bytes()))


def test_a_transfer_to_a_colleague_is_accepted_or_returned_and_unaccepted_ones_are_flagged(people):
    li, zhang = people["李娜"], people["张伟"]
    kept = _register(people, category="业务办理", matter="申请增容")
    back = _register(people, category="业务办理", matter="申请过户", phone="13900001111")
    for entry in (kept, back):
        svc.transfer_entry(
            li, entry.serial, department="营业班", note="请核实办理", to_staff="张伟", now=T0
        )
    # Tuesday's transfers not accepted by the end of Tuesday are the owner's to chase.
    assert responsibility.transfers_not_accepted(li, T0 + timedelta(hours=8)) == []
    late = responsibility.transfers_not_accepted(li, T0 + timedelta(days=1))
    assert [r["serial"] for r in late] == [kept.serial, back.serial]
    with pytest.raises(NotAllowedError, match="只有接收人本人"):
        responsibility.accept_transfer(li, kept.serial)
    responsibility.accept_transfer(zhang, kept.serial, now=T0 + timedelta(days=1, hours=1))
    with pytest.raises(ValidationError):
        responsibility.return_transfer(zhang, back.serial, " ")
    responsibility.return_transfer(zhang, back.serial, "不归营业班管", now=T0 + timedelta(days=1))
    assert svc.get_entry(back.serial).status == "in_progress"
    assert responsibility.transfers_not_accepted(li, T0 + timedelta(days=2)) == []
