"""What the Words and Pictures part shows: the stories, the open version and its pages (no widgets)."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.case import Case
from ...domain.child_edits import later_version
from ...domain.child_voice import called, pages_of, versions_of
from ...domain.model_child import Story, StoryPage

TOPICS = ("who_worried", "what_happened", "the_worry", "keeping_safe", "who_to_go_to", "what_next", "own")


@dataclass(frozen=True)
class StoryChoice:
    id: str
    title: str
    kind: str
    version: int
    made_on: str
    children: tuple[str, ...]
    latest: bool


@dataclass(frozen=True)
class Contact:
    id: str
    called: str
    name: str
    phone: str


@dataclass(frozen=True)
class PageState:
    id: str
    number: int
    topic: str
    text: str
    drawing: str
    pictograms: tuple[str, ...]
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class WordsPicturesState:
    lang: str
    children: tuple[tuple[str, str], ...]
    """(id, first name) of every child, for a new story."""
    stories: tuple[StoryChoice, ...]
    """The newest version of each story, newest story last."""
    story: StoryChoice | None
    versions: tuple[StoryChoice, ...]
    pages: tuple[PageState, ...]
    page: PageState | None
    people: tuple[Contact, ...]
    """Whom a page may name as someone to call: the adults on the map, those with a phone number first."""

    @property
    def readonly(self) -> bool:
        return self.story is not None and not self.story.latest


def choice(case: Case, story: Story) -> StoryChoice:
    return StoryChoice(
        story.id,
        story.title,
        story.kind,
        story.version,
        story.made_on,
        story.children,
        later_version(case, story.id) is None,
    )


def contact(case: Case, person_id: str) -> Contact | None:
    p = case.people.get(person_id)
    if p is None:
        return None
    return Contact(p.id, called(p), p.name, p.phone.strip())


def page_state(case: Case, page: StoryPage, number: int) -> PageState:
    contacts = tuple(c for c in (contact(case, pid) for pid in page.contacts) if c is not None)
    return PageState(page.id, number, page.topic, page.text, page.drawing, page.pictograms, contacts)


def newest_stories(case: Case) -> list[Story]:
    return sorted(
        (s for s in case.stories.values() if later_version(case, s.id) is None),
        key=lambda s: (s.position, s.made_on, s.id),
    )


def people_to_call(case: Case) -> tuple[Contact, ...]:
    adults = [p for p in case.people.values() if not p.is_child and not p.deceased]
    adults.sort(key=lambda p: (not p.phone.strip(), not p.informal, p.name.casefold()))
    return tuple(Contact(p.id, called(p), p.name, p.phone.strip()) for p in adults)


def words_pictures_state(case: Case, lang: str, story_id: str | None, page_id: str | None) -> WordsPicturesState:
    stories = newest_stories(case)
    if story_id not in case.stories:
        story_id = stories[-1].id if stories else None
    story = case.stories[story_id] if story_id else None
    pages = tuple(page_state(case, p, n) for n, p in enumerate(pages_of(case, story_id), 1)) if story_id else ()
    page = next((p for p in pages if p.id == page_id), pages[0] if pages else None)
    return WordsPicturesState(
        lang=lang,
        children=tuple((c.id, c.name.split()[0] if c.name.split() else c.name) for c in case.children()),
        stories=tuple(choice(case, s) for s in stories),
        story=choice(case, story) if story else None,
        versions=tuple(choice(case, s) for s in versions_of(case, story.id)) if story else (),
        pages=pages,
        page=page,
        people=people_to_call(case),
    )
