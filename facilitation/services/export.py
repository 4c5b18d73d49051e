"""Exports as a service: every document the dashboards and the command line make, with one error policy and
progress reporting, callable without widgets.

One error policy: whatever goes wrong (a folder that cannot be written, a file that already exists when
``overwrite`` is off, a missing font, an unknown meeting or plan version, a bug) comes out as a
``FacilitationError`` whose code is a translation key (``error_text(lang, err)`` gives the sentence in the
user's language); nothing half-written is left behind (files are written whole, then renamed). What can be
known before the documents are made is said at once, in this order: an unknown format, meeting or plan version
(whatever files are there), files already there, a missing folder (``CannotWrite``, ``folder_missing``).

This is the only place that writes the family's documents: the ``export`` package renders and names them.

Progress: ``progress(done, total, name)`` is called before each file is made (``done`` files finished so far)
and once more at the end (``done == total``), so a view can show "2 of 8: the PDF for the judge".

What the parts call:

- ``export_case(case, fmt, out, ...)`` / ``export_all(case, folder, ...)``: the family's documents (judge's
  document, summary, case file, tables, children's booklet); ``seats`` from ``services.seats.seats_of(store, case)`` puts
  everyone on the printed map where the screen shows them.
- ``save(folder, name, data, ...)`` / ``save_all(folder, [(name, data), ...], ...)``: any other document's
  bytes (the reflecting team's record, the role cards, the scaling table) written with the same policy.

Files that are there already: with ``overwrite=False`` nothing of an export is written when one of its files
is there (``FileExists``, whose ``paths`` name each one, so a dashboard can ask); ``keep_both=True`` writes the
whole set beside them under the first number free for all of them (``plan (2).pdf``, ``plan (2).docx``).
- ``role_cards(cards, lang, title, fmt)``: the training role cards as Word or PDF bytes.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from .. import export as exp
from ..domain.case import Case
from ..domain.errors import FacilitationError, NotFoundError
from ..domain.model import RoleCard
from ..export import role_cards as cards_doc
from ..export.common import FileExists, check_folder, free_number, numbered, write_private

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
        raise FacilitationError("file_exists", path=e.filename or where) from e
    except PermissionError as e:
        folder = str(Path(e.filename).parent) if e.filename else where
        raise FacilitationError("no_write_permission", folder=folder) from e
    except OSError as e:
        reason = e.strerror or type(e).__name__
        raise FacilitationError("cannot_write", path=e.filename or where, reason=reason) from e
    except Exception as e:  # a bug: logged in full, said in one sentence
        log.exception("export failed")
        raise FacilitationError("export_failed", detail=type(e).__name__) from e


def save(folder: Path | str, name: str, data: bytes, *, overwrite: bool = True, keep_both: bool = False) -> Path:
    """Write one document's bytes as ``folder/name`` (readable by the user only), with the one error policy."""
    return save_all(folder, [(name, data)], overwrite=overwrite, keep_both=keep_both)[0]


def save_all(
    folder: Path | str, files: Sequence[tuple[str, bytes]], *, overwrite: bool = True, keep_both: bool = False
) -> list[Path]:
    """Write the documents of one export (name, bytes) into ``folder`` together, with the one error policy.

    Without ``overwrite`` nothing is written when one of them is there already (``FileExists`` names each
    one that is); ``keep_both`` writes them all under the first free number instead (``plan (2).pdf``)."""
    return _write_set([(Path(folder) / name, data) for name, data in files], overwrite, keep_both)


def _write_set(files: list[tuple[Path, bytes]], overwrite: bool, keep_both: bool) -> list[Path]:
    with one_policy(files[0][0] if files else None):
        if keep_both:
            n = free_number([path for path, _ in files])
            files = [(numbered(path, n), data) for path, data in files]
            overwrite = False
        if not overwrite:
            _refuse_taken([path for path, _ in files])
        return [write_private(path, data, overwrite=overwrite) for path, data in files]


