"""One function per user action or screen load, run off the GUI thread (Anki's ``operations``).

Widgets call these through :mod:`tasks`; these call the core services; only plain data (dicts,
lists, strings, or fully loaded model rows) comes back, so the GUI thread never waits on SQL.
Nothing here is a rule: the rules live in the core services these call.
"""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.domain import validation, visibility
from firstask_desktop.domain.vocab import ROLES, TIERS

from ..services import entries as entry_svc
from ..services import queries, station

TRANSFER_WARNING_HOURS = 24  # a transfer is chased when its own deadline is this close

# --- start ---------------------------------------------------------------------------------------


def staff_for_login() -> list[dict]:
    return [
        {"name": s.name, "role": s.role, "role_label": ROLES.get(s.role, s.role)}
        for s in station.list_staff()
    ]


def authenticate(name: str, password: str):
    staff = station.authenticate(name, password)
    staff.department  # noqa: B018 - load the department now, not later on the GUI thread
    return staff


def create_station(**fields):
    return station.init_station(**fields)


def create_demo(entries: int = 300) -> dict:
    from firstask_desktop.demo.demo_station import build_demo

    return build_demo(entries=entries)


# --- the register --------------------------------------------------------------------------------


def register_page(
    flt: queries.EntryFilter,
    *,
    sort: str,
    descending: bool,
    offset: int,
    limit: int,
    viewer=None,
    now: datetime | None = None,
):
    """One page of the register as ``viewer`` may see it (保密: others' customers masked). Each
    row is made (and masked) when first read on the GUI thread, see ``queries.register_page``."""
    rows, _ = queries.register_page(
        flt, sort=sort, descending=descending, offset=offset, limit=limit, viewer=viewer, now=now
    )
    return rows


def register_count(flt: queries.EntryFilter, now: datetime | None = None) -> int:
    """How many entries match: read beside the first page, so the rows need not wait for it."""
    return queries.count_entries(flt, now=now)


def register_scope(actor) -> dict:
    """Whether ``actor`` may register here, and the stations a county's register shows."""
    from firstask_desktop.domain import permissions

    stations = []
    here = station.local_station()
    if here is not None and here.mode == "county":
        from ..services.county import station_codes

        stations = station_codes()
    return {"may_register": permissions.can(actor, "register"), "stations": stations}


def months() -> list[str]:
    """Months that have entries, newest first (the month filter's choices)."""
    return queries.months_with_entries()


def counts(now: datetime | None = None) -> dict[str, int]:
    """The status bar's and 待办's figures, with the transfers nearing their own deadline."""
    from firstask_desktop.services.assessment import transfers_due_soon

    found = queries.counts(now)
    found["transfers_due"] = len(transfers_due_soon(now, TRANSFER_WARNING_HOURS))
    return found


def entry_details(serial: str, viewer=None) -> dict:
    """The whole story of an entry as ``viewer`` may see it, and whether they may edit it."""
    from ..services.entry_edits import may_edit

    entry = entry_svc.get_entry(serial)
    details = visibility.entry_dict_for(viewer, entry, queries.entry_details(entry))
    details["may_edit"] = may_edit(viewer, entry)
    # A receipt or notice carries the customer's data: printed only by who may see it.
    details["may_print"] = visibility.may_see_personal_data(viewer, entry)
    return details


# --- the entry form ------------------------------------------------------------------------------


def lookup_customer(actor, phone: str = "", account_no: str = "") -> dict | None:
    """A known customer behind a typed phone or 户号, with what the form should flag."""
    try:
        phone = validation.normalise_phone(phone) if phone.strip() else ""
    except validation.ValidationError:
        phone = ""
    try:
        account_no = validation.normalise_account_no(account_no)
    except validation.ValidationError:
        account_no = ""
    if not phone and not account_no:
        return None
    from firstask_desktop.services.assessment import REPEAT_COMPLAINTS, REPEAT_DAYS

    customer = entry_svc.find_customer(phone, account_no)
    history = queries.customer_history(phone, account_no, days=REPEAT_DAYS)
    if customer is None and not history["entries"]:
        return None
    history["repeat"] = history["recent_complaints"] >= REPEAT_COMPLAINTS
    history["repeat_days"] = REPEAT_DAYS
    found = {"history": history, "customer": None, "responder": actor.name}
    if customer is not None:
        found["customer"] = {
            "name": customer.name,
            "unit": customer.unit,
            "address": customer.address,
            "phone": customer.phone,
            "account_no": customer.account_no,
            "tier": customer.tier,
            "tier_label": TIERS.get(customer.tier, customer.tier),
            "manager": customer.manager.name if customer.manager else "",
        }
        found["responder"] = entry_svc.choose_responder(actor, customer).name
    return found


