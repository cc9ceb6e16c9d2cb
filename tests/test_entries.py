"""The life of an entry through the core services (the 首问负责制, end to end)."""

from datetime import datetime, timedelta

import pytest
from support import T0

from firstask_desktop.domain.errors import IllegalStepError, NotAllowedError, ValidationError
from firstask_desktop.services import entries as svc
from firstask_desktop.services.queries import EntryFilter, counts, entry_details, list_entries
from firstask_desktop.store import audit, integrity
from firstask_desktop.store.models import AuditEvent, Customer, Entry, Escalation, FollowUp, Void


def _complaint(people, **overrides):
    values = dict(
        channel="来访",
        category="投诉",
        visitor="张三",
        phone="138 1234 5678",
        address="榆中县城关镇李家村3组15号",
        matter="电压长期偏低，空调无法启动",
        received_at=T0,
        now=T0,
    )
    values.update(overrides)
    return svc.register_entry(people["李娜"], **values)


def test_register_fills_the_paper_columns_and_deadlines(people):
    entry = _complaint(
        people, channel="来信", unit="城关村委会", reception_notes="客户情绪激动，已安抚"
    )
    assert entry.serial == "GS0101-2026-00001"
    assert (entry.channel, entry.category, entry.status) == ("letter", "complaint", "registered")
    assert entry.phone == "13812345678"
    assert entry.responder.name == "李娜"
    # Complaint: contact within 1 working day (Wed end of day), reply within 5 days.
    assert entry.contact_due_at == datetime(2026, 3, 11, 23, 59, 59)
    assert entry.due_at == datetime(2026, 3, 15, 23, 59, 59)
    assert entry.search_initials.startswith("zs")
    # A customer record was created for the returning-customer lookup.
    assert Customer.get(Customer.phone == "13812345678").name == "张三"


def test_serials_count_per_year_and_are_never_reused(people):
    first = _complaint(people)
    svc.void_entry(people["李娜"], first.serial, "重复登记", now=T0)
    second = _complaint(people, received_at=T0 + timedelta(hours=1), now=T0 + timedelta(hours=1))
    assert second.serial == "GS0101-2026-00002"  # the voided number stays taken
    old = _complaint(people, received_at=datetime(2025, 12, 31, 16, 0))
    assert old.serial == "GS0101-2025-00001"
    assert Entry.select().count() == 3


def test_matter_not_answered_on_the_spot_needs_a_phone(people):
    with pytest.raises(ValidationError) as err:
        _complaint(people, phone="")
    assert err.value.field == "phone" and "联系电话" in str(err.value)
    # Answered on the spot: no phone needed, and it is replied at once.
    entry = _complaint(people, phone="", category="咨询", matter="咨询电价", result="已当面讲解")
    assert entry.status == "replied" and entry.follow_up_due_at is not None


def test_95598_transfer_needs_its_work_order_number(people):
    with pytest.raises(ValidationError) as err:
        _complaint(people, channel="95598转办")
    assert err.value.field == "wo_number"
    entry = _complaint(
        people,
        channel="hotline_95598",
        wo_number="9559826031000123",
        wo_due_at=T0 + timedelta(days=1),
    )
    assert entry.wo_number == "9559826031000123" and entry.wo_due_at == T0 + timedelta(days=1)


def test_received_time_in_the_future_is_refused(people):
    with pytest.raises(ValidationError) as err:
        _complaint(people, received_at=T0 + timedelta(hours=2))
    assert err.value.field == "received_at"
    assert Entry.select().count() == 0


def test_gold_customer_gets_their_customer_manager_as_responder(people):
    customer = Customer.create(
        station="GS0101",
        name="王老板",
        unit="兴隆农业合作社",
        phone="13900001111",
        account_no="6201234567",
        tier="gold",
        manager=people["陈静"],
    )
    entry = _complaint(
        people,
        visitor="王老板",
        phone="",
        account_no="6201234567",
        category="business",
        matter="申请增容",
        result="",
    )
    del customer
    assert entry.responder.name == "陈静"  # registered by 李娜, owned by the manager
    assert entry.phone == "13900001111"  # reached on the number on file


def test_gold_customer_found_by_phone(people):
    Customer.create(
        station="GS0101", name="王老板", phone="13900001111", tier="silver", manager=people["陈静"]
    )
    entry = _complaint(people, visitor="王老板", phone="139 0000 1111")
    assert entry.responder.name == "陈静"


