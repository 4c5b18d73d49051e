"""Where the store lives: a per-user data folder, or FACILITATION_STORE / --store."""

from __future__ import annotations

import os
from pathlib import Path

ENV_STORE = "FACILITATION_STORE"


def data_dir() -> Path:
    """The per-user data folder (XDG on Linux, the usual places elsewhere)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("facilitation", appauthor=False))


def default_store_path() -> Path:
    env = os.environ.get(ENV_STORE)
    if env:
        return Path(env).expanduser()
    return data_dir() / "facilitation.sqlite3"


def exports_dir(store_path: Path) -> Path:
    """Exports are saved next to the store, in a folder readable by the user only."""
    d = store_path.parent / "exports"
    d.mkdir(parents=True, exist_ok=True, mode=0o700)
    return d
