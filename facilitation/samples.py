"""Sample cases: the fictional case files in ``sample_cases/``, and a large generated case for benchmarks.

The sample files are fictional (invented names, places and phone numbers); two follow the cases of seed 004,
the third is an exercise case for the reflecting team and for training. ``large_case`` builds a deterministic
case of realistic size for performance tests.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from .domain.case import Case
from .domain.errors import NotFoundError
from .domain.model import (
    ELEMENT_KINDS,
    Agreement,
    CaseInfo,
    Item,
    Meeting,
    Person,
    Record,
    Scale,
    Score,
    Tie,
)
from .store import casefile

SAMPLE_SUFFIX = ".json"


def sample_dir() -> Path:
    """The folder holding the sample case files: the package's own copy (an installed wheel carries them, see
    setup.py), else the source checkout's ``sample_cases/`` (a clone, an editable install)."""
    here = Path(__file__).resolve().parent
    packaged = here / "sample_cases"
    return packaged if packaged.is_dir() else here.parent / "sample_cases"


def sample_names() -> list[str]:
    """Names of the sample cases (file names without ``.json``), sorted."""
    d = sample_dir()
    if not d.is_dir():
        return []
    return sorted(p.stem for p in d.iterdir() if p.suffix == SAMPLE_SUFFIX and p.is_file())


def load_sample(name: str) -> Case:
    """Read one sample case by name; an unknown name raises ``NotFoundError('unknown_case')``."""
    if name not in sample_names():
        raise NotFoundError("unknown_case", name=name)
    return casefile.read(sample_dir() / f"{name}{SAMPLE_SUFFIX}")


# ---- a large generated case for benchmarks ------------------------------------------------------

