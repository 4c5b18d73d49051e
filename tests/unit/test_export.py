"""The documents at the end of a meeting: read back what was written, in both languages, with hostile text."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from pypdf import PdfReader

from facilitation.domain import ops
from facilitation.domain.case import Case
from facilitation.domain.errors import NotFoundError
from facilitation.export import FORMATS, FileExists, charts, render_bytes, suggested_name
from facilitation.export.markdown import escape
from facilitation.export.tables import columns_frame, scores_frame
from facilitation.services.export import export_all, export_case
from facilitation.store import casefile

HOSTILE = 'Mama <script>alert(1)</script> "quotes" & *ster* _x_ [link](http://x) # | `code`\nnieuwe regel 👩‍👧 مرحبا'


def do(case: Case, result):
    """Apply an op's edit; return (case, new id) or case."""
    if isinstance(result, tuple):
        edit, rid = result
        return case.apply(edit), rid
    return case.apply(result)


def build_case(hostile: bool = False) -> tuple[Case, dict[str, str]]:
    """A small but complete fictional case: network, two meetings, columns, scores, agreements."""
    ids: dict[str, str] = {}
    case = ops.new_case("Familie Peeters", "2025-03-03", [("Jonas Peeters", 15), ("Mila Peeters", 8)], fictional=True)
    kids = case.children()
    ids["jonas"], ids["mila"] = kids[0].id, kids[1].id
    people = [
        ("mama", "An Peeters", dict(relation="mama", sector="family", closeness=1, phone="0470 11 22 33")),
        (
            "oma",
            "Oma Lieve",
            dict(relation="grootmoeder", sector="family", closeness=1, phone="0471 22 33 44", in_safety_network=True),
        ),
        (
            "lieke",
            "Tante Lieke",
            dict(relation="tante", sector="family", closeness=2, phone="0472 33 44 55", in_safety_network=True),
        ),
        ("papa", "Kurt Janssens", dict(relation="papa", sector="family", closeness=3)),
        (
            "buur",
            "Marc de buurman",
            dict(relation="buurman", sector="friends", closeness=2, phone="0473 44 55 66", in_safety_network=True),
        ),
        ("coach", "Sofie (voetbalcoach)", dict(relation="coach", sector="school", closeness=2)),
        ("juf", "Juf Els", dict(relation="leerkracht Mila", sector="school", closeness=3)),
        ("cons", "Ilse Maes", dict(relation="consulent OCJ", sector="professional", closeness=3, phone="02 553 00 00")),
        ("gezin", "Tom Wouters", dict(relation="gezinsbegeleider", sector="professional", closeness=2)),
    ]
    for key, name, fields in people:
        if hostile and key == "mama":
            name = HOSTILE.split("\n")[0][:190]
        case, ids[key] = do(case, ops.add_person(case, name, **fields))
    for a, b, kind in (
        ("mama", "jonas", "family"),
        ("mama", "oma", "support"),
        ("mama", "papa", "conflict"),
        ("oma", "mila", "support"),
        ("lieke", "mama", "support"),
        ("papa", "jonas", "broken"),
    ):
        case, _ = do(case, ops.add_tie(case, ids[a], ids[b], kind))
    present = [ids[k] for k in ("jonas", "mama", "oma", "lieke", "buur", "cons", "gezin")]
    case, ids["m1"] = do(case, ops.add_meeting(case, "network_meeting", "2025-03-17", present))
    case, ids["m0"] = do(case, ops.add_meeting(case, "reflecting_team", "2025-03-07", [ids["cons"]]))

    text = HOSTILE if hostile else "Mama drinkt 's avonds veel en valt dan in slaap."
    case, ids["harm"] = do(case, ops.add_item(case, text, "harm", author=ids["cons"], meeting=ids["m1"]))
    case, ids["ds"] = do(
        case,
        ops.add_item(
            case,
            "De consulent en oma zijn bang dat Mila 's avonds alleen is als mama te veel drinkt.",
            "danger_statement",
            author=ids["cons"],
            meeting=ids["m1"],
            ds_who="De consulent en oma",
            ds_behaviour="mama drinkt 's avonds te veel",
            ds_impact="Mila is dan 's nachts alleen en bang.",
            agree=[ids["oma"]],
            disagree=[ids["mama"]],
        ),
    )
    case, ids["goal"] = do(
        case,
        ops.add_item(
            case,
            "Er is elke avond een nuchtere volwassene bij Mila, zes maanden lang.",
            "safety_goal",
            meeting=ids["m1"],
        ),
    )
    case = do(case, ops.pair(case, ids["ds"], ids["goal"]))
    case, ids["bl"] = do(
        case,
        ops.add_item(
            case, "Er wordt geen geweld gebruikt.", "bottom_line", set_by="de jeugdrechter", meeting=ids["m1"]
        ),
    )
    case, _ = do(case, ops.add_item(case, "Oma komt elke woensdag.", "existing_safety", author=ids["oma"]))
    case, _ = do(case, ops.add_item(case, "Jonas voetbalt graag.", "strength", author=ids["jonas"]))

    case, ids["safety"] = do(case, ops.add_scale(case, "safety"))
    case, ids["will"] = do(case, ops.add_scale(case, "willingness", subject=ids["mama"]))
    for who, v in (("cons", 3), ("oma", 5), ("mama", 7), ("jonas", 6)):
        case = do(
            case,
            ops.set_score(
                case,
                ids["safety"],
                ids["m1"],
                ids[who],
                v,
                why_not_lower=HOSTILE if (hostile and who == "oma") else "oma is er",
                one_point_higher="mama stopt met drinken",
            ),
        )
    case = do(case, ops.set_score(case, ids["will"], ids["m1"], ids["cons"], 6))
    case = do(case, ops.set_score(case, ids["safety"], ids["m0"], ids["cons"], 2))

    case, ids["a1"] = do(
        case,
        ops.add_agreement(
            case,
            HOSTILE if hostile else "Als mama huilt of drinkt, belt Jonas tante Lieke.",
            owner=ids["lieke"],
            backup=ids["oma"],
            when="elke avond na 18 uur",
            if_not="Jonas belt oma; oma komt Mila halen.",
            links=[ids["ds"], ids["bl"]],
            agreed_by=[ids["mama"], ids["lieke"], ids["oma"]],
            meeting=ids["m1"],
        ),
    )
    case, ids["a2"] = do(
        case,
        ops.add_agreement(
            case,
            "Marc kijkt op woensdag of er licht brandt.",
            owner=ids["buur"],
            when="woensdag",
            agreed_by=[ids["buur"]],
            meeting=ids["m1"],
        ),
    )
    return case, ids


