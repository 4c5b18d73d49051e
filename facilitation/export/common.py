"""What every export needs: the case as it stood at one meeting, clean text, dates, names, private files."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

from ..figures.network import shorten
from ..i18n import translate

__all__ = ["clean_text", "first_name", "join_names", "long_date", "parse_date", "short_date", "shorten", "slug"]

# XML 1.0 forbids these control characters (python-docx and reportlab would fail on them).
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str | None) -> str:
    """User text safe for any file: line ends as ``\\n``, no lone surrogates or XML-invalid characters."""
    if not value:
        return ""
    s = value.replace("\r\n", "\n").replace("\r", "\n")
    if _SURROGATE.search(s):
        s = _SURROGATE.sub("\ufffd", s)
    if _XML_BAD.search(s):
        s = _XML_BAD.sub("", s)
    return s


def first_name(name: str) -> str:
    parts = clean_text(name).split()
    return parts[0] if parts else ""


def join_names(lang: str, names: list[str]) -> str:
    """``Jonas``, ``Jonas en Mila``, ``Jonas, Mila en Lore``."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {translate(lang, 'export.kid.and')} " + names[-1]


def parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(lang: str, value: str | date | None) -> str:
    """``12 maart 2025`` / ``12 March 2025``; an unreadable date is shown as given."""
    d = value if isinstance(value, date) else parse_date(value or "")
    if d is None:
        return clean_text(value if isinstance(value, str) else "")
    months = MONTHS_EN if lang == "en" else MONTHS_NL
    return f"{d.day} {months[d.month - 1]} {d.year}"


def short_date(value: str | date | None) -> str:
    """``12/03/2025``: the Flemish numeric date for tables; an unreadable date is shown as given."""
    d = value if isinstance(value, date) else parse_date(value or "")
    if d is None:
        return clean_text(value if isinstance(value, str) else "")
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def age_text(lang: str, birth: str | date | None, on: str | date | None, age: int | None = None) -> str:
    """A child's age on a date: ``11 maanden`` under 2 years, ``1 maand``, ``3 weken``, else ``10 jaar``.

    From the date of birth when known (``age`` is then ignored); never "0 jaar".
    """
    b = birth if isinstance(birth, date) else parse_date(birth or "")
    d = on if isinstance(on, date) else parse_date(on or "")
    if b is not None and d is not None and d >= b:
        months = (d.year - b.year) * 12 + d.month - b.month - (1 if d.day < b.day else 0)
        if months >= 24:
            return translate(lang, "export.age", age=months // 12)
        if months >= 1:
            return translate(lang, "export.age_months" if months > 1 else "export.age_month", n=months)
        weeks = (d - b).days // 7
        return translate(lang, "export.age_weeks", n=max(weeks, 0)) if weeks >= 1 else translate(lang, "export.newborn")
    if age is None:
        return ""
    return translate(lang, "export.age_under_one") if age == 0 else translate(lang, "export.age", age=age)


def slug(text: str, fallback: str) -> str:
    """A file-name-safe lower-case ASCII slug (``Familie Peeters/Janssens`` -> ``familie-peeters-janssens``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:60].rstrip("-") or fallback


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` readable by the user only (0o600), atomically (temp file + rename)."""
    path = Path(path)
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".fac-", suffix=".tmp")  # mkstemp makes it 0o600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    os.chmod(path, 0o600)
    return path
