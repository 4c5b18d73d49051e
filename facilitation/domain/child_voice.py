"""The child's voice: a first draft of Words and Pictures in a child's words, Three Houses, feedback.

The draft is written from the case's structured facts only (who the children call mama or oma, who carries
the plan, the dates of the trajectory), never from the adults' texts: no harm line is copied, no adult
jargon, no phone number except those of the people the child may call (``StoryPage.contacts``). The
consultant and the parents then rewrite every page with the child. Texts come through the caller's
translation function (``t(key, **params)``), so the domain stays free of the translation layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .case import Case, Edit
from .model import Person
from .model_child import Feedback, HouseEntry, Story, StoryKind, StoryPage, StoryTopic
from .ops import combine, create, new_id
from .people import age_on

Translate = Callable[..., str]
DateWords = Callable[[date], str]
"""A date in words in the reader's language ("10 oktober")."""

TOPIC_PICTOGRAMS: dict[str, tuple[str, ...]] = {
    "who_worried": ("family", "judge"),
    "what_happened": ("house",),
    "the_worry": ("heart",),
    "keeping_safe": ("hug",),
    "who_to_go_to": ("telephone",),
    "what_next": ("calendar",),
}
"""The pictograms a first draft puts on each page (the family changes them)."""

MAX_CONTACTS = 4


@dataclass(frozen=True)
class DraftPage:
    """One page of a first draft, before it is stored (a blank story's pages have no text yet)."""

    topic: StoryTopic
    text: str = ""
    pictograms: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()


# ---- how the children name people ----------------------------------------------------------------------


def first_name(person: Person) -> str:
    words = person.name.split()
    if words and words[0].casefold() in ("dokter", "dr.", "dr", "juf", "meester", "meneer", "mevrouw"):
        return " ".join(words[:2])
    return words[0] if words else person.name


def called(person: Person) -> str:
    """The person as the children call them ("mama", "oma Fatima"), else their first name."""
    return " ".join(person.called_by_children.split()) or first_name(person)


def join_words(words: Iterable[str], t: Translate) -> str:
    """'mama, oma en Nadia' (the last two joined by the language's 'and')."""
    items = [w for w in dict.fromkeys(words) if w]
    if len(items) <= 1:
        return "".join(items)
    return t("child.join", first=", ".join(items[:-1]), last=items[-1])


def register(children: list[Person], today: date) -> str:
    """How to speak to the children: 'young' (under 6), 'child' (6-11) or 'teen' (12 and older: jongere)."""
    ages = [age_on(c, today)[0] for c in children]
    known = [a for a in ages if a is not None]
    youngest = min(known) if known else 8
    if youngest < 6:
        return "young"
    return "teen" if youngest >= 12 else "child"


# ---- who is in the story --------------------------------------------------------------------------------


def helpers(case: Case) -> list[Person]:
    """The informal adults who carry the plan (owner or backup of an agreement), carers first."""
    ids: dict[str, None] = {}
    for a in case.agreements_in_order():
        for pid in (a.owner, a.backup):
            if pid is not None and pid in case.people:
                ids[pid] = None
    people = [case.people[p] for p in ids]
    chosen = [p for p in people if p.informal and not p.is_child]
    return sorted(chosen, key=lambda p: (not p.is_carer, list(ids).index(p.id)))


def default_contacts(case: Case) -> list[Person]:
    """Who the child may call, as a first proposal: informal adults of the safety network with a phone number
    (the people carrying the plan first), at most four. The consultant and the parents decide."""
    carrying = {p.id for p in helpers(case)}
    pool = [
        p
        for p in case.people.values()
        if p.informal
        and not p.is_child
        and not p.is_carer  # the child lives with them: the page is about who else to go to
        and p.phone.strip()
        and (p.in_safety_network or p.id in carrying)
    ]
    pool.sort(key=lambda p: (p.id not in carrying, not p.in_safety_network, p.closeness, p.name.casefold()))
    return pool[:MAX_CONTACTS]


def capitalised(text: str) -> str:
    """A sentence that starts with a name the children use in lower case ("mama vertelt ...") starts upper case."""
    return text[:1].upper() + text[1:] if text else text


