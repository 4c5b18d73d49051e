"""The children's and parents' feedback in the summary for the case record (issue 17.6), read back as the
case record's reader would: per meeting, dated, each person with their mark and their own words."""

from __future__ import annotations

import io

from docx import Document

from facilitation import samples
from facilitation.domain import child_edits
from facilitation.export import render_bytes

NOAH = "Ik wil terug naar huis. Oma is lief."
JESSICA = "Ik voel me gesteund, niet beoordeeld."


def summary(case, lang: str = "nl", meeting: str | None = None) -> str:
    return render_bytes(case, "md", lang, meeting)[".md"].decode("utf-8")


def section(md: str, heading: str) -> str:
    start = md.index(f"## {heading}\n")
    end = md.find("\n## ", start + 1)
    return md[start : end if end >= 0 else None]


def test_the_summary_lists_each_persons_feedback_at_the_interim_evaluation():
    md = summary(samples.load_sample("lina-en-noah"))
    part = section(md, "Feedback van de kinderen en de ouders")
    assert "### Tussentijdse evaluatie, 06/11/2026" in part
    assert "rapportcijfer op 10" in part and "resultaat (wat de hulp hun opleverde)" in part  # what they mean
    noah, jessica = part.index("**Noah Verstraete** — zoon"), part.index("**Jessica Verstraete** — moeder")
    assert noah < jessica  # the child first, as on the feedback screen
    assert "Rapportcijfer 7 op 10  \n" in part[noah:jessica]  # no subscales given, none invented
    assert "resultaat" not in part[noah:jessica]
    assert f"“{NOAH}”" in part[noah:jessica]  # his words as he said them
    assert "Rapportcijfer 8 op 10 · resultaat 3,5 op 4 · procesverloop 3,6 op 4" in part[jessica:]
    assert f"“{JESSICA}”" in part[jessica:]
    # after the scores, before the trajectory
    assert md.index("## Schaalvragen") < md.index("## Feedback") < md.index("## Verloop van het traject")


def test_english_summary_in_english_words():
    part = section(summary(samples.load_sample("lina-en-noah"), "en"), "Feedback of the children and the parents")
    assert "Overall mark 8 out of 10 · result 3.5 out of 4 · process 3.6 out of 4" in part
    assert NOAH in part  # a child's words are not translated


def test_not_in_the_judges_plan():
    case = samples.load_sample("lina-en-noah")
    doc = Document(io.BytesIO(render_bytes(case, "docx", "nl")[".docx"]))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Schaalvragen" in text
    assert "Feedback" not in text and NOAH not in text and JESSICA not in text


def test_left_out_without_feedback_up_to_the_documents_meeting():
    case = samples.load_sample("lina-en-noah")
    first = summary(case, meeting="m-nwo1")  # the feedback came two weeks later
    assert "Feedback" not in first and NOAH not in first
    assert "Feedback" not in summary(samples.load_sample("mila-en-finn"))  # a case without any


def test_a_childs_comment_is_shown_whole_and_literal():
    case = samples.load_sample("lina-en-noah")
    said = "ik vind het *stom* dat ik weg moet\n# maar oma is <b>lief</b>"
    edit, _ = child_edits.add_feedback(case, "p-noah", "end", "2026-11-06", 9, comment=said, result=4)
    md = summary(case.apply(edit))
    part = section(md, "Feedback van de kinderen en de ouders")
    # Without a meeting: under its moment and the day it was given (the interim comes before the end).
    assert part.index("### Tussentijdse evaluatie, 06/11/2026") < part.index("### Op het einde, 06/11/2026")
    end = part[part.index("### Op het einde") :]
    assert "Rapportcijfer 9 op 10 · resultaat 4 op 4  \n" in end
    assert "_“ik vind het \\*stom\\* dat ik weg moet_  \n" in end
    assert "_\\# maar oma is \\<b\\>lief\\</b\\>”_" in end


def test_feedback_given_after_the_documents_meeting_waits_for_a_later_document():
    case = samples.load_sample("lina-en-noah")
    edit, _ = child_edits.add_feedback(case, "p-noah", "end", "2026-11-20", 9, comment="Later gezegd.")
    case = case.apply(edit)
    assert "Later gezegd." not in summary(case, meeting="m-tse")
