"""County → station: the county's signed package and its acknowledgements.

A **package** (``sync package``) carries the county's directory — every department and staff
member it knows, of every station and its own (never a password hash) — its deadline rule table
and its holiday calendar from this year on. A station takes it in with ``sync import``:

- departments and staff of *other* stations and of the county are merged by uuid and revision
  (a station's own records are never changed from outside: it is their source);
- the county's rule rows become the station's own (audited, per category + clock + area);
- holiday days replace the station's calendar for every year the package covers;
- the county's decisions on a station's breaches travel back: a breach of the station head
  decided by the county assessor (nobody judges their own), and appeals decided at the county
  with the breach they set aside. They are merged by uuid and revision like any record, so a
  breach the station changed meanwhile waits for a person (隔离) instead of being overwritten.

An **acknowledgement** is written by the county after each station file it takes in, and tells
the station which export arrived and what became of it. Neither is encrypted (nothing secret is
in them); both are signed and checked against the county key the station imported.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from firstask_desktop.domain.errors import RefusedError, ValidationError
from firstask_desktop.domain.holiday_year import YearPlan, plan_from_days, validate
from firstask_desktop.domain.vocab import COUNTY_ROLES
from firstask_desktop.domain.workdays import KINDS as HOLIDAY_KINDS
from firstask_desktop.store import db, holiday_table, keys
from firstask_desktop.store.audit import save_audited
from firstask_desktop.store.models import (
    Appeal,
    DeadlineRuleRow,
    Department,
    HolidayDay,
    Staff,
    Station,
    SyncLog,
    Violation,
)
from firstask_desktop.store.storage import current_folder

from .. import __version__
from . import state, trust
from .actors import authorise
from .container import (
    FORMAT,
    VERSION,
    ZERO_HASH,
    BodyWriter,
    SyncFile,
    SyncFileError,
    iter_records,
    open_sync_file,
    refuse,
    write_container,
)
from .progress import Progress
from .records import SPEC_BY_MODEL, IdMap, WireError, from_wire, to_wire
from .results import ACKNOWLEDGED, ALREADY, IMPORTED, ImportResult
from .upsert import Merger

RULE_FIELDS = ("unit", "amount", "basis")
HOLIDAY_TABLE = "holiday"
ACK_TABLE = "ack"


def _local() -> Station:
    station = Station.select().where(Station.is_local == True).first()  # noqa: E712 - peewee
    if station is None:
        raise RefusedError("数据文件夹还没有初始化：请先运行 init。")
    return station


def _county() -> Station:
    station = _local()
    if station.mode != "county":
        raise RefusedError("只有县公司能生成资料包和回执：供电所请用 sync export 导出同步文件。")
    return station


def _header(
    kind: str, county: Station, seq: int, prev_hash: str, now: datetime, signing_key, **extra
) -> dict:
    raw = keys.public_bytes(signing_key)
    return {
        "format": FORMAT,
        "version": VERSION,
        "kind": kind,
        "station": county.code,
        "station_name": county.name,
        "county": county.county or county.name,
        "seq": seq,
        "prev_hash": prev_hash,
        "created_at": now.isoformat(),
        "counts": {},
        "signer_public": keys.b64(raw),
        "key_id": keys.key_id(raw),
        "app_version": __version__,
        **extra,
    }


def _write_verified(target: Path, header: dict, body: BodyWriter, signing_key) -> str:
    header["counts"] = dict(body.counts)
    file_hash = write_container(target, header, body, signing_key)
    try:
        again = open_sync_file(target)
    except SyncFileError as err:
        raise RefusedError(f"写出的文件读回校验失败（{err}）：请换一个U盘重试。") from None
    if again.file_hash != file_hash:
        raise RefusedError("写出的文件读回后与写入的不一致：请换一个U盘重试。")
    return file_hash


# --- the county writes -------------------------------------------------------------------------


def package_file_name(county_code: str, seq: int) -> str:
    return f"{county_code}-package-{seq:06d}.fasync"


def write_package(
    out_dir: Path,
    *,
    actor=None,
    now: datetime | None = None,
    folder: Path | None = None,
    on_progress=None,
    should_cancel=None,
) -> tuple[Path, dict[str, int]]:
    """``sync package``: the county's directory, rules and holidays for every station."""
    folder = folder or current_folder()
    who = authorise(actor, "export_import")
    progress = Progress(on_progress, should_cancel)
    county = _county()
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise RefusedError(f"找不到文件夹“{out_dir}”：请插好U盘并选择U盘上的文件夹。")
    now = (now or datetime.now()).replace(microsecond=0)
    signing_key = keys.load_or_create_signing_key(folder)
    seq = state.get_int(state.PACKAGE_SEQ) + 1
    body = BodyWriter()
    ids = IdMap()
    with db.database.atomic():
        progress(0, 3, "write", force=True)
        for model, query in (
            (Department, Department.select().order_by(Department.id)),
            (Staff, Staff.select().order_by(Staff.id)),
            (
                DeadlineRuleRow,
                DeadlineRuleRow.select()
                .where(DeadlineRuleRow.station == county.code)
                .order_by(DeadlineRuleRow.id),
            ),
            *decisions(),
        ):
            spec = SPEC_BY_MODEL[model]
            body.counts.setdefault(spec.name, 0)
            rows = list(query.dicts())
            for fk in spec.foreign_keys:
                ids.load_ids(fk.rel_model, [r[fk.name] for r in rows])
            for row in rows:
                body.add(spec.name, to_wire(spec, row, ids.uuid_of))
        body.counts.setdefault(HOLIDAY_TABLE, 0)
        for day in (
            HolidayDay.select()
            .where(HolidayDay.day >= date(now.year, 1, 1))
            .order_by(HolidayDay.day)
        ):
            body.add(
                HOLIDAY_TABLE,
                {
                    "day": day.day.isoformat(),
                    "kind": day.kind,
                    "name": day.name,
                    "source": day.source,
                },
            )
    # Each year's status travels in the header (a station of an older version ignores it).
    years = {y: mark for y, mark in holiday_table.year_status().items() if y >= now.year}
    header = _header(
        "county_package",
        county,
        seq,
        state.get(state.PACKAGE_HASH) or ZERO_HASH,
        now,
        signing_key,
        holiday_years={str(y): mark for y, mark in years.items()},
        # Each station's replaced keys, public only (an older station ignores them too).
        station_keys=trust.retired_station_keys(),
    )
    target = out_dir / package_file_name(county.code, seq)
    file_hash = _write_verified(target, header, body, signing_key)
    with db.transaction():
        state.put(
            {state.PACKAGE_SEQ: seq, state.PACKAGE_HASH: file_hash},
            station=county.code,
            actor=who,
            at=now,
        )
        SyncLog.create(
            kind="county_package",
            direction="out",
            station=county.code,
            seq=seq,
            file_hash=file_hash,
            prev_hash=header["prev_hash"],
            status="exported",
            file_name=target.name,
            at=now,
            by=who,
            counts=json.dumps(header["counts"]),
        )
    progress(3, 3, "write", force=True)
    return target, header["counts"]