def present_carers(case: Case, children: list[Person]) -> list[Person]:
    """The parents and carers the children are in touch with (not a parent whose contact is broken or who is
    still to be found): the household first."""
    kids = {c.id for c in children}
    broken = {t.a if t.b in kids else t.b for t in case.ties.values() if t.kind == "broken" and ({t.a, t.b} & kids)}
    out = [
        p for p in case.carers() if not p.deceased and p.id not in broken and p.ff_status not in ("to_find", "declined")
    ]
    return sorted(out, key=lambda p: (not p.household, p.name.casefold()))


def _worried(case: Case, children: list[Person], t: Translate) -> list[str]:
    out = [called(p) for p in present_carers(case, children)]
    info = case.info
    for pid, key in ((info.consultant, "child.role.consultant"), (info.crisis_worker, "child.role.crisis_worker")):
        if pid and pid in case.people:
            out.append(t(key, name=called(case.people[pid])))
    out.append(t("child.role.judge"))
    return out


def next_gathering(case: Case, today: date) -> date | None:
    """When everyone who helps comes together next: the next meeting of the case, else the next one the
    six-week module plans (day 14/15, 28, 40; day 1 is the start date; see ``gathering_is_set``)."""
    coming = sorted(
        date.fromisoformat(m.date)
        for m in case.meetings.values()
        if m.date
        and m.kind in ("network_meeting", "interim_evaluation", "second_network_meeting")
        and date.fromisoformat(m.date) > today
    )
    if coming:
        return coming[0]
    if not case.info.start_date:
        return None
    start = date.fromisoformat(case.info.start_date)
    for day in (15, 28, 40):
        when = start + timedelta(days=day - 1)
        if when > today:
            return when
    return None


def gathering_is_set(case: Case, when: date) -> bool:
    """A meeting of the case is on that day (else the date is only the one the module plans: "rond")."""
    return any(m.date == when.isoformat() for m in case.meetings.values())


# ---- the draft -----------------------------------------------------------------------------------------


def draft_story(case: Case, child_ids: Iterable[str], t: Translate, words: DateWords, today: date) -> list[DraftPage]:
    """A first draft of Words and Pictures for these children (one child, or siblings together)."""
    children = [case.people[c] for c in child_ids if c in case.people]
    if not children:
        children = case.children()
    reg = register(children, today)
    many = len(children) > 1
    kids = join_words((first_name(c) for c in children), t)
    others = [first_name(c) for c in case.children() if c not in children]
    p: dict[str, Any] = {"kids": kids, "you": t(f"child.you.{'many' if many else 'one'}")}
    key = f"{reg}.{'many' if many else 'one'}"

    first = t(f"child.page.who_worried.{key}", **p)
    if others and not many:
        first += " " + t("child.also", others=join_words(others, t))
    worried = "\n".join(f"– {w}" for w in _worried(case, children, t))
    pages = [DraftPage("who_worried", f"{first}\n{t(f'child.page.worried.{key}', **p)}\n{worried}")]
    start = date.fromisoformat(case.info.start_date) if case.info.start_date else None
    carers = present_carers(case, children)
    happened = t(f"child.page.what_happened.{key}", date=words(start) if start else t("child.some_day"), **p)
    if carers:
        tellers = join_words((called(c) for c in carers), t)
        count = "many" if len(carers) > 1 else "one"
        happened += " " + capitalised(t(f"child.page.tellers.{count}.{'many' if many else 'one'}", tellers=tellers))
    pages.append(DraftPage("what_happened", happened))
    pages.append(DraftPage("the_worry", t(f"child.page.the_worry.{key}", **p)))
    names = join_words((called(h) for h in helpers(case)), t)
    safe = t(f"child.page.keeping_safe.{key}", **p)
    if names:
        safe += " " + t("child.page.helpers", names=names)
    pages.append(DraftPage("keeping_safe", safe))
    contacts = default_contacts(case)
    pages.append(
        DraftPage("who_to_go_to", t(f"child.page.who_to_go_to.{key}", **p), contacts=tuple(c.id for c in contacts))
    )
    nxt = next_gathering(case, today)
    if nxt:
        when = t("child.when.on" if gathering_is_set(case, nxt) else "child.when.about", date=words(nxt))
        later = t(f"child.page.what_next.{key}", when=when, **p)
    else:
        later = t(f"child.page.what_next_open.{key}", **p)
    pages.append(DraftPage("what_next", later + " " + t("child.page.judge_decides")))
    return [DraftPage(pg.topic, pg.text, TOPIC_PICTOGRAMS.get(pg.topic, ()), pg.contacts) for pg in pages]


