"""Signed receipts: the verification code printed as a QR code on every 受理回执.

The station signs ``serial|received_at|category|responder`` with its Ed25519 key (keys.py). The
QR code carries those four fields and the signature, all in ASCII (zbar misreads Chinese), so the
county can check a receipt with nothing but the station's public key, even before the station's
records arrive by USB:

    FA1.GS0101-2026-00001.20260310090000.complaint.5p2O5aic.<86 characters of signature>

(fields separated by ".", the responder's name and the signature in unpadded base64url).

The slip also shows a short code (``ABCD-EFGH``, the first 40 bits of the signature in base32)
for reading out over the phone. Only a holder of the private key can recompute it, so it is
checked at the issuing station (Ed25519 signatures are deterministic).

Which public keys are trusted for a station code is decided in :func:`station_public_keys`: the
local station's own key, plus the keys the county has registered for that station code (store/trusted_keys.py),
a retired one only for receipts dated up to its retirement.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from firstask_desktop.domain.vocab import CATEGORIES
from firstask_desktop.store import keys
from firstask_desktop.store.models import Entry, Station
from firstask_desktop.store.trusted_keys import TrustedKey, station_keys

PREFIX = "FA1"
_TIME = "%Y%m%d%H%M%S"
_SERIAL_RE = re.compile(r"^([A-Z0-9]{2,12})-(\d{4})-(\d{5,})$")
_CODE_RE = re.compile(
    r"^FA1\.(?P<serial>[A-Z0-9-]+)\.(?P<at>\d{14})\.(?P<category>[a-z_0-9]+)"
    r"\.(?P<responder>[A-Za-z0-9_-]+)\.(?P<sig>[A-Za-z0-9_-]{86})$"
)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def canonical(serial: str, received_at: datetime, category: str, responder: str) -> bytes:
    """The signed message. Seconds included: an entry registered "now" keeps them."""
    return f"{serial}|{received_at:%Y-%m-%dT%H:%M:%S}|{category}|{responder}".encode()


def sign_receipt(
    key: Ed25519PrivateKey, serial: str, received_at: datetime, category: str, responder: str
) -> str:
    """The QR code text for a receipt."""
    signature = key.sign(canonical(serial, received_at, category, responder))
    return ".".join(
        [
            PREFIX,
            serial,
            received_at.strftime(_TIME),
            category,
            _b64(responder.encode("utf-8")),
            _b64(signature),
        ]
    )


def short_code(qr_text: str) -> str:
    """``ABCD-EFGH``: the first 40 bits of the signature, for reading out over the phone."""
    signature = _unb64(qr_text.rsplit(".", 1)[1])
    letters = base64.b32encode(signature[:5]).decode("ascii")
    return f"{letters[:4]}-{letters[4:]}"


def entry_code(entry: Entry, key: Ed25519PrivateKey) -> str:
    return sign_receipt(key, entry.serial, entry.received_at, entry.category, entry.responder.name)


# --- whose keys are trusted --------------------------------------------------------------------


def _local_key_file(folder: Path) -> Path:
    return keys.keys_dir(folder) / keys.SIGNING_KEY_FILE


def _local_private_key(folder: Path | None) -> Ed25519PrivateKey | None:
    """This PC's signing key if it has one (never created here: verifying must not make keys)."""
    if folder is None or not _local_key_file(folder).exists():
        return None
    return keys.load_or_create_signing_key(folder)


def station_public_keys(station_code: str, folder: Path | None) -> list[TrustedKey]:
    """Every public key trusted to sign receipts of ``station_code``."""
    trusted: list[TrustedKey] = []
    local = Station.select().where(Station.is_local == True).first()  # noqa: E712 - peewee
    if local is not None and local.code == station_code:
        key = _local_private_key(folder)
        if key is not None:
            trusted.append(TrustedKey(keys.public_bytes(key), None))
    for known in station_keys(station_code):
        if all(known.raw != t.raw for t in trusted):
            trusted.append(known)
    return trusted


# --- checking ----------------------------------------------------------------------------------


@dataclass
class ReceiptCheck:
    genuine: bool
    message: str  # Chinese, one line: what was found and what to do
    serial: str = ""
    received_at: datetime | None = None
    category: str = ""
    responder: str = ""
    key_id: str = ""