def ack_file_name(station_code: str, seq: int) -> str:
    return f"{station_code}-{seq:06d}-ack.fasync"


def write_ack(
    result: ImportResult, out_dir: Path, *, now: datetime | None = None, folder: Path | None = None
) -> Path:
    """The county's signed receipt for one station file it took in (or quarantined)."""
    from .county_import import missing_numbers

    folder = folder or current_folder()
    county = _county()
    now = (now or datetime.now()).replace(microsecond=0)
    signing_key = keys.load_or_create_signing_key(folder)
    body = BodyWriter()
    body.add(
        ACK_TABLE,
        {
            "for_station": result.station,
            "seq": result.seq,
            "status": result.status,
            "file_name": result.path.name,
            "counts": result.counts,
            "message": result.message,
            "missing": missing_numbers(result.station, result.seq),
            "received_at": now.isoformat(),
        },
    )
    header = _header(
        "county_ack", county, result.seq, ZERO_HASH, now, signing_key, for_station=result.station
    )
    target = Path(out_dir) / ack_file_name(result.station, result.seq)
    _write_verified(target, header, body, signing_key)
    return target


# --- a station takes them in -------------------------------------------------------------------


def _check_county_signer(sync_file: SyncFile) -> Station:
    station = _local()
    if station.mode == "county":
        raise refuse(sync_file.path, "是县公司发给供电所的", "县公司不需要导入它。")
    county = trust.county_key()
    if county is None:
        raise refuse(
            sync_file.path,
            "来自县公司，但本机还没有导入县公司的公钥",
            "请先导入县公司的公钥文件（keys import）并电话核对指纹。",
        )
    if (
        sync_file.station != county.station
        or keys.unb64(county.signing_public) != sync_file.signer_public
    ):
        raise refuse(
            sync_file.path,
            f"的签名不是本机登记的县公司密钥（指纹 {county.fingerprint}）",
            "它可能来自别的县公司或被伪造，请不要使用。",
        )
    return station


