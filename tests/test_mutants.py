"""Known plausible bugs in the rules that protect people and money, each of which the suite once
let through: every one is put into a copy of the package, and the tests aimed at it must fail.

A mutant whose text is no longer in the code fails here too, naming itself: when a rule is
rewritten, rewrite its mutant (docs/testing.md says how the full mutation run is done).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "firstask_desktop"
# The aimed tests need neither Qt nor Hypothesis: without their plugins pytest starts in half
# the time, which keeps the whole set under two minutes on a busy machine.
PYTEST_OPTIONS = (
    "-q",
    "-x",
    "-p",
    "no:cacheprovider",
    "-p",
    "no:pytestqt",
    "-p",
    "no:hypothesispytest",
)


@dataclass(frozen=True)
class Mutant:
    name: str
    module: str  # path inside the package
    original: str  # must occur exactly once
    mutated: str
    tests: tuple[str, ...]  # pytest arguments selecting the tests that must fail


# fmt: off
MUTANTS = [
    Mutant(
        "any clerk closes a colleague's entry",
        "services/step_rules.py",
        "    if actor is not None and actor.id == entry.responder_id:",
        '    if actor is not None and (actor.id == entry.responder_id or step == "close"):',
        ("tests/test_step_guards.py", "-k", "close-clerk-other"),
    ),
    Mutant(
        "anybody answers the customer for the responder",
        "services/step_rules.py",
        'RESPONDER_ONLY = frozenset({"reply"})',
        "RESPONDER_ONLY = frozenset()",
        ("tests/test_step_guards.py", "-k", "reply-head-other"),
    ),
    Mutant(
        "a new station's key accepted at import without manage_keys",
        "sync/importing.py",
        '    if accept_new_station:\n        authorise(actor, "manage_keys")\n',
        "",
        ("tests/test_sync_signers.py", "-k", "new_stations_key_needs_manage_keys"),
    ),
    Mutant(
        "a county package or acknowledgement from another key under the county's code",
        "sync/package.py",
        "        or keys.unb64(county.signing_public) != sync_file.signer_public\n",
        "",
        ("tests/test_sync_signers.py", "-k", "another_pc_using_the_countys_code"),
    ),
    Mutant(
        "a sync file's signature not checked",
        "sync/container.py",
        "        verifier.verify(signature, SIGNATURE_CONTEXT + signed.digest())",
        "        verifier.public_bytes_raw()",
        ("tests/test_sync_signers.py", "-k", "signed_by_another_key_than_it_names"),
    ),
    Mutant(
        "a two-character name left in free text on public printouts",
        "domain/masking.py",
        "    if len(visitor) > 1:",
        "    if len(visitor) > 2:",
        ("tests/test_masking_names.py",),
    ),
    Mutant(
        "a complaint called back late counts as called back",
        "services/assessment.py",
        "    if not h.missed(e.contact_due_at, e.contacted_at, as_of):",
        "    if e.contacted_at is not None or not h.missed(e.contact_due_at, e.contacted_at, as_of):",
        ("tests/test_assessment_edges.py", "-k", "complaint_not_contacted and late"),
    ),
    Mutant(
        "a repair passed on late counts as passed on",
        "services/assessment.py",
        "    if not h.missed(e.arrive_due_at, done, as_of):",
        "    if done is not None or not h.missed(e.arrive_due_at, done, as_of):",
        ("tests/test_assessment_edges.py", "-k", "repair_not_dispatched/dispatch and late"),
    ),
    Mutant(
        "a transfer chased late counts as chased",
        "services/assessment.py",
        "s.transfer_id == t.id and t.transferred_at <= s.at <= t.due_at",
        "s.transfer_id == t.id and t.transferred_at <= s.at",
        ("tests/test_assessment_edges.py", "-k", "transfer_unsupervised/supervise and late"),
    ),
    Mutant(
        "a late follow-up counts as done",
        "services/assessment.py",
        "    if not h.missed(due, done, as_of):",
        "    if done is not None or not h.missed(due, done, as_of):",
        ("tests/test_assessment_edges.py", "-k", "no_follow_up and late"),
    ),
    Mutant(
        "closed straight from 已答复, without the follow-up",
        "domain/status_machine.py",
        '"close": frozenset({"followed_up"}),',
        '"close": frozenset({"followed_up", "replied"}),',
        ("tests/test_step_guards.py", "-k", "close-replied or status_table"),
    ),
    Mutant(
        "an audit event's before left out of its hash",
        "store/audit.py",
        '        "before": event.before,\n',
        "",
        ("tests/test_audit_fields.py", "-k", "before"),
    ),
    Mutant(
        "a holiday file accepted from any key naming the county's",
        "services/holidays.py",
        "    return keys.verify_signature(signer, raw, canonical_bytes(document))",
        "    return True",
        ("tests/test_sync_signers.py", "-k", "holiday_file"),
    ),
    Mutant(
        "a stolen PC's key registered again once revoked",
        "sync/trust.py",
        "    if info.key_id in revoked_key_ids():",
        "    if False:",
        ("tests/test_key_history.py", "-k", "never_registered_again"),
    ),
    Mutant(
        "a revoked key still trusted for a station's receipts and backups",
        "store/trusted_keys.py",
        "        if raw in seen or key_id(raw) in revoked:",
        "        if raw in seen:",
        ("tests/test_key_history.py", "-k", "found_stolen_after or lost_pcs_key_is_trusted"),
    ),
    Mutant(
        "a replaced PC's key vouches for what it signs after its replacement",
        "store/trusted_keys.py",
        "        return when <= self.retired_at",
        "        return True",
        ("tests/test_key_history.py", "-k", "only_up_to_its_retirement"),
    ),
]
# fmt: on


def _copy_with(tmp_path: Path, mutant: Mutant) -> Path:
    """The project's package with ``mutant`` in it, beside the real resources."""
    shutil.copytree(
        ROOT / PACKAGE, tmp_path / PACKAGE, ignore=shutil.ignore_patterns("__pycache__")
    )
    (tmp_path / "resources").symlink_to(ROOT / "resources", target_is_directory=True)
    target = tmp_path / PACKAGE / mutant.module
    text = target.read_text(encoding="utf-8")
    count = text.count(mutant.original)
    assert count == 1, (
        f"mutant “{mutant.name}”: its text occurs {count} times in {mutant.module}; "
        "the rule was rewritten, so rewrite the mutant to match it"
    )
    target.write_text(text.replace(mutant.original, mutant.mutated), encoding="utf-8")
    return tmp_path


def _run(copy: Path, *args: str) -> subprocess.CompletedProcess:
    # Run from the copy: Python puts the working folder first, before any installed package.
    env = dict(os.environ, PYTHONPATH=str(copy), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, *args], cwd=copy, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.mutants
@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.name for m in MUTANTS])
def test_the_aimed_tests_fail_on_the_mutant(tmp_path, mutant):
    copy = _copy_with(tmp_path, mutant)
    where = _run(copy, "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)")
    assert where.stdout.strip().startswith(str(copy)), where.stdout + where.stderr
    aimed = [str(ROOT / a) if a.startswith("tests/") else a for a in mutant.tests]
    run = _run(copy, "-m", "pytest", *PYTEST_OPTIONS, "--rootdir", str(ROOT), *aimed)
    # 1: tests failed (killed). 5 would mean nothing was selected; 0, the mutant survived.
    assert run.returncode == 1, (
        f"mutant “{mutant.name}” survived ({mutant.module}):\n{run.stdout[-3000:]}{run.stderr}"
    )