def immediate_story(
    case: Case, child_ids: Iterable[str], t: Translate, words: DateWords, today: date
) -> list[DraftPage]:
    """The immediate story (day 5): the first, short version: who is worried, what happened, what happens now."""
    full = draft_story(case, child_ids, t, words, today)
    keep = ("who_worried", "what_happened", "what_next")
    return [pg for pg in full if pg.topic in keep]


# ---- storing a story -----------------------------------------------------------------------------------


def new_story(
    case: Case, title: str, kind: StoryKind, child_ids: Iterable[str], pages: Iterable[DraftPage], made_on: str
) -> tuple[Edit, str]:
    """A new story (version 1) with its pages, as one edit."""
    sid = new_id("st-")
    kids = tuple(c for c in child_ids if c in case.people)
    position = max((s.position for s in case.stories.values()), default=0.0) + 1.0
    story = Story(id=sid, title=title.strip(), kind=kind, children=kids, made_on=made_on, position=position)
    edits = [create(story, "edit.add_story")]
    for n, pg in enumerate(pages, start=1):
        page = StoryPage(
            id=new_id("sp-"),
            story=sid,
            topic=pg.topic,
            text=pg.text,
            pictograms=pg.pictograms,
            contacts=pg.contacts,
            position=float(n),
        )
        edits.append(create(page, "edit.add_story"))
    return combine("edit.add_story", edits), sid


def pages_of(case: Case, story_id: str) -> list[StoryPage]:
    return sorted((p for p in case.story_pages.values() if p.story == story_id), key=lambda p: (p.position, p.id))


def new_version(case: Case, story_id: str, made_on: str, kind: str | None = None) -> tuple[Edit, str]:
    """The next version of a story: a copy of it and its pages, the earlier one kept as it was."""
    old: Story = case.get("story", story_id)
    latest = max((s.version for s in versions_of(case, story_id)), default=old.version)
    sid = new_id("st-")
    story = old.replace(id=sid, version=latest + 1, previous=old.id, made_on=made_on, kind=kind or old.kind)
    edits = [create(story, "edit.story_version")]
    for pg in pages_of(case, story_id):
        edits.append(create(pg.replace(id=new_id("sp-"), story=sid), "edit.story_version"))
    return combine("edit.story_version", edits), sid


def versions_of(case: Case, story_id: str) -> list[Story]:
    """Every version in the line of this story (following ``previous`` both ways), oldest first."""
    stories = case.stories
    root = stories[story_id]
    while root.previous and root.previous in stories:
        root = stories[root.previous]
    line = [root]
    by_prev: dict[str, list[Story]] = {}
    for s in stories.values():
        if s.previous:
            by_prev.setdefault(s.previous, []).append(s)
    todo = [root.id]
    while todo:
        for s in sorted(by_prev.get(todo.pop(), []), key=lambda s: s.version):
            line.append(s)
            todo.append(s.id)
    return sorted(line, key=lambda s: (s.version, s.made_on, s.id))


def latest_story(case: Case, child_id: str) -> Story | None:
    """The newest Words and Pictures story told to this child (a full story before an immediate one)."""
    told = [s for s in case.stories.values() if child_id in s.children]
    if not told:
        return None
    return max(told, key=lambda s: (s.kind == "words_pictures", s.version, s.made_on, s.position, s.id))


# ---- Three Houses and feedback -------------------------------------------------------------------------


def house_entries(case: Case, child_id: str, house: str | None = None, shared_only: bool = False) -> list[HouseEntry]:
    """A child's entries in the Three Houses; ``shared_only``: only what the child allowed to be shown."""
    out = [
        e
        for e in case.house_entries.values()
        if e.child == child_id and (house is None or e.house == house) and (e.shareable or not shared_only)
    ]
    return sorted(out, key=lambda e: (e.house, e.position, e.id))


def feedback_of(case: Case, person_id: str) -> list[Feedback]:
    """A person's feedback over time (interim first, then the end)."""
    order = {"interim": 0, "end": 1}
    return sorted(
        (f for f in case.feedback.values() if f.person == person_id),
        key=lambda f: (f.given_on or "9999", order.get(f.moment, 2), f.id),
    )