@pytest.fixture(scope="module")
def small() -> tuple[Case, dict[str, str]]:
    return build_case()


@pytest.fixture(scope="module")
def hostile() -> tuple[Case, dict[str, str]]:
    return build_case(hostile=True)


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for tbl in doc.tables:
        for row in tbl.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


# ---- the safety plan ----------------------------------------------------------------------------


def test_docx_plan_has_headings_agreements_names_and_phones(small, tmp_path):
    case, _ = small
    [path] = export_case(case, "docx", tmp_path / "plan.docx", lang="nl", overwrite=False)
    text = docx_text(path)
    for expected in (
        "Veiligheidsplan",
        "Familie Peeters",
        "Netwerkoverleg",
        "17 maart 2025",
        "Gevaarsboodschappen",
        "Veiligheidsdoelen",
        "Bodemeisen",
        "NIET ONDERHANDELBAAR",
        "de jeugdrechter",
        "Afspraken",
        "Als mama huilt of drinkt, belt Jonas tante Lieke.",
        "Tante Lieke",
        "0472 33 44 55",
        "Oma Lieve",
        "0471 22 33 44",
        "elke avond na 18 uur",
        "Jonas belt oma; oma komt Mila halen.",
        "Handtekeningen",
        "Verloop van het traject",
        "Niet akkoord: An Peeters",
    ):
        assert expected in text, expected
    # Still to come: start 3 March is day 1, so day 28 is 30 March and day 40 is 11 April.
    assert "30/03/2025" in text and "11/04/2025" in text
    doc = Document(str(path))
    assert len(doc.inline_shapes) == 2  # the network map and the genogram (the case gives family links)
    sig = doc.tables[-1]
    assert [c.text for c in sig.rows[0].cells] == ["Naam", "Handtekening", "Datum"]
    signers = {row.cells[0].text.split("\n")[0] for row in sig.rows[1:]}
    assert {"An Peeters", "Tante Lieke", "Oma Lieve", "Marc de buurman"} <= signers
    assert "Tom Wouters" not in signers  # present but agreed to nothing


