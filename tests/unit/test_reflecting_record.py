"""The reflecting team's record: its own map, scenarios compared in words, Markdown without stray escapes,
`facilitation export --format record` (issue 21.2)."""

from __future__ import annotations

from facilitation import cli, samples
from facilitation.domain import ops
from facilitation.domain import reflecting as rt
from facilitation.export import reflecting_record as record


def team_case():  # type: ignore[no-untyped-def]
    case = samples.load_sample("mila-en-finn")
    mid = rt.reflecting_meetings(case)[-1].id
    e, _ = rt.add_team_item(case, mid, "Bomma woont in Sint-Gillis; *dringend* bekijken.", "complicating_factor")
    case = case.apply(e)
    e, _ = rt.add_next_step(case, mid, "Leen belt bomma vóór vrijdag.")
    return case.apply(e), mid


def test_markdown_keeps_ordinary_words_as_typed():
    case, mid = team_case()
    _, data = record.render(case, mid, "md", "nl")
    text = data.decode("utf-8")
    assert "Sint-Gillis" in text and "Sint\\-Gillis" not in text
    assert "\\*dringend\\*" in text  # what would be markup stays visible as typed
    assert "\\." not in text and "\\(" not in text and "\\-" not in text


def test_scenarios_are_compared_in_words_not_counts():
    case, mid = team_case()
    text = record.render(case, mid, "md", "nl")[1].decode("utf-8")
    assert "De scenario's naast elkaar" in text
    assert "het veiligst" in text and "het minst veilig" in text
    assert "| Scenario |" not in text and "0 | 1" not in text
    for sc in rt.scenarios_in_order(case):
        assert sc.title in text


def test_the_record_holds_the_teams_map_and_next_steps_not_the_familys():
    case, mid = team_case()
    text = record.render(case, mid, "md", "nl")[1].decode("utf-8")
    assert "dringend" in text and "Leen belt bomma vóór vrijdag." in text
    family = next(i.text for i in case.items.values() if i.scenario is None and i.element == "harm")
    assert family[:40] not in text
    with_family = record.render(case, mid, "md", "nl", family_words=True)[1].decode("utf-8")
    assert "Woorden van het gezin" in with_family and family[:40] in with_family.replace("\\", "")


def test_the_pseudonymised_record_says_what_kinds_were_replaced():
    case, mid = team_case()
    text = record.render(case, mid, "md", "nl", "roles")[1].decode("utf-8")
    assert "Gepseudonimiseerd" in text and "Vervangen: persoon" in text and "plaats" in text
    assert "Sint-Gillis" not in text and "Rosa" not in text and "Leen" not in text


def test_export_format_record_with_a_meeting(tmp_path, capsys):
    store = str(tmp_path / "s.sqlite3")
    case = samples.load_sample("mila-en-finn")
    mid = rt.reflecting_meetings(case)[0].id
    args = ["--store", store, "export", "mila-en-finn", "--format", "record", "--meeting", mid, "--out", str(tmp_path)]
    assert cli.main(args) == 0
    files = sorted(p.suffix for p in tmp_path.iterdir() if "reflectief-team" in p.name)
    assert files == [".docx", ".md", ".pdf"]
    assert cli.main([*args[:-2], "--out", str(tmp_path / "verslag.pdf")]) == 0
    assert (tmp_path / "verslag.pdf").read_bytes()[:5] == b"%PDF-"
    network = next(m.id for m in case.meetings.values() if m.kind != "reflecting_team")
    assert cli.main(["--store", store, "export", "mila-en-finn", "--format", "record", "--meeting", network]) == 2
    assert "geen bespreking van het reflectief team" in capsys.readouterr().err
    assert ops  # the domain's operations are what the dashboard uses too


def _docx_paragraphs(data: bytes) -> list[str]:
    import io

    from docx import Document

    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    texts += [c.text for table in doc.tables for row in table.rows for c in row.cells]
    return [t for t in texts if t.strip()]


def _plain(md: str) -> str:
    """The Markdown as a reader sees it: no emphasis marks, escapes or hard-break spaces."""
    import re

    text = re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)\*", "", md).replace("  \n", "\n"))
    return re.sub(r"(?<!\w)_|_(?!\w)", "", text)


def test_the_markdown_record_holds_what_the_word_record_holds():
    """Each scenario's worries, strengths and needs in the comparison ("Zorgen: ...") are in the .md too."""
    case, mid = team_case()
    md = _plain(record.render(case, mid, "md", "nl")[1].decode("utf-8"))
    words = " ".join(md.split())
    for para in _docx_paragraphs(record.render(case, mid, "docx", "nl")[1]):
        for line in para.split("\n"):
            line = " ".join(line.replace("\t", " ").split()).removeprefix("• ")
            assert line in words, line
    assert "Zorgen: " in md


def test_a_list_item_does_not_swallow_the_next_paragraph():
    from markdown_it import MarkdownIt

    case, mid = team_case()
    md = record.render(case, mid, "md", "nl")[1].decode("utf-8")
    html = MarkdownIt().render(md)
    assert "<p><strong>Wat gaat er goed?</strong></p>" in html.replace("\n", "")
    assert "<li>" in html and "<strong>Wat gaat er goed?</strong></li>" not in html


def test_export_format_record_without_a_team_meeting_is_refused(tmp_path, capsys):
    """No empty record dated today: a clear message, exit code 2, nothing written."""
    store = str(tmp_path / "s.sqlite3")
    case = samples.load_sample("jonas-17")
    assert not rt.reflecting_meetings(case)
    out = tmp_path / "out"
    out.mkdir()
    assert cli.main(["--store", store, "export", "jonas-17", "--format", "record", "--out", str(out)]) == 2
    assert "heeft nog geen bespreking van het reflectief team" in capsys.readouterr().err
    assert list(out.iterdir()) == []
    assert cli.main(["--store", store, "--lang", "en", "export", "jonas-17", "--format", "record"]) == 2
    assert "has no reflecting-team discussion yet" in capsys.readouterr().err


def test_the_comparison_names_the_safest_and_least_safe_scenario_by_the_teams_middle():
    case, mid = team_case()
    text = record.render(case, mid, "md", "nl")[1].decode("utf-8")
    # the sample's team: bomma 5-7 (middle 6), foster care 4-5 (4,5), home 3-5 (4)
    assert "'Verblijf bij grootmoeder' het veiligst in (midden 6)" in text
    assert "'Terug naar huis met veiligheidsplan' het minst veilig (midden 4)" in text
    for pid in rt.team(case, case.meetings[mid]):
        case = case.apply(rt.set_team_score(case, "sc-thuis", mid, pid, 6))
        case = case.apply(rt.set_team_score(case, "sc-pleeg", mid, pid, 6))
        case = case.apply(rt.set_team_score(case, "sc-bomma", mid, pid, 6))
    text = record.render(case, mid, "md", "en")[1].decode("utf-8")
    assert "The team sees the scenarios as equally safe (middle 6)." in text
