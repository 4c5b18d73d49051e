"""The documents at the end of a meeting: safety plan (docx, pdf), children's version, summary, case file, tables.

``render_bytes(case, fmt, lang, meeting_id)`` makes one format's files (their bytes, by suffix) and
``targets(case, fmt, out, ...)`` names where they go; writing them is the export service's
(``facilitation.services.export``: ``export_case``, ``export_all``, with its one error policy and progress), and
every file it writes is readable by the user only (0o600). Pure Python: no widgets.

Where the files go: for ``docx``, ``pdf``, ``md`` and ``json`` ``out`` is the file. ``csv`` and ``child``
write several files, named from ``out`` without its extension: ``<stem>-kolommen.csv``, ``<stem>-scores.csv``
and ``<stem>-netwerk.csv`` (the network's facts per meeting; English: ``-columns``/``-scores``/``-network``);
``<stem>.docx`` and ``<stem>.pdf``. When ``out`` is an existing folder, the files get ``suggested_name`` in it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from functools import partial
from pathlib import Path

from ..domain.case import Case
from ..domain.model import Meeting
from ..i18n import translate
from ..store import casefile
from . import judge, markdown
from .common import CannotWrite, FileExists, slug
from .tables import columns_frame, csv_bytes, network_frame, scores_frame
from .view import PlanView

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
    "network_frame",
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
    the name is the stem the tables are named from (see the module docstring).
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


_TABLES = (
    ("export.file.columns", columns_frame),
    ("export.file.scores", scores_frame),
    ("export.file.network", network_frame),
)
"""The csv export's tables: the three columns, the scaling scores, the network over time."""


def _csv_suffix(lang: str, key: str) -> str:
    return f"-{translate(lang, key)}.csv"


def _stem(out: Path, suffixes: tuple[str, ...]) -> Path:
    return out.with_suffix("") if out.suffix.lower() in suffixes else out


def render_bytes(
    case: Case,
    fmt: str,
    lang: str = "nl",
    meeting_id: str | None = None,
    version_id: str | None = None,
    seats: Mapping[str, int] | None = None,
) -> dict[str, bytes]:
    """The file contents of one format, by file suffix (``.docx``, ``-scores.csv``...), without writing.

    ``version_id`` chooses the signed version of the plan (default: the latest signed at or before the meeting);
    ``seats``: the network screen's seats, so that the printed map is the screen's (default: by id).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format: {fmt!r}")
    t = partial(translate, lang)
    if fmt == "json":
        try:
            return {".json": casefile.dumps(case).encode("utf-8")}
        except UnicodeEncodeError:  # a lone surrogate in some text: keep it, as a JSON escape
            text = json.dumps(casefile.to_json_dict(case), ensure_ascii=True, indent=2) + "\n"
            return {".json": text.encode("ascii")}
    if fmt == "csv":
        return {_csv_suffix(lang, key): csv_bytes(frame(case, lang)) for key, frame in _TABLES}
    view = PlanView(case, lang, meeting_id, version_id, seats)
    if fmt == "md":
        return {".md": markdown.render(view).encode("utf-8")}
    from . import render_docx, render_pdf  # reportlab and python-docx: loaded at the first document, not with the page

    footer = f"{t('export.title.plan')} · {view.info.title} · {t('export.confidential')}"
    page_text = t("export.page", page="{page}", pages="{pages}")
    if fmt == "child":
        return _children(view)
    blocks = judge.judge_blocks(view)
    title = f"{t('export.title.plan')} · {view.info.title}"
    if fmt == "docx":
        return {
            ".docx": render_docx.render(
                blocks, footer=footer, page_word=t("export.page_word"), of_word=t("export.page_of"), title=title
            )
        }
    return {".pdf": render_pdf.render(blocks, footer=footer, page_text=page_text, title=title)}


def targets(
    case: Case,
    fmt: str,
    out: Path | str | None,
    lang: str = "nl",
    meeting_id: str | None = None,
    suffixes: Iterable[str] | None = None,
) -> list[Path]:
    """The files an export of ``fmt`` writes for ``out`` (a file, a stem for csv/child, a folder, or None: here).

    ``suffixes`` are the rendered files' own (``render_bytes``' keys: the children's version adds the Three
    Houses sheet when a child allowed it to be shown); without them, the files every export of ``fmt`` has."""
    out = Path.cwd() if out is None else Path(out)
    if out.is_dir():
        out = out / suggested_name(case, fmt, meeting_id, lang)
    elif not out.suffix and fmt in ("json", "docx", "pdf", "md"):
        out = out.with_name(out.name + EXTENSIONS[fmt])
    if fmt not in ("csv", "child"):
        return [out]
    stem = _stem(out, (".csv",) if fmt == "csv" else (".docx", ".pdf"))
    if suffixes is None:
        csv = tuple(_csv_suffix(lang, key) for key, _ in _TABLES)
        suffixes = csv if fmt == "csv" else (".docx", ".pdf")
    return [stem.with_name(stem.name + suffix) for suffix in suffixes]


def _children(view: PlanView) -> dict[str, bytes]:
    """The children's booklet (A5, a picture and its text per page) and, when a child allowed anything to be
    shown, the Three Houses sheet: ``.pdf``/``.docx`` and ``-drie-huizen.pdf``/``.docx``."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.units import cm

    from . import booklet, render_docx, render_pdf

    t = view.t
    out: dict[str, bytes] = {}
    blocks, title = booklet.booklet_blocks(view)
    sheets = [("", blocks, title)]
    houses = booklet.houses_blocks(view)
    if houses:
        sheets.append((f"-{t('export.file.houses')}", houses, booklet.houses_title(view)))
    for suffix, content, name in sheets:
        footer = name  # a child's own booklet: its title and the page number
        out[f"{suffix}.docx"] = render_docx.render(
            content, child=True, footer=footer, page_word=t("export.page_word"), of_word=t("export.page_of"), title=name
        )
        out[f"{suffix}.pdf"] = render_pdf.render(
            content,
            child=True,
            footer=footer,
            page_text=t("export.page", page="{page}", pages="{pages}"),
            title=name,
            pagesize=A5,
            margin=1.4 * cm,
        )
    return out
