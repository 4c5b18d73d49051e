"""The dashboards' stylesheet: large, calm, readable from the back of the room.

All CSS lives in ``.css`` files: ``ui/style.css`` (the base) and one file per feature folder
(``ui/<feature>/<feature>.css``), plus the palette as CSS variables (``facilitation/palette.py``).
``facilitation serve`` links the whole sheet from the page's own server (``serve.prepare_template``);
elsewhere (widget tests, JupyterLab) a dashboard puts it in the page as one ``<style>`` element.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from .. import palette
from . import esm

UI_DIR = Path(__file__).resolve().parent


def css_files() -> list[Path]:
    """Every stylesheet of the tool, base first, then the feature folders in name order."""
    base = UI_DIR / "style.css"
    rest = sorted(p for p in UI_DIR.glob("*/*.css") if p.parent.name != "js")
    loose = sorted(p for p in UI_DIR.glob("*.css") if p != base)
    return [base, *loose, *rest]


@cache
def css_text() -> str:
    """All CSS of the tool as one text (our own text, no user input)."""
    parts = [palette.css_variables()]
    parts += [f"/* {p.relative_to(UI_DIR).as_posix()} */\n" + p.read_text(encoding="utf-8") for p in css_files()]
    return "\n".join(parts)


def file_name() -> str:
    """The served sheet's name: ``facilitation.<digest>.css`` (a changed sheet is never taken from a cache)."""
    return f"facilitation.{hashlib.sha256(css_text().encode('utf-8')).hexdigest()[:12]}.css"


def write_served(static_dir: Path) -> Path:
    """Write the sheet beside the served widget modules (``static_dir/fac``); returns its path."""
    target = static_dir / esm.STATIC_SUBDIR
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("facilitation.*.css"):
        if old.name != file_name():
            old.unlink()
    path = target / file_name()
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(css_text(), encoding="utf-8")
        tmp.replace(path)
    return path


def stylesheet() -> str:
    """What a dashboard puts in its page: nothing when the page links the served sheet, else a ``<style>``."""
    if os.environ.get(esm.ENV_SERVED) == "1":
        return ""
    return "<style>" + css_text() + "</style>"