def test_full_life_transfer_reply_follow_up_close(people):
    li = people["李娜"]
    entry = _complaint(people)
    svc.record_contact(li, entry.serial, "已电话联系客户", now=T0 + timedelta(hours=1))
    transfer = svc.transfer_entry(
        li, entry.serial, department="配电运维班", note="请测量电压", now=T0 + timedelta(hours=2)
    )
    assert transfer.due_at == entry.due_at  # the department inherits the promise by default
    svc.record_supervision(li, entry.serial, "电话督办", now=T0 + timedelta(days=1))
    svc.reply_entry(
        li, entry.serial, "已调整变压器分接头，电压恢复正常", now=T0 + timedelta(days=2)
    )
    replied = svc.get_entry(entry.serial)
    assert replied.status == "replied"
    assert replied.follow_up_due_at == datetime(2026, 3, 17, 23, 59, 59)  # 3 working days
    svc.record_follow_up(
        li, entry.serial, method="phone", outcome="no_answer", now=T0 + timedelta(days=3)
    )
    assert svc.get_entry(entry.serial).status == "replied"  # an unreached attempt changes nothing
    svc.record_follow_up(
        li, entry.serial, method="电话", satisfaction="满意", now=T0 + timedelta(days=3, hours=2)
    )
    svc.close_entry(li, entry.serial, now=T0 + timedelta(days=4))
    done = svc.get_entry(entry.serial)
    assert done.status == "closed" and done.closed_at == T0 + timedelta(days=4)
    details = entry_details(done)
    assert [t["department"] for t in details["transfers"]] == ["配电运维班"]
    assert details["transfers"][0]["done_at"] is not None
    assert [f["outcome"] for f in details["follow_ups"]] == ["no_answer", "reached"]
    labels = [row["label"] for row in details["timeline"]]
    assert labels == [
        "登记",
        "联系客户",
        "转办",
        "督办",
        "转办完成",
        "答复客户",
        "回访",
        "回访",
        "办结",
    ]
    assert integrity.check_database() == []


def test_unsatisfied_follow_up_reopens_with_a_fresh_deadline(people):
    li = people["李娜"]
    entry = _complaint(people)
    svc.reply_entry(li, entry.serial, "已处理", now=T0 + timedelta(hours=3))
    later = datetime(2026, 3, 12, 10, 0)
    svc.record_follow_up(
        li, entry.serial, method="phone", satisfaction="unsatisfied", note="电压仍然偏低", now=later
    )
    reopened = svc.get_entry(entry.serial)
    assert reopened.status == "in_progress"
    assert reopened.reopened_count == 1
    assert reopened.due_at == datetime(2026, 3, 17, 23, 59, 59)  # 5 days from the follow-up
    assert FollowUp.get().satisfaction == "unsatisfied"


def test_unresolved_is_escalated_to_the_station_head_with_its_reason(people):
    entry = _complaint(people)
    with pytest.raises(ValidationError):
        svc.mark_unresolved(people["李娜"], entry.serial, "   ")
    svc.mark_unresolved(people["李娜"], entry.serial, "需列入农网改造计划", now=T0)
    escalation = Escalation.get()
    assert escalation.to_staff.name == "王建国" and escalation.reason == "需列入农网改造计划"
    assert svc.get_entry(entry.serial).status == "unresolved"
    assert counts(now=T0)["escalated"] == 1


def test_only_the_first_responder_replies_to_a_transferred_entry(people):
    entry = _complaint(people)
    svc.transfer_entry(people["李娜"], entry.serial, department="营业班", note="请核实办理", now=T0)
    for other in ("张伟", "王建国", "管理员"):
        with pytest.raises(NotAllowedError, match="李娜"):
            svc.reply_entry(people[other], entry.serial, "已处理")
    # Another clerk may not act on it at all; the station head may chase it.
    with pytest.raises(NotAllowedError):
        svc.record_supervision(people["张伟"], entry.serial, "催办")
    svc.record_supervision(people["王建国"], entry.serial, "所长督办", now=T0)
    svc.reply_entry(people["李娜"], entry.serial, "已处理", now=T0 + timedelta(hours=1))


@pytest.mark.parametrize(
    "steps, illegal",
    [
        ([], "close"),
        ([], "follow_up"),
        ([], "supervise"),
        (["reply"], "transfer"),
        (["reply"], "reply"),
        (["reply"], "unresolved"),
        (["reply", "follow_up"], "reply"),
        (["reply", "follow_up", "close"], "follow_up"),
        (["void"], "void"),
        (["void"], "reply"),
    ],
)
def test_illegal_steps_are_refused_and_change_nothing(people, steps, illegal):
    li = people["李娜"]
    serial = _complaint(people).serial
    do = {
        "reply": lambda: svc.reply_entry(li, serial, "已处理", now=T0),
        "follow_up": lambda: svc.record_follow_up(
            li, serial, method="phone", satisfaction="satisfied", now=T0
        ),
        "close": lambda: svc.close_entry(li, serial, now=T0),
        "void": lambda: svc.void_entry(li, serial, "登记错误", now=T0),
        "transfer": lambda: svc.transfer_entry(
            li, serial, department="营业班", note="请核实办理", now=T0
        ),
        "unresolved": lambda: svc.mark_unresolved(li, serial, "无法解决", now=T0),
        "supervise": lambda: svc.record_supervision(li, serial, "催办", now=T0),
    }
    for step in steps:
        do[step]()
    before = (svc.get_entry(serial).revision, AuditEvent.select().count())
    with pytest.raises(IllegalStepError) as err:
        do[illegal]()
    assert "不能" in str(err.value) and "可以" in str(err.value)
    assert (svc.get_entry(serial).revision, AuditEvent.select().count()) == before


