"""Where the store lives: a per-user data folder, or FACILITATION_STORE / --store (a path or a URL).

Privacy comes from where the folder is and who may open it:

- Linux and macOS: the per-user data folder (``~/.local/share/facilitation``, ``~/Library/Application
  Support/facilitation``), created with mode 0o700; the store file itself is 0o600 (store/sqlite.py).
- Windows: ``%LOCALAPPDATA%\\facilitation``, inside the user's own profile. There ``chmod`` only sets the
  read-only flag; what keeps others out is the folder's access control list. The profile's ACL grants the
  user, SYSTEM and Administrators only, and a new folder inherits it. ``private_dir`` also asks for mode
  0o700, which Python (3.11.10, 3.12.4 and later: the CVE-2024-4030 fix) turns into an ACL for the current
  user and administrators only; older Pythons ignore the mode and the inherited ACL holds. Local, not
  Roaming: a roaming profile is copied to the agency's server at every log-off, and nothing leaves the
  laptop. A store placed elsewhere (``--store`` on another drive or a network share) has that place's ACL.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_STORE = "FACILITATION_STORE"
APP = "facilitation"


def data_dir() -> Path:
    """The per-user data folder (XDG on Linux, Application Support on macOS, %LOCALAPPDATA% on Windows)."""
    if sys.platform == "win32":
        # Windows branch: the user's Local application data, never Roaming (see the module's docstring).
        local = os.environ.get("LOCALAPPDATA")
        if local:
            return Path(local) / APP
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP, appauthor=False, roaming=False))


def default_store_path() -> Path:
    """The SQLite file: ``FACILITATION_STORE`` when it names a file, else the per-user data folder."""
    env = os.environ.get(ENV_STORE)
    if env and "://" not in env:
        return Path(env).expanduser()
    return data_dir() / "facilitation.sqlite3"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and its parents) as a folder readable by this user only; returns it.

    Mode 0o700 on POSIX; on Windows the same call sets an owner-only ACL (see the module's docstring)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


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
    return private_dir(store_path.parent / "exports")
