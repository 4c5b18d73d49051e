"""The record of a reflecting-team meeting: who was there, the case mapped, the scenarios compared,
the reflection rounds, the conclusions and next steps, who writes the record. Word, PDF and Markdown.

``record_blocks`` builds the content once as document blocks; Word and PDF render them with the shared
renderers, Markdown with the shared ``render_md``, and the dashboard shows the same blocks as its preview.
With ``pseudonym`` set ("roles" or "names") every name is replaced before anything is written, including
the file name; nothing of the original names reaches the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial
from pathlib import Path

from ..domain import reflecting as rt
from ..domain.case import Case
from ..domain.model import COLUMNS, ELEMENTS, Meeting, Person
from ..domain.pseudonym import PseudonymWords
from ..domain.pseudonym_text import same_role_words
from ..i18n import translate
from . import pseudonyms, render_docx, render_md, render_pdf
from .common import clean_text, long_date, slug, write_private
from .document import Block, Entry, Heading, Line, Para, Title

FORMATS = ("docx", "pdf", "md")
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "md": "text/markdown",
}


def pseudonym_words(lang: str) -> PseudonymWords:
    """The words pseudonyms are made of, in ``lang`` (``export.pseudonyms.words``)."""
    return pseudonyms.words(lang)


def shown_case(case: Case, lang: str, pseudonym: str | None, corrections: Mapping[str, str] | None = None) -> Case:
    """The case as it may be shown or shared: pseudonymised when ``pseudonym`` is a mode."""
    return pseudonyms.shown(case, lang, pseudonym, corrections)


def _r(text: str, marks: str = "") -> tuple[str, str]:
    return (clean_text(text), marks)


def _role(case: Case, p: Person, lang: str) -> str:
    """The relation as typed; nothing when there is none (a pseudonym already says the role)."""
    return clean_text(p.relation.strip())


def person_label(p: Person, role: str = "") -> str:
    """``An Claes (consulent)``; a pseudonym that already is the role stays ``Consulent``."""
    role = role if role else p.relation.strip()
    name = clean_text(p.name)
    if not role or role.casefold() in name.casefold() or same_role_words(role.split()[0], name.split()[0]):
        return name  # "Mama", not "Mama (moeder)"
    return f"{name} ({clean_text(role)})"


def _score_line(case: Case, scores: dict[str, int], lang: str) -> Line:
    t = partial(translate, lang)
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


def _head(case: Case, meeting: Meeting | None, lang: str, replaced: str) -> list[Block]:
    t = partial(translate, lang)
    when = long_date(lang, meeting.date) if meeting else long_date(lang, date.today())
    blocks: list[Block] = [Title(t("reflecting.export.title"), f"{clean_text(case.info.title)} · {when}")]
    members = rt.team(case, meeting)
    names = [person_label(case.people[p], _role(case, case.people[p], lang)) for p in members]
    present = ", ".join(names) or t("reflecting.export.nobody")
    blocks.append(Para([_r(t("reflecting.export.present") + ": ", "b"), _r(present)], "meta"))
    scribe = meeting.scribe if meeting else None
    scribe_name = case.name_of(scribe) if scribe else ""
    blocks.append(
        Para(
            [_r(t("reflecting.export.scribe") + ": ", "b"), _r(scribe_name or t("reflecting.export.no_scribe"))], "meta"
        )
    )
    if case.info.fictional:
        blocks.append(Para([_r(t("reflecting.export.fictional"), "!")], "meta"))
    if replaced:
        blocks.append(Para([_r(t("reflecting.export.pseudonymised"), "!")], "meta"))
        blocks.append(Para([_r(t("reflecting.export.replaced", what=replaced), "m")], "meta"))
    if case.info.summary.strip():
        blocks.append(Para([_r(case.info.summary.strip())]))
    return blocks


def _team_map(case: Case, meeting_id: str | None, lang: str, family_words: bool) -> list[Block]:
    """The team's own map in professional language; the family's words apart, marked as theirs."""
    t = partial(translate, lang)
    blocks: list[Block] = [Heading(t("reflecting.map.title"))]
    tm = rt.team_map(case)
    for column in COLUMNS:
        blocks.append(Para([_r(t(f"column.{column}"), "b")]))
        entries = _items(case, tm.id, column, lang) if tm is not None else []
        blocks.extend(entries or [Para([_r(t("reflecting.export.none_yet"), "m")])])
    scores = rt.team_scores(case, tm.id, meeting_id) if tm is not None else {}
    blocks.append(Para([_r(t("scale.safety") + ": ", "b"), *_score_line(case, scores, lang)]))
    if family_words:
        blocks.append(Heading(t("reflecting.export.family_words")))
        blocks.append(Para([_r(t("reflecting.export.family_words_note"), "i")], "small"))
        for column in COLUMNS:
            entries = _items(case, None, column, lang)
            if entries:
                blocks.append(Para([_r(t(f"column.{column}"), "b")]))
                blocks.extend(entries)
    return blocks


def _texts_of(case: Case, scenario: str, column: str) -> str:
    return "; ".join(clean_text(i.text).rstrip(".") for i in rt.scenario_items(case, scenario, column))


def compare_in_words(case: Case, meeting_id: str | None, lang: str) -> list[Block]:
    """The scenarios side by side in sentences: which the team sees as safest, and each one's worries,
    strengths and what needs to happen, with the team's scores (not counts of items)."""
    t = partial(translate, lang)
    summaries = rt.compare(case, meeting_id)
    blocks: list[Block] = [Para([_r(t("reflecting.compare.in_words"), "b")])]
    scored = [(s.scenario, s.spread.middle) for s in summaries if s.spread is not None]
    if len(scored) > 1:
        best = max(scored, key=lambda s: s[1])
        worst = min(scored, key=lambda s: s[1])
        if best[1] == worst[1]:
            line = t("reflecting.compare.same", mid=number(best[1], lang))
        else:
            line = t(
                "reflecting.compare.safest",
                best=clean_text(best[0].title),
                best_mid=number(best[1], lang),
                worst=clean_text(worst[0].title),
                worst_mid=number(worst[1], lang),
            )
        blocks.append(Para([_r(line)]))
    for s in summaries:
        sp = s.spread
        score = (
            t(
                "reflecting.compare.scored",
                spread=t("reflecting.spread", low=sp.low, high=sp.high, middle=number(sp.middle, lang)),
            )
            if sp
            else t("reflecting.compare.not_scored")
        )
        notes: list[Line] = []
        for column in COLUMNS:
            said = _texts_of(case, s.scenario.id, column) or t("reflecting.compare.nothing")
            notes.append([_r(t(f"reflecting.col_short.{column}") + ": ", "b"), _r(said)])
        blocks.append(Entry([_r(clean_text(s.scenario.title), "b"), _r(" — " + score)], None, notes))
    return blocks


