"""Where the store lives: a per-user data folder, or FACILITATION_STORE / --store (a path or a URL)."""

from __future__ import annotations

import os
from pathlib import Path

ENV_STORE = "FACILITATION_STORE"


def data_dir() -> Path:
    """The per-user data folder (XDG on Linux, the usual places elsewhere)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("facilitation", appauthor=False))


def default_store_path() -> Path:
    """The SQLite file: ``FACILITATION_STORE`` when it names a file, else the per-user data folder."""
    env = os.environ.get(ENV_STORE)
    if env and "://" not in env:
        return Path(env).expanduser()
    return data_dir() / "facilitation.sqlite3"


def default_store_target() -> str | Path:
    """``FACILITATION_STORE`` as given (a ``postgresql://`` URL or a path), else the per-user SQLite file."""
    env = os.environ.get(ENV_STORE, "").strip()
    if env and "://" in env:
        return env
    return default_store_path()


def server_anchor(host: str, port: str, dbname: str, user: str) -> Path:
    """For a server store: a local path standing in for the store file, so that this user's exports and
    the dashboard's runtime files go to a folder of their own (``<data>/team/<host>-<port>-<db>-<user>``)."""
    safe = "-".join(
        "".join(ch if ch.isalnum() or ch in "._" else "_" for ch in part) for part in (host, port, dbname, user)
    )
    return data_dir() / "team" / safe / "store"


def exports_dir(store_path: Path) -> Path:
    """Exports are saved next to the store, in a folder readable by the user only."""
    store_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    d = store_path.parent / "exports"
    d.mkdir(exist_ok=True, mode=0o700)
    return d
