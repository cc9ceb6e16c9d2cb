"""Public key files and the keys this PC trusts.

The key exchange happens once, on the stick: the county's public key file goes to every station
(``keys import`` there), and a station's key reaches the county either as its own key file or
inside its first sync file; in both cases a person compares the fingerprint (read out over the
phone) before the key is registered in :class:`~firstask_desktop.store.models.KnownKey`.

A key file is plain JSON and carries only public keys. It is self-signed, which proves nothing
about who made it (the fingerprint does that) but catches a damaged or edited file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.store import db, keys
from firstask_desktop.store.audit import record_table_state
from firstask_desktop.store.fileio import write_atomic
from firstask_desktop.store.models import KnownKey, RetiredKey, Station
from firstask_desktop.store.storage import current_folder
from firstask_desktop.store.trusted_keys import revoked_key_ids

from .container import STATION_CODE

KEY_FILE_FORMAT = "firstask-public-key"
KEY_FILE_VERSION = 1
KEY_FILE_CONTEXT = b"firstask-public-key-v1\x00"
KEY_FILE_MAX = 16 * 1024
ROLE_LABELS = {"station": "供电所", "county": "县公司"}
# A station's replaced keys in the county's package: five PCs' worth of receipts still in hands.
PACKAGE_KEYS_PER_STATION = 5
PACKAGE_KEYS_BUDGET = 32 * 1024  # bytes of the package header's 64 KiB


@dataclass
class PublicKeyInfo:
    role: str  # station | county
    station: str  # code of the station or the county install
    name: str
    county: str
    signing_public: bytes
    encryption_public: bytes  # empty for a station

    @property
    def key_id(self) -> str:
        return keys.key_id(self.signing_public)

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.signing_public, self.encryption_public)

    @property
    def label(self) -> str:
        return f"{ROLE_LABELS[self.role]} {self.name}（{self.station}）"


def key_fingerprint(signing_public: bytes, encryption_public: bytes = b"") -> str:
    """One number to read over the phone, covering every public key of the PC."""
    return keys.fingerprint(signing_public + encryption_public)


def _local_station() -> Station:
    station = Station.select().where(Station.is_local == True).first()  # noqa: E712 - peewee
    if station is None:
        raise RefusedError("数据文件夹还没有初始化：请先运行 init 建立供电所或县公司。")
    return station


def local_role() -> str:
    return "county" if _local_station().mode == "county" else "station"


def local_public_info(folder: Path | None = None) -> PublicKeyInfo:
    """This PC's public keys (created on first use, like at ``init``)."""
    folder = folder or current_folder()
    station = _local_station()
    signing = keys.public_bytes(keys.load_or_create_signing_key(folder))
    encryption = b""
    if station.mode == "county":
        encryption = keys.public_bytes(keys.load_or_create_encryption_key(folder))
    return PublicKeyInfo(
        role=local_role(),
        station=station.code,
        name=station.name,
        county=station.county,
        signing_public=signing,
        encryption_public=encryption,
    )


def _key_file_body(info: PublicKeyInfo) -> dict:
    return {
        "format": KEY_FILE_FORMAT,
        "version": KEY_FILE_VERSION,
        "role": info.role,
        "station": info.station,
        "name": info.name,
        "county": info.county,
        "signing_public": keys.b64(info.signing_public),
        "encryption_public": keys.b64(info.encryption_public),
        "key_id": info.key_id,
        "fingerprint": info.fingerprint,
    }


def _canonical(body: dict) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def key_file_name(info: PublicKeyInfo) -> str:
    return f"{info.station}-public-key.json"


def export_key_file(out_dir: Path, folder: Path | None = None) -> tuple[Path, PublicKeyInfo]:
    """Write this PC's public key file into ``out_dir`` (re-read and checked before returning)."""
    folder = folder or current_folder()
    info = local_public_info(folder)
    body = _key_file_body(info)
    signature = keys.load_or_create_signing_key(folder).sign(KEY_FILE_CONTEXT + _canonical(body))
    document = dict(body, self_signature=keys.b64(signature))
    target = Path(out_dir) / key_file_name(info)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    write_atomic(target, text.encode("utf-8"), what=f"写出公钥文件“{target.name}”")
    if read_key_file(target).fingerprint != info.fingerprint:
        raise RefusedError(
            f"写出的公钥文件“{target}”读回后不一致：U盘可能有问题，请换一个U盘重试。"
        )
    return target, info


