"""Words and Pictures (Woord- en Beeldverhaal), written and drawn with the family: a storyboard of pages,
each with a short text and a picture (drawn with the pen or chosen from the pictograms); a first draft in a
child's words; the immediate story and later versions; reading it together, page by page."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeGuard

import ipywidgets as W

from ...domain import child_edits as ce
from ...domain.case import Edit
from ...domain.child_voice import DraftPage, draft_story, immediate_story, new_story
from ...domain.errors import FacilitationError
from ...domain.model_child import StoryKind, StoryTopic
from ...domain.vocab import STORY_TOPICS
from ..base import PartView, button, css, esc
from .present import (
    card_html,
    contact_label,
    date_words,
    default_title,
    reader_labels,
    reading_state_page,
    story_label,
    story_title,
    version_label,
)
from .state import TOPICS, WordsPicturesState, words_pictures_state
from .widgets import Pen, PictogramPicker, Storyboard, StoryReader, pen_labels


def _is_topic(value: str) -> TypeGuard[StoryTopic]:
    """Whether ``value`` is one of the pages a story tells (``vocab.STORY_TOPICS``)."""
    return value in STORY_TOPICS


class WordsPicturesView(PartView[WordsPicturesState]):
    """Make a story with the family, edit every page (each change stored at once), read it together."""

    key = "words_pictures"
    kinds = frozenset({"story", "story_page", "person"})

    def __init__(self, session: Any) -> None:
        self._story_id: str | None = None
        self._page_id: str | None = None
        self._new_open = False
        self._picker_lang = ""
        super().__init__(session)

    # ---- building ------------------------------------------------------------------------------------

    def build(self) -> None:
        css(self.widget, "fac-words-pictures")  # the part's name in CSS (its key has an underscore: fac-words_pictures)
        self.story_pick = css(W.Dropdown(options=[]), "fac-wp-story-pick")
        self.text(self.story_pick, "child.story.pick")
        self.on(self.story_pick, self._on_story_pick)
        self.versions = css(W.ToggleButtons(options=[]), "fac-wp-versions")
        self.on(self.versions, self._on_story_pick)
        self.read_btn = self.text(button("", "fac-wp-read", style="primary"), "child.read.button")
        self.read_btn.on_click(lambda _b: self.open_reader())
        self.version_btn = self.text(button("", "fac-wp-new-version"), "child.story.new_version")
        self.version_btn.on_click(lambda _b: self.make_version())
        self.new_btn = self.text(button("", "fac-wp-new-story"), "child.story.new")
        self.new_btn.on_click(lambda _b: self._toggle_new())
        self.remove_story_btn = self.text(
            button("", "fac-wp-remove-story", "fac-professional-only"), "child.story.remove"
        )
        self.remove_story_btn.on_click(lambda _b: self.remove_story())
        self.readonly_note = css(W.HTML(), "fac-wp-readonly")
        top = css(
            W.HBox([self.story_pick, self.read_btn, self.version_btn, self.new_btn, self.remove_story_btn]),
            "fac-wp-top",
        )
        self.header = css(W.VBox([top, self.versions, self.readonly_note]), "fac-wp-header")

        self.new_form = self._build_new_form()
        self.board = css(Storyboard(), "fac-wp-board")
        self.board.on_event("select", lambda id: self.select_page(str(id)))
        self.board.on_event("move", lambda id, step: self.move_page(str(id), int(step)))
        self.editor = self._build_editor()
        self.empty = self.text(css(W.HTML(), "fac-wp-empty"), "child.story.none", "value", html=True)
        self.reader = StoryReader()
        self.widget.children = [self.header, self.new_form, self.empty, self.board, self.editor, self.reader]

    def _build_new_form(self) -> W.VBox:
        title = self.text(css(W.HTML(), "fac-wp-form-title"), "child.story.new_title", "value", html=True)
        self.kids = css(W.VBox(), "fac-wp-kids")
        self.kid_boxes: dict[str, W.Checkbox] = {}
        self.title_in = css(W.Text(), "fac-wp-title-in")
        self.text(self.title_in, "child.story.title_ph", "placeholder")
        self.immediate_btn = self.text(
            button("", "fac-wp-make-immediate", style="primary"), "child.story.make_immediate"
        )
        self.immediate_btn.on_click(lambda _b: self.make_story("immediate"))
        self.draft_btn = self.text(button("", "fac-wp-make-draft", style="primary"), "child.story.make_draft")
        self.draft_btn.on_click(lambda _b: self.make_story("words_pictures"))
        self.blank_btn = self.text(button("", "fac-wp-make-blank"), "child.story.make_blank")
        self.blank_btn.on_click(lambda _b: self.make_story("blank"))
        hint = self.text(css(W.HTML(), "fac-wp-hint"), "child.story.draft_hint", "value", html=True)
        buttons = css(W.HBox([self.immediate_btn, self.draft_btn, self.blank_btn]), "fac-wp-make")
        form = css(W.VBox([title, self.kids, self.title_in, buttons, hint]), "fac-wp-new-form", "fac-form")
        return form  # type: ignore[return-value]

    def _build_editor(self) -> W.Box:
        self.pen = css(Pen(), "fac-wp-pen")
        self.on(self.pen, self._on_strokes, "strokes")
        self.picker = css(PictogramPicker(), "fac-wp-picker")
        self.on(self.picker, self._on_pictograms, "chosen")
        self.picker_btn = css(W.ToggleButton(value=False), "fac-btn", "fac-wp-picker-toggle")
        self.text(self.picker_btn, "child.picker.button")
        self.on(self.picker_btn, lambda _v: self.update(force=True))
        picture = css(W.VBox([self.pen, self.picker_btn, self.picker]), "fac-wp-picture")

        self.page_title = css(W.HTML(), "fac-wp-page-title")
        self.topic = css(W.Dropdown(options=[]), "fac-wp-topic")
        self.text(self.topic, "child.page.topic")
        self.on(self.topic, self._on_topic)
        self.page_text = css(W.Textarea(rows=6, continuous_update=False), "fac-wp-text")
        self.text(self.page_text, "child.page.text_ph", "placeholder")
        self.on(self.page_text, self._on_text)
        self.contacts_title = self.text(
            css(W.HTML(), "fac-wp-contacts-title"), "child.contact.title", "value", html=True
        )
        self.contact_chips = css(W.HBox(), "fac-wp-contacts")
        self.contact_add = css(W.Dropdown(options=[]), "fac-wp-contact-add")
        self.on(self.contact_add, self._on_contact_add)
        self.contacts_box = css(
            W.VBox([self.contacts_title, self.contact_chips, self.contact_add]), "fac-wp-contact-box"
        )
        self.add_page_btn = self.text(button("", "fac-wp-add-page"), "child.page.add")
        self.add_page_btn.on_click(lambda _b: self.add_page())
        self.remove_page_btn = self.text(button("", "fac-wp-remove-page"), "child.page.remove")
        self.remove_page_btn.on_click(lambda _b: self.remove_page())
        actions = css(W.HBox([self.add_page_btn, self.remove_page_btn]), "fac-wp-page-actions")
        words = css(W.VBox([self.page_title, self.topic, self.page_text, self.contacts_box, actions]), "fac-wp-words")
        return css(W.HBox([picture, words]), "fac-wp-editor")  # type: ignore[return-value]

    # ---- rendering -----------------------------------------------------------------------------------

    def state(self) -> WordsPicturesState:
        s = words_pictures_state(self.case, self.session.lang, self._story_id, self._page_id)
        self._story_id = s.story.id if s.story else None
        self._page_id = s.page.id if s.page else None
        return s

    def show(self, state: WordsPicturesState, previous: WordsPicturesState | None) -> None:
        t = self.t
        has_story = state.story is not None
        self._show_header(state)
        self._show_new_form(state, previous)
        self.new_form.layout.display = "" if (self._new_open or not has_story) else "none"
        self.empty.layout.display = "none" if has_story else ""
        self.board.layout.display = self.editor.layout.display = "" if has_story else "none"
        with self.board.hold_sync():
            self.board.cards = [
                {
                    "id": p.id,
                    "html": card_html(t, p, state.lang),
                    "selected": state.page is not None and p.id == state.page.id,
                }
                for p in state.pages
            ]
            self.board.labels = {"earlier": t("child.page.earlier"), "later": t("child.page.later")}
            self.board.readonly = state.readonly
        self._show_editor(state)
        self._show_reader(state)

    def _show_header(self, state: WordsPicturesState) -> None:
        t = self.t
        line = {v.id for v in state.versions}
        current = next((s.id for s in state.stories if s.id in line), None)
        self.set_quietly(self.story_pick, options=[(story_label(t, s), s.id) for s in state.stories], value=current)
        self.set_quietly(
            self.versions,
            options=[(version_label(t, v), v.id) for v in state.versions],
            value=state.story.id if state.story else None,
        )
        self.versions.layout.display = "" if len(state.versions) > 1 else "none"
        for b in (self.read_btn, self.version_btn, self.remove_story_btn):
            b.layout.display = "" if state.story else "none"
        self.remove_story_btn.disabled = state.readonly
        note = ""
        if state.readonly and state.story:
            note = t("child.story.readonly", version=version_label(t, state.story))
        self.readonly_note.value = f'<div class="fac-wp-readonly-note">🔒 {esc(note)}</div>' if note else ""
        self.new_btn.layout.display = "" if state.story else "none"

    def _show_new_form(self, state: WordsPicturesState, previous: WordsPicturesState | None) -> None:
        if previous is None or previous.children != state.children:
            self.kid_boxes = {
                cid: css(W.Checkbox(value=True, description=name, indent=False), "fac-wp-kid")
                for cid, name in state.children
            }
            self.kids.children = list(self.kid_boxes.values())
        self.title_in.placeholder = default_title(self.t, [n for cid, n in state.children if self.kid_boxes[cid].value])

    def _show_editor(self, state: WordsPicturesState) -> None:
        t, page, ro = self.t, state.page, state.readonly
        self.set_quietly(
            self.pen, strokes=page.drawing if page else "", readonly=ro or page is None, labels=pen_labels(t)
        )
        showing_picker = bool(self.picker_btn.value) and page is not None
        if showing_picker and self._picker_lang != state.lang:
            self.picker.fill(state.lang, t)
            self._picker_lang = state.lang
        self.picker.layout.display = "" if showing_picker else "none"
        self.set_quietly(self.picker, chosen=list(page.pictograms) if page else [], readonly=ro)
        self.picker_btn.disabled = page is None
        self.page_title.value = (
            f'<div class="fac-wp-page-no">{esc(t("child.page.number", n=page.number, of=len(state.pages)))}</div>'
            if page
            else ""
        )
        self.set_quietly(
            self.topic, options=[(t(f"child.topic.{k}"), k) for k in TOPICS], value=page.topic if page else "own"
        )
        self.set_quietly(self.page_text, value=page.text if page else "")
        for w in (self.topic, self.page_text, self.contact_add):
            w.disabled = ro or page is None
        self.add_page_btn.disabled = ro
        self.remove_page_btn.disabled = ro or page is None
        self._show_contacts(state)

    def _show_contacts(self, state: WordsPicturesState) -> None:
        t, page = self.t, state.page
        shown = page is not None and (page.topic == "who_to_go_to" or bool(page.contacts))
        self.contacts_box.layout.display = "" if shown else "none"
        if page is None:
            return
        chips = []
        for c in page.contacts:
            b = button(f"{contact_label(t, c)}  ✕", "fac-wp-contact", tooltip=t("child.contact.remove", who=c.called))
            b.on_click(lambda _b, pid=c.id: self.remove_contact(pid))
            b.disabled = state.readonly
            chips.append(b)
        old = list(self.contact_chips.children)
        self.contact_chips.children = chips
        for w in old:
            w.close()
        chosen = {c.id for c in page.contacts}
        options = [(t("child.contact.add"), "")] + [
            (contact_label(t, c), c.id) for c in state.people if c.id not in chosen
        ]
        self.set_quietly(self.contact_add, options=options, value="")

    def _show_reader(self, state: WordsPicturesState) -> None:
        with self.reader.hold_sync():
            self.reader.pages = [reading_state_page(p, state.lang) for p in state.pages]
            self.reader.title = story_title(self.t, state.story) if state.story else ""
            self.reader.labels = reader_labels(self.t)
            if self.reader.index >= len(state.pages):
                self.reader.index = max(len(state.pages) - 1, 0)

    # ---- what the user does --------------------------------------------------------------------------

    def _do(self, make: Any) -> bool:
        """Store an edit made from the current case; a refused one leaves the screen as stored."""
        try:
            stored = self.session.do(make)
        except FacilitationError as e:  # pragma: no cover - session.do reports these itself
            self.session.fail(e)
            stored = False
        if not stored:
            self.update(force=True)
        return stored

    def _on_story_pick(self, story_id: Any) -> None:
        if story_id:
            self._story_id, self._page_id = str(story_id), None
            self.update()

    def select_page(self, page_id: str) -> None:
        self._page_id = page_id
        self.update()

    def _toggle_new(self) -> None:
        self._new_open = not self._new_open
        self.update(force=True)

    def _today(self) -> date:
        return date.today()

    def make_story(self, kind: str) -> bool:
        """A new story for the ticked children: the immediate story, a first draft, or six empty pages."""
        case, t = self.case, self.t
        kids = [cid for cid, box in self.kid_boxes.items() if box.value] or [c.id for c in case.children()]
        today = self._today()
        words = date_words(self.session.lang)
        if kind == "immediate":
            pages = immediate_story(case, kids, t, words, today)
        elif kind == "words_pictures":
            pages = draft_story(case, kids, t, words, today)
        else:
            pages = [DraftPage(topic) for topic in TOPICS[:-1] if _is_topic(topic)]
        names = [case.people[k].name.split()[0] for k in kids if k in case.people]
        title = self.title_in.value.strip() or default_title(t, names)
        story_kind: StoryKind = "immediate" if kind == "immediate" else "words_pictures"
        made: dict[str, str] = {}

        def edit(c: Any) -> Edit:
            e, made["id"] = new_story(c, title, story_kind, kids, pages, today.isoformat())
            return e

        if not self._do(edit):
            return False
        self._story_id, self._page_id, self._new_open = made["id"], None, False
        self.set_quietly(self.title_in, value="")
        self.session.set_status(t("child.story.made", title=title), "ok")
        self.update(force=True)
        return True

    def make_version(self) -> bool:
        """A new version to go on with: the pages as they are now; the open one is kept as it was told."""
        if self._story_id is None:
            return False
        case = self.case
        story = case.stories[self._story_id]
        shown = self._shown
        latest = next((v for v in shown.versions if v.latest), None) if shown else None
        if latest is None:
            return False
        draft = draft_story(case, story.children, self.t, date_words(self.session.lang), self._today())
        made: dict[str, str] = {}

        def edit(c: Any) -> Edit:
            e, made["id"] = ce.next_version(c, latest.id, self._today().isoformat(), draft)
            return e

        if not self._do(edit):
            return False
        self._story_id, self._page_id = made["id"], None
        self.update(force=True)
        return True

    def remove_story(self) -> bool:
        if self._story_id is None:
            return False
        sid = self._story_id
        if not self._do(lambda c: ce.remove_story(c, sid)):
            return False
        prev = self.case.stories.get(sid)
        self._story_id = prev.previous if prev else None
        self._page_id = None
        self.update(force=True)
        return True

    def edit_page(self, **fields: Any) -> bool:
        if self._page_id is None:
            return False
        pid = self._page_id
        return self._do(lambda c: ce.update_page(c, pid, **fields))

    def _on_topic(self, topic: str) -> None:
        self.edit_page(topic=topic)

    def _on_text(self, text: str) -> None:
        self.edit_page(text=text)

    def _on_strokes(self, strokes: str) -> None:
        self.edit_page(drawing=strokes)

    def _on_pictograms(self, chosen: list[str]) -> None:
        self.edit_page(pictograms=list(chosen))

    def _on_contact_add(self, person_id: Any) -> None:
        state = self._shown
        if person_id and state is not None and state.page is not None:
            self.edit_page(contacts=[*(c.id for c in state.page.contacts), str(person_id)])

    def remove_contact(self, person_id: str) -> bool:
        state = self._shown
        if state is None or state.page is None:
            return False
        return self.edit_page(contacts=[c.id for c in state.page.contacts if c.id != person_id])

    def add_page(self) -> bool:
        if self._story_id is None:
            return False
        sid, after = self._story_id, self._page_id
        made: dict[str, str] = {}

        def edit(c: Any) -> Edit:
            e, made["id"] = ce.add_page(c, sid, after=after)
            return e

        if not self._do(edit):
            return False
        self._page_id = made["id"]
        self.update(force=True)
        return True

    def remove_page(self) -> bool:
        state = self._shown
        if self._page_id is None or state is None:
            return False
        ids = [p.id for p in state.pages]
        pid = self._page_id
        if not self._do(lambda c: ce.remove_page(c, pid)):
            return False
        i = ids.index(pid)
        rest = ids[:i] + ids[i + 1 :]
        self._page_id = rest[min(i, len(rest) - 1)] if rest else None
        self.update(force=True)
        return True

    def move_page(self, page_id: str, step: int) -> bool:
        return self._do(lambda c: ce.move_page(c, page_id, step))

    def open_reader(self, index: int = 0) -> None:
        """Read the open story together: full screen, page by page."""
        with self.reader.hold_sync():
            self.reader.index = index
            self.reader.showing = True
