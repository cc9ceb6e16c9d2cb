"""``export excel``: masked by role, numbers kept as text, no cell that starts a formula."""

from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import load_workbook
from support import PASSWORD, T0

from firstask_desktop.domain.errors import NotAllowedError, ValidationError
from firstask_desktop.services import entries as svc
from firstask_desktop.services.export_excel import COLUMNS, export_register, spreadsheet_text
from firstask_desktop.store import db
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import Staff

HEADERS = [c[0] for c in COLUMNS]


@pytest.fixture
def register(people):
    svc.register_entry(
        people["李娜"],
        channel="visit",
        category="complaint",
        visitor="张三",
        phone="13812345678",
        account_no="0012345678",
        unit='=HYPERLINK("x")',
        address="甘肃省榆中县城关镇李家村3组15号",
        matter="-2+3 度电没算对",
        reception_notes="@SUM(A1)",
        now=T0,
    )
    svc.register_entry(
        people["李娜"],
        channel="phone",
        category="consult",
        visitor="李四",
        phone="0931-5221234",
        matter="咨询电价",
        result="+已讲解",
        now=T0,
    )
    svc.register_entry(
        people["李娜"],
        channel="phone",
        category="consult",
        visitor="王五",
        phone="13812345670",
        matter="四月的事",
        now=datetime(2026, 4, 2, 10, 0),
        received_at=datetime(2026, 4, 2, 9, 0),
    )
    return people


def _rows(path):
    book = load_workbook(path)
    sheet = book.worksheets[0]
    rows = [[c for c in row] for row in sheet.iter_rows()]
    return sheet.title, rows


def _by_header(row) -> dict:
    return dict(zip(HEADERS, row, strict=True))


def test_the_head_gets_the_full_register_with_numbers_as_text(register, store):
    result = export_register(register["王建国"], store / "登记簿.xlsx", month="2026-03")
    assert (result.rows, result.masked) == (2, False)
    title, rows = _rows(result.path)
    assert title == "首问登记簿 2026-03"
    assert [c.value for c in rows[0]] == HEADERS
    first = _by_header(rows[1])
    assert first["受理编号"].value == "GS0101-2026-00001"
    assert first["来访人姓名"].value == "张三" and first["类别"].value == "投诉"
    for header, value in (("联系方式", "13812345678"), ("户号", "0012345678")):
        cell = first[header]
        assert (cell.value, cell.data_type, cell.number_format) == (value, "s", "@")
    assert first["受理时间"].value == T0 and first["受理时间"].is_date
    assert _by_header(rows[2])["联系方式"].value == "0931-5221234"


def test_formula_looking_text_is_neutralised_and_nothing_else_changes(register, store):
    path = export_register(register["王建国"], store / "x.xlsx").path
    _, rows = _rows(path)
    for row in rows:
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))
    first = _by_header(rows[1])
    assert first["单位"].value == '\'=HYPERLINK("x")'
    assert first["事由"].value == "'-2+3 度电没算对"
    assert first["接待情况"].value == "'@SUM(A1)"
    assert _by_header(rows[2])["办理结果"].value == "'+已讲解"
    assert spreadsheet_text("咨询=电价") == "咨询=电价"
    assert spreadsheet_text(" =1+1") == "' =1+1"
    assert spreadsheet_text("a\x07b") == "a\ufffdb"


def test_a_role_without_personal_data_gets_it_masked(register, store):
    with db.transaction():
        save_audited(
            Staff(
                station="GS0101",
                name="周县",
                role="county_admin",
                password_hash=register["李娜"].password_hash,
            ),
            actor="测试",
            action="add_staff",
            at=T0,
        )
    result = export_register(Staff.get(Staff.name == "周县"), store / "x.xlsx")
    assert result.masked and result.rows == 3
    first = _by_header(_rows(result.path)[1][1])
    assert first["来访人姓名"].value == "张*"
    assert first["联系方式"].value == "138****5678"
    assert first["户号"].value == "******5678"
    assert first["地址"].value == "甘肃省榆中县城关镇李家村***"


def test_refusals_leave_no_file(register, store):
    with pytest.raises(NotAllowedError):
        export_register(register["李娜"], store / "x.xlsx")
    with pytest.raises(ValidationError, match="月份"):
        export_register(register["王建国"], store / "x.xlsx", month="2026-13")
    assert not (store / "x.xlsx").exists()


def test_export_excel_on_the_command_line(register, store, monkeypatch, capsys):
    from firstask_desktop.cli.runner import run

    db.close()
    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    out = store / "四月.xlsx"
    code = run(
        [
            "--data-dir",
            str(store),
            "--as",
            "王建国",
            "export",
            "excel",
            "--month",
            "2026-04",
            "--out",
            str(out),
        ]
    )
    printed = capsys.readouterr()
    assert code == 0 and "已导出 1 条登记" in printed.out, printed.err
    assert [r[0].value for r in _rows(out)[1][1:]] == ["GS0101-2026-00003"]