def register_entry(actor, **fields) -> dict:
    entry = entry_svc.register_entry(actor, **fields)
    return queries.entry_to_dict(entry)


# --- the steps of an entry -----------------------------------------------------------------------

STEPS = {
    "start": lambda actor, serial, **kw: entry_svc.start_entry(actor, serial),
    "contact": lambda actor, serial, **kw: entry_svc.record_contact(
        actor, serial, kw.get("note", "")
    ),
    "transfer": lambda actor, serial, **kw: entry_svc.transfer_entry(actor, serial, **kw),
    "supervise": lambda actor, serial, **kw: entry_svc.record_supervision(
        actor, serial, kw.get("note", "")
    ),
    "finish_transfer": lambda actor, serial, **kw: entry_svc.finish_transfer(
        actor, serial, kw.get("note", "")
    ),
    "reply": lambda actor, serial, **kw: entry_svc.reply_entry(actor, serial, kw.get("result", "")),
    "unresolved": lambda actor, serial, **kw: entry_svc.mark_unresolved(
        actor, serial, kw.get("reason", "")
    ),
    "follow_up": lambda actor, serial, **kw: entry_svc.record_follow_up(actor, serial, **kw),
    "close": lambda actor, serial, **kw: entry_svc.close_entry(actor, serial),
    "void": lambda actor, serial, **kw: entry_svc.void_entry(actor, serial, kw.get("reason", "")),
    "duplicate": lambda actor, serial, **kw: entry_svc.link_duplicate(
        actor, serial, kw.get("original", "")
    ),
    "edit": lambda actor, serial, **kw: _edit(actor, serial, **kw),
}


def _edit(actor, serial: str, **changes):
    from ..services.entry_edits import edit_entry

    return edit_entry(actor, serial, **changes)


def entry_step(actor, action: str, serial: str, **fields) -> dict:
    """Run one step of the 首问负责制 on an entry; returns the entry as it is now."""
    STEPS[action](actor, serial, **fields)
    return entry_details(serial, actor)


def departments() -> list[dict]:
    return [
        {"name": d.name, "phone": d.phone, "place": d.place} for d in station.list_departments()
    ]


def staff_names() -> list[str]:
    return [s.name for s in station.list_staff()]


def deadline_book():
    """The rule table and holiday calendar, loaded once for a form's live deadline."""
    from ..services.rules import DeadlineBook

    return DeadlineBook(station.require_station().area)


# --- printing (the printed documents are the core's reports; this only finds and calls them) ---

DOCUMENT_BUILDERS = {
    "receipt": ("firstask_desktop.reports.receipt", "build_receipt"),
    "notice": ("firstask_desktop.reports.notice", "build_notice"),
    "register": ("firstask_desktop.reports.register", "build_register"),
    "stats": ("firstask_desktop.reports.statistics", "build_stats"),
    "assessment": ("firstask_desktop.reports.assessment_sheet", "build_assessment"),
    "supervision": ("firstask_desktop.reports.supervision", "build_supervision"),
    "card": ("firstask_desktop.reports.wall_card", "build_card"),
}


def _builder(kind: str):
    import importlib

    module_name, function = DOCUMENT_BUILDERS[kind]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    return getattr(module, function, None)


def printable_kinds() -> list[str]:
    """The documents this build can print (each comes with the reports package). Looked up, not
    imported: ReportLab takes a quarter of a second to import, which the window's start need not
    wait for; the first print imports it."""
    from importlib.util import find_spec

    if find_spec("reportlab") is None:
        return []
    return [kind for kind, (module, _) in DOCUMENT_BUILDERS.items() if find_spec(module)]


def build_document(kind: str, key: str, progress=None) -> bytes:
    """The PDF bytes of a receipt/notice/督办单 (key: serial) or a register/statistics/月度考核表
    (key: month)."""
    builder = _builder(kind)
    if builder is None:
        from firstask_desktop.domain.errors import RefusedError

        raise RefusedError("这个版本还不能打印这种单据：请安装完整版本。")
    if kind == "register" and progress is not None:
        return builder(key, lambda percent, message="": progress(int(percent), 100, message))
    return builder(key)


def build_guide(language: str):
    """The user manual (``reports.guide.Guide``: the PDF and each chapter's first page)."""
    from firstask_desktop.reports.guide import render_guide

    return render_guide(language)