_FIRST = (
    "Jonas",
    "Lotte",
    "Wout",
    "Fien",
    "Arne",
    "Lien",
    "Thibault",
    "Hanne",
    "Seppe",
    "Marie",
    "Robbe",
    "Noor",
    "Jef",
    "Lore",
    "Stijn",
    "Elke",
    "Bert",
    "Ine",
    "Koen",
    "Sofie",
    "Dirk",
    "Griet",
    "Pieter",
    "Annelies",
    "Tom",
    "Katrien",
    "Wim",
    "Veerle",
    "Luc",
    "Rita",
    "Jan",
    "Mieke",
    "Bram",
    "Leen",
    "Joris",
    "Nele",
    "Kobe",
    "Febe",
    "Warre",
    "Jolien",
    "Lars",
    "Nina",
    "Mathias",
    "Ellen",
    "Ruben",
    "Saar",
    "Senne",
    "Emma",
)
_LAST = (
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Hermans",
    "Aerts",
    "Pauwels",
    "Vermeulen",
    "Van Damme",
    "De Backer",
    "Verstraete",
    "Coppens",
    "De Vos",
    "Lambrecht",
    "Van Hecke",
    "Cooreman",
    "Bogaert",
    "Baert",
    "Dewaele",
    "Claeys",
    "Vandenberghe",
)
_RELATIONS = {
    "family": ("grootmoeder", "grootvader", "tante", "nonkel", "neef", "nicht", "zus", "broer", "meter", "peter"),
    "friends": ("buurvrouw", "buurman", "vriendin van mama", "vriend van papa", "beste vriend", "collega van mama"),
    "school": ("leerkracht", "zorgcoördinator", "voetbaltrainer", "jeugdleider", "muziekleraar", "onthaalouder"),
    "professional": (
        "consulent SDJ",
        "consulent OCJ",
        "crisisbegeleider",
        "CLB-medewerker",
        "huisarts",
        "psycholoog CGG",
        "maatschappelijk werker OCMW",
        "gezinsbegeleider",
        "kinderpsychiater",
        "wijkagent",
    ),
}
_WHO = ("Mama", "Papa", "Oma", "De consulent", "De leerkracht", "De crisisbegeleider", "Tante", "De buurvrouw")
_BEHAVIOUR = (
    "de ruzies thuis opnieuw uit de hand lopen",
    "de kinderen 's avonds alleen thuis blijven",
    "papa opnieuw drinkt als hij voor de kinderen zorgt",
    "er niemand is die de kinderen van school haalt",
    "mama zich opsluit als het haar te veel wordt",
    "de schulden blijven oplopen",
)
_IMPACT = (
    "de kinderen gekwetst raken",
    "de kinderen bang worden en niemand vertrouwen",
    "de kinderen niet meer thuis kunnen wonen",
    "de oudste de zorg voor de jongste moet dragen",
    "de kinderen school missen en achterop raken",
)
_TEXTS = {
    "harm": (
        "Er werd geroepen en geduwd toen {n} thuiskwam.",
        "{n} heeft gezien dat er met dingen gegooid werd.",
        "De kinderen waren een nacht alleen thuis, zegt {n}.",
        "{n} vertelt dat het eten vaak ontbrak.",
    ),
    "complicating_factor": (
        "{n} werkt in ploegen en is 's avonds weg.",
        "Er zijn schulden en brieven van de deurwaarder.",
        "{n} woont ver weg en heeft geen auto.",
        "Er is al lang ruzie tussen de ouders, zegt {n}.",
    ),
    "strength": (
        "{n} ziet de kinderen heel graag.",
        "De kinderen gaan graag naar {n}.",
        "{n} komt naar elke afspraak.",
        "{n} kan goed koken en zorgt voor structuur.",
    ),
    "existing_safety": (
        "{n} haalt de kinderen al jaren op woensdag van school.",
        "Toen het misliep, heeft {n} zelf hulp gevraagd.",
        "De kinderen slapen bij {n} als mama laat werkt, en dat loopt goed.",
    ),
    "safety_goal": (
        "De kinderen zijn altijd bij een volwassene die voor hen kan zorgen; {n} ziet dat het lukt.",
        "Ruzies lopen niet meer uit de hand; iedereen ziet dat zes maanden lang.",
        "{n} weet wie hij of zij kan bellen als het moeilijk wordt.",
    ),
    "bottom_line": (
        "De kinderen zijn op ieder moment onder toezicht van een volwassene.",
        "Er wordt geen geweld gebruikt.",
        "Er is een veiligheidsplan met minstens 3 volwassenen.",
        "Er wordt een Woord- en Beeldverhaal gemaakt voor de kinderen.",
    ),
    "next_step": (
        "{n} maakt een afspraak bij het CGG.",
        "{n} maakt een beurtrol voor de avonden.",
        "De consulent nodigt {n} uit voor het volgende overleg.",
        "{n} bekijkt een plan voor school.",
    ),
}
_AGREEMENTS = (
    "{n} haalt de kinderen op maandag en dinsdag van school.",
    "Als het thuis te hoog oploopt, belt {n} de oma.",
    "{n} komt elke zondag langs en vraagt hoe de week was.",
    "De kinderen slapen bij {n} als mama 's nachts weg moet.",
    "{n} belt elke avond om 19 uur om te horen hoe het gaat.",
)
_MEETING_DAYS = (14, 28, 40, 54, 68, 82)
_MEETING_KINDS = (
    "network_meeting",
    "interim_evaluation",
    "network_meeting",
    "interim_evaluation",
    "network_meeting",
    "interim_evaluation",
)


def _phone(rng: random.Random) -> str:
    return f"04{rng.randint(60, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"


def large_case(seed: int = 1) -> Case:
    """A deterministic generated case for benchmarks: 80 people, 150 ties, 400 items over the 8 element kinds,
    6 meetings of 20 participants, 4 scales with a score for every participant in every meeting (480), 30
    agreements. The same seed always gives the same case (each step draws from one generator, in order)."""
    rng = random.Random(seed)
    family = rng.choice(_LAST)
    start = date(2026, 9, 7)
    info = CaseInfo(
        id=f"c-large-{seed}",
        title=f"Benchmarkcasus {seed} – familie {family}",
        start_date=start.isoformat(),
        summary="Gegenereerd dossier om de snelheid van het programma te meten. Alle gegevens zijn verzonnen.",
        fictional=True,
    )
    people = _large_people(rng, family)
    ties = _large_ties(rng, people)
    meetings = _large_meetings(rng, start, [p.id for p in people])
    names = {p.id: p.name.split(" ")[0] for p in people}
    items = _large_items(rng, people, meetings, names)
    scales, scores = _large_scores(rng, meetings, names)
    agreements = _large_agreements(rng, people, items, meetings, names)
    records: list[Record] = [info, *people, *ties, *meetings, *items, *scales, *scores, *agreements]
    return Case.from_records(records)


