"""Pseudonyms: every name replaced, the same way everywhere, in the case and in every record file."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from facilitation.domain import ops
from facilitation.domain import reflecting as rt
from facilitation.domain.case import Case
from facilitation.domain.model import RevealStep, RoleCard
from facilitation.domain.pseudonym import PseudonymWords, build, originals_in, pseudonymise
from facilitation.export import reflecting_record as record

NAMES = ("Jonas", "Zoë", "Rita", "Sofie", "Maes", "Lieke", "Vermeulen", "Dirk", "Peeters", "Annelies", "Claes")


def rich_case() -> tuple[Case, dict[str, str]]:
    """A case whose names turn up in every kind of text, typed the ways people type them."""
    case = ops.new_case(
        "Familie Maes", "2026-10-01", [("Jonas Maes", 17), ("Zoë Maes", 4)], summary="Jonas en Zoë wonen bij Sofie."
    )
    ids: dict[str, str] = {}
    for name, rel, sector, phone in (
        ("Rita Maes", "grootmoeder", "family", "0470 12 34 56"),
        ("Sofie Maes", "moeder", "family", ""),
        ("Tante Lieke Vermeulen", "tante", "family", "+32 9 123 45 67"),
        ("Dirk", "vriend van Sofie", "friends", ""),
        ("Annelies Peeters", "consulent", "professional", ""),
        ("Bart Claes", "stafmedewerker", "professional", ""),
    ):
        e, pid = ops.add_person(
            case, name, relation=rel, sector=sector, phone=phone, notes=f"{name} belt soms 's avonds."
        )
        case = case.apply(e)
        ids[name] = pid
    for p in case.children():
        ids[p.name] = p.id
    e, mid = ops.add_meeting(
        case, "reflecting_team", "2026-10-08", [ids["Annelies Peeters"], ids["Bart Claes"]], title="Bespreking Maes"
    )
    case = case.apply(e)
    ids["meeting"] = mid
    case = case.apply(
        ops.update(case, "meeting", mid, location="bij Rita thuis", agenda=("welcome", "Gesprek met Sofie"))
    )
    texts = [
        ("harm", "Rita zag dat jonas (17) 's nachts wegliep; ZOË huilde."),
        ("danger_statement", "Annelies en Bart zijn bezorgd dat Sofie's drankgebruik Zoe in gevaar brengt."),
        (
            "strength",
            "Tante Lieke Vermeulen vangt de kinderen op; mail lieke.vermeulen@example.be of bel 0470 12 34 56.",
        ),
        ("next_step", "Annelies belt Dirk tegen 15/10/2026."),
    ]
    for element, text in texts:
        e, _ = ops.add_item(case, text, element=element, meeting=mid, ds_who="Rita en de school")
        case = case.apply(e)
    e, sid = rt.add_scenario(case, "Bij grootmoeder Rita", "Jonas en Zoë wonen bij Rita Maes.")
    case = case.apply(e)
    e, _ = ops.add_item(case, "Rita is 74 en moe.", element="complicating_factor", scenario=sid)
    case = case.apply(e)
    case = case.apply(rt.set_team_score(case, sid, mid, ids["Annelies Peeters"], 6))
    case = case.apply(rt.set_team_score(case, None, mid, ids["Bart Claes"], 3))
    e, _ = rt.add_reflection(case, mid, "Ik hoor dat Sofie en Dirk ruzie hebben.", ids["Bart Claes"], 1)
    case = case.apply(e)
    e, _ = rt.add_reflection(case, mid, "Scenario bij Rita verder verkennen met Lieke.", None, 1, conclusion=True)
    case = case.apply(e)
    case = case.apply(rt.set_scribe(case, mid, ids["Bart Claes"]))
    e, _ = rt.add_next_step(case, mid, "Annelies belt Dirk tegen 15/10/2026.")
    case = case.apply(e)
    e, _ = ops.add_agreement(
        case, "Als Sofie drinkt, belt Jonas tante Lieke.", owner=ids["Rita Maes"], when="elke avond"
    )
    case = case.apply(e)
    case = case.apply(
        ops.create(
            RoleCard(
                id="rc-1", role="Rita", person=ids["Rita Maes"], knows="Rita weet alles.", thinks="Sofie kan het niet."
            )
        )
    )
    case = case.apply(ops.create(RevealStep(id="rv-1", title="Brief van Dirk", text="Dirk schrijft over Jonas.")))
    return case, ids


def all_texts(case: Case) -> list[str]:
    """Every text of every record, as a record file or the screen could show it (ids left out)."""
    out: list[str] = []
    for bucket in case.records.values():
        for rec in bucket.values():
            for k, v in rec.to_dict().items():
                if k in {
                    "id",
                    "a",
                    "b",
                    "author",
                    "meeting",
                    "paired_with",
                    "scenario",
                    "subject",
                    "scale",
                    "person",
                    "owner",
                    "backup",
                    "scribe",
                    "present",
                    "agree",
                    "disagree",
                    "links",
                    "agreed_by",
                }:
                    continue
                if isinstance(v, str):
                    out.append(v)
                elif isinstance(v, list):
                    out += [x for x in v if isinstance(x, str)]
    return out


def assert_no_names(texts: list[str]) -> None:
    blob = "\n".join(texts)
    for name in NAMES:
        assert not re.search(rf"(?<!\w){name}(?!\w)", blob, re.IGNORECASE), f"{name} still in: {blob[:2000]}"
    assert "0470" not in blob and "123 45 67" not in blob and "@" not in blob


@pytest.mark.parametrize("mode", ["roles", "names"])
def test_no_name_survives_anywhere_in_the_case(mode):
    case, _ = rich_case()
    shown = pseudonymise(case, mode=mode)
    assert_no_names(all_texts(shown))
    assert originals_in(all_texts(shown), case) == []


def test_roles_are_readable_and_consistent():
    case, ids = rich_case()
    words = PseudonymWords(case_title="Casus {code}", child="kind")
    shown = pseudonymise(case, words, "roles")
    people = shown.people
    # A role everyone calls someone by stays alone when it is unique; the others get a letter.
    assert people[ids["Rita Maes"]].name == "Grootmoeder"
    assert people[ids["Sofie Maes"]].name == "Moeder"
    assert people[ids["Tante Lieke Vermeulen"]].name == "Tante"
    kids = {people[ids["Jonas Maes"]].name, people[ids["Zoë Maes"]].name}
    assert len(kids) == 2 and all(re.fullmatch(r"Kind [A-Z]\.", k) for k in kids)
    # "vriend van Sofie" names someone: the role keeps "vriend" only.
    assert re.fullmatch(r"Vriend [A-Z]\.", people[ids["Dirk"]].name)
    assert shown.info.title.startswith("Casus ") and "Maes" not in shown.info.title
    harm = next(i for i in shown.items.values() if i.element == "harm")
    jonas, zoe = ("k" + people[ids[n]].name[1:] for n in ("Jonas Maes", "Zoë Maes"))
    assert harm.text == f"Grootmoeder zag dat {jonas} (17) 's nachts wegliep; {zoe} huilde."
    ds = next(i for i in shown.items.values() if i.element == "danger_statement")
    assert f"moeder's drankgebruik {zoe}" in ds.text  # possessive, and Zoë typed without accent
    strength = next(i for i in shown.items.values() if i.element == "strength")
    assert strength.text.startswith("Tante vangt de kinderen op")
    assert "[phone]" in strength.text and "[e-mail]" in strength.text
    assert all(p.phone == "" for p in people.values())


def test_the_same_person_gets_the_same_pseudonym_everywhere():
    case, ids = rich_case()
    shown = pseudonymise(case, mode="names")
    rita = shown.people[ids["Rita Maes"]].name
    texts = "\n".join(all_texts(shown))
    assert rita in shown.scenarios[next(iter(shown.scenarios))].title
    assert texts.count(rita) >= 5
    again = pseudonymise(case, mode="names")
    assert again.people[ids["Rita Maes"]].name == rita  # stable
    invented = {p.name for p in shown.people.values()}
    assert len(invented) == len(shown.people)  # everyone told apart
    assert not invented & set(NAMES)


def test_ids_dates_and_numbers_stay_the_case_is_untouched():
    case, ids = rich_case()
    before = {k: {i: r.to_dict() for i, r in b.items()} for k, b in case.records.items()}
    shown = pseudonymise(case, mode="roles")
    assert {k: set(b) for k, b in shown.records.items()} == {k: set(b) for k, b in case.records.items()}
    step = next(i for i in shown.items.values() if i.element == "next_step")
    assert "15/10/2026" in step.text  # a date is not a phone number
    assert shown.meetings[ids["meeting"]].date == "2026-10-08"
    assert {s.value for s in shown.scores.values()} == {6, 3}
    assert {k: {i: r.to_dict() for i, r in b.items()} for k, b in case.records.items()} == before


def test_short_names_only_when_written_as_a_name():
    case = ops.new_case("Gezin An", "2026-01-01", [("Bo", 3)])
    e, _ = ops.add_person(case, "An", relation="moeder")
    case = case.apply(e)
    e, _ = ops.add_item(case, "An zegt: ik wil dat Bo an apple eet. AN belt.", column="worries")
    case = case.apply(e)
    item = next(iter(pseudonymise(case, mode="roles").items.values()))
    assert item.text == "Moeder zegt: ik wil dat child an apple eet. Moeder belt."


def test_a_first_name_shared_by_two_people_is_not_guessed_unless_a_role_word_says_who():
    case = ops.new_case("Gezin", "2026-01-01", [("Jan Smet", 8)])
    e, _ = ops.add_person(case, "Jan De Wit", relation="vader")
    case = case.apply(e)
    e, _ = ops.add_item(case, "Jan zegt dat Jan Smet slaapt. Papa Jan belt.", column="worries")
    case = case.apply(e)
    text = next(iter(pseudonymise(case, mode="roles").items.values())).text
    assert text == "N.N. zegt dat child slaapt. Papa belt."


def test_particles_and_titles_are_not_names():
    ps = build(ops.new_case("X", "2026-01-01", [("Lotte van den Berg", 5)]))
    assert ps.replace("de kinderen van de buren") == "de kinderen van de buren"
    assert re.fullmatch(r"Child en de familie [A-Z]\.", ps.replace("Lotte van den Berg en de familie Berg"))


@pytest.mark.parametrize("mode", ["roles", "names"])
def test_record_files_hold_no_original_name(tmp_path, mode):
    from pypdf import PdfReader

    case, ids = rich_case()
    paths = [record.write(case, ids["meeting"], fmt, tmp_path, "nl", pseudonym=mode) for fmt in record.FORMATS]
    for path in paths:
        assert path.stat().st_mode & 0o777 == 0o600
        assert not any(n.lower() in path.name.lower() for n in NAMES)
        data = path.read_bytes()
        if path.suffix == ".docx":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                texts = [z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))]
            texts = [re.sub(r"<[^>]+>", "", t) for t in texts]
        elif path.suffix == ".pdf":
            texts = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
        else:
            texts = [data.decode("utf-8")]
        assert_no_names(texts)
        joined = "\n".join(texts)
        assert "Gepseudonimiseerd" in joined.replace("\n", " ")


def test_record_without_pseudonyms_has_everything(tmp_path):
    case, ids = rich_case()
    name, data = record.render(case, ids["meeting"], "md", "nl")
    text = data.decode("utf-8")
    assert name == "familie-maes-2026-10-08-reflectief-team.md"
    for expected in (
        "Annelies Peeters (consulent)",
        "Bart Claes",
        "Bij grootmoeder Rita",
        "Ronde 1",
        "Scenario bij Rita verder verkennen",
        "Annelies belt Dirk",
        "Verslag door",
    ):
        assert expected in text.replace("\\", ""), expected
    assert "Gepseudonimiseerd" not in text