def _already(sync_file: SyncFile) -> bool:
    return (
        SyncLog.select()
        .where((SyncLog.direction == "in") & (SyncLog.file_hash == sync_file.file_hash))
        .exists()
    )


def apply_package(
    sync_file: SyncFile, *, now: datetime | None = None, progress: Progress
) -> ImportResult:
    station = _check_county_signer(sync_file)
    now = (now or datetime.now()).replace(microsecond=0)
    seq, code = sync_file.seq, sync_file.station
    if _already(sync_file):
        return ImportResult(
            path=sync_file.path,
            kind="county_package",
            station=code,
            seq=seq,
            status=ALREADY,
            message=f"县公司第 {seq} 号资料包已经导入过，无需再导入。",
        )
    applied = state.get_int(state.APPLIED_PACKAGE_SEQ)
    if seq <= applied:
        raise refuse(
            sync_file.path,
            f"是第 {seq} 号资料包，本机已导入第 {applied} 号",
            "旧资料包不再导入；请向县公司要最新的资料包。",
        )
    allowed = {"department", "staff", "deadline_rule", HOLIDAY_TABLE, *DECISION_TABLES}
    if set(sync_file.header["counts"]) - allowed:
        raise refuse(sync_file.path, "含有资料包不该有的内容", "文件来自更新的版本或被篡改。")
    actor = f"县公司资料包 {code}-{seq:06d}"
    total = sum(sync_file.header["counts"].values())
    received: dict[str, int] = {}
    rules: list[dict] = []
    holidays: list[dict] = []
    decided: list[tuple[str, dict]] = []
    with db.transaction():
        log = SyncLog.create(
            kind="county_package",
            direction="in",
            station=code,
            seq=seq,
            file_hash=sync_file.file_hash,
            prev_hash=sync_file.header["prev_hash"],
            status=IMPORTED,
            file_name=sync_file.path.name[:255],
            at=now,
            by="",
        )
        merger = Merger(
            path=sync_file.path,
            sync_log=log,
            actor=actor,
            now=now,
            tables={"department", "staff"},
            skip_station=station.code,
        )
        for n, (table, data) in enumerate(iter_records(sync_file), 1):
            received[table] = received.get(table, 0) + 1
            if table == "deadline_rule":
                rules.append(data)
            elif table == HOLIDAY_TABLE:
                holidays.append(data)
            elif table in DECISION_TABLES:
                decided.append((table, data))
            else:
                merger.add(table, data)
            if n % 500 == 0:
                progress(n, total, "import")
        if received != {t: n for t, n in sync_file.header["counts"].items() if n}:
            raise refuse(sync_file.path, "的记录数与文件头声明的不符", "文件已损坏或被篡改。")
        merger.finish()
        _apply_decisions(sync_file, log, actor, now, station, decided)
        changed_rules = _apply_rules(sync_file, station, rules, actor, now)
        plans = _holiday_plans(sync_file, holidays)
        # Open entries' deadlines in those years move with the calendar (audited, never a past one).
        moved = holiday_table.apply_years(plans, actor=actor, source="县公司资料包", now=now)
        years = [p.year for p in plans]
        old_keys, lost_keys = trust.take_own_retired_keys(
            sync_file.header.get("station_keys"), by=actor, at=now
        )
        state.put({state.APPLIED_PACKAGE_SEQ: seq}, station=station.code, actor=actor, at=now)
        summary = merger.totals()
        summary["retired_keys"] = old_keys + lost_keys
        summary["rules_changed"] = changed_rules
        summary["holiday_days"] = len(holidays)
        summary["deadlines_moved"] = len(moved)
        log.counts = json.dumps(summary, sort_keys=True)
        log.save()
    year_text = "、".join(str(y) for y in years) or "无"
    message = (
        f"已导入县公司第 {seq} 号资料包：人员和部门新增 {summary.get('inserted', 0)} 条、"
        f"更新 {summary.get('updated', 0)} 条，时限规则改动 {changed_rules} 条，"
        f"节假日表（{year_text}年）已更新"
        + (f"，{len(moved)} 处未到期的时限随之调整。" if moved else "。")
        + ("本所换电脑前的旧密钥已记下：旧电脑开出的回执在本机仍可核验。" if old_keys else "")
        + ("本所丢失电脑的旧密钥已作废：它签的回执一律不予承认。" if lost_keys else "")
    )
    return ImportResult(
        path=sync_file.path,
        kind="county_package",
        station=code,
        seq=seq,
        status=IMPORTED,
        message=message,
        counts=summary,
    )


