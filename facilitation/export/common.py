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
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path

from ..domain.case import Case
from ..domain.errors import FacilitationError
from ..domain.model import ELEMENTS, Agreement, Item, Meeting, Person
from ..i18n import translate

INTERIM_DAY = 28
SECOND_MEETING_DAY = 40

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


def slug(text: str, fallback: str) -> str:
    """A file-name-safe lower-case ASCII slug (``Familie Peeters/Janssens`` -> ``familie-peeters-janssens``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:60].rstrip("-") or fallback


class FileExists(FacilitationError):
    """The file is there already and replacing it was not asked for (a dashboard can ask the user)."""

    def __init__(self, path: Path) -> None:
        super().__init__("file_exists", path=str(path))
        self.path = path


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


def write_private(path: Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path``, readable by the user only (0o600), whole or not at all.

    An existing file is kept unless ``overwrite`` (then ``FileExists``); a symbolic link is never written
    through; the folder must exist. Errors are ``FacilitationError``s in the user's language. The data goes
    to a temporary file beside ``path`` first, which is then linked (no overwrite) or renamed (overwrite)
    into place: a crash never leaves half a document under the real name.
    """
    path = Path(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise _cannot_write(path, e) from None
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


# ---- the case as it stood at one meeting --------------------------------------------------------


@dataclass(frozen=True)
class ReviewDate:
    label: str
    when: str  # ISO date or ""
    status: str  # "planned" (from the module's day count) or "scheduled" (a meeting exists)


class PlanView:
    """The case seen from one meeting: what was known by then, names resolved, in one language."""

    def __init__(self, case: Case, lang: str = "nl", meeting_id: str | None = None) -> None:
        self.case = case
        self.lang = lang
        if meeting_id is not None:
            self.meeting: Meeting | None = case.get("meeting", meeting_id)
        else:
            ms = case.meetings_by_date()
            self.meeting = ms[-1] if ms else None
        self.info = case.info

    def t(self, key: str, **params: object) -> str:
        return translate(self.lang, key, **params)

    # ---- what counts at this meeting ----------------------------------------------------------

    @cached_property
    def _later_meetings(self) -> set[str]:
        """Meetings held after the chosen one: their items and agreements are not yet in this plan."""
        if self.meeting is None:
            return set()
        m = self.meeting
        return {x.id for x in self.case.meetings.values() if x.date > m.date}

    def _known(self, meeting_id: str | None) -> bool:
        return meeting_id is None or meeting_id not in self._later_meetings

    def items(self, element: str) -> list[Item]:
        return [i for i in self.case.items_of(element) if self._known(i.meeting)]

    @cached_property
    def agreements(self) -> list[Agreement]:
        return [a for a in self.case.agreements_in_order() if self._known(a.meeting)]

    @cached_property
    def numbers(self) -> dict[str, int]:
        """Item id -> its number within its element (1-based), as printed in the documents."""
        out: dict[str, int] = {}
        for col in ELEMENTS.values():
            for element in col:
                for n, item in enumerate(self.items(element), 1):
                    out[item.id] = n
        return out

    def item_ref(self, item_id: str) -> str:
        item = self.case.items.get(item_id)
        if item is None or item_id not in self.numbers:
            return ""
        return f"{self.t('element_one.' + item.element)} {self.numbers[item_id]}"

    # ---- people -------------------------------------------------------------------------------

    def name(self, person_id: str | None) -> str:
        return clean_text(self.case.name_of(person_id))

    def names(self, ids: Iterable[str]) -> list[str]:
        return [self.name(p) for p in ids if p in self.case.people]

    def role(self, p: Person) -> str:
        """What a person is to the children: their relation, or ``kind, 15 jaar``, or their sector."""
        if p.relation.strip():
            return clean_text(p.relation.strip())
        if p.is_child:
            return self.t("export.child_age", age=p.age) if p.age is not None else self.t("export.child")
        return self.t(f"sector.{p.sector}")

    def phone(self, person_id: str | None) -> str:
        p = self.case.people.get(person_id) if person_id else None
        return clean_text(p.phone.strip()) if p else ""

    @cached_property
    def present(self) -> list[Person]:
        if self.meeting is None:
            return []
        people = self.case.people
        return [people[p] for p in self.meeting.present if p in people]

    @cached_property
    def children(self) -> list[Person]:
        return self.case.children()

    @cached_property
    def child_first_names(self) -> list[str]:
        return [first_name(c.name) for c in self.children]

    @cached_property
    def signers(self) -> list[Person]:
        """Everyone who agreed to an agreement; if nobody has yet, everyone present."""
        people = self.case.people
        seen: dict[str, None] = {}
        for a in self.agreements:
            for p in a.agreed_by:
                if p in people:
                    seen.setdefault(p)
        if seen:
            return [people[p] for p in seen]
        return list(self.present)

    @cached_property
    def contacts(self) -> list[Person]:
        """People a child can call: owners and backups of agreements, then the safety network (no children)."""
        people = self.case.people
        seen: dict[str, None] = {}
        for a in self.agreements:
            for p in (a.owner, a.backup):
                if p and p in people and not people[p].is_child:
                    seen.setdefault(p)
        for p in sorted(people.values(), key=lambda x: (x.closeness, x.sector != "family", x.name)):
            if p.in_safety_network and not p.is_child:
                seen.setdefault(p.id)
        return [people[p] for p in seen]

    # ---- dates --------------------------------------------------------------------------------

    def meeting_line(self) -> str:
        if self.meeting is None:
            return self.t("export.no_meeting")
        m = self.meeting
        parts = [self.t(f"meeting_kind.{m.kind}"), long_date(self.lang, m.date)]
        if m.title.strip():
            parts.insert(0, clean_text(m.title.strip()))
        return " · ".join(parts)

    @cached_property
    def review_dates(self) -> list[ReviewDate]:
        """Interim evaluation (day 28) and second network meeting (day 40), or the later meetings held."""
        after = self.meeting.date if self.meeting else ""
        later = [
            m
            for m in self.case.meetings_by_date()
            if m.date > after and m.kind in ("network_meeting", "interim_evaluation")
        ]
        out: list[ReviewDate] = [ReviewDate(f"{self.t('meeting_kind.' + m.kind)}", m.date, "scheduled") for m in later]
        start = parse_date(self.info.start_date)
        if start is not None:
            for kind, day, key in (
                ("interim_evaluation", INTERIM_DAY, "export.review.interim"),
                ("network_meeting", SECOND_MEETING_DAY, "export.review.second"),
            ):
                planned = (start + timedelta(days=day)).isoformat()
                if planned > after and not any(m.kind == kind for m in later):
                    out.append(ReviewDate(self.t(key), planned, "planned"))
        out.sort(key=lambda r: r.when)
        return out

    def review_status(self, r: ReviewDate) -> str:
        return self.t(f"export.review.{r.status}")

    def no_review_text(self) -> str:
        if parse_date(self.info.start_date) is None:
            return self.t("export.review.no_start")
        return self.t("export.review.none")