def _large_people(rng: random.Random, family: str) -> list[Person]:
    """Two children, their parents, then the wider network (80 people)."""
    people: list[Person] = [
        Person(
            id="p-000",
            name=f"{rng.choice(_FIRST)} {family}",
            relation="kind",
            sector="family",
            closeness=1,
            is_child=True,
            age=rng.randint(8, 16),
            knowledge="some",
        ),
        Person(
            id="p-001",
            name=f"{rng.choice(_FIRST)} {family}",
            relation="kind",
            sector="family",
            closeness=1,
            is_child=True,
            age=rng.randint(1, 7),
            knowledge="none",
        ),
        Person(
            id="p-002",
            name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
            relation="moeder",
            sector="family",
            closeness=1,
            age=rng.randint(28, 45),
            phone=_phone(rng),
            knowledge="all",
            in_safety_network=True,
        ),
        Person(
            id="p-003",
            name=f"{rng.choice(_FIRST)} {family}",
            relation="vader",
            sector="family",
            closeness=2,
            age=rng.randint(30, 50),
            phone=_phone(rng),
            knowledge="some",
        ),
    ]
    sectors = ("family", "family", "friends", "friends", "school", "professional", "professional")
    for n in range(4, 80):
        sector = rng.choice(sectors)
        people.append(
            Person(
                id=f"p-{n:03d}",
                name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                relation=rng.choice(_RELATIONS[sector]),
                sector=sector,  # type: ignore[arg-type]
                closeness=rng.choice((2, 3)) if sector != "professional" else 3,
                phone=_phone(rng),
                knowledge=rng.choice(("all", "some", "some", "none")),
                in_safety_network=sector != "professional" and rng.random() < 0.3,
            )
        )
    return people


def _large_ties(rng: random.Random, people: list[Person]) -> list[Tie]:
    """Everyone linked to a child or a parent, then extra ties up to 150."""
    pids = [p.id for p in people]
    ties: dict[tuple[str, str, str], Tie] = {}

    def add_tie(a: str, b: str, kind: str) -> None:
        key = (min(a, b), max(a, b), kind)
        if a != b and key not in ties:
            ties[key] = Tie(
                id=f"t-{len(ties) + 1:03d}",
                a=a,
                b=b,
                kind=kind,  # type: ignore[arg-type]
                note=rng.choice(("", "", "ziet elkaar wekelijks", "contact via mama")),
            )

    add_tie("p-000", "p-001", "family")
    add_tie("p-000", "p-003", "broken")
    for p in people[2:]:
        hub = rng.choice(("p-000", "p-001", "p-002", "p-002"))
        add_tie(hub, p.id, "family" if p.sector == "family" else "support")
    while len(ties) < 150:
        a, b = rng.sample(pids, 2)
        add_tie(a, b, rng.choice(("support", "support", "family", "conflict", "broken")))
    return list(ties.values())


def _large_meetings(rng: random.Random, start: date, pids: list[str]) -> list[Meeting]:
    """Six meetings, twenty people each (the children's mother always there)."""
    meetings: list[Meeting] = []
    for k, (day, kind) in enumerate(zip(_MEETING_DAYS, _MEETING_KINDS, strict=True)):
        present = ["p-002", *rng.sample(pids[3:], 19)]
        meetings.append(
            Meeting(
                id=f"m-{k + 1}",
                kind=kind,  # type: ignore[arg-type]
                date=(start + timedelta(days=day - 1)).isoformat(),
                title=f"Overleg {k + 1}",
                present=tuple(present),
                location="Vergaderzaal, Gent",
            )
        )
    return meetings