DECISION_TABLES = ("violation", "appeal")


def decisions() -> list[tuple[type, object]]:
    """The county's decisions on the stations' breaches: those the county assessor decided, and
    those an appeal at the county set aside, with the appeals decided here."""
    county_staff = Staff.select(Staff.id).where(Staff.role.in_(COUNTY_ROLES))
    appealed = Appeal.select(Appeal.violation).where(Appeal.decided_by.is_null(False))
    return [
        (
            Violation,
            Violation.select()
            .where(Violation.decided_by.in_(county_staff) | Violation.id.in_(appealed))
            .order_by(Violation.id),
        ),
        (Appeal, Appeal.select().where(Appeal.decided_by.is_null(False)).order_by(Appeal.id)),
    ]


def _apply_decisions(sync_file, log, actor, now, station, decided) -> None:
    """This station's breaches and appeals as the county decided them (the county assessor's
    staff record came in the directory above); other stations' are not this PC's business."""
    own = [(t, d) for t, d in decided if d.get("station") == station.code]
    if not own:
        return
    merger = Merger(
        path=sync_file.path, sync_log=log, actor=actor, now=now, tables=set(DECISION_TABLES)
    )
    for table, data in own:
        merger.add(table, data)
    merger.finish()


def _apply_rules(
    sync_file: SyncFile, station: Station, rules: list[dict], actor: str, now: datetime
) -> int:
    """The county's rule table becomes this station's (each change audited)."""
    spec = SPEC_BY_MODEL[DeadlineRuleRow]
    own = {
        (r.category, r.clock, r.area): r
        for r in DeadlineRuleRow.select().where(DeadlineRuleRow.station == station.code)
    }
    changed = 0
    for data in rules:
        try:
            values = from_wire(spec, data)
        except WireError as err:
            raise refuse(sync_file.path, f"中的时限规则有误（{err}）", "文件已损坏。") from None
        row = own.get((values["category"], values["clock"], values["area"]))
        if row is None:
            row = DeadlineRuleRow(
                station=station.code,
                category=values["category"],
                clock=values["clock"],
                area=values["area"],
            )
        elif all(getattr(row, f) == values[f] for f in RULE_FIELDS):
            continue
        for f in RULE_FIELDS:
            setattr(row, f, values[f])
        save_audited(row, actor=actor, action="county_rule", at=now)
        changed += 1
    return changed


