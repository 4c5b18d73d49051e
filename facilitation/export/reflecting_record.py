"""The record of a reflecting-team meeting: who was there, the case mapped, the scenarios compared,
the reflection rounds, the conclusions and next steps, who writes the record. Word, PDF and Markdown.

``record_blocks`` builds the content once as document blocks; Word and PDF render them with the shared
renderers, Markdown with ``blocks_markdown`` below, and the dashboard shows the same blocks as its preview.
With ``pseudonym`` set ("roles" or "names") every name is replaced before anything is written, including
the file name; nothing of the original names reaches the file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain import reflecting as rt
from ..domain.case import Case
from ..domain.model import COLUMNS, ELEMENTS, Meeting, Person
from ..domain.pseudonym import PseudonymWords, pseudonymise
from ..i18n import translate
from . import render_docx, render_pdf
from .common import clean_text, long_date, slug, write_private
from .document import Block, Entry, Heading, Line, Para, Table, Title

FORMATS = ("docx", "pdf", "md")
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "md": "text/markdown",
}


def pseudonym_words(lang: str) -> PseudonymWords:
    """The words pseudonyms are made of, in ``lang``."""
    t = lambda key: translate(lang, key)  # noqa: E731
    return PseudonymWords(
        case_title=t("reflecting.pseudo.case_title"),
        child=t("reflecting.pseudo.child"),
        sectors={s: t(f"reflecting.pseudo.sector.{s}") for s in ("family", "friends", "school", "professional")},
        someone=t("reflecting.pseudo.someone"),
        phone=t("reflecting.pseudo.phone"),
        email=t("reflecting.pseudo.email"),
    )


def shown_case(case: Case, lang: str, pseudonym: str | None) -> Case:
    """The case as it may be shown or shared: pseudonymised when ``pseudonym`` is a mode."""
    return pseudonymise(case, pseudonym_words(lang), pseudonym) if pseudonym else case


def _r(text: str, marks: str = "") -> tuple[str, str]:
    return (clean_text(text), marks)


def _role(case: Case, p: Person, lang: str) -> str:
    if p.relation.strip():
        return clean_text(p.relation.strip())
    return translate(lang, f"sector.{p.sector}")


def person_label(p: Person, role: str = "") -> str:
    """``An Claes (consulent)``; a pseudonym that already is the role stays ``Consulent``."""
    role = role if role else p.relation.strip()
    name = clean_text(p.name)
    if not role or role.casefold() in name.casefold():
        return name
    return f"{name} ({clean_text(role)})"


def _score_line(case: Case, scores: dict[str, int], lang: str) -> Line:
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    if not scores:
        return [_r(t("reflecting.export.no_scores"), "m")]
    names = sorted(scores, key=lambda pid: case.name_of(pid).casefold())
    parts = ", ".join(f"{clean_text(case.name_of(pid))} {scores[pid]}" for pid in names)
    line: Line = [_r(parts)]
    sp = rt.spread(list(scores.values()))
    if sp is not None and sp.count > 1:
        line.append(_r(" · " + t("reflecting.spread", low=sp.low, high=sp.high, middle=number(sp.middle, lang)), "m"))
    return line


def number(x: float, lang: str) -> str:
    """``3``, ``3,5`` (Dutch) or ``3.5`` (English)."""
    text = str(int(x)) if float(x).is_integer() else f"{x:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def _items(case: Case, scenario: str | None, column: str, lang: str, with_element: bool = True) -> list[Block]:
    out: list[Block] = []
    for element in ELEMENTS[column]:
        for item in case.items_of(element, scenario):
            runs: Line = []
            if with_element:
                runs.append(_r(translate(lang, f"element_one.{element}") + ": ", "b"))
            runs.append(_r(item.text))
            out.append(Entry(runs))
    return out


def record_blocks(case: Case, meeting_id: str | None, lang: str = "nl", pseudonymised: bool = False) -> list[Block]:
    """The record as blocks, from ``case`` as given (pseudonymise it first with ``shown_case``)."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    meeting: Meeting | None = case.meetings.get(meeting_id) if meeting_id else None
    when = long_date(lang, meeting.date) if meeting else long_date(lang, date.today())
    blocks: list[Block] = [Title(t("reflecting.export.title"), f"{clean_text(case.info.title)} · {when}")]
    members = rt.team(case, meeting)
    names = [person_label(case.people[p], _role(case, case.people[p], lang)) for p in members]
    blocks.append(
        Para(
            [_r(t("reflecting.export.present") + ": ", "b"), _r(", ".join(names) or t("reflecting.export.nobody"))],
            "meta",
        )
    )
    scribe = meeting.scribe if meeting else None
    scribe_name = case.name_of(scribe) if scribe else ""
    blocks.append(
        Para(
            [_r(t("reflecting.export.scribe") + ": ", "b"), _r(scribe_name or t("reflecting.export.no_scribe"))], "meta"
        )
    )
    if case.info.fictional:
        blocks.append(Para([_r(t("reflecting.export.fictional"), "!")], "meta"))
    if pseudonymised:
        blocks.append(Para([_r(t("reflecting.export.pseudonymised"), "!")], "meta"))
    if case.info.summary.strip():
        blocks.append(Para([_r(case.info.summary.strip())]))

    # The case mapped with the framework.
    blocks.append(Heading(t("reflecting.map.title")))
    for column in COLUMNS:
        blocks.append(Para([_r(t(f"column.{column}"), "b")]))
        entries = _items(case, None, column, lang)
        blocks.extend(entries or [Para([_r(t("reflecting.export.none_yet"), "m")])])
    blocks.append(
        Para([_r(t("scale.safety") + ": ", "b"), *_score_line(case, rt.team_scores(case, None, meeting_id), lang)])
    )

    # The scenarios, each on its own, then side by side.
    scenarios = rt.scenarios_in_order(case)
    blocks.append(Heading(t("reflecting.scenarios.title")))
    if not scenarios:
        blocks.append(Para([_r(t("reflecting.scenarios.none"), "m")]))
    for n, sc in enumerate(scenarios, 1):
        blocks.append(Para([_r(t("reflecting.scenario_n", n=n, title=clean_text(sc.title)), "b")], "lead"))
        if sc.description.strip():
            blocks.append(Para([_r(sc.description.strip())]))
        for column in COLUMNS:
            entries = _items(case, sc.id, column, lang)
            if entries:
                blocks.append(Para([_r(t(f"reflecting.col_short.{column}"), "b")]))
                blocks.extend(entries)
        blocks.append(
            Para(
                [
                    _r(t("reflecting.team_scale") + ": ", "b"),
                    *_score_line(case, rt.team_scores(case, sc.id, meeting_id), lang),
                ]
            )
        )
    if len(scenarios) > 1:
        blocks.append(Para([_r(t("reflecting.compare.title"), "b")]))
        header = [
            t("reflecting.compare.scenario"),
            *(t(f"reflecting.col_short.{c}") for c in COLUMNS),
            t("reflecting.compare.scores"),
        ]
        rows = []
        for s in rt.compare(case, meeting_id):
            sp = s.spread
            score_text = (
                t("reflecting.spread", low=sp.low, high=sp.high, middle=number(sp.middle, lang))
                if sp
                else t("reflecting.export.no_scores")
            )
            rows.append(
                [[[_r(s.scenario.title, "b")]], *([[_r(str(s.counts[c]))]] for c in COLUMNS), [[_r(score_text)]]]
            )
        blocks.append(Table(header, rows, [0.32, 0.12, 0.12, 0.14, 0.30]))

    # Reflection rounds, conclusions, next steps.
    blocks.append(Heading(t("reflecting.rounds.title")))
    by_round = rt.rounds(case, meeting_id)
    if not by_round:
        blocks.append(Para([_r(t("reflecting.rounds.none"), "m")]))
    for n, refl in by_round.items():
        blocks.append(Para([_r(t("reflecting.round_n", n=n), "b")]))
        for r in refl:
            who = clean_text(case.name_of(r.author)) if r.author else t("reflecting.export.team")
            blocks.append(Entry([_r(who + ": ", "b"), _r(r.text)]))
    blocks.append(Heading(t("reflecting.conclusions.title")))
    conclusions = rt.reflections(case, meeting_id, conclusions=True)
    blocks.extend(Entry([_r(c.text)], number=str(i)) for i, c in enumerate(conclusions, 1))
    if not conclusions:
        blocks.append(Para([_r(t("reflecting.conclusions.none"), "m")]))
    blocks.append(Heading(t("reflecting.next_steps.title")))
    steps = rt.meeting_next_steps(case, meeting_id)
    blocks.extend(Entry([_r(s.text)], number=str(i)) for i, s in enumerate(steps, 1))
    if not steps:
        blocks.append(Para([_r(t("reflecting.next_steps.none"), "m")]))
    return blocks


