"""The dashboard on an encrypted store (issue 15.7): `facilitation serve` with a passphrase; what is typed
is stored, readable again with the passphrase, and not in any byte of the file, its WAL or -shm."""

from __future__ import annotations

from facilitation.store import Store, cipher

from .conftest import open_dashboard, shot, start_server, wait_text

PASSPHRASE = "zes weken samen op weg"


def test_the_dashboard_stores_into_an_encrypted_store(page, tmp_path, monkeypatch):
    monkeypatch.setenv("FACILITATION_PASSPHRASE", PASSPHRASE)  # the server and its kernels inherit it
    store = tmp_path / "store.sqlite3"
    srv = start_server(store, "jonas-17")
    try:
        open_dashboard(page, srv.url)
        page.click(".fac-tabs .lm-TabBar-tab:has-text('Drie kolommen')")
        field = page.locator(".fac-columns .fac-columns-add-text input").first
        field.wait_for(timeout=60_000)
        words = "Tante Griet Verhaegen belt elke avond"
        field.fill(words)
        field.press("Enter")
        wait_text(page.locator(".fac-columns"), words, timeout=30)
        page.locator(".fac-columns .fac-item", has_text=words).wait_for(timeout=30_000)  # the kernel's own row
        shot(page, "encrypted-store-columns")
    finally:
        srv.stop()
    assert cipher.is_encrypted(store)
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("store.sqlite3*") if p.is_file())
    assert b"Verhaegen" not in raw and b"SQLite format 3" not in raw
    case = next(iter(Store(store).list_cases()))
    assert words in {i.text for i in Store(store).load(case.id).items.values()}
