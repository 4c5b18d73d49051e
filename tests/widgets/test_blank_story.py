"""A blank Words and Pictures story: the pages of the usual outline, with nothing written yet."""

from __future__ import annotations

from facilitation import samples
from facilitation.domain.child_voice import pages_of
from facilitation.store import Store
from facilitation.ui.session import Session
from facilitation.ui.words_pictures import WordsPicturesView


def test_the_blank_story_button_makes_a_story_with_empty_pages(tmp_path):
    session = Session(Store(tmp_path / "s.sqlite3"))
    session.add_case(samples.load_sample("lina-en-noah"))
    view = WordsPicturesView(session)
    view.blank_btn.click()
    stored = session.store.load(session.case.id)
    (story,) = stored.stories.values()
    assert story.kind == "words_pictures" and story.children == ("p-noah", "p-lina")
    pages = pages_of(stored, story.id)
    assert [p.topic for p in pages] == [
        "who_worried",
        "what_happened",
        "the_worry",
        "keeping_safe",
        "who_to_go_to",
        "what_next",
    ]
    assert all(p.text == "" and p.pictograms == () for p in pages)
    assert [c["id"] for c in view.board.cards] == [p.id for p in pages]