def _bad(path: Path, what: str) -> RefusedError:
    return RefusedError(
        f"公钥文件“{Path(path).name}”{what}：未登记任何密钥。"
        "请让对方重新导出公钥文件（keys export）后再导入。"
    )


def read_key_file(path: Path) -> PublicKeyInfo:
    """Parse and check a public key file (nothing is registered)."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size > KEY_FILE_MAX:
            raise _bad(path, "不存在或不是公钥文件")
        document = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise _bad(path, "无法读取或已损坏") from None
    if not isinstance(document, dict) or document.get("format") != KEY_FILE_FORMAT:
        raise _bad(path, "不是首问登记的公钥文件")
    if document.get("version") != KEY_FILE_VERSION:
        raise _bad(path, f"的版本（{document.get('version')!r}）本程序不认识")
    try:
        role = document["role"]
        code = document["station"]
        if role not in ROLE_LABELS or not isinstance(code, str) or not STATION_CODE.match(code):
            raise ValueError
        signing = keys.unb64(document["signing_public"])
        encryption = keys.unb64(document["encryption_public"])
        verifier = Ed25519PublicKey.from_public_bytes(signing)
        if role == "county":
            X25519PublicKey.from_public_bytes(encryption)
        elif encryption:
            raise ValueError
        body = {k: v for k, v in document.items() if k != "self_signature"}
        verifier.verify(keys.unb64(document["self_signature"]), KEY_FILE_CONTEXT + _canonical(body))
        info = PublicKeyInfo(
            role=role,
            station=code,
            name=str(document.get("name", ""))[:60],
            county=str(document.get("county", ""))[:60],
            signing_public=signing,
            encryption_public=encryption,
        )
    except (KeyError, TypeError, ValueError, InvalidSignature):
        raise _bad(path, "的内容已损坏或被改动") from None
    if document.get("fingerprint") != info.fingerprint or document.get("key_id") != info.key_id:
        raise _bad(path, "的指纹与公钥不符")
    return info


# --- the registry ------------------------------------------------------------------------------


def registered(role: str, code: str) -> KnownKey | None:
    return KnownKey.get_or_none((KnownKey.role == role) & (KnownKey.station == code))


def county_key() -> KnownKey | None:
    """At a station: the county key it imported (exports are encrypted to it)."""
    return KnownKey.select().where(KnownKey.role == "county").order_by(KnownKey.id).first()


def check_not_conflicting(info: PublicKeyInfo) -> KnownKey | None:
    """The registered key for ``info``'s code if it is the same key; refuses a different one,
    and a key reported lost or stolen, whoever it claims to be."""
    if info.key_id in revoked_key_ids():
        raise RefusedError(
            f"这把密钥（指纹 {info.fingerprint}）属于一台登记为丢失或被盗的电脑，已作废，"
            "不能再登记：拿着它的人可以冒充。请让对方在自己的电脑上重新导出公钥文件，电话核对指纹后再导入。"
        )
    known = registered(info.role, info.station)
    if known is not None:
        if known.key_id == info.key_id:
            return known
        raise RefusedError(
            f"{ROLE_LABELS[info.role]} {info.station} 已登记的密钥指纹为 {known.fingerprint}，"
            f"而这次的指纹为 {info.fingerprint}：两者不同，已拒绝。若对方确实换了电脑或重装了程序，"
            "请电话核对新指纹后，在“同步”页导入对方的新公钥文件并确认替换"
            "（命令行：keys import --replace，旧电脑丢失或被盗时再加 --old-key-lost）。"
        )
    other = KnownKey.get_or_none(KnownKey.key_id == info.key_id) or RetiredKey.get_or_none(
        (RetiredKey.key_id == info.key_id) & (RetiredKey.station != info.station)
    )
    if other is not None:
        raise RefusedError(
            f"这把密钥（指纹 {info.fingerprint}）已登记给 {other.station}，现在却自称 {info.station}："
            "一台电脑只能代表一个供电所，已拒绝。请核对对方的供电所编码。"
        )
    return None


def register(
    info: PublicKeyInfo,
    *,
    accepted_by: str,
    now: datetime | None = None,
    replace: bool = False,
    old_key_lost: bool = False,
) -> KnownKey:
    """Register ``info`` (inside the caller's transaction); returns the stored key.

    ``replace``: the key registered for the same code is retired, not forgotten: what it signed
    before still checks (store/trusted_keys.py), unless ``old_key_lost`` says its PC was lost
    or stolen. Every change of the registry is chained in the audit log, so that a key written
    into the database by anything but this function is reported by the integrity check."""
    now = (now or datetime.now()).replace(microsecond=0)
    if replace:
        _retire(info, by=accepted_by, at=now, revoked=old_key_lost)
    known = check_not_conflicting(info)
    if known is not None:
        return known
    # An old key registered again (its PC repaired, an old key file re-imported) is in use
    # again: not also a retired one, which 作废 would revoke under the station's feet.
    RetiredKey.delete().where(
        (RetiredKey.role == info.role)
        & (RetiredKey.station == info.station)
        & (RetiredKey.key_id == info.key_id)
    ).execute()
    created = KnownKey.create(
        role=info.role,
        station=info.station,
        name=info.name,
        signing_public=keys.b64(info.signing_public),
        encryption_public=keys.b64(info.encryption_public),
        key_id=info.key_id,
        fingerprint=info.fingerprint,
        accepted_at=now,
        accepted_by=accepted_by[:50],
    )
    _chain_registry(accepted_by, now)
    return created


def _retire(info: PublicKeyInfo, *, by: str, at: datetime, revoked: bool) -> None:
    same_code = (KnownKey.role == info.role) & (KnownKey.station == info.station)
    for old in KnownKey.select().where(same_code):
        if old.key_id == info.key_id:
            continue  # the same key again: nothing is retired
        RetiredKey.create(
            role=old.role,
            station=old.station,
            name=old.name,
            signing_public=old.signing_public,
            key_id=old.key_id,
            fingerprint=old.fingerprint,
            accepted_at=old.accepted_at,
            accepted_by=old.accepted_by,
            retired_at=at,
            retired_by=by[:50],
            revoked=revoked,
        )
    KnownKey.delete().where(same_code).execute()


def _chain_registry(actor: str, at: datetime) -> None:
    station = _local_station().code
    record_table_state(KnownKey, station=station, actor=actor, at=at)
    record_table_state(RetiredKey, station=station, actor=actor, at=at)


def retired_station_keys() -> dict[str, list[dict]]:
    """At the county, for its package: each station's replaced keys (public keys only).

    A station's new PC learns from it the key its old PC signed receipts with, so that the
    receipts customers bring to the counter still check there; a key whose PC was lost comes
    marked ``revoked`` and is trusted for nothing. They travel in the package's header, which
    holds at most 64 KiB: every revoked key first (a revocation must reach the station), then
    the newest ``PACKAGE_KEYS_PER_STATION`` others of each station, within
    ``PACKAGE_KEYS_BUDGET`` bytes."""
    listed: dict[str, list[dict]] = {}
    others: dict[str, int] = {}
    used = 0
    in_order = (
        RetiredKey.select()
        .where(RetiredKey.role == "station")
        .order_by(RetiredKey.revoked.desc(), RetiredKey.id.desc())
    )
    for k in in_order:
        if not k.revoked:
            if others.get(k.station, 0) >= PACKAGE_KEYS_PER_STATION:
                continue
            others[k.station] = others.get(k.station, 0) + 1
        item = {
            "signing_public": k.signing_public,
            "retired_at": k.retired_at.isoformat(timespec="seconds"),
            "revoked": bool(k.revoked),
        }
        used += len(json.dumps(item)) + len(k.station) + 8
        if used > PACKAGE_KEYS_BUDGET:
            break
        listed.setdefault(k.station, []).append(item)
    return listed


def take_own_retired_keys(listed, *, by: str, at: datetime) -> tuple[int, int]:
    """At a station, from the county's signed package (inside the caller's transaction): the
    keys the county retired for *this* station become its own retired keys. A revocation is
    taken in and never taken back; an entry that is not a well-formed Ed25519 key trusts nothing
    and is passed over. Returns how many keys are trusted newly, and how many revoked."""
    station = _local_station()
    entries = listed.get(station.code) if isinstance(listed, dict) else None
    if not isinstance(entries, list):
        return 0, 0
    own = local_public_info().key_id
    trusted = revoked_now = 0
    for item in entries[:1000]:
        try:
            raw = keys.unb64(item["signing_public"])
            Ed25519PublicKey.from_public_bytes(raw)
            retired_at = datetime.fromisoformat(item["retired_at"]).replace(microsecond=0)
            revoked = item["revoked"]
        except (TypeError, KeyError, ValueError):
            continue
        if not isinstance(revoked, bool) or retired_at.tzinfo is not None:
            continue  # the county writes local times: anything else it did not write
        if keys.key_id(raw) == own:
            continue
        same = (
            (RetiredKey.role == "station")
            & (RetiredKey.station == station.code)
            & (RetiredKey.key_id == keys.key_id(raw))
        )
        known = RetiredKey.get_or_none(same)
        if known is None:
            RetiredKey.create(
                role="station",
                station=station.code,
                name=station.name,
                signing_public=keys.b64(raw),
                key_id=keys.key_id(raw),
                fingerprint=keys.fingerprint(raw),
                accepted_at=retired_at,
                accepted_by=by[:50],
                retired_at=retired_at,
                retired_by=by[:50],
                revoked=revoked,
            )
            trusted, revoked_now = trusted + (not revoked), revoked_now + revoked
        elif revoked and not known.revoked:
            RetiredKey.update(revoked=True, retired_by=by[:50]).where(same).execute()
            revoked_now += 1
    if trusted or revoked_now:
        _chain_registry(by, at)
    return trusted, revoked_now


def describe_key_file(path: Path) -> dict:
    """A key file as the fingerprint question shows it, before anything is registered.

    ``replaces``: the fingerprint of a different key registered for the same code (its PC was
    changed), else empty; ``replaced_on``: the day this very key was replaced here, if it was
    (an old key file left on a stick, or the old PC back again), else empty."""
    info = read_key_file(path)
    known = registered(info.role, info.station)
    before = (
        RetiredKey.select(RetiredKey.retired_at)
        .where((RetiredKey.station == info.station) & (RetiredKey.key_id == info.key_id))
        .order_by(RetiredKey.retired_at.desc())
        .first()
    )
    return {
        "label": info.label,
        "role": info.role,
        "fingerprint": info.fingerprint,
        "replaces": known.fingerprint if known is not None and known.key_id != info.key_id else "",
        "replaced_on": f"{before.retired_at:%Y-%m-%d}" if before is not None else "",
    }


def import_key_file(
    path: Path,
    *,
    accepted_by,
    replace: bool = False,
    old_key_lost: bool = False,
    now: datetime | None = None,
) -> tuple[PublicKeyInfo, bool]:
    """``keys import``: register the other side's key. Returns (info, newly registered).

    ``accepted_by``: the staff member who compared the fingerprint (role must allow
    ``manage_keys``), or a label for the command line. ``replace``/``old_key_lost``: see
    :func:`register`.
    """
    from .actors import authorise

    accepted_by = authorise(accepted_by, "manage_keys")
    info = read_key_file(path)
    mine = local_role()
    if mine == "station" and info.role != "county":
        raise RefusedError(f"这是{info.label}的公钥文件：供电所只需导入县公司的公钥文件。")
    if mine == "county" and info.role != "station":
        raise RefusedError(f"这是{info.label}的公钥文件：县公司只登记各供电所的公钥。")
    if info.station == _local_station().code:
        raise RefusedError(
            f"公钥文件的编码 {info.station} 与本机相同：请导入对方的公钥文件，而不是本机的。"
        )
    with db.transaction():
        if old_key_lost:
            known = registered(info.role, info.station)
            if known is None or known.key_id == info.key_id:
                raise RefusedError(
                    f"{info.label}现在登记的就是这把公钥（或还没有登记公钥）：没有被替换的旧密钥"
                    "可以作废，没有做任何改动。旧电脑在换下之后才发现丢失或被盗的，"
                    "请用 keys revoke 加旧密钥的指纹（keys list 列出）作废它。"
                )
        existing = None if replace else check_not_conflicting(info)
        if existing is not None:
            return info, False
        register(info, accepted_by=accepted_by, now=now, replace=replace, old_key_lost=old_key_lost)
    return info, True


def _bare_fingerprint(text: str) -> str:
    return "".join(ch for ch in str(text).upper() if ch.isalnum())


def revoke_retired(fingerprint: str, *, by, now: datetime | None = None) -> tuple[dict, bool]:
    """``keys revoke``: a replaced key whose old PC turned out lost or stolen after it was
    replaced: nothing it signed is trusted again, and it is never registered again. Returns
    (the key as ``retired_keys`` lists it, whether it changed). The key registered now is not
    revoked here: a new PC's key replaces it first (``keys import --replace --old-key-lost``)."""
    from .actors import authorise

    by = authorise(by, "manage_keys")
    wanted = _bare_fingerprint(fingerprint)[:64]
    now = (now or datetime.now()).replace(microsecond=0)
    rows = [k for k in RetiredKey.select() if wanted and _bare_fingerprint(k.fingerprint) == wanted]
    current = [
        k for k in KnownKey.select() if wanted and _bare_fingerprint(k.fingerprint) == wanted
    ]
    if not rows or current:
        if current:
            raise RefusedError(
                f"指纹 {current[0].fingerprint} 是{ROLE_LABELS.get(current[0].role, '')} "
                f"{current[0].station} 现在登记的密钥，不能直接作废：请先导入对方新电脑的公钥文件，"
                "用 keys import --replace --old-key-lost 换掉它。"
            )
        raise RefusedError(
            f"没有指纹为“{str(fingerprint)[:60]}”的旧密钥：请用 keys list 查看已替换的密钥"
            "及其指纹，照抄完整的指纹（可以不写空格）。"
        )
    changed = any(not k.revoked for k in rows)
    if changed:
        with db.transaction():
            ids = [k.id for k in rows]
            RetiredKey.update(revoked=True).where(RetiredKey.id.in_(ids)).execute()
            _chain_registry(by, now)
    listed = next(k for k in retired_keys() if k["key_id"] == rows[0].key_id)
    return listed, changed


def _listed(k: KnownKey | RetiredKey) -> dict:
    """What a list of keys shows of one, registered or retired alike."""
    return {
        "role": k.role,
        "role_label": ROLE_LABELS.get(k.role, k.role),
        "station": k.station,
        "name": k.name,
        "fingerprint": k.fingerprint,
        "key_id": k.key_id,
        "accepted_at": k.accepted_at.isoformat(timespec="minutes"),
    }


def known_keys() -> list[dict]:
    """For the settings screen: every registered key with its fingerprint."""
    return [
        _listed(k) | {"accepted_by": k.accepted_by}
        for k in KnownKey.select().order_by(KnownKey.role, KnownKey.station)
    ]


def retired_keys() -> list[dict]:
    """The keys replaced here, newest first: whether what they signed before is still trusted."""
    return [
        _listed(k)
        | {
            "retired_at": k.retired_at.isoformat(timespec="minutes"),
            "retired_by": k.retired_by,
            "lost": bool(k.revoked),
        }
        for k in RetiredKey.select().order_by(RetiredKey.retired_at.desc(), RetiredKey.id.desc())
    ]
