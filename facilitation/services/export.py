"""Exports as a service: every document the dashboards and the command line make, with one error policy and
progress reporting, callable without widgets.

One error policy: whatever goes wrong (a folder that cannot be written, a file that already exists when
``overwrite`` is off, a missing font, an unknown meeting or plan version, a bug) comes out as a
``FacilitationError`` whose code is a translation key (``error_text(lang, err)`` gives the sentence in the
user's language); nothing half-written is left behind (files are written whole, then renamed).

Progress: ``progress(done, total, name)`` is called before each file is made (``done`` files finished so far)
and once more at the end (``done == total``), so a view can show "2 of 8: the PDF for the judge".

What the parts call:

- ``export_case(case, fmt, out, ...)`` / ``export_all(case, folder, ...)``: the family's documents (judge's
  document, summary, case file, tables, children's booklet); ``seats`` from ``seats_of(store, case)`` puts
  everyone on the printed map where the screen shows them.
- ``save(folder, name, data, ...)``: any other document's bytes (the reflecting team's record, the role
  cards, the scaling table) written with the same policy.
- ``role_cards(cards, lang, title, fmt)``: the training role cards as Word or PDF bytes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .. import export as exp
from ..domain.case import Case
from ..domain.errors import FacilitationError
from ..domain.model import RoleCard
from ..export import role_cards as cards_doc
from ..export.common import FileExists, write_private

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
"""``progress(done, total, name)``: files finished, files in all, the file being made ("" at the end)."""

FORMATS = exp.FORMATS


@contextmanager
def one_policy(path: Path | str | None = None) -> Iterator[None]:
    """Turn every failure of an export into a ``FacilitationError`` with a translated message."""
    where = str(path) if path is not None else ""
    try:
        yield
    except FacilitationError:
        raise
    except FileExistsError as e:
        raise FacilitationError("export_file_exists", path=e.filename or where) from e
    except PermissionError as e:
        raise FacilitationError("export_not_allowed", path=e.filename or where) from e
    except OSError as e:
        reason = e.strerror or type(e).__name__
        raise FacilitationError("export_write_failed", path=e.filename or where, reason=reason) from e
    except Exception as e:  # a bug: logged in full, said in one sentence
        log.exception("export failed")
        raise FacilitationError("export_failed", detail=type(e).__name__) from e


def _write(path: Path, data: bytes, overwrite: bool) -> Path:
    return write_private(path, data, overwrite=overwrite)


def save(folder: Path | str, name: str, data: bytes, *, overwrite: bool = True) -> Path:
    """Write one document's bytes as ``folder/name`` (readable by the user only), with the one error policy."""
    path = Path(folder) / name
    with one_policy(path):
        return _write(path, data, overwrite)


def seats_of(store: Any, case: Case) -> dict[str, int] | None:
    """The map's seats as the network screen has them (order of arrival, from the store's change log);
    None when the log cannot be read (the map is then laid out by id, as the screen does then)."""
    from ..figures.map_seats import SeatBook

    try:
        book = SeatBook()
        book.start(case, store.changes_since(case.id, 0))
        return book.seats(case)
    except FacilitationError:
        return None


def _targets(
    case: Case, fmt: str, out: Path, lang: str, meeting_id: str | None, contents: Mapping[str, bytes]
) -> list[tuple[Path, bytes]]:
    paths = exp.targets(case, fmt, out, lang, meeting_id, contents.keys())
    return list(zip(paths, contents.values(), strict=True))


def export_case(
    case: Case,
    fmt: str,
    out: Path | str,
    *,
    lang: str = "nl",
    meeting_id: str | None = None,
    version_id: str | None = None,
    overwrite: bool = True,
    seats: Mapping[str, int] | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """One format written to ``out`` (a file, a stem for csv/child, or a folder); the paths written."""
    return _run(case, [(fmt, Path(out))], lang, meeting_id, version_id, overwrite, seats, progress)


def export_all(
    case: Case,
    folder: Path | str,
    *,
    lang: str = "nl",
    meeting_id: str | None = None,
    version_id: str | None = None,
    overwrite: bool = True,
    seats: Mapping[str, int] | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Every format into ``folder`` (made user-only if needed), each under its suggested name."""
    folder = Path(folder)
    with one_policy(folder):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    jobs = [(fmt, folder / exp.suggested_name(case, fmt, meeting_id, lang)) for fmt in FORMATS]
    return _run(case, jobs, lang, meeting_id, version_id, overwrite, seats, progress)


def _run(
    case: Case,
    jobs: list[tuple[str, Path]],
    lang: str,
    meeting_id: str | None,
    version_id: str | None,
    overwrite: bool,
    seats: Mapping[str, int] | None,
    progress: Progress | None,
) -> list[Path]:
    report = progress or (lambda done, total, name: None)
    written: list[Path] = []
    total = len(jobs)
    for done, (fmt, out) in enumerate(jobs):
        report(done, total, out.name)
        with one_policy(out):
            if fmt not in FORMATS:
                raise FacilitationError("export_unknown_format", format=fmt)
            if meeting_id is not None:
                case.get("meeting", meeting_id)
            contents = exp.render_bytes(case, fmt, lang, meeting_id, version_id, seats=seats)
            targets = _targets(case, fmt, out, lang, meeting_id, contents)
            if not overwrite:
                taken = [p for p, _ in targets if os.path.lexists(p)]
                if taken:
                    raise FileExists(taken[0])
            written += [_write(path, data, overwrite) for path, data in targets]
    report(total, total, "")
    return written


def role_cards(cards: list[RoleCard], lang: str, case_title: str, fmt: str) -> bytes:
    """The training role cards (one per page) as Word or PDF bytes, with the one error policy."""
    with one_policy():
        return cards_doc.render(cards, lang, case_title, fmt)