def _fake(message: str, **fields) -> ReceiptCheck:
    return ReceiptCheck(False, message, **fields)


def _compare_with_register(check: ReceiptCheck) -> str:
    """A note when the register (if it holds the entry) now says something else."""
    entry = Entry.select().where(Entry.serial == check.serial).first()
    if entry is None:
        return "本机登记簿中没有这条登记（记录可能尚未同步到本机）。"
    changed = []
    if entry.received_at != check.received_at:
        changed.append(f"受理时间现为 {entry.received_at:%Y-%m-%d %H:%M}")
    if entry.category != check.category:
        changed.append(f"类别现为 {CATEGORIES.get(entry.category, entry.category)}")
    if entry.responder.name != check.responder:
        changed.append(f"首问责任人现为 {entry.responder.name}")
    if entry.status == "void":
        changed.append("该登记已作废")
    if changed:
        return "注意：登记簿与回执不一致——" + "；".join(changed) + "。请核实登记的修改记录。"
    return "与登记簿一致。"


def verify_code(code: str, folder: Path | None) -> ReceiptCheck:
    """Check the text of a receipt's QR code against the keys trusted for its station."""
    text = (code or "").strip()
    match = _CODE_RE.match(text)
    if match is None:
        return _fake("这不是本系统回执二维码的内容（格式不符）：请重新扫描回执上的二维码。")
    serial = match["serial"]
    station = _SERIAL_RE.match(serial)
    try:
        received_at = datetime.strptime(match["at"], _TIME)
        responder = _unb64(match["responder"]).decode("utf-8")
        signature = _unb64(match["sig"])
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return _fake("二维码内容已损坏：请重新扫描，或核对回执上的受理编号。", serial=serial)
    fields = dict(
        serial=serial, received_at=received_at, category=match["category"], responder=responder
    )
    if station is None:
        return _fake(f"受理编号“{serial}”格式不对：回执不是本系统签发的。", **fields)
    trusted = station_public_keys(station.group(1), folder)
    if not trusted:
        return _fake(
            f"本机没有供电所 {station.group(1)} 的公钥，无法核验：请先导入该所的"
            "公钥文件（keys import），或在该所的电脑上核验。",
            **fields,
        )
    message = canonical(serial, received_at, match["category"], responder)
    for key in trusted:
        try:
            Ed25519PublicKey.from_public_bytes(key.raw).verify(signature, message)
        except InvalidSignature:
            continue
        if not key.vouches_for(received_at):
            return _fake(
                f"回执是供电所 {station.group(1)} 已停用的旧密钥签的（{key.retired_at:%Y-%m-%d} "
                "换了电脑），而回执上的时间在那之后：旧电脑可能被人冒用。请联系签发的供电所核实。",
                **fields,
            )
        check = ReceiptCheck(True, "", key_id=keys.key_id(key.raw), **fields)
        check.message = (
            f"回执由供电所 {station.group(1)} 签发，内容未被改动。" + _compare_with_register(check)
        )
        return check
    return _fake(
        "签名与回执内容不符：回执的受理编号、时间、类别或责任人被改动过，或不是该所签发。"
        "请联系签发的供电所核实。",
        **fields,
    )


def verify_short_code(serial: str, short: str, folder: Path | None) -> ReceiptCheck:
    """Check ``serial`` + the short code read from the slip, at the station that issued it."""
    serial = (serial or "").strip().upper()
    entry = Entry.select().where(Entry.serial == serial).first()
    key = _local_private_key(folder)
    if entry is None or key is None:
        return _fake(
            f"本机没有受理编号为“{serial}”的登记，短验证码只能在签发的供电所核验："
            "请扫描二维码核验。",
            serial=serial,
        )
    code = entry_code(entry, key)
    wanted = short_code(code)
    given = re.sub(r"[^A-Z2-7]", "", (short or "").upper())
    fields = dict(
        serial=serial,
        received_at=entry.received_at,
        category=entry.category,
        responder=entry.responder.name,
        key_id=keys.key_id(keys.public_bytes(key)),
    )
    if given != wanted.replace("-", ""):
        return _fake("验证码与本所签发的不符：回执可能是伪造的或抄错了，请核对。", **fields)
    return ReceiptCheck(True, "验证码与本所签发的回执一致。", **fields)
