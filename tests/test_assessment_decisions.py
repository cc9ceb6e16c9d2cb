"""The head's decision on a proposed breach is evidence: who decided, when, why, in the audit log.

A fine (confirmed) or a dismissal is read later by the county; both must carry the moment the
head decided (not the scan's), the head's name, and for a dismissal the reason as typed.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from firstask_desktop.domain.errors import IllegalStepError, ValidationError
from firstask_desktop.services import assessment
from firstask_desktop.services import entries as svc
from firstask_desktop.store.models import AuditEvent, Violation

DECIDED = datetime(2026, 3, 16, 10, 30)


@pytest.fixture
def proposals(people):
    for phone in ("13812345678", "13900001111"):
        svc.register_entry(
            people["李娜"], channel="phone", category="consult", visitor="张三", phone=phone,
            matter="咨询电价", received_at=datetime(2026, 3, 10, 9, 0),
            now=datetime(2026, 3, 10, 9, 0),
        )  # fmt: skip
    assessment.scan(datetime(2026, 3, 13, 9, 0))
    return [v.id for v in Violation.select().order_by(Violation.id)]


def _last_event(action: str) -> AuditEvent:
    return (
        AuditEvent.select().where(AuditEvent.action == action).order_by(AuditEvent.seq.desc()).get()
    )


def test_a_confirmation_records_the_head_and_the_moment(people, proposals):
    head = people["王建国"]
    assessment.confirm(head, proposals[0], now=DECIDED.replace(microsecond=123))
    v = Violation.get_by_id(proposals[0])
    assert (v.state, v.decided_by.name, v.decided_at, v.dismiss_reason) == (
        "confirmed", "王建国", DECIDED, "",
    )  # fmt: skip
    event = _last_event("confirmed_violation")
    assert (event.actor, event.at) == ("王建国", DECIDED)


def test_a_dismissal_records_its_reason_and_cannot_be_decided_again(people, proposals):
    head = people["王建国"]
    reason = "客户当日已电话答复，登记漏记"
    assessment.dismiss(head, proposals[1], f"  {reason}  ", now=DECIDED)
    v = Violation.get_by_id(proposals[1])
    assert (v.state, v.dismiss_reason, v.decided_at) == ("dismissed", reason, DECIDED)
    event = _last_event("dismissed_violation")
    assert (event.actor, event.at) == ("王建国", DECIDED)
    with pytest.raises(IllegalStepError, match=f"考核记录 {v.id} .*驳回.*不能再次处理"):
        assessment.confirm(head, v.id, now=DECIDED)


@pytest.mark.parametrize("length, accepted", [(500, True), (501, False)])
def test_a_dismissal_reason_is_at_most_500_characters(people, proposals, length, accepted):
    head = people["王建国"]
    if accepted:
        assessment.dismiss(head, proposals[0], "理" * length, now=DECIDED)
        assert Violation.get_by_id(proposals[0]).state == "dismissed"
    else:
        with pytest.raises(ValidationError) as refused:
            assessment.dismiss(head, proposals[0], "理" * length, now=DECIDED)
        assert refused.value.field == "reason"
        assert Violation.get_by_id(proposals[0]).state == "proposed"
