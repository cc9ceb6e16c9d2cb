"""The committed generated forms must be what pyside6-uic makes of ui/*.ui today."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build_forms():
    spec = importlib.util.spec_from_file_location("build_forms", ROOT / "tools" / "build_forms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_file_has_an_up_to_date_generated_module():
    build_forms = _build_forms()
    ui_files = sorted((ROOT / "ui").glob("*.ui"))
    assert ui_files, "no Designer forms found"
    assert build_forms.stale_forms() == []
    for ui_file in ui_files:
        generated = build_forms.target_for(ui_file).read_text(encoding="utf-8")
        assert generated.startswith("# generated — do not edit")


def test_a_changed_ui_file_is_noticed(tmp_path, monkeypatch):
    build_forms = _build_forms()
    ui = (ROOT / "ui" / "entry_form.ui").read_text(encoding="utf-8")
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "entry_form.ui").write_text(
        ui.replace("事由(&amp;M)", "事由内容(&amp;M)"), encoding="utf-8"
    )
    monkeypatch.setattr(build_forms, "UI_DIR", tmp_path / "ui")
    assert len(build_forms.stale_forms()) == 1