def month_stats(month: str) -> dict:
    from firstask_desktop.services.month_stats import month_stats as compute

    return compute(month)


def repeat_complainants(viewer=None, now: datetime | None = None) -> list[dict]:
    """Customers with 3 or more complaints in 90 days, masked unless ``viewer`` may see them."""
    from firstask_desktop.domain.masking import mask_account_no, mask_name, mask_phone
    from firstask_desktop.services.assessment import repeat_complainants as find

    rows = find(now)
    if not visibility.may_see_personal_data(viewer):
        masks = {"phone": mask_phone, "account_no": mask_account_no}
        rows = [
            r | {"key": masks[r["kind"]](r["key"]), "visitor": mask_name(r["visitor"])}
            for r in rows
        ]
    return rows


# --- supervision and assessment (督办与考核) ------------------------------------------------------


def transfers_due(viewer=None, now: datetime | None = None) -> list[dict]:
    """Open transfers whose own deadline is near or past, with the department's phone to call;
    the matter masked as in the register for who may not see that customer."""
    from firstask_desktop.domain.masking import mask_personal_text
    from firstask_desktop.services.assessment import transfers_due_soon

    rows = transfers_due_soon(now, TRANSFER_WARNING_HOURS)
    for row in rows:
        entry = entry_svc.get_entry(row["serial"])
        if not visibility.may_see_personal_data(viewer, entry):
            row["matter"] = mask_personal_text(row["matter"], entry.visitor)
    return rows


PROPOSALS_SHOWN = 500


def assessment_overview(viewer, month: str) -> dict:
    """What the 考核 page shows ``viewer``: the proposals waiting for the head, and the month's
    confirmed and dismissed breaches with a line per responder — all of them for the head and
    administrators, only their own for everyone else (read-only but for the head)."""
    from firstask_desktop.domain import permissions
    from firstask_desktop.services import assessment

    everyone = assessment.sees_every_responder(viewer)
    pending = assessment.violations("proposed", responder=None if everyone else viewer)
    # The oldest first, a screenful of work at a time: the first check on a register with years
    # of history proposes tens of thousands (a table of them all would take seconds to build).
    proposed = [assessment.violation_to_dict(v) for v in pending.limit(PROPOSALS_SHOWN)]
    proposed_total = pending.count() if len(proposed) == PROPOSALS_SHOWN else len(proposed)
    sheet = assessment.month_sheet(month)
    mine = (lambda r: True) if everyone else (lambda r: r["responder"] == viewer.name)
    rates = {r["name"]: r for r in sheet["responders"]}
    fines = {p["name"]: p for p in sheet["by_person"]}
    people = []
    for name in sorted(
        set(rates) | set(fines), key=lambda n: (-fines.get(n, {}).get("amount_fen", 0), n)
    ):
        if not everyone and name != viewer.name:
            continue
        fine, rate = fines.get(name, {}), rates.get(name, {})
        people.append(
            {
                "name": name,
                "count": fine.get("count", 0),
                "amount_fen": fine.get("amount_fen", 0),
                "sanctions": fine.get("sanctions", []),
                "reply_rate": rate.get("reply_rate"),
                "satisfaction_rate": rate.get("satisfaction_rate"),
            }
        )
    confirmed = [r for r in sheet["confirmed"] if mine(r)]
    return {
        "month": sheet["month"],
        "everyone": everyone,
        "may_decide": permissions.can(viewer, "assess"),
        # The printed sheet lists everyone's fines: printed by who sees them all.
        "may_print": everyone,
        "proposed": proposed,
        "proposed_total": proposed_total,
        "confirmed": confirmed,
        "dismissed": [r for r in sheet["dismissed"] if mine(r)],
        "people": people,
        "total_fen": sum(r["amount_fen"] for r in confirmed),
    }


def assessment_months() -> list[str]:
    """The months to choose on the 考核 page: this month, then every month with entries."""
    this_month = datetime.now().strftime("%Y-%m")
    return [this_month] + [m for m in months() if m != this_month]


def assessment_scan(as_of: datetime | None = None) -> int:
    """Run the checks now; the number of new proposals."""
    from firstask_desktop.services.assessment import scan

    return len(scan(as_of))


def confirm_violation(actor, violation_id: int) -> dict:
    from firstask_desktop.services.assessment import confirm, violation_to_dict

    return violation_to_dict(confirm(actor, violation_id))


def dismiss_violation(actor, violation_id: int, reason: str) -> dict:
    from firstask_desktop.services.assessment import dismiss, violation_to_dict

    return violation_to_dict(dismiss(actor, violation_id, reason))


