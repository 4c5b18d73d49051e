"""Which case and meeting the working screen had open last, per store: reopening the dashboard opens
them again, and the family screen follows the meeting the consultant switches to.

A small JSON file beside the store file (readable by the user only), holding ids only. A store without
a file of its own (a server database) remembers nothing here.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUFFIX = ".last-used.json"


@dataclass(frozen=True)
class LastUsed:
    case: str | None = None
    meeting: str | None = None
    lang: str | None = None
    asked: str | None = None
    """The case the server was started with when this was written (``FACILITATION_CASE``): a server
    started for another case opens that one, not the remembered one."""


def path_for(store: Any) -> Path | None:
    """The settings file of ``store`` (None when the store is not a file)."""
    p = getattr(store, "path", None)
    if not isinstance(p, Path):
        return None
    return p.with_name(p.name + SUFFIX)


def recall(store: Any) -> LastUsed:
    path = path_for(store)
    if path is None:
        return LastUsed()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return LastUsed()
    if not isinstance(data, dict):
        return LastUsed()

    def text(key: str) -> str | None:
        v = data.get(key)
        return v if isinstance(v, str) and v else None

    return LastUsed(text("case"), text("meeting"), text("lang"), text("asked"))


def stamp(store: Any) -> float:
    """When the settings last changed (0 if never): cheap to poll."""
    path = path_for(store)
    try:
        return path.stat().st_mtime if path is not None else 0.0
    except OSError:
        return 0.0


def remember(store: Any, used: LastUsed) -> None:
    """Write the settings atomically, readable by the user only; a failure is not worth an error."""
    path = path_for(store)
    if path is None or recall(store) == used:
        return
    data = {"case": used.case, "meeting": used.meeting, "lang": used.lang, "asked": used.asked}
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".fac-", suffix=".tmp")  # made 0o600
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f)
        os.replace(tmp, path)
    except OSError:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
