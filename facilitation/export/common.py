"""What every export needs: the case as it stood at one meeting, clean text, dates, names, private files."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

from ..domain.errors import FacilitationError
from ..figures.network import shorten
from ..i18n import translate

__all__ = [
    "CannotWrite",
    "FileExists",
    "check_folder",
    "clean_text",
    "first_name",
    "free_number",
    "join_names",
    "long_date",
    "numbered",
    "parse_date",
    "short_date",
    "shorten",
    "slug",
    "write_failure",
    "write_private",
]

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


class FileExists(FacilitationError):
    """The file is there already and replacing it was not asked for (a dashboard can ask the user).

    ``paths``: every file of the export that is there already (``path``, the first, names it in the message)."""

    def __init__(self, path: Path, *more: Path) -> None:
        super().__init__("file_exists", path=str(path))
        self.path = path
        self.paths = (Path(path), *map(Path, more))


def numbered(path: Path, n: int) -> Path:
    """``plan.pdf`` as its ``n``-th copy: ``plan (2).pdf`` (the number before the extension)."""
    return path.with_name(f"{path.stem} ({n}){path.suffix}")


def free_number(paths: list[Path]) -> int:
    """The first number from 2 at which none of ``paths`` is taken: one number for a set of files, so the
    files of one export keep belonging together."""
    n = 2
    while any(os.path.lexists(numbered(p, n)) for p in paths):
        n += 1
    return n


class CannotWrite(FacilitationError):
    """The file cannot be written where asked (a missing or read-only folder, a link, no permission...)."""


# Not on Windows: there a link is refused by the check before opening (os.lstat), which Windows has.
O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _cannot_write(path: Path, err: OSError) -> CannotWrite:
    folder = str(path.parent)
    if err.errno == errno.ENOENT:  # the folder is gone, or is one where no file can be made (/proc)
        return CannotWrite("folder_not_writable" if path.parent.is_dir() else "folder_missing", folder=folder)
    if err.errno in (errno.EACCES, errno.EPERM):
        return CannotWrite("no_write_permission", folder=folder)
    if err.errno == errno.EROFS:
        return CannotWrite("read_only", folder=folder)
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return CannotWrite("disk_full")
    if err.errno == errno.ELOOP:
        return CannotWrite("is_symlink", path=str(path))
    if err.errno == errno.EISDIR:
        return CannotWrite("is_directory", field=str(path))
    return CannotWrite("cannot_write", path=str(path), reason=err.strerror or type(err).__name__)


def write_failure(lang: str, err: Exception) -> str:
    """Why a file was not written, in ``lang`` (for a screen's status line)."""
    from ..i18n import error_text

    if isinstance(err, FacilitationError):
        return error_text(lang, err)
    return getattr(err, "strerror", None) or str(err)


def _lstat(path: Path) -> os.stat_result | None:
    """What is at ``path`` itself (a link is not followed); None when nothing is; ``CannotWrite`` when the path
    cannot be looked at (it runs through a file, or a folder without permission)."""
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise _cannot_write(path, e) from None


def check_folder(path: Path | str) -> None:
    """Refuse at once what ``write_private`` would refuse about the place of ``path`` (its folder is missing,
    the path runs through a file...), with the same ``CannotWrite``: said before minutes of rendering."""
    path = Path(path)
    _lstat(path)
    if not path.parent.is_dir():
        raise CannotWrite("folder_missing", folder=str(path.parent))


def write_private(path: Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path``, readable by the user only (0o600), whole or not at all.

    An existing file is kept unless ``overwrite`` (then ``FileExists``); a symbolic link is never written
    through; the folder must exist. Errors are ``FacilitationError``s in the user's language. The data goes
    to a temporary file beside ``path`` first, which is then linked (no overwrite) or renamed (overwrite)
    into place: a crash never leaves half a document under the real name.
    """
    path = Path(path)
    st = _lstat(path)
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise CannotWrite("is_symlink", path=str(path))
        if stat.S_ISDIR(st.st_mode):
            raise CannotWrite("is_directory", field=str(path))
        if not overwrite:
            raise FileExists(path)
    if not path.parent.is_dir():
        raise CannotWrite("folder_missing", folder=str(path.parent))
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".fac-", suffix=".tmp")  # O_EXCL, 0o600
    except OSError as e:
        raise _cannot_write(path, e) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)  # replaces a name, never writes through a link
        else:
            _link_new(tmp, path)
    except FacilitationError:
        raise
    except OSError as e:
        raise _cannot_write(path, e) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return path


def _link_new(tmp: str, path: Path) -> None:
    """Put ``tmp`` at ``path`` only if nothing is there (an existing file or link stays as it is)."""
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise FileExists(path) from None
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
    # A file system without hard links (FAT, some network shares): create the name exclusively, then copy.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | O_NOFOLLOW | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        raise FileExists(path) from None
    try:
        with os.fdopen(fd, "wb") as out, open(tmp, "rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