def _refuse_taken(paths: list[Path]) -> None:
    taken = [p for p in paths if os.path.lexists(p)]
    if taken:
        raise FileExists(*taken)


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
    keep_both: bool = False,
    seats: Mapping[str, int] | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """One format written to ``out`` (a file, a stem for csv/child, or a folder); the paths written."""
    return _run(case, [(fmt, Path(out))], lang, meeting_id, version_id, (overwrite, keep_both), seats, progress)


def export_all(
    case: Case,
    folder: Path | str,
    *,
    lang: str = "nl",
    meeting_id: str | None = None,
    version_id: str | None = None,
    overwrite: bool = True,
    keep_both: bool = False,
    seats: Mapping[str, int] | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Every format into ``folder`` (made user-only if needed), each under its suggested name.

    The files are one set: without ``overwrite`` none is written when one is there already (``FileExists``
    names each one that is); ``keep_both`` gives all of them the same first free number (``... (2).pdf``)."""
    folder = Path(folder)
    with one_policy(folder):
        _asked_for(case, FORMATS, meeting_id, version_id)  # no folder made for an export that is refused
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    jobs = [(fmt, folder / exp.suggested_name(case, fmt, meeting_id, lang)) for fmt in FORMATS]
    return _run(case, jobs, lang, meeting_id, version_id, (overwrite, keep_both), seats, progress)


def _run(
    case: Case,
    jobs: list[tuple[str, Path]],
    lang: str,
    meeting_id: str | None,
    version_id: str | None,
    how: tuple[bool, bool],
    seats: Mapping[str, int] | None,
    progress: Progress | None,
) -> list[Path]:
    """Render every job, then write all files as one set (``how``: overwrite, keep both)."""
    overwrite, keep_both = how
    report = progress or (lambda done, total, name: None)
    with one_policy():  # said before minutes of rendering, in this order: what was asked, files there, folders
        _asked_for(case, [fmt for fmt, _ in jobs], meeting_id, version_id)
        expected = [p for fmt, out in jobs for p in exp.targets(case, fmt, out, lang, meeting_id)]
        if not overwrite and not keep_both:  # the files every export has (the rendered ones are asked again)
            _refuse_taken(expected)
        for path in expected:
            check_folder(path)
    made: list[tuple[Path, bytes]] = []
    total = len(jobs)
    for done, (fmt, out) in enumerate(jobs):
        report(done, total, out.name)
        with one_policy(out), _collector_paused():
            contents = exp.render_bytes(case, fmt, lang, meeting_id, version_id, seats=seats)
            made += _targets(case, fmt, out, lang, meeting_id, contents)
    written = _write_set(made, overwrite, keep_both)
    report(total, total, "")
    return written


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector held back while one document is rendered.

    Rendering makes a few hundred thousand short-lived objects, freed as they go; meanwhile the collector
    would run dozens of times, now and then over the whole heap (in a dashboard's kernel: every widget of
    every part), a tenth of a second or more each time for nothing. After the document it runs as usual."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _asked_for(case: Case, formats: Sequence[str], meeting_id: str | None, version_id: str | None) -> None:
    """Refuse an unknown format, meeting or plan version whatever else is the matter (``NotFoundError`` for the
    meeting and the version, whatever the format)."""
    for fmt in formats:
        if fmt not in FORMATS:
            raise FacilitationError("export_unknown_format", format=fmt)
    if meeting_id is not None:
        case.get("meeting", meeting_id)
    if version_id is not None and version_id not in case.plan_versions:
        raise NotFoundError("unknown_plan_version", version=version_id)


def role_cards(cards: list[RoleCard], lang: str, case_title: str, fmt: str) -> bytes:
    """The training role cards (one per page) as Word or PDF bytes, with the one error policy."""
    with one_policy():
        return cards_doc.render(cards, lang, case_title, fmt)