def clause_table() -> list[dict]:
    from firstask_desktop.services.assessment import clauses, yuan

    return [
        {
            "code": c.code,
            "title": c.title,
            "description": c.description,
            "amount_fen": c.amount_fen,
            "amount_yuan": yuan(c.amount_fen),
            "sanction": c.sanction,
        }
        for c in clauses().values()
    ]


def update_clause(actor, code: str, *, title: str, amount_yuan: str, sanction: str) -> dict:
    """An administrator's edit of a clause; the amount typed in 元 is stored as integer fen."""
    from firstask_desktop.services.assessment import parse_yuan
    from firstask_desktop.services.assessment import update_clause as update

    clause = update(actor, code, title=title, amount_fen=parse_yuan(amount_yuan), sanction=sanction)
    return {"code": clause.code, "amount_fen": clause.amount_fen}


# --- customers -----------------------------------------------------------------------------------


def search_customers(text: str, viewer=None) -> list[dict]:
    """Customers matching ``text``; personal data masked unless ``viewer`` may see it (保密)."""
    from firstask_desktop.domain import permissions
    from firstask_desktop.domain.masking import mask_account_no, mask_address, mask_name, mask_phone

    found = [
        {
            "uuid": c.uuid,
            "name": c.name,
            "unit": c.unit,
            "address": c.address,
            "phone": c.phone,
            "account_no": c.account_no,
            "tier": c.tier,
            "tier_label": TIERS.get(c.tier, c.tier),
            "manager": c.manager.name if c.manager else "",
        }
        for c in queries.search_customers(text)
    ]
    if not permissions.can(viewer, "see_personal_data"):
        for c in found:
            c.update(
                name=mask_name(c["name"]),
                phone=mask_phone(c["phone"]),
                address=mask_address(c["address"]),
                account_no=mask_account_no(c["account_no"]),
            )
    return found


def set_customer_tier(actor, customer_uuid: str, tier: str, manager: str) -> None:
    from firstask_desktop.store.models import Customer

    customer = Customer.get(Customer.uuid == customer_uuid)
    entry_svc.set_customer_tier(actor, customer, tier, manager)


# --- USB sync ------------------------------------------------------------------------------------


def sync_export_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("firstask_desktop.sync.station_export") is not None
    except ImportError:
        return False


def _sync_progress(progress):
    from ..sync.progress import STAGES

    def report(done: int, total: int, stage: str) -> None:
        if progress is not None:
            progress(done, total, STAGES.get(stage, stage))

    return report


def sync_overview() -> dict:
    """What the 同步 screen shows: this station's export state, or the county's stations."""
    from ..services.quarantine_review import pending_count
    from ..sync.drives import removable_drives
    from ..sync.trust import local_role

    role = local_role()
    overview = {"role": role, "drives": [str(p) for p in removable_drives()]}
    overview["quarantined"] = pending_count()  # records waiting for a person (隔离记录)
    if role == "county":
        from ..services.county import station_overview

        overview["stations"] = station_overview()
    else:
        from ..sync.status import station_sync_status

        overview["status"] = station_sync_status()
    return overview


def sync_export(folder: str, *, actor=None, full: bool = False, progress=None) -> str:
    """Write the station's next sync file into ``folder``; returns the core's Chinese message."""
    from pathlib import Path

    from ..sync.station_export import export_file

    return export_file(
        Path(folder), full=full, actor=actor, on_progress=_sync_progress(progress)
    ).message


def sync_import(
    paths: list[str], *, actor=None, accept_new_station: bool = False, progress=None
) -> list[dict]:
    """Import sync files (each its own transaction); one line per file, refused or done."""
    from pathlib import Path

    from ..sync.importing import import_files

    outcomes = import_files(
        [Path(p) for p in paths],
        actor=actor,
        accept_new_station=accept_new_station,
        on_progress=_sync_progress(progress),
    )
    lines = []
    for outcome in outcomes:
        if outcome.error is not None:
            lines.append({"file": outcome.path.name, "ok": False, "message": str(outcome.error)})
        else:
            result = outcome.result
            lines.append(
                {
                    "file": outcome.path.name,
                    "ok": result.ok,
                    "message": result.message,
                    "warnings": list(result.warnings),
                }
            )
    return lines


def write_county_package(folder: str, *, actor=None, progress=None) -> str:
    from pathlib import Path

    from ..sync.package import write_package

    path, counts = write_package(Path(folder), actor=actor, on_progress=_sync_progress(progress))
    return f"已写出县公司资料包“{path.name}”（{sum(counts.values())} 条记录），已读回校验无误。"


