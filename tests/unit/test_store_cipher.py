"""Encryption at rest: SQLCipher with a passphrase or the OS keyring; `strings` shows no names; an old
plain store moved over with `facilitation store encrypt`."""

from __future__ import annotations

import shutil
import subprocess

import keyring
import pytest
from keyring.backend import KeyringBackend

from facilitation.cli import main
from facilitation.domain.errors import FacilitationError
from facilitation.store import Store, cipher
from tests.unit.test_store_erasure import NAME, PHONE, _case_with_rita, traces


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory: stands in for the macOS Keychain or a desktop's Secret Service."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def ring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def strings(path) -> str:
    """What ``strings`` finds in the store file, its WAL and its shared-memory file."""
    found = ""
    for suffix in ("", "-wal", "-shm"):
        p = path.parent / (path.name + suffix)
        if p.exists():
            found += subprocess.run(["strings", str(p)], capture_output=True, text=True, check=True).stdout
    return found


def test_without_keyring_or_passphrase_a_new_store_stays_plain(tmp_path):
    """This Linux box has no keyring: a new store is plain unless a passphrase is given."""
    assert not cipher.keyring_available()
    store = Store(tmp_path / "s.sqlite3")
    assert not store.encrypted and not cipher.is_encrypted(store.path)


def test_passphrase_encrypts_a_new_store_and_strings_shows_no_names(tmp_path, monkeypatch):
    monkeypatch.setenv("FACILITATION_PASSPHRASE", "correct horse battery staple")
    store = Store(tmp_path / "s.sqlite3")
    case_id, _, _ = _case_with_rita(store)
    assert store.encrypted and cipher.is_encrypted(store.path)
    assert traces(store.path, NAME, PHONE, "Familie Maes") == []
    if shutil.which("strings"):
        assert "Vermeulen" not in strings(store.path) and "SQLite format" not in strings(store.path)
    assert Store(store.path).load(case_id).people  # the same passphrase opens it again


def test_an_encrypted_store_needs_its_key(tmp_path, monkeypatch):
    monkeypatch.setenv("FACILITATION_PASSPHRASE", "correct horse battery staple")
    path = tmp_path / "s.sqlite3"
    _case_with_rita(Store(path))
    monkeypatch.delenv("FACILITATION_PASSPHRASE")
    with pytest.raises(FacilitationError) as err:
        Store(path)
    assert err.value.code == "store_locked"
    monkeypatch.setenv("FACILITATION_PASSPHRASE", "wrong horse")
    with pytest.raises(FacilitationError) as err:
        Store(path)
    assert err.value.code == "wrong_key"


def test_where_a_keyring_is_available_new_stores_are_encrypted_by_default(tmp_path, ring):
    store = Store(tmp_path / "s.sqlite3")
    case_id, _, _ = _case_with_rita(store)
    assert store.encrypted and store.key.source == "keyring"
    assert len(ring.kept) == 1 and traces(store.path, NAME, PHONE) == []
    assert Store(store.path).load(case_id).people  # the keyring's key opens it again


def test_encryption_can_be_declined_where_a_keyring_is_available(tmp_path, ring, monkeypatch):
    monkeypatch.setenv("FACILITATION_ENCRYPT", "0")
    assert not Store(tmp_path / "s.sqlite3").encrypted and not ring.kept


def test_store_encrypt_moves_an_old_plain_store_over(tmp_path, monkeypatch, capsys):
    path = tmp_path / "s.sqlite3"
    plain = Store(path)
    case_id, rita, _ = _case_with_rita(plain)
    plain.close()
    assert traces(path, NAME, PHONE)
    monkeypatch.setenv("FACILITATION_PASSPHRASE", "correct horse battery staple")
    assert main(["--store", str(path), "store", "encrypt"]) == 0
    assert "strings" in capsys.readouterr().out
    assert cipher.is_encrypted(path) and traces(path, NAME, PHONE) == []
    store = Store(path)
    assert store.load(case_id).people[rita].phone == PHONE
    assert len(store.changes_since(case_id, 0)) >= 4  # the change log came along
    assert main(["--store", str(path), "store", "info"]) == 0
    assert "Versleuteld: ja" in capsys.readouterr().out
    assert main(["--store", str(path), "store", "encrypt"]) == 2  # once is enough


def test_erasure_works_on_an_encrypted_store(tmp_path, monkeypatch):
    monkeypatch.setenv("FACILITATION_PASSPHRASE", "correct horse battery staple")
    store = Store(tmp_path / "s.sqlite3")
    case_id, rita, _ = _case_with_rita(store)
    store.forget_person(case_id, rita)
    assert rita not in store.load(case_id).people
    assert all(c.after is None for c in store.changes_since(case_id, 0) if c.kind == "person" and c.id == rita)
