"""Scaling questions, pure: the question as the room reads it, each person's line, the spread, the children's
own answers. No widgets: functions from the case and the reader's words (``t``) to texts and HTML."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ...domain.case import Case
from ...domain.model import Person, Scale, Score
from ...domain.scaling import (
    GROUPS,
    ChildVoice,
    Spread,
    age_on,
    children_phrase,
    subject_kind,
    subject_name,
    wording_keys,
)
from ..base import esc, esc_lines
from .rows import RowLook

Translate = Callable[..., str]

TEN_KEY = "T"
"""The key for a 10 (0-9 are the digits): T for *tien* and *ten*, the same place on AZERTY and QWERTY."""

SHORTCUTS: list[tuple[str, str]] = [
    ("0 … 9", "scaling.keys.digits"),
    (TEN_KEY, "scaling.keys.ten"),
    ("↑ ↓", "scaling.keys.move"),
    ("Tab", "scaling.keys.tab"),
    ("Esc", "scaling.keys.escape"),
    ("?", "scaling.keys.help"),
]
"""This part's shortcuts as (keys, translation key of what they do): ``?`` shows them, and the shell's overview
of every shortcut lists them too. Keys read the same in every language."""


def face_html(value: int) -> str:
    """A face for a score on a child's scale, drawn by CSS from its value (``scaling.css``, as the score buttons
    of ``score-row.js``): no picture, no emoji font."""
    return (
        f'<span class="fac-face fac-face-{value}" aria-hidden="true">'
        '<span class="fac-face-eyes"></span><span class="fac-face-mouth"></span></span>'
    )


def subject_display(case: Case, scale: Scale, labels: Mapping[str, str], t: Translate) -> str:
    """Who or what the scale is about, as the screen names people now (names, initials or roles)."""
    sk = subject_kind(scale.kind)
    if sk in ("person", "child"):
        if scale.subject is not None and scale.subject in case.people:
            return labels.get(scale.subject, case.people[scale.subject].name)
        return t("scaling.subject_missing")
    if sk == "item":
        return subject_name(case, scale) or t("scaling.goal_missing")
    return ""


def question_words(
    case: Case, scale: Scale, t: Translate, *, subject: str, names: bool, when: str | None
) -> tuple[str, str, str]:
    """The question and its two anchors (low, high), as the scaling part and the family screen ask them.

    The safety scale speaks of the children by name ("dat Jonas veilig genoeg is"), or, with names hidden,
    as "het kind", "de jongere" (12 or older) or "de kinderen"; a child's own scale asks the child directly.
    """
    children, n = children_phrase(case, t, names=names, when=when)
    w = wording_keys(scale.kind, n if n else None)
    params = {"name": subject, "children": children}
    if scale.kind == "child":
        question = t("scaling.q.child_named", name=subject) if names and subject else t(w.question)
    else:
        question = t(w.question, **params)
    question = scale.question.strip() or question
    low = t("scaling.own_low", text=scale.anchor_low.strip()) if scale.anchor_low.strip() else t(w.low, **params)
    high = t("scaling.own_high", text=scale.anchor_high.strip()) if scale.anchor_high.strip() else t(w.high, **params)
    return question, low, high


def question_html(case: Case, scale: Scale, t: Translate, *, subject: str, names: bool, when: str | None) -> str:
    """The question, its two anchors and the two follow-up questions, in large type for the room."""
    question, low, high = question_words(case, scale, t, subject=subject, names=names, when=when)
    faces = scale.kind == "child"
    low_face, high_face = (face_html(0), face_html(10)) if faces else ("", "")
    follow = ""
    if not faces:
        follow = (
            f'<div class="fac-follow"><span>{esc(t("scaling.follow_lower"))}</span>'
            f"<span>{esc(t('scaling.follow_higher'))}</span></div>"
        )
    return (
        f'<div class="fac-q">{esc_lines(question)}</div>'
        f'<div class="fac-anchors"><div class="fac-anchor fac-anchor-low">{low_face}{esc(low)}</div>'
        f'<div class="fac-anchor fac-anchor-high">{esc(high)}{high_face}</div></div>'
        f"{follow}"
    )


def row_look(
    person: Person, label: str, role: str, group: str, score: Score | None, faces: bool, lang: str, t: Translate
) -> RowLook:
    """What a person's line shows: name (and role), the chosen score, their answers, the buttons' tips."""
    role_html = f'<div class="fac-role">{esc(role)}</div>' if role else ""
    answers = []
    if score is not None:
        for field, key in (("why_not_lower", "scaling.label_why"), ("one_point_higher", "scaling.label_higher")):
            text = getattr(score, field)
            if text:
                answers.append(f"<div><b>{esc(t(key))}:</b> {esc_lines(text)}</div>")
    return RowLook(
        name_html=f'<div class="fac-who" dir="auto">{esc(label)}</div>{role_html}',
        group=group,
        value=score.value if score is not None else -1,
        faces=faces,
        answers_html="".join(answers),
        tips=tuple(t("scaling.hover", who=label, value=v) for v in range(11)),
        lang=lang,
    )


def spread_html(spreads: Mapping[str, Spread], t: Translate) -> str:
    """Where each group stands, on the family's screen: "Gezin en netwerk: van 3 tot 7" (no statistics words)."""
    parts = []
    for g in GROUPS:
        sp = spreads[g]
        if not sp.n:
            continue
        text = (
            t("scaling.spread_one", low=sp.low) if sp.low == sp.high else t("scaling.spread", low=sp.low, high=sp.high)
        )
        parts.append(f'<span class="fac-g-{g}">{esc(t(f"scaling.group.{g}"))}</span>: {esc(text)}')
    return " &nbsp;·&nbsp; ".join(parts)


def voices_html(voices: list[ChildVoice], labels: Mapping[str, str], when: str | None, t: Translate) -> str:
    """The children's own answers, beside the adults' scores and never counted with them."""
    if not voices:
        return ""
    items = []
    for v in voices:
        label = labels.get(v.child.id, v.child.name)
        age = age_on(v.child, when)
        who = (
            t("scaling.age", name=label, age=age)
            if age is not None and labels.get(v.child.id) == v.child.name
            else label
        )
        if v.score is None:
            items.append(f'<span class="fac-voice fac-voice-none">{esc(t("scaling.voice_none", name=who))}</span>')
        else:
            face = face_html(v.score.value)
            text = esc(t("scaling.voice", name=who, value=v.score.value))
            items.append(f'<span class="fac-voice">{face}<span>{text}</span></span>')
    return (
        f'<div class="fac-voices-title">{esc(t("scaling.voices"))}</div>'
        f'<div class="fac-voices-list">{"".join(items)}</div>'
        f'<div class="fac-voices-note">{esc(t("scaling.voices_note"))}</div>'
    )