def test_void_keeps_the_entry_with_reason_and_who(people):
    entry = _complaint(people)
    with pytest.raises(NotAllowedError):
        svc.void_entry(people["张伟"], entry.serial, "不是我的")
    svc.void_entry(people["李娜"], entry.serial, "重复登记", now=T0)
    void = Void.get()
    assert (void.reason, void.by.name, void.previous_status) == ("重复登记", "李娜", "registered")
    assert svc.get_entry(entry.serial).status == "void"


def test_praise_is_closed_once_acknowledged(people):
    entry = _complaint(people, category="表扬", matter="感谢抢修班", result="已致谢")
    assert entry.status == "closed" and entry.follow_up_due_at is None


def test_repair_promises_arrival_and_restoration_by_area(people):
    entry = _complaint(people, category="报修", matter="整村停电")
    assert entry.arrive_due_at == T0 + timedelta(minutes=90)  # rural station
    assert entry.restore_due_at == T0 + timedelta(minutes=240)
    assert entry.due_at == entry.restore_due_at  # what the customer is promised


def test_every_change_is_an_audit_event_in_one_chain(people):
    li = people["李娜"]
    entry = _complaint(people)
    svc.reply_entry(li, entry.serial, "已处理", now=T0)
    events = list(
        AuditEvent.select().where(AuditEvent.record_uuid == entry.uuid).order_by(AuditEvent.seq)
    )
    assert [e.action for e in events] == ["register", "reply"]
    assert events[1].before is not None and '"status":"registered"' in events[1].before
    assert '"status":"replied"' in events[1].after and events[1].actor == "李娜"
    assert audit.verify_chain() == [] and audit.verify_rows() == []


def test_queries_overdue_due_today_follow_ups_and_search(people):
    li = people["李娜"]
    late = _complaint(people, visitor="欧阳娜娜", phone="13900002222")
    today = _complaint(
        people,
        category="咨询",
        matter="咨询峰谷电价",
        visitor="赵六",
        received_at=datetime(2026, 3, 16, 9, 0),
        now=datetime(2026, 3, 16, 9, 0),
    )
    answered = _complaint(
        people, category="查询", matter="查询电费", visitor="孙七", result="已告知", now=T0
    )
    now = datetime(2026, 3, 17, 10, 0)
    overdue = [e.serial for e in list_entries(EntryFilter(overdue=True), now=now)]
    assert late.serial in overdue and today.serial not in overdue
    # Answered on the spot on 03-10, its follow-up was due within 3 working days: overdue too.
    assert answered.serial in overdue
    due_today = [e.serial for e in list_entries(EntryFilter(due_today=True), now=now)]
    assert due_today == [today.serial]
    follow = [e.serial for e in list_entries(EntryFilter(follow_up_due=True), now=now)]
    assert follow == [answered.serial]
    by_initials = [e.serial for e in list_entries(EntryFilter(search="oy"), now=now)]
    assert by_initials == [late.serial]
    by_phone = [e.serial for e in list_entries(EntryFilter(search="0002222"), now=now)]
    assert by_phone == [late.serial]
    by_text = [e.serial for e in list_entries(EntryFilter(search="峰谷"), now=now)]
    assert by_text == [today.serial]
    by_month = list_entries(EntryFilter(month="2026-03", category="投诉", responder="李娜"))
    assert [e.serial for e in by_month] == [late.serial]
    del li


def test_two_follow_up_attempts_in_the_same_minute_are_two_lines(people):
    li = people["李娜"]
    entry = _complaint(people, category="咨询", matter="咨询电价", result="已讲解")
    at = T0 + timedelta(days=1)
    svc.record_follow_up(li, entry.serial, method="phone", outcome="busy", now=at)
    svc.record_follow_up(li, entry.serial, method="phone", satisfaction="satisfied", now=at)
    labels = [row["label"] for row in entry_details(svc.get_entry(entry.serial))["timeline"]]
    assert labels == ["登记", "回访", "回访"]