# ---- Markdown -----------------------------------------------------------------------------------

_MD_SPECIAL = set("\\`*_{}[]<>()#+-.!|~")


def md_escape(text: str) -> str:
    """User text that Markdown shows as typed (no markup, no HTML, no links)."""
    out = []
    for ch in clean_text(text):
        out.append("\\" + ch if ch in _MD_SPECIAL else ch)
    return "".join(out).replace("\n", "  \n")


def _md_runs(runs: Line) -> str:
    parts = []
    for text, marks in runs:
        s = md_escape(text)
        if not s.strip():
            parts.append(s)
            continue
        lead = s[: len(s) - len(s.lstrip())]
        trail = s[len(s.rstrip()) :]
        core = s.strip()
        if "b" in marks:
            core = f"**{core}**"
        if "i" in marks or "m" in marks:
            core = f"*{core}*"
        parts.append(lead + core + trail)
    return "".join(parts)


def blocks_markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    for b in blocks:
        if isinstance(b, Title):
            lines += [f"# {md_escape(b.text)}", ""]
            if b.subtitle:
                lines += [md_escape(b.subtitle), ""]
        elif isinstance(b, Heading):
            lines += ["", f"## {md_escape(b.text)}", ""]
        elif isinstance(b, Para):
            lines += [_md_runs(b.runs), ""]
        elif isinstance(b, Entry):
            mark = f"{b.number}." if b.number else "-"
            lines.append(f"{mark} {_md_runs(b.runs)}")
        elif isinstance(b, Table):
            lines.append("")
            lines.append("| " + " | ".join(md_escape(h) for h in b.header) + " |")
            lines.append("|" + "---|" * len(b.header))
            for row in b.rows:
                cells = [" ".join(_md_runs(line) for line in cell).replace("\n", " ") for cell in row]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