def _holiday_plans(sync_file: SyncFile, holidays: list[dict]) -> list[YearPlan]:
    """The package's days as one plan a year, each checked like a year the county typed in."""
    marks = sync_file.header.get("holiday_years")
    marks = marks if isinstance(marks, dict) else {}
    by_year: dict[int, list] = {}
    for data in holidays:
        try:
            day = date.fromisoformat(data["day"])
            kind, name = data["kind"], data.get("name", "")
            if kind not in HOLIDAY_KINDS or not isinstance(name, str) or len(name) > 40:
                raise ValueError
        except (KeyError, TypeError, ValueError):
            raise refuse(sync_file.path, "中的节假日数据有误", "文件已损坏。") from None
        by_year.setdefault(day.year, []).append((day, kind, name))
    plans = []
    for year, days in sorted(by_year.items()):
        # A package of an older county version has no marks: its years came from notices.
        status = marks.get(str(year), "official")
        plan = plan_from_days(year, days, status, "县公司资料包")
        try:
            plans.append(validate(plan))
        except ValidationError as err:
            raise refuse(
                sync_file.path, f"中{year}年的节假日有误（{err}）", "请县公司核对后重新生成。"
            ) from None
    return plans


def apply_ack(sync_file: SyncFile, *, now: datetime | None = None) -> ImportResult:
    station = _check_county_signer(sync_file)
    now = (now or datetime.now()).replace(microsecond=0)
    if sync_file.header.get("for_station") != station.code:
        raise refuse(
            sync_file.path,
            f"是给供电所 {sync_file.header.get('for_station')} 的回执",
            "请导入本所的回执文件。",
        )
    records = list(iter_records(sync_file))
    if len(records) != 1 or records[0][0] != ACK_TABLE:
        raise refuse(sync_file.path, "的内容不是回执", "文件已损坏或被篡改。")
    ack = records[0][1]
    seq, status = ack.get("seq"), ack.get("status")
    if (
        ack.get("for_station") != station.code
        or seq != sync_file.seq
        or status not in ("imported", "already", "quarantined")
    ):
        raise refuse(sync_file.path, "的内容与文件头不符", "文件已损坏或被篡改。")
    message = str(ack.get("message", ""))[:500]
    if _already(sync_file):
        return ImportResult(
            path=sync_file.path,
            kind="county_ack",
            station=sync_file.station,
            seq=seq,
            status=ALREADY,
            message=f"第 {seq} 号文件的回执已经导入过。",
        )
    with db.transaction():
        if status in ("imported", "already") and seq > state.get_int(state.ACKNOWLEDGED_SEQ):
            state.put(
                {state.ACKNOWLEDGED_SEQ: seq},
                station=station.code,
                actor=f"县公司回执 {sync_file.station}",
                at=now,
            )
        SyncLog.create(
            kind="county_ack",
            direction="in",
            station=sync_file.station,
            seq=seq,
            file_hash=sync_file.file_hash,
            status=IMPORTED,
            file_name=sync_file.path.name[:255],
            at=now,
            note=message,
            counts=json.dumps(ack.get("counts") or {}, sort_keys=True),
        )
    missing = [n for n in ack.get("missing") or [] if isinstance(n, int)]
    warnings = []
    if missing:
        warnings.append(
            "县公司缺少本所第 "
            + "、".join(map(str, missing[:20]))
            + " 号同步文件：请做一次全量导出（sync export --full）送县公司。"
        )
    if status == "quarantined":
        text = f"县公司没有导入第 {seq} 号同步文件，而是把它隔离了：{message} 请联系县公司核实。"
    else:
        text = f"县公司已确认收到第 {seq} 号同步文件。"
    return ImportResult(
        path=sync_file.path,
        kind="county_ack",
        station=sync_file.station,
        seq=seq,
        status=ACKNOWLEDGED,
        message=text,
        warnings=warnings,
    )
