"""Family Finding and the genogram in the documents: the judge's document, the summary, the printed pictures."""

from __future__ import annotations

import io

import pytest
from docx import Document

from facilitation import samples
from facilitation.domain import ops
from facilitation.domain.genogram import genogram
from facilitation.export import charts, genogram_chart, judge, render_bytes
from facilitation.export.document import Heading, Keep, Picture
from facilitation.export.view import PlanView


def flat(text: str) -> str:
    return " ".join(text.replace("**", "").replace("_", " ").split())


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def headings(blocks: list) -> list[str]:  # type: ignore[type-arg]
    out = []
    for b in blocks:
        for x in b.blocks if isinstance(b, Keep) else [b]:
            if isinstance(x, Heading):
                out.append(x.text)
    return out


def test_the_judges_document_says_who_is_still_to_find_and_the_lifelong_network():
    case = samples.load_sample("jonas-17")
    text = flat(docx_text(render_bytes(case, "docx", "nl")[".docx"]))
    assert "Family Finding: familie en belangrijke mensen zoeken" in text
    assert (
        "Levenslang netwerk (wil betrokken zijn of engageert zich voor lange termijn): 3: "
        "Jeannine Cooreman, Kevin Bogaert en Pieter De Smet" in text
    )
    assert "Nog te zoeken of te contacteren (1)" in text
    assert "Hilde Van Damme — tante (zus van papa) · Te zoeken" in text
    assert "Volgende stap: Papa vragen of hij het adres van zijn zus wil geven." in text
    assert "Wie volgt op: Tom De Backer" in text
    assert "Bart Van Damme — vader · Gecontacteerd" in text and "Laatste contact: 10/09/2026" in text
    # How someone was found (often an address or a number a relative gave) is for the case record only.
    assert "Lotte herinnert zich" not in text and "Hoe gevonden" not in text


def test_the_summary_adds_how_each_was_found_and_the_gaps_in_the_family_and_never_a_phone_number():
    case = samples.load_sample("lina-en-noah")
    md = flat(render_bytes(case, "md", "nl")[".md"].decode("utf-8"))
    assert "Nog te zoeken of te contacteren (2)" in md
    assert "Hoe gevonden: Woont volgens mama in Brussel." in md
    assert "Noah: niemand gekend langs vaderskant buiten Kevin D'Hondt" in md
    section = md[md.index("Family Finding: familie") :]
    phones = [p.phone for p in case.people.values() if p.phone.strip()]
    assert phones and not any(ph in section[: section.index("Nog te zoeken") + 2000] for ph in phones)


def test_english_words_for_family_finding():
    case = samples.load_sample("jonas-17")
    text = flat(docx_text(render_bytes(case, "docx", "en")[".docx"]))
    assert "Still to find or to contact (1)" in text and "Lifelong network" in text and "To find" in text


def test_no_family_finding_section_when_nobody_is_searched_for_and_no_gap():
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    assert not any("Family Finding" in h for h in headings(judge.judge_blocks(PlanView(case, "nl"))))


def test_the_genogram_follows_the_network_map_in_the_judges_document():
    case = samples.load_sample("jonas-17")
    blocks = judge.judge_blocks(PlanView(case, "nl"))
    names = headings(blocks)
    assert names.index("Netwerkkaart") + 1 == names.index("Genogram")
    pic = blocks[next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Genogram") + 1]
    assert isinstance(pic, Picture) and pic.png.startswith(b"\x89PNG")
    assert "ex-partners" in pic.caption and "? te zoeken" in pic.caption and "★ engageert zich" in pic.caption
    # No family links to draw: no genogram (and no empty picture).
    bare = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    assert "Genogram" not in headings(judge.judge_blocks(PlanView(bare, "nl")))
    assert genogram_chart.genogram_png(bare) is None


def _labels(monkeypatch: pytest.MonkeyPatch, module) -> list[tuple[float, float, str]]:  # type: ignore[no-untyped-def]
    seen: list[tuple[float, float, str]] = []
    real = module.label

    def spy(ax, x, y, text, *a, **kw):  # type: ignore[no-untyped-def]
        seen.append((x, y, text))
        return real(ax, x, y, text, *a, **kw)

    monkeypatch.setattr(module, "label", spy)
    charts.clear_cache()
    return seen


def test_the_printed_map_shows_each_family_finding_sign_beside_the_name(monkeypatch):
    case = samples.load_sample("jonas-17")
    seen = _labels(monkeypatch, charts)
    assert charts.network_png(case, "nl")
    texts = {t for _, _, t in seen}
    # The sign between the name and the marker, inside the name's box, as the screen's sign.
    assert {"Hilde Van Damme ?", "Bart Van Damme ☎", "Pieter De Smet ★", "♡ Kevin Bogaert"} <= texts
    assert "Dirk Maes" in texts  # no status, no sign


def test_the_printed_genogram_is_the_screens_layout(monkeypatch):
    case = samples.load_sample("jonas-17")
    seen = _labels(monkeypatch, genogram_chart)
    assert genogram_chart.genogram_png(case, "nl")
    g = genogram(case)
    by_name = {case.people[p].name: x for p, (x, _) in g.places.items()}
    drawn = {t.replace("\n", " "): x for x, _, t in seen}
    assert drawn == pytest.approx(by_name)