def read_key(path: str) -> dict:
    from pathlib import Path

    from ..sync.trust import read_key_file

    info = read_key_file(Path(path))
    return {"label": info.label, "fingerprint": info.fingerprint}


def import_key(path: str, *, actor) -> str:
    from pathlib import Path

    from ..sync.trust import import_key_file

    info, new = import_key_file(Path(path), accepted_by=actor)
    if new:
        return f"已登记{info.label}的公钥，指纹 {info.fingerprint}。"
    return f"{info.label}的公钥早已登记（指纹 {info.fingerprint}），没有改变。"


def export_key(folder: str) -> str:
    from pathlib import Path

    from ..sync.trust import export_key_file

    path, info = export_key_file(Path(folder))
    return (
        f"已写出本机公钥文件“{path.name}”，指纹 {info.fingerprint}。"
        "交给对方时，请打电话把这个指纹念给对方核对。"
    )


# --- quarantined sync records (隔离记录) ------------------------------------------------------------


def quarantine_list(viewer, include_resolved: bool = False) -> dict:
    """The records an import set aside, as ``viewer`` may see them (保密), and whether they may
    decide on them."""
    from ..services.quarantine_review import review_list

    return review_list(viewer, include_resolved)


def quarantine_record(viewer, record_id: int) -> dict:
    """One of them with the stored and the file's version field by field."""
    from ..services.quarantine_review import review_record

    return review_record(viewer, record_id)


def resolve_quarantine(actor, record_id: int, *, take_incoming: bool) -> dict:
    """Keep the stored record or take the file's version (``export_import`` only; audited)."""
    from ..services.county import resolve_quarantined

    item = resolve_quarantined(record_id, take_incoming=take_incoming, actor=actor)
    return {"id": item.id, "resolution": item.resolution, "resolved_by": item.resolved_by}


# --- settings ------------------------------------------------------------------------------------


def staff_table() -> list[dict]:
    return [
        {
            "name": s.name,
            "role": s.role,
            "role_label": ROLES.get(s.role, s.role),
            "department": s.department.name if s.department else "",
            "phone": s.phone,
        }
        for s in station.list_staff()
    ]


def add_staff(actor, **fields) -> None:
    station.add_staff(actor, **fields)


def add_department(actor, **fields) -> None:
    station.add_department(actor, **fields)


def rule_table() -> list[dict]:
    from firstask_desktop.domain.deadlines import CLOCK_LABELS, UNIT_LABELS
    from firstask_desktop.domain.vocab import AREAS, CATEGORIES

    from ..services.rules import rule_rows

    return [
        {
            "id": r.id,
            "category": r.category,
            "category_label": CATEGORIES.get(r.category, "全部类别"),
            "clock": r.clock,
            "clock_label": CLOCK_LABELS.get(r.clock, r.clock),
            "area": r.area,
            "area_label": AREAS.get(r.area, "全部区域"),
            "unit": r.unit,
            "unit_label": UNIT_LABELS.get(r.unit, r.unit),
            "amount": r.amount,
            "basis": r.basis,
        }
        for r in rule_rows()
    ]


def update_rule(actor, rule_id: int, **fields) -> None:
    from ..services.rules import update_rule as update

    update(actor, rule_id, **fields)


def holidays(year: int | None = None) -> dict:
    """The calendar's years and the listed days of ``year`` (default: this year, else the last)."""
    from ..services.rules import holiday_years, holidays_in_year

    years = holiday_years()
    if year is None:
        this_year = datetime.now().year
        year = this_year if this_year in years or not years else years[-1]
    days = [
        {"day": d.day.isoformat(), "weekday": d.day.weekday(), "kind": d.kind, "name": d.name}
        for d in holidays_in_year(year)
    ]
    return {"years": years, "year": year, "days": days}


def auto_lock_minutes() -> int:
    from ..services.accounts import auto_lock_minutes as minutes

    return minutes()


def set_auto_lock_minutes(actor, minutes: int) -> int:
    from ..services.accounts import set_auto_lock_minutes as store

    return store(actor, minutes)


def reset_password(actor, name: str, new_password: str) -> None:
    from ..services.accounts import reset_password as reset

    reset(actor, name, new_password)


def deactivate_staff(actor, name: str) -> None:
    from ..services.accounts import deactivate_staff as deactivate

    deactivate(actor, name)


def change_password(actor, old_password: str, new_password: str) -> None:
    from ..services.accounts import change_password as change

    change(actor, old_password, new_password)