def test_signatures_fall_back_to_everyone_present(tmp_path):
    case, ids = build_case()
    for aid in (ids["a1"], ids["a2"]):
        case = case.apply(ops.update(case, "agreement", aid, agreed_by=()))
    [path] = export_case(case, "docx", tmp_path / "p.docx", overwrite=False)
    rows = Document(str(path)).tables[-1].rows[1:]
    assert {r.cells[0].text.split("\n")[0] for r in rows if r.cells[0].text} == {
        case.people[p].name for p in case.meetings[ids["m1"]].present
    }


def test_pdf_plan_reads_back_and_has_page_numbers(small, tmp_path):
    case, _ = small
    [path] = export_case(case, "pdf", tmp_path / "plan.pdf", lang="nl", overwrite=False)
    reader = PdfReader(str(path))
    text = pdf_text(path)
    assert "Veiligheidsplan" in text and "Tante Lieke" in text and "0472 33 44 55" in text
    assert "Bodemeisen" in text and "NIET ONDERHANDELBAAR" in text
    assert f"Pagina 1 van {len(reader.pages)}" in text
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    fonts = {str(f.get_object()["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in f for f in fonts) or not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists()


def test_english_and_dutch_headings_differ(small, tmp_path):
    case, _ = small
    [nl] = export_case(case, "docx", tmp_path / "nl.docx", lang="nl", overwrite=False)
    [en] = export_case(case, "docx", tmp_path / "en.docx", lang="en", overwrite=False)
    nl_text, en_text = docx_text(nl), docx_text(en)
    assert "Safety plan" in en_text and "Agreements" in en_text and "Signatures" in en_text
    assert "Veiligheidsplan" not in en_text and "Safety plan" not in nl_text
    assert "17 March 2025" in en_text
    [en_pdf] = export_case(case, "pdf", tmp_path / "en.pdf", lang="en", overwrite=False)
    assert "Page 1 of" in pdf_text(en_pdf)


def test_older_meeting_shows_what_was_known_then(small, tmp_path):
    case, ids = small
    [path] = export_case(case, "md", tmp_path / "old.md", lang="nl", meeting_id=ids["m0"], overwrite=False)
    text = path.read_text(encoding="utf-8")
    assert "Reflectief team" in text
    assert "tante Lieke" not in text  # that agreement was made at the later network meeting
    assert "Oma komt elke woensdag." in text  # items without a meeting always count


def test_unknown_meeting_is_refused(small, tmp_path):
    case, _ = small
    with pytest.raises(NotFoundError):
        export_case(case, "json", tmp_path / "x.json", meeting_id="m-nope", overwrite=False)


def test_unknown_meeting_is_the_reason_given_even_when_a_file_is_there(small, tmp_path):
    """The meeting that does not exist is what the consultant must hear, not "replace the file?" (asking would
    lead nowhere), and no folder is made for an export that is refused."""
    case, _ = small
    there = tmp_path / "x.json"
    there.write_text("the case file of last week")
    with pytest.raises(NotFoundError):
        export_case(case, "json", there, meeting_id="m-nope", overwrite=False)
    assert there.read_text() == "the case file of last week"
    with pytest.raises(NotFoundError):
        export_all(case, tmp_path / "new", meeting_id="m-nope", overwrite=False)
    assert not (tmp_path / "new").exists()


def test_still_to_come_uses_later_meetings_and_never_the_meeting_itself(tmp_path):
    case, ids = build_case()
    case, _ = do(case, ops.add_meeting(case, "interim_evaluation", "2025-04-02"))

    def coming(meeting_id: str) -> str:
        md = render_bytes(case, "md", "nl", meeting_id=meeting_id)[".md"].decode("utf-8")
        return md.split("Nog te komen na dit overleg", 1)[1].split("\n## ", 1)[0]

    later = coming(ids["m1"]).splitlines()
    assert "02/04/2025" in later[1] and "Tussentijdse evaluatie" in later[1] and "afgesproken" in later[1]
    assert "11/04/2025" in later[2] and "Tweede netwerkoverleg" in later[2] and "voorzien" in later[2]
    latest = case.meetings_by_date()[-1].id  # the interim evaluation itself is not still to come
    assert "Tussentijdse evaluatie" not in coming(latest) and "Tweede netwerkoverleg" in coming(latest)


# ---- children's version -------------------------------------------------------------------------


def test_child_version_in_plain_words(small, tmp_path):
    """Without a story yet: the first draft in a child's words (never the adults' harm or danger texts)."""
    case, _ = small
    paths = export_case(case, "child", tmp_path / "kids", lang="nl", overwrite=False)
    assert sorted(p.suffix for p in paths) == [".docx", ".pdf"]
    text = docx_text(next(p for p in paths if p.suffix == ".docx"))
    for expected in (
        "Het verhaal van Jonas en Mila",
        "Woord- en Beeldverhaal",
        "Het is niet jullie schuld.",
        "0472 33 44 55",  # who they may call, with the number
        "0473 44 55 66",
        "Rond 30 maart 2025 komen alle mensen die jullie helpen opnieuw samen",  # day 28 as planned: not yet set
    ):
        assert expected in text, expected
    for adults in ("Mama drinkt 's avonds veel", "Mila 's avonds alleen is", "0470 11 22 33", "Peeters"):
        assert adults not in text, adults
    pdf = pdf_text(next(p for p in paths if p.suffix == ".pdf"))
    assert "Het is niet jullie schuld." in pdf and "0472 33 44 55" in pdf
    names = [p.name for p in export_case(case, "child", tmp_path, lang="en", overwrite=False)]
    assert all("childrens-version" in n for n in names)
    assert all("kinderversie" in p.name for p in export_case(case, "child", tmp_path, lang="nl", overwrite=False))


def test_child_version_body_font_is_big(small):
    case, _ = small
    doc = Document(io.BytesIO(render_bytes(case, "child", "nl")[".docx"]))

    def size(p, r):
        style = p.style
        while style is not None and style.font.size is None:
            style = style.base_style
        return (r.font.size or style.font.size).pt

    read = [p for p in doc.paragraphs if p.style.name != "FacCredit"]  # the pictures' credit is small print
    sizes = [size(p, r) for p in read for r in p.runs if r.text.strip()]
    assert min(sizes) >= 14 and max(sizes) >= 24


# ---- markdown, json, csv ------------------------------------------------------------------------


def test_markdown_summary_and_escaping(hostile, tmp_path):
    case, _ = hostile
    [path] = export_case(case, "md", tmp_path / "s.md", lang="nl", overwrite=False)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Verslag voor het dossier\n\nFamilie Peeters")
    for heading in (
        "## Aanwezig",
        "## Zorgen",
        "## Gevaarsboodschappen",
        "## Schaalvragen",
        "## Afspraken",
        "## Verloop van het traject",
    ):
        assert heading in text, heading
    assert r"\<script\>alert(1)\</script\>" in text
    assert "<script>" not in text
    assert r"\*ster\*" in text and r"\_x\_" in text and r"\[link\](http://x)" in text and r"\`code\`" in text
    assert r"\# \|" in text
    assert '"quotes"' in text and "👩‍👧" in text and "مرحبا" in text
    # the newline inside the harm item stays a line break inside the same list item
    assert "`code\\`  \n  nieuwe regel" in text


def test_markdown_escape_unit():
    assert escape("a*b_c") == r"a\*b\_c"
    assert escape("# kop\n- lijst\n1. een") == "\\# kop  \n\\- lijst  \n1\\. een"
    assert escape("Jan & Marie &amp;") == "Jan & Marie \\&amp;"
    assert escape("\\") == "\\\\"


def test_json_is_the_case_file(hostile, tmp_path):
    case, _ = hostile
    [path] = export_case(case, "json", tmp_path / "c.json", overwrite=False)
    assert path.read_text(encoding="utf-8") == casefile.dumps(case)
    back = casefile.read(path)
    assert back.items == case.items


def test_csv_tables(hostile, tmp_path):
    case, ids = hostile
    paths = export_case(case, "csv", tmp_path / "tabellen.csv", lang="nl", overwrite=False)
    assert [p.name for p in paths] == ["tabellen-kolommen.csv", "tabellen-scores.csv", "tabellen-netwerk.csv"]
    for p in paths:
        assert p.read_bytes().startswith(b"\xef\xbb\xbf")
    cols = pd.read_csv(paths[0], sep=";", encoding="utf-8-sig", keep_default_na=False)
    scores = pd.read_csv(paths[1], sep=";", encoding="utf-8-sig", keep_default_na=False)
    assert len(scores) == len(case.scores)
    assert len(cols) == len(case.items)
    assert HOSTILE in set(cols["tekst"])
    assert HOSTILE in set(scores["niet lager omdat"])
    assert set(scores["score"]) == {2, 3, 5, 6, 7}
    row = scores[(scores["persoon"] == "Ilse Maes") & (scores["soort schaal"] == "Bereidheid")].iloc[0]
    assert row["over"] == case.people[ids["mama"]].name
    assert row["netwerk"] == "Professionelen"
    assert row["soort overleg"] == "Netwerkoverleg" and row["datum overleg"] == "2025-03-17"
    en = scores_frame(case, "en")
    assert "not lower because" in en.columns and len(en) == len(case.scores)


def test_one_scores_table_for_screen_and_documents():
    """The CSV of the documents is the scaling part's own table (the same columns, the same rows)."""
    from facilitation.domain import scaling
    from facilitation.i18n import translate

    case, _ = build_case()

    words = lambda key, **kw: translate("nl", key, **kw)  # noqa: E731
    assert scores_frame(case, "nl").equals(scaling.scores_frame(case, words, headers=True))


def test_csv_guards_excel_formulas(tmp_path):
    case, ids = build_case()
    case = case.apply(ops.update(case, "item", ids["harm"], text='=HYPERLINK("http://x")'))
    assert columns_frame(case, "nl")["tekst"].iloc[0] == '=HYPERLINK("http://x")'  # the frame stays exact
    [cols, _, _] = export_case(case, "csv", tmp_path / "t.csv", overwrite=False)
    read = pd.read_csv(cols, sep=";", encoding="utf-8-sig", keep_default_na=False)
    assert '\'=HYPERLINK("http://x")' in set(read["tekst"])


# ---- hostile text, files, names ------------------------------------------------------------------


def test_hostile_text_survives_docx_and_does_not_break_pdf(hostile, tmp_path):
    case, _ = hostile
    [docx] = export_case(case, "docx", tmp_path / "h.docx", overwrite=False)
    text = docx_text(docx)
    assert HOSTILE in text  # the agreement, newline and all
    assert "<script>alert(1)</script>" in text and "👩‍👧" in text and "مرحبا" in text
    [pdf] = export_case(case, "pdf", tmp_path / "h.pdf", overwrite=False)
    ptext = pdf_text(pdf)
    assert "alert(1)" in ptext and "Tante Lieke" in ptext
    kids = export_case(case, "child", tmp_path / "k", overwrite=False)
    assert "Het verhaal van" in pdf_text(kids[1])  # the children's booklet (a first draft) is made whole


def test_control_characters_do_not_break_documents(tmp_path):
    """The model refuses control characters; the export layer still copes with any that reach it."""
    import dataclasses

    from facilitation.domain import Case, ValidationError

    case, ids = build_case()
    with pytest.raises(ValidationError):
        ops.update(case, "item", ids["harm"], text="bel\x07 \x1b[31m rood \ud800 einde")
    dirty = dataclasses.replace(case.items[ids["harm"]], text="bel\x07 \x1b[31m rood \ud800 einde")
    records = {k: dict(v) for k, v in case.records.items()}
    records["item"][dirty.id] = dirty
    case = Case(records)
    for fmt in FORMATS:
        assert export_case(
            case, fmt, tmp_path / f"cc-{fmt}.x" if fmt not in ("csv", "child") else tmp_path / fmt, overwrite=False
        )
    assert "einde" in (tmp_path / "cc-md.x").read_text(encoding="utf-8")
    assert "bel [31m rood \ufffd einde" in (tmp_path / "csv-kolommen.csv").read_text(encoding="utf-8")


def test_files_are_private_and_named_safely(small, tmp_path):
    case, _ = small
    out = tmp_path / "exports"
    paths = export_all(case, out, lang="nl", overwrite=False)
    assert len(paths) == 9  # csv writes three files (columns, scores, network), child two
    for p in paths:
        assert p.exists() and stat.S_IMODE(p.stat().st_mode) == 0o600, p
    names = sorted(p.name for p in paths)
    assert "familie-peeters-2025-03-17-veiligheidsplan.pdf" in names
    assert "familie-peeters-2025-03-17-kinderversie.pdf" in names
    assert not list(out.glob(".fac-*"))  # no temporary files left
    # an existing file is kept unless replacing it is asked for; then it is replaced by a private one
    loose = tmp_path / "loose.md"
    loose.write_text("old")
    loose.chmod(0o644)
    with pytest.raises(FileExists):
        export_case(case, "md", loose, overwrite=False)
    assert loose.read_text() == "old"
    export_case(case, "md", loose, overwrite=True)
    assert stat.S_IMODE(loose.stat().st_mode) == 0o600 and loose.read_text() != "old"


def test_suggested_name_is_a_safe_slug():
    case = ops.new_case("Ëlla / Ömer: <Dossier>  ", "2025-01-02", [("Ëlla", 4)])
    name = suggested_name(case, "pdf", None, "en")
    assert name.startswith("ella-omer-dossier-") and name.endswith("-safety-plan.pdf")
    assert "/" not in name and " " not in name
    assert suggested_name(ops.new_case("مرحبا", "2025-01-02"), "md", None, "nl").startswith("dossier-")


def test_empty_case_exports_everything(tmp_path):
    case = ops.new_case("Leeg", "")
    paths = export_all(case, tmp_path, lang="en", overwrite=False)
    assert len(paths) == 9
    assert "No meeting held yet." in docx_text(next(p for p in paths if p.name.endswith("safety-plan.docx")))


# ---- figures and speed ----------------------------------------------------------------------------


def test_figures_are_png_and_cached(small):
    case, _ = small
    charts.clear_cache()
    net = charts.network_png(case, "nl")
    assert net[:8] == b"\x89PNG\r\n\x1a\n"
    assert charts.network_png(case, "nl") is net
    changed = case.apply(ops.update(case, "person", next(iter(case.people)), name="Iemand anders"))
    assert charts.network_png(changed, "nl") is not net


def test_mathtext_in_names_is_plain_text():
    case = ops.new_case("x", "2025-01-01", [("$\\frac{1}{$", 3)])
    assert charts.network_png(case, "nl")[:4] == b"\x89PNG"


def big_case() -> Case:
    try:
        from facilitation.samples import large_case  # type: ignore[attr-defined]

        return large_case() if callable(large_case) else large_case
    except ImportError:
        pass
    case = ops.new_case("Groot dossier", "2025-01-06", [("Kind A", 12), ("Kind B", 9), ("Kind C", 4)])
    pids = [p.id for p in case.children()]
    sectors = ("family", "friends", "school", "professional")
    for i in range(40):
        case, pid = do(
            case,
            ops.add_person(
                case,
                f"Persoon {i}",
                sector=sectors[i % 4],
                closeness=1 + i % 3,
                phone=f"0470 00 00 {i:02d}",
                in_safety_network=i % 5 == 0,
                relation=f"rol {i}",
            ),
        )
        pids.append(pid)
    for i in range(0, 40, 3):
        case, _ = do(case, ops.add_tie(case, pids[i], pids[(i + 7) % len(pids)], ("support", "conflict")[i % 2]))
    mids = []
    for d in ("2025-01-20", "2025-02-03", "2025-02-15"):
        case, mid = do(case, ops.add_meeting(case, "network_meeting", d, pids[:30]))
        mids.append(mid)
    elements = (
        "harm",
        "danger_statement",
        "complicating_factor",
        "strength",
        "existing_safety",
        "safety_goal",
        "bottom_line",
        "next_step",
    )
    for i in range(160):
        case, _ = do(
            case,
            ops.add_item(
                case,
                f"Punt {i}: " + "een zin in eigen woorden " * 4,
                elements[i % 8],
                author=pids[i % 40],
                meeting=mids[i % 3],
            ),
        )
    case, sid = do(case, ops.add_scale(case, "safety"))
    for mid in mids:
        for j, pid in enumerate(pids[:30]):
            case = do(case, ops.set_score(case, sid, mid, pid, (j * 3) % 11, "omdat", "als"))
    for i in range(30):
        case, _ = do(
            case,
            ops.add_agreement(
                case,
                f"Afspraak {i}: wie doet wat wanneer",
                owner=pids[i + 3],
                backup=pids[i + 4],
                when="elke dag",
                if_not="bel de back-up",
                agreed_by=pids[3:12],
                meeting=mids[-1],
            ),
        )
    return case


def test_pdf_names_a_missing_font_rather_than_dropping_letters(hostile, monkeypatch):
    """Helvetica (the old fallback) has no ş, no ✓ and no Arabic: a PDF without its font is refused, by name."""
    from facilitation import fonts
    from facilitation.export import fonts as export_fonts
    from facilitation.export import render_pdf

    render_pdf.fonts.cache_clear()
    export_fonts.clear()
    monkeypatch.setattr(fonts, "PACKAGE_FONTS", Path("/nonexistent"))
    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [])
    monkeypatch.setattr(
        export_fonts, "SYSTEM", {**export_fonts.SYSTEM, "regular": (), "bold": (), "italic": (), "bold_italic": ()}
    )
    try:
        case, _ = hostile
        with pytest.raises(fonts.FontMissing) as caught:
            render_bytes(case, "pdf", "nl")
        assert caught.value.params["font"] == "DejaVu Sans"
    finally:
        render_pdf.fonts.cache_clear()
        export_fonts.clear()


def test_a_missing_font_is_said_in_the_users_language(monkeypatch):
    from facilitation.domain.errors import FacilitationError
    from facilitation.export import fonts, shaping
    from facilitation.i18n import error_text

    monkeypatch.setattr(fonts, "SYSTEM", {**fonts.SYSTEM, "arabic": (), "arabic_bold": ()})
    monkeypatch.setattr(fonts, "_bundled", lambda role: None)
    fonts.clear()
    shaping.shape.cache_clear()
    try:
        case = ops.new_case("Familie El Amrani", "2025-01-02", [("فاطمة", 6)])
        with pytest.raises(FacilitationError) as err:
            render_bytes(case, "pdf", "nl")
        message = error_text("nl", err.value)
        assert "Noto Sans Arabic" in message or "fonts-noto-core" in message
    finally:
        fonts.clear()
        shaping.shape.cache_clear()