# ---- files --------------------------------------------------------------------------------------


def file_name(case: Case, meeting_id: str | None, fmt: str, lang: str) -> str:
    """``casus-4f1a-2026-10-08-reflectief-team.docx``: from the case as shown (pseudonymised or not)."""
    meeting = case.meetings.get(meeting_id) if meeting_id else None
    when = meeting.date if meeting else date.today().isoformat()
    base = slug(case.info.title, translate(lang, "reflecting.export.file_case"))
    return f"{base}-{when}-{translate(lang, 'reflecting.export.file_part')}.{fmt}"


def render(
    case: Case, meeting_id: str | None, fmt: str, lang: str = "nl", pseudonym: str | None = None
) -> tuple[str, bytes]:
    """(file name, bytes) of the record in one format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown record format: {fmt!r}")
    shown = shown_case(case, lang, pseudonym)
    blocks = record_blocks(shown, meeting_id, lang, pseudonymised=bool(pseudonym))
    name = file_name(shown, meeting_id, fmt, lang)
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    title = f"{t('reflecting.export.title')} · {shown.info.title}"
    footer = f"{title} · {t('reflecting.export.confidential')}"
    if fmt == "md":
        return name, blocks_markdown(blocks).encode("utf-8")
    if fmt == "docx":
        data = render_docx.render(
            blocks,
            footer=footer,
            page_word=t("reflecting.export.page_word"),
            of_word=t("reflecting.export.page_of"),
            title=title,
        )
        return name, data
    return name, render_pdf.render(blocks, footer=footer, page_text=t("reflecting.export.page"), title=title)


def write(
    case: Case, meeting_id: str | None, fmt: str, out_dir: Path | str, lang: str = "nl", pseudonym: str | None = None
) -> Path:
    """Write the record into ``out_dir`` (readable by the user only); returns the path."""
    name, data = render(case, meeting_id, fmt, lang, pseudonym)
    return write_private(Path(out_dir) / name, data, overwrite=True)
