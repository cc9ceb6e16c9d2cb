"""The 月度考核表 and the 督办单: the right words on paper, totals equal to the confirmed rows."""

from datetime import datetime, timedelta

from reports_support import pdf_text
from support import PASSWORD, T0

from firstask_desktop.reports.assessment_sheet import build_assessment
from firstask_desktop.reports.supervision import build_supervision
from firstask_desktop.services import assessment
from firstask_desktop.services import entries as svc


def _late_entries(people, count):
    serials = []
    for i in range(count):
        e = svc.register_entry(
            people["李娜" if i % 2 else "张伟"],
            channel="来电",
            category="咨询",
            visitor="张三",
            phone=f"1381234{i:04d}",
            matter="咨询电价",
            received_at=T0 + timedelta(minutes=i),
            now=T0 + timedelta(minutes=i),
        )
        serials.append(e.serial)
    assessment.scan(datetime(2026, 3, 20, 9, 0))
    return serials


def test_sheet_totals_equal_the_confirmed_rows(people):
    _late_entries(people, 5)
    ids = [v.id for v in assessment.violations("proposed")]
    head = people["王建国"]
    for vid in ids[:3]:
        assessment.confirm(head, vid)
    assessment.dismiss(head, ids[3], "客户书面同意延期答复")
    sheet = assessment.month_sheet("2026-03", now=datetime(2026, 3, 31, 17, 0))
    assert len(sheet["confirmed"]) == 3 and len(sheet["pending"]) == 1
    assert sheet["total_fen"] == sum(r["amount_fen"] for r in sheet["confirmed"]) == 150000
    assert sum(p["amount_fen"] for p in sheet["by_person"]) == sheet["total_fen"]
    assert {p["name"]: p["count"] for p in sheet["by_person"]} == {"张伟": 2, "李娜": 1}

    text = pdf_text(build_assessment("2026-03", now=datetime(2026, 3, 31, 17, 0)))
    assert "城关供电所 月度考核表" in text
    assert "1500.00" in text and "客户书面同意延期答复" in text
    assert "尚有 1 条待所长确认" in text
    assert "所长（签字）" in text


def test_supervision_slip_names_the_department_its_phone_and_deadline(people):
    from firstask_desktop.services.station import add_department

    add_department(people["管理员"], name="线路班", phone="0931-5221240", now=T0)
    entry = svc.register_entry(
        people["李娜"],
        channel="来访",
        category="业务办理",
        visitor="张三",
        phone="13812345678",
        matter="申请增容至20kW",
        received_at=T0,
        now=T0,
    )
    svc.transfer_entry(
        people["李娜"],
        entry.serial,
        department="线路班",
        note="请现场勘查",
        due_at=datetime(2026, 3, 12, 17, 0),
        now=T0,
    )
    svc.record_supervision(
        people["李娜"], entry.serial, "电话催办，已安排勘查", now=datetime(2026, 3, 11, 9, 0)
    )
    text = pdf_text(build_supervision(entry.serial))
    for words in (
        "督办单",
        entry.serial,
        "线路班",
        "0931-5221240",
        "2026-03-12 17:00",
        "申请增容至20kW",
        "请现场勘查",
        "电话催办，已安排勘查",
        "李娜",
    ):
        assert words in text, words


def test_print_assessment_and_supervision_from_the_command_line(
    people, store, tmp_path, capsys, monkeypatch
):
    from firstask_desktop.cli.runner import run

    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)

    serial = _late_entries(people, 1)[0]
    out = tmp_path / "考核表.pdf"
    assert (
        run(
            [
                "--data-dir",
                str(store),
                "--as",
                "王建国",
                "print",
                "assessment",
                "--month",
                "2026-03",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF-")
    # A matter that was never transferred has no supervision slip: refused, nothing written.
    slip = tmp_path / "督办单.pdf"
    assert (
        run(
            [
                "--data-dir",
                str(store),
                "--as",
                "王建国",
                "print",
                "supervision",
                serial,
                "--out",
                str(slip),
            ]
        )
        == 2
    )
    assert "没有转办记录" in capsys.readouterr().err and not slip.exists()
