"""The documents at the end of a meeting: safety plan (docx, pdf), children's version, summary, case file, tables.

``export(case, fmt, out, lang, meeting_id)`` writes one format and returns the paths it wrote; every file is
readable by the user only (0o600), written whole or not at all, never through a symbolic link, and an
existing file is kept unless ``overwrite=True`` (else ``FileExists``, which a screen can turn into a
question). Pure Python: no widgets.

Where the files go: for ``docx``, ``pdf``, ``md`` and ``json`` ``out`` is the file. ``csv`` and ``child``
write two files each, named from ``out`` without its extension: ``<stem>-kolommen.csv`` and
``<stem>-scores.csv`` (English: ``-columns``/``-scores``); ``<stem>.docx`` and ``<stem>.pdf``. When ``out``
is an existing folder, or None (the current folder), the files get ``suggested_name`` in it: each format has
a name of its own (the children's version never takes the plan's name).
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from ..domain.case import Case
from ..domain.model import Meeting
from ..i18n import translate
from ..store import casefile
from . import document, markdown, render_docx, render_pdf
from .common import CannotWrite, FileExists, PlanView, slug, write_private
from .tables import columns_frame, csv_bytes, scores_frame

FORMATS = ("docx", "pdf", "md", "json", "csv", "child")
EXTENSIONS = {"docx": ".docx", "pdf": ".pdf", "md": ".md", "json": ".json", "csv": ".csv", "child": ".docx"}
_NAME_PART = {
    "docx": "export.file.plan",
    "pdf": "export.file.plan",
    "md": "export.file.summary",
    "json": "export.file.case",
    "child": "export.file.child",
}

__all__ = [
    "FORMATS",
    "CannotWrite",
    "FileExists",
    "columns_frame",
    "export",
    "export_all",
    "render_bytes",
    "scores_frame",
    "suggested_name",
    "targets",
]


def _meeting(case: Case, meeting: Meeting | str | None) -> Meeting | None:
    if isinstance(meeting, Meeting):
        return meeting
    if isinstance(meeting, str):
        return case.meetings.get(meeting)
    ms = case.meetings_by_date()
    return ms[-1] if ms else None


def suggested_name(case: Case, fmt: str, meeting: Meeting | str | None = None, lang: str | None = None) -> str:
    """A safe file name: ``familie-peeters-2025-03-17-veiligheidsplan.pdf`` (title slug, meeting date, kind).

    ``meeting`` may be a meeting, its id, or None (the latest meeting; today when there is none). For ``csv``
    the name is the stem the two tables are named from (see the module docstring).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format: {fmt!r}")
    lang = lang or case.info.language
    m = _meeting(case, meeting)
    when = m.date if m is not None else date.today().isoformat()
    base = f"{slug(case.info.title, translate(lang, 'export.file.no_title'))}-{when}"
    part = _NAME_PART.get(fmt)
    if part:
        base += "-" + translate(lang, part)
    return base + EXTENSIONS[fmt]


def _stem(out: Path, suffixes: tuple[str, ...]) -> Path:
    return out.with_suffix("") if out.suffix.lower() in suffixes else out