def record_blocks(
    case: Case,
    meeting_id: str | None,
    lang: str = "nl",
    pseudonymised: bool | str = False,
    family_words: bool = False,
) -> list[Block]:
    """The record as blocks, from ``case`` as given (pseudonymise it first with ``shown_case``).

    ``pseudonymised``: what was replaced, in words ("27 personen, 6 plaatsen"), or True."""
    t = partial(translate, lang)
    meeting: Meeting | None = case.meetings.get(meeting_id) if meeting_id else None
    replaced = pseudonymised if isinstance(pseudonymised, str) else ("-" if pseudonymised else "")
    blocks = _head(case, meeting, lang, replaced)
    blocks += _team_map(case, meeting_id, lang, family_words)

    # The scenarios, each on its own, then side by side in words.
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
        scores = rt.team_scores(case, sc.id, meeting_id)
        blocks.append(Para([_r(t("reflecting.team_scale") + ": ", "b"), *_score_line(case, scores, lang)]))
    if len(scenarios) > 1:
        blocks += compare_in_words(case, meeting_id, lang)

    # Reflection rounds, conclusions, the team's next steps.
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
    blocks.extend(Entry([_r(c.text)], number=f"{i}.") for i, c in enumerate(conclusions, 1))
    if not conclusions:
        blocks.append(Para([_r(t("reflecting.conclusions.none"), "m")]))
    blocks.append(Heading(t("reflecting.next_steps.title")))
    steps = rt.meeting_next_steps(case, meeting_id)
    blocks.extend(Entry([_r(s.text)], number=f"{i}.") for i, s in enumerate(steps, 1))
    if not steps:
        blocks.append(Para([_r(t("reflecting.next_steps.none"), "m")]))
    return blocks


def replaced_in_words(case: Case, lang: str, mode: str, corrections: Mapping[str, str] | None = None) -> str:
    """What pseudonymising this case replaces, counted by kind ("27 persoon, 6 plaats"), never the originals."""
    from ..domain.pseudonym import build

    counts: dict[str, int] = {}
    for r in build(case, pseudonyms.words(lang), mode, corrections).review:
        if r.kind == "correction":
            continue
        counts[r.kind] = counts.get(r.kind, 0) + 1
    return ", ".join(f"{translate(lang, f'reflecting.pseudo.kind.{k}')} {n}" for k, n in counts.items())


# ---- files --------------------------------------------------------------------------------------


def file_name(case: Case, meeting_id: str | None, fmt: str, lang: str) -> str:
    """``casus-4f1a-2026-10-08-reflectief-team.docx``: from the case as shown (pseudonymised or not)."""
    meeting = case.meetings.get(meeting_id) if meeting_id else None
    when = meeting.date if meeting else date.today().isoformat()
    base = slug(case.info.title, translate(lang, "reflecting.export.file_case"))
    return f"{base}-{when}-{translate(lang, 'reflecting.export.file_part')}.{fmt}"


def render(
    case: Case,
    meeting_id: str | None,
    fmt: str,
    lang: str = "nl",
    pseudonym: str | None = None,
    corrections: Mapping[str, str] | None = None,
    family_words: bool = False,
) -> tuple[str, bytes]:
    """(file name, bytes) of the record in one format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown record format: {fmt!r}")
    shown = shown_case(case, lang, pseudonym, corrections)
    replaced = replaced_in_words(case, lang, pseudonym, corrections) if pseudonym else ""
    blocks = record_blocks(
        shown, meeting_id, lang, pseudonymised=replaced or bool(pseudonym), family_words=family_words
    )
    name = file_name(shown, meeting_id, fmt, lang)
    t = partial(translate, lang)
    title = f"{t('reflecting.export.title')} · {shown.info.title}"
    footer = f"{title} · {t('reflecting.export.confidential')}"
    if fmt == "md":
        return name, render_md.render(blocks).encode("utf-8")
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
