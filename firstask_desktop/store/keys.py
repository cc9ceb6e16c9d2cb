"""This PC's own keys (from the ``cryptography`` package): an Ed25519 signing key on every PC,
and on the county's PC also an X25519 key that stations encrypt their sync files to.

The signing key signs receipts and sync files. The private key never leaves the PC: it is a PEM file in
the data folder's ``keys/`` folder, readable only by the account (mode 0600 on Linux; on
Windows the per-user application data folder is already private to the account by its ACL).
DPAPI would tie the key to the Windows login, but a clerk's password reset by the IT
administrator would then lose the station's identity; a per-account file keeps it recoverable
from a backup of the data folder.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from firstask_desktop.store.fileio import write_atomic

SIGNING_KEY_FILE = "station-signing.pem"
ENCRYPTION_KEY_FILE = "county-encryption.pem"  # the county's only: stations encrypt to it
BACKUP_KEY_FILE = "backup-encryption.pem"  # a station's own: its USB backups are sealed to it


def keys_dir(data_folder: Path) -> Path:
    return Path(data_folder) / "keys"


def _load_or_create(path: Path, kind):
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, kind):
            raise ValueError(f"{path} is not an {kind.__name__}")
        return key
    key = kind.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    write_atomic(path, pem, mode=0o600)
    return key


def load_or_create_signing_key(data_folder: Path) -> Ed25519PrivateKey:
    return _load_or_create(keys_dir(data_folder) / SIGNING_KEY_FILE, Ed25519PrivateKey)


def load_or_create_encryption_key(data_folder: Path) -> X25519PrivateKey:
    """The county's decryption key (made at ``init --mode county``)."""
    return _load_or_create(keys_dir(data_folder) / ENCRYPTION_KEY_FILE, X25519PrivateKey)


def load_or_create_backup_key(data_folder: Path) -> X25519PrivateKey:
    """The station's own key for the backups it writes to a USB stick (docs/backup.md)."""
    return _load_or_create(keys_dir(data_folder) / BACKUP_KEY_FILE, X25519PrivateKey)


def has_encryption_key(data_folder: Path) -> bool:
    return (keys_dir(data_folder) / ENCRYPTION_KEY_FILE).exists()


def public_bytes(key) -> bytes:
    """Raw public bytes of an Ed25519 or X25519 key, private or public."""
    public = key.public_key() if hasattr(key, "public_key") else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(public_raw: bytes) -> str:
    """A short id for a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


def fingerprint(public_raw: bytes) -> str:
    """For reading aloud over the phone: SHA-256, in groups of four, first 32 hex digits."""
    digest = hashlib.sha256(public_raw).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def verify_signature(public_raw: bytes, signature: bytes, message: bytes) -> bool:
    """True when ``signature`` is the Ed25519 signature of ``message`` by ``public_raw``."""
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def unb64(text: str) -> bytes:
    """The inverse of :func:`b64` (raises ValueError on anything that is not)."""
    if not isinstance(text, str) or not text.isascii():
        raise ValueError("not base64")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