def _large_items(
    rng: random.Random, people: list[Person], meetings: list[Meeting], names: dict[str, str]
) -> list[Item]:
    """50 items of each of the 8 element kinds; each danger statement paired with the safety goal of its number."""
    pids = [p.id for p in people]
    items: list[Item] = []
    # The eight elements of the framework (exceptions came later: the benchmark case stays comparable).
    framework = [e for e in ELEMENT_KINDS if e != "exception"]
    per_kind = 400 // len(framework)
    for element in framework:
        for n in range(per_kind):
            m = rng.choice(meetings)
            author = rng.choice(m.present)
            others = [p for p in m.present if p != author]
            rng.shuffle(others)
            n_agree, n_disagree = rng.randint(0, 4), rng.choice((0, 0, 0, 1, 2))
            extra: dict[str, str] = {}
            if element == "danger_statement":
                who, behaviour, impact = rng.choice(_WHO), rng.choice(_BEHAVIOUR), rng.choice(_IMPACT)
                text = f"{who} is bang dat {behaviour}. Dan kan het zijn dat {impact}."
                extra = {"ds_who": who, "ds_behaviour": behaviour, "ds_impact": impact}
            else:
                text = rng.choice(_TEXTS[element]).format(n=names[rng.choice(pids)])
            if element == "bottom_line":
                extra["set_by"] = "judge"
            items.append(
                Item(
                    id=f"i-{element}-{n + 1:02d}",
                    element=element,  # type: ignore[arg-type]
                    text=text,
                    author=author,
                    meeting=m.id,
                    position=float(n + 1),
                    agree=tuple(others[:n_agree]),
                    disagree=tuple(others[n_agree : n_agree + n_disagree]),
                    **extra,
                )
            )
    by_id = {i.id: i for i in items}
    for n in range(per_kind):
        ds, sg = f"i-danger_statement-{n + 1:02d}", f"i-safety_goal-{n + 1:02d}"
        by_id[ds] = by_id[ds].replace(paired_with=sg)
        by_id[sg] = by_id[sg].replace(paired_with=ds)
    return list(by_id.values())


def _large_scores(
    rng: random.Random, meetings: list[Meeting], names: dict[str, str]
) -> tuple[list[Scale], list[Score]]:
    """Four scales about the mother; a score by every participant in every meeting, drifting upwards."""
    parent = "p-002"
    scales = [
        Scale(id="s-veiligheid", kind="safety"),
        Scale(id="s-bereidheid", kind="willingness", subject=parent),
        Scale(id="s-vertrouwen", kind="confidence", subject=parent),
        Scale(id="s-capaciteit", kind="capacity", subject=parent),
    ]
    scores: list[Score] = []
    for k, m in enumerate(meetings):
        for s in scales:
            base = {"safety": 3, "willingness": 7, "confidence": 4, "capacity": 4}[s.kind]
            for pid in m.present:
                value = max(0, min(10, base + k // 2 + rng.randint(-2, 2)))
                answered = rng.random() < 0.25
                scores.append(
                    Score(
                        id=Score.key(s.id, m.id, pid),
                        scale=s.id,
                        meeting=m.id,
                        person=pid,
                        value=value,
                        why_not_lower=f"{names[pid]} ziet dat de afspraken gevolgd worden." if answered else "",
                        one_point_higher="Als de beurtrol een maand lang werkt." if answered else "",
                    )
                )
    return scales, scores


def _large_agreements(
    rng: random.Random, people: list[Person], items: list[Item], meetings: list[Meeting], names: dict[str, str]
) -> list[Agreement]:
    """The safety plan: 30 agreements carried by the informal network."""
    informal = [p.id for p in people[2:] if p.informal]
    linkable = [i.id for i in items if i.element in ("danger_statement", "safety_goal", "bottom_line")]
    agreements: list[Agreement] = []
    for n in range(30):
        m = meetings[n % len(meetings)]
        owner, backup = rng.sample(informal, 2)
        agreements.append(
            Agreement(
                id=f"a-{n + 1:02d}",
                what=rng.choice(_AGREEMENTS).format(n=names[owner]),
                owner=owner,
                backup=backup,
                when=rng.choice(("Altijd", "Elke week", "Maandag en dinsdag", "In het weekend", "Dag en nacht")),
                if_not=f"Als {names[owner]} niet kan, belt die {names[backup]}.",
                check_how="Bespreken op het volgende netwerkoverleg.",
                links=tuple(rng.sample(linkable, rng.randint(1, 3))),
                agreed_by=tuple(rng.sample(m.present, rng.randint(2, 6))),
                position=float(n + 1),
                meeting=m.id,
            )
        )
    return agreements
