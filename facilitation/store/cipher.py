"""Encryption at rest for the SQLite store: SQLCipher, with the key in the OS keyring or from a passphrase.

SQLCipher (through ``sqlcipher3``, its maintained Python binding with SQLCipher built in) encrypts every
page of the store, its WAL and its journal with AES-256; without the key the file is random bytes.

Where the key comes from, in this order:

1. ``FACILITATION_PASSPHRASE`` (scripts, tests, or set by ``facilitation`` after asking): SQLCipher's own
   key derivation (PBKDF2-HMAC-SHA512) turns it into the key.
2. The operating system's keyring (macOS Keychain, Windows Credential Locker, the Secret Service on a
   Linux desktop), through the ``keyring`` package: a random 256-bit key, kept under the store's path.

A new store is encrypted when either is there; a machine without a keyring (a server, this test box)
gets a plain store unless a passphrase is given. An existing store is opened as it is: plain if its
first bytes say "SQLite format 3", else encrypted (and then a key is needed).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.errors import FacilitationError

ENV_PASSPHRASE = "FACILITATION_PASSPHRASE"
ENV_ENCRYPT = "FACILITATION_ENCRYPT"
"""``0``: new stores stay plain even where a keyring is available; ``1``: refuse to create a plain one."""
KEYRING_SERVICE = "facilitation"
PLAIN_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Key:
    """What to give ``PRAGMA key``: a passphrase, or a raw 256-bit key in hex."""

    value: str
    source: str  # "passphrase" | "keyring"

    def pragma(self) -> str:
        if self.source == "keyring":
            return f"PRAGMA key = \"x'{self.value}'\""
        return "PRAGMA key = '" + self.value.replace("'", "''") + "'"

    def attach_key(self) -> str:
        """The KEY clause of ``ATTACH``."""
        if self.source == "keyring":
            return f"\"x'{self.value}'\""
        return "'" + self.value.replace("'", "''") + "'"


def driver() -> Any:
    """The SQLCipher DB-API module (``sqlcipher3``), or a clear error if it is missing."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError as e:  # pragma: no cover - it is a dependency
        raise FacilitationError("no_sqlcipher") from e
    return dbapi2


def is_encrypted(path: Path) -> bool:
    """A store file that exists, is not empty and does not start as a plain SQLite file."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != PLAIN_HEADER


def _keyring() -> Any | None:
    """The OS keyring, or None where there is none (no backend, or only the failing/null one)."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null
    except ImportError:  # pragma: no cover - it is a dependency
        return None
    ring = keyring.get_keyring()
    if isinstance(ring, (fail.Keyring, null.Keyring)):
        return None
    if isinstance(ring, chainer.ChainerBackend) and not ring.backends:
        return None
    return ring


def keyring_available() -> bool:
    return _keyring() is not None


def _entry(path: Path) -> str:
    return str(Path(path).expanduser().resolve())


def passphrase() -> str | None:
    value = os.environ.get(ENV_PASSPHRASE)
    return value if value else None


def key_for_new(path: Path) -> Key | None:
    """The key a new store at ``path`` gets, or None for a plain one."""
    wanted = os.environ.get(ENV_ENCRYPT, "")
    if wanted == "0":
        return None
    phrase = passphrase()
    if phrase:
        return Key(phrase, "passphrase")
    ring = _keyring()
    if ring is None:
        if wanted == "1":
            raise FacilitationError("no_key_source")
        return None
    value = secrets.token_hex(32)
    ring.set_password(KEYRING_SERVICE, _entry(path), value)
    return Key(value, "keyring")


def key_for(path: Path) -> Key:
    """The key of an existing encrypted store: the passphrase if given, else the keyring's."""
    phrase = passphrase()
    if phrase:
        return Key(phrase, "passphrase")
    ring = _keyring()
    value = ring.get_password(KEYRING_SERVICE, _entry(path)) if ring is not None else None
    if not value:
        raise FacilitationError("store_locked", path=str(path))
    return Key(value, "keyring")


def forget_key(path: Path) -> None:
    ring = _keyring()
    if ring is None:
        return
    try:
        ring.delete_password(KEYRING_SERVICE, _entry(path))
    except Exception:  # nothing kept for this path
        pass


def new_key(path: Path) -> Key:
    """A key to encrypt an existing plain store with: the passphrase, else a fresh one in the keyring."""
    phrase = passphrase()
    if phrase:
        return Key(phrase, "passphrase")
    ring = _keyring()
    if ring is None:
        raise FacilitationError("no_key_source")
    value = secrets.token_hex(32)
    ring.set_password(KEYRING_SERVICE, _entry(path), value)
    return Key(value, "keyring")


def overwrite(path: Path) -> None:
    """Best effort before unlinking a plain copy: its bytes become zeros (a journaling file system or an
    SSD may still keep old blocks; see the README)."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as f:
            chunk = b"\x00" * 65536
            left = size
            while left > 0:
                n = min(left, len(chunk))
                f.write(chunk[:n])
                left -= n
            f.flush()
            os.fsync(f.fileno())
    except FileNotFoundError:
        pass
