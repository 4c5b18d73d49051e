"""The children's documents: the Words and Pictures booklet (or the immediate story) and the Three Houses sheet.

The booklet is the case's latest story for each child (or siblings together): a title page, then one page
per story page, the picture above, the text below, then who the child may call (as the child calls them,
with their number), in a child's type on A5. Without any story yet it is the first draft the Words and
Pictures part proposes (``domain.child_voice.draft_story``: in a child's words, never the adults' texts), as
seen on the meeting's date. The Three Houses sheet shows, per child, only what the child allowed to be shown
(``HouseEntry.shareable``); nothing else of the houses reaches any file. Wherever a shipped pictogram is
printed, the last page credits its makers (``pictograms.ATTRIBUTION``, as its licence asks).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .. import pictograms
from ..domain import child_voice
from ..domain.case import Case
from ..domain.model import HOUSES, HouseEntry, Story, StoryPage
from .common import clean_text, first_name, join_names, long_date, parse_date
from .document import Block, DrawBox, Heading, PageBreak, Para, Sketch, Title, child_blocks, child_title, run
from .sketch import has_picture, shown
from .view import PlanView

HOUSE_ICON = {"worries": "🏠", "good_things": "🏡", "dreams": "🏰"}


def latest_stories(case: Case) -> list[Story]:
    """The newest version of each story (a story another one was made from is an earlier version)."""
    earlier = {s.previous for s in case.stories.values() if s.previous}
    newest = [s for s in case.stories.values() if s.id not in earlier]
    by_children: dict[tuple[str, ...], Story] = {}
    for s in newest:
        key = tuple(sorted(s.children))
        best = by_children.get(key)
        if best is None or (s.version, s.made_on, s.id) > (best.version, best.made_on, best.id):
            by_children[key] = s
    return sorted(by_children.values(), key=lambda s: (s.position, s.made_on, s.id))


def pages_of(case: Case, story: Story) -> list[StoryPage]:
    return sorted((p for p in case.story_pages.values() if p.story == story.id), key=lambda p: (p.position, p.id))


def _draft(v: PlanView) -> list[tuple[Story, list[StoryPage]]]:
    """The first draft the Words and Pictures part proposes for all the children, as on the meeting's date."""
    kids = [c.id for c in v.children]
    if not kids:
        return []
    today = parse_date(v.on) or date.today()
    pages = child_voice.draft_story(v.case, kids, v.t, lambda d: long_date(v.lang, d), today)
    names = join_names(v.lang, [first_name(c.name) for c in v.children])
    story = Story(id="draft", title=v.t("export.title.child", names=names), children=tuple(kids))
    return [(story, [_draft_page(n, p) for n, p in enumerate(pages)])]


def _draft_page(n: int, p: child_voice.DraftPage) -> StoryPage:
    """A drafted page as the booklet prints a stored one (it is never stored itself)."""
    return StoryPage(
        id=f"draft-{n}", story="draft", topic=p.topic, text=p.text, pictograms=p.pictograms, contacts=p.contacts
    )


def contact_blocks(v: PlanView, page: StoryPage) -> list[Block]:
    """Who the child may call from this page: as the child calls them, with the number (no one else's)."""
    out: list[Block] = []
    for pid in page.contacts:
        p = v.case.people.get(pid)
        if p is None:
            continue
        runs = [run("☎  "), run(child_voice.called(p), "b")]
        if p.phone.strip():
            runs.append(run("   " + p.phone.strip()))
        out.append(Para(runs, "story"))
    return out


def credit(v: PlanView, blocks: Sequence[Block]) -> list[Block]:
    """The pictograms' attribution (small), when any shipped pictogram is printed."""
    if not any(isinstance(b, Sketch) and shown(b.pictograms) for b in blocks):
        return []
    return [Para([run(v.t("export.kid.pictograms_credit", credit=pictograms.ATTRIBUTION), "m")], "credit")]


def story_blocks(v: PlanView, story: Story, pages: Sequence[StoryPage]) -> list[Block]:
    """A title page, then each page: the picture above, the text below."""
    t, people = v.t, v.case.people
    names = join_names(v.lang, [first_name(people[c].name) for c in story.children if c in people])
    blocks: list[Block] = [Title(clean_text(story.title) or t("export.title.child", names=names))]
    blocks.append(Para([run(t(f"story_kind.{story.kind}"))], "lead"))
    if names:
        blocks.append(Para([run(t("export.kid.for", names=names))], "lead"))
    if story.made_on:
        blocks.append(Para([run(t("export.kid.made_on", date=long_date(v.lang, story.made_on)), "m")], "small"))
    for page in pages:
        blocks.append(PageBreak())
        if has_picture(page.drawing, page.pictograms):
            blocks.append(Sketch(page.drawing, tuple(page.pictograms), t("export.kid.picture")))
        text = clean_text(page.text).strip()
        if text:
            blocks += [Para([run(line)], "story") for line in text.split("\n") if line.strip()]
        blocks += contact_blocks(v, page)
    blocks += [PageBreak(), DrawBox(t("export.kid.draw"))]  # the last page is the child's own
    return blocks


def booklet_blocks(v: PlanView) -> tuple[list[Block], str]:
    """(blocks, title) of the booklet: the stories, a draft, or the children's version of the plan."""
    stories = [(s, pages_of(v.case, s)) for s in latest_stories(v.case)]
    stories = [(s, p) for s, p in stories if p] or _draft(v)
    if not stories:
        return child_blocks(v), child_title(v)
    blocks: list[Block] = []
    for i, (story, pages) in enumerate(stories):
        if i:
            blocks.append(PageBreak())
        blocks += story_blocks(v, story, pages)
    blocks += credit(v, blocks)  # on the last page, under the child's own box
    first = stories[0][0]
    return blocks, clean_text(first.title) or child_title(v)


def shareable_entries(case: Case, child_id: str) -> list[HouseEntry]:
    """What the child allowed to be shown, house by house, in the child's order (nothing else, ever)."""
    order = {h: i for i, h in enumerate(HOUSES)}
    mine = [e for e in case.house_entries.values() if e.child == child_id and e.shareable]
    return sorted(mine, key=lambda e: (order[e.house], e.position, e.id))


def houses_blocks(v: PlanView) -> list[Block]:
    """A Three Houses sheet per child with anything shown; [] when no child allowed anything to be shown."""
    t = v.t
    blocks: list[Block] = []
    for child in v.children:
        entries = shareable_entries(v.case, child.id)
        if not entries:
            continue
        if blocks:
            blocks.append(PageBreak())
        name = first_name(child.name)
        blocks.append(Title(t("export.houses.title", name=name)))
        blocks.append(Para([run(t("export.houses.intro", name=name))], "lead"))
        for house in HOUSES:
            inside = [e for e in entries if e.house == house]
            if not inside:
                continue
            blocks.append(Heading(f"{HOUSE_ICON[house]} {t(f'house.{house}')}", tone=house))
            for e in inside:
                if has_picture(e.drawing, e.pictograms):
                    blocks.append(Sketch(e.drawing, tuple(e.pictograms), t("export.kid.picture"), small=True))
                text = clean_text(e.text).strip()
                if text:
                    blocks.append(Para([run(text)], "story"))
    return blocks + credit(v, blocks)


def houses_title(v: PlanView) -> str:
    names = join_names(v.lang, [first_name(c.name) for c in v.children if shareable_entries(v.case, c.id)])
    return v.t("export.houses.file_title", names=names)
