"""Pseudonymising a case for sharing, in one place for every screen and every export.

The words come from the translation layer in the reader's language; the consultant's corrections to the
review list (original -> replacement) are kept per case in a private file beside the store, so that the
same corrections apply to the screen, every record and ``facilitation export --pseudonymise``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

from ..domain.case import Case
from ..domain.pseudonym import Pseudonyms, build
from ..export.pseudonyms import shown, words

__all__ = ["load_corrections", "review", "save_corrections", "shown", "words"]

SUBDIR = "pseudonyms"


def review(case: Case, lang: str, mode: str, corrections: Mapping[str, str] | None = None) -> Pseudonyms:
    """The pseudonyms with their review list (original -> replacement, kind, count)."""
    return build(case, words(lang), mode, corrections)


def _path(store_path: Path, case_id: str) -> Path:
    safe = "".join(c for c in case_id if c.isalnum() or c in "-_") or "case"
    return Path(store_path).parent / SUBDIR / f"{safe}.json"


def load_corrections(store_path: Path, case_id: str) -> dict[str, str]:
    """The consultant's corrections for a case ({} when none were made)."""
    try:
        data = json.loads(_path(store_path, case_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def save_corrections(store_path: Path, case_id: str, corrections: Mapping[str, str]) -> Path:
    """Keep the corrections (readable by the user only); written whole or not at all."""
    path = _path(store_path, case_id)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(dict(corrections), f, ensure_ascii=False, indent=1, sort_keys=True)
    os.replace(tmp, path)
    return path