def render_bytes(case: Case, fmt: str, lang: str = "nl", meeting_id: str | None = None) -> dict[str, bytes]:
    """The file contents of one format, by file suffix (``.docx``, ``-scores.csv``...), without writing."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format: {fmt!r}")
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    if fmt == "json":
        try:
            return {".json": casefile.dumps(case).encode("utf-8")}
        except UnicodeEncodeError:  # a lone surrogate in some text: keep it, as a JSON escape
            text = json.dumps(casefile.to_json_dict(case), ensure_ascii=True, indent=2) + "\n"
            return {".json": text.encode("ascii")}
    if fmt == "csv":
        return {
            f"-{t('export.file.columns')}.csv": csv_bytes(columns_frame(case, lang)),
            f"-{t('export.file.scores')}.csv": csv_bytes(scores_frame(case, lang)),
        }
    view = PlanView(case, lang, meeting_id)
    if fmt == "md":
        return {".md": markdown.render(view).encode("utf-8")}
    footer = f"{t('export.title.plan')} · {view.info.title} · {t('export.confidential')}"
    page_text = t("export.page", page="{page}", pages="{pages}")
    if fmt == "child":
        blocks = document.child_blocks(view)
        title = document.child_title(view)
        kid_footer = f"{title} · {t('export.confidential')}"
        return {
            ".docx": render_docx.render(
                blocks,
                child=True,
                footer=kid_footer,
                page_word=t("export.page_word"),
                of_word=t("export.page_of"),
                title=title,
            ),
            ".pdf": render_pdf.render(blocks, child=True, footer=kid_footer, page_text=page_text, title=title),
        }
    blocks = document.plan_blocks(view)
    title = f"{t('export.title.plan')} · {view.info.title}"
    if fmt == "docx":
        return {
            ".docx": render_docx.render(
                blocks, footer=footer, page_word=t("export.page_word"), of_word=t("export.page_of"), title=title
            )
        }
    return {".pdf": render_pdf.render(blocks, footer=footer, page_text=page_text, title=title)}


def targets(
    case: Case, fmt: str, out: Path | str | None, lang: str = "nl", meeting_id: str | None = None
) -> list[Path]:
    """The files ``export`` would write for ``out`` (a file, a stem for csv/child, a folder, or None: here)."""
    out = Path.cwd() if out is None else Path(out)
    if out.is_dir():
        out = out / suggested_name(case, fmt, meeting_id, lang)
    elif not out.suffix and fmt in ("json", "docx", "pdf", "md"):
        out = out.with_name(out.name + EXTENSIONS[fmt])
    if fmt == "csv":
        stem = _stem(out, (".csv",))
        t = lambda key: translate(lang, key)  # noqa: E731
        return [stem.with_name(f"{stem.name}-{t(k)}.csv") for k in ("export.file.columns", "export.file.scores")]
    if fmt == "child":
        stem = _stem(out, (".docx", ".pdf"))
        return [stem.with_name(stem.name + ".docx"), stem.with_name(stem.name + ".pdf")]
    return [out]


def export(
    case: Case,
    fmt: str,
    out: Path | str | None,
    lang: str = "nl",
    meeting_id: str | None = None,
    *,
    overwrite: bool = False,
) -> list[Path]:
    """Write one format to ``out`` (see ``targets``); return the paths written. Nothing is written when one
    of the files exists and ``overwrite`` is False (``FileExists``)."""
    if meeting_id is not None:
        case.get("meeting", meeting_id)  # NotFoundError for an unknown meeting, whatever the format
    paths = targets(case, fmt, out, lang, meeting_id)
    if not overwrite:
        for path in paths:
            if os.path.lexists(path):
                raise FileExists(path)
    for path in paths:
        if not path.parent.is_dir():
            raise CannotWrite("folder_missing", folder=str(path.parent))
    contents = render_bytes(case, fmt, lang, meeting_id)
    return [write_private(path, data, overwrite=overwrite) for path, data in zip(paths, contents.values(), strict=True)]


def export_all(
    case: Case, out_dir: Path | str, lang: str = "nl", meeting_id: str | None = None, *, overwrite: bool = False
) -> list[Path]:
    """Every format into ``out_dir`` (created, user-only, if needed) under its suggested name. Nothing is
    written when one of the files exists and ``overwrite`` is False (``FileExists``)."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as e:
        raise CannotWrite("cannot_write", path=str(out_dir), reason=e.strerror or type(e).__name__) from None
    named = [(fmt, out_dir / suggested_name(case, fmt, meeting_id, lang)) for fmt in FORMATS]
    if not overwrite:
        for fmt, out in named:
            for path in targets(case, fmt, out, lang, meeting_id):
                if os.path.lexists(path):
                    raise FileExists(path)
    paths: list[Path] = []
    for fmt, out in named:
        paths += export(case, fmt, out, lang, meeting_id, overwrite=overwrite)
    return paths
