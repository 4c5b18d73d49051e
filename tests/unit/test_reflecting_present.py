"""The reflecting team's texts and HTML from its states (pure): user words stay text, numbers in Flemish form."""

from __future__ import annotations

from facilitation.domain import reflecting as rt
from facilitation.i18n import translate
from facilitation.ui.reflecting.present import compare_html, family_html, said_html, scale_html, turn_text
from facilitation.ui.reflecting.state import Compared, RoundsState, Said, ScaleState, ScenariosState, Scored


def nl(key, **params):
    return translate("nl", key, **params)


def test_the_comparison_keeps_markup_as_text_and_says_the_spread_in_flemish():
    state = ScenariosState(
        "nl",
        (),
        ("An <i>Claes</i>", "Bart"),
        (
            Compared(1, "Thuis <script>x</script>", (1, 0, 2), (3, None), rt.spread([3])),
            Compared(2, "Bij grootmoeder", (0, 2, 0), (6, 7), rt.spread([6, 7])),
        ),
    )
    html = compare_html(nl, state)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;i&gt;Claes" in html
    assert "Scenario 2: Bij grootmoeder" in html and "van 6 tot 7, midden 6,5" in html
    assert html.count("<tr>") == 1 + 3 + 2 + 1  # the head, three columns, two members, the spread
    assert compare_html(nl, ScenariosState("nl", (), (), state.compared[:1])) == ""  # one scenario: nothing to compare


def test_family_words_reflections_and_scale_escape_what_was_typed():
    family = (("worries", ("Moeder <b>drinkt</b>\n's nachts",)), ("strengths", ()), ("needs", ()))
    html = family_html(nl, family)
    assert "&lt;b&gt;drinkt&lt;/b&gt;<br>" in html and "Nog niets genoteerd." in html
    assert (
        said_html(Said("r1", "Rita <b>", "Zie <img src=x>"), 2)
        == "<b>2.</b> <b>Rita &lt;b&gt;:</b> Zie &lt;img src=x&gt;"
    )
    scale = ScaleState((Scored("a", "An <x>", 4), Scored("b", "Bart", -1)), rt.spread([4]))
    track = scale_html(nl, scale, "nl")
    assert 'title="An &lt;x&gt;"' in track and "Bart" not in track and "midden" not in track  # one score: no spread


def test_whose_turn_it_is():
    base = dict(
        lang="nl", meeting="m", round_no=2, skipped=frozenset(), speaker=None, rounds=(), conclusions=(), steps=()
    )
    assert "Ronde 2 · aan de beurt: An" in turn_text(nl, RoundsState(team=(("An", "a"),), next="An", **base))
    assert "iedereen kwam aan bod" in turn_text(nl, RoundsState(team=(("An", "a"),), next=None, **base))
    assert turn_text(nl, RoundsState(team=(), next=None, **base)) == nl("reflecting.no_team")
