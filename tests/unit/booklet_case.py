"""A story and Three Houses for Noah (10) of the sample lina-en-noah, for the tests of the children's documents."""

from __future__ import annotations

import json
import math

from facilitation import samples
from facilitation.domain.case import Case
from facilitation.domain.model import HouseEntry, Story, StoryPage

PRIVATE = "Ik ben soms boos op mama omdat ze weg was."


def _circle(cx: float, cy: float, r: float, n: int = 24) -> list[list[float]]:
    return [[cx + r * math.cos(2 * math.pi * i / n), cy + r * math.sin(2 * math.pi * i / n)] for i in range(n + 1)]


def stick_figure(x: float, colour: str) -> list[dict[str, object]]:
    return [
        {"color": colour, "width": 8, "points": _circle(x, 250, 55)},
        {"color": colour, "width": 8, "points": [[x, 305], [x, 520]]},
        {"color": colour, "width": 8, "points": [[x - 90, 380], [x, 340], [x + 90, 380]]},
        {"color": colour, "width": 8, "points": [[x - 70, 680], [x, 520], [x + 70, 680]]},
    ]


HOUSE = [
    {
        "color": "#b03a2e",
        "width": 10,
        "points": [[300, 700], [300, 400], [500, 220], [700, 400], [700, 700], [300, 700]],
    },
    {"color": "#1f5fa8", "width": 8, "points": [[450, 700], [450, 560], [550, 560], [550, 700]]},
]

PAGES = (
    (
        "who_worried",
        "Mama, oma en Evelien maken zich zorgen. Ze willen dat Noah en Lina veilig zijn.",
        stick_figure(300, "#1f5fa8") + stick_figure(700, "#1e7b4f"),
    ),
    ("what_happened", "Op een nacht waren Noah en Lina alleen thuis. Lina weende. Noah was bang.", HOUSE),
    (
        "the_worry",
        "Kinderen mogen 's nachts niet alleen zijn. Dat is niet de schuld van Noah.",
        stick_figure(500, "#b03a2e"),
    ),
    (
        "keeping_safe",
        "Nu is er altijd iemand bij Noah en Lina: mama, oma, tante Kelly of Nadia (نادية).",
        stick_figure(250, "#1f5fa8") + stick_figure(750, "#b86e00"),
    ),
    ("who_to_go_to", "Is er iets? Dan belt Noah aan bij Nadia. 🏠", HOUSE),
    ("what_next", "De rechter luistert naar iedereen en beslist dan wat er verder gebeurt.", []),
)
PICTOGRAMS = {"what_happened": ("dog",), "what_next": ("judge", "calendar")}
"""Pictograms chosen on two pages: beside a drawing, and alone (the last page has no drawing)."""
CONTACTS = {"who_to_go_to": ("p-nadia",)}


def booklet_case() -> Case:
    case = samples.load_sample("lina-en-noah")
    story = Story(
        id="st-1", title="Het verhaal van Noah", kind="words_pictures", children=("p-noah",), made_on="2026-10-14"
    )
    old = Story(id="st-0", title="Eerste verhaal", kind="immediate", children=("p-noah",), made_on="2026-10-13")
    story = story.replace(previous="st-0", version=2)
    records = [story, old, StoryPage(id="sp-old", story="st-0", text="Oude versie van het verhaal.")]
    for n, (topic, text, strokes) in enumerate(PAGES):
        records.append(
            StoryPage(
                id=f"sp-{n}",
                story="st-1",
                topic=topic,
                text=text,
                drawing=json.dumps(strokes) if strokes else "",
                pictograms=PICTOGRAMS.get(topic, ()),
                contacts=CONTACTS.get(topic, ()),
                position=float(n),
            )
        )
    records += [
        HouseEntry(
            id="h-1",
            child="p-noah",
            house="worries",
            text="Ik ben bang als het donker is en ik alleen ben.",
            shareable=True,
        ),
        HouseEntry(id="h-2", child="p-noah", house="worries", text=PRIVATE, shareable=False),
        HouseEntry(
            id="h-3",
            child="p-noah",
            house="good_things",
            text="Bij oma mag ik pannenkoeken bakken. 🥞",
            drawing=json.dumps(HOUSE),
            shareable=True,
        ),
        HouseEntry(id="h-4", child="p-noah", house="dreams", text="Later wil ik brandweerman worden.", shareable=True),
    ]
    by_kind: dict[str, dict[str, object]] = {k: dict(v) for k, v in case.records.items()}
    for r in records:
        by_kind.setdefault(r.KIND, {})[r.id] = r
    return Case(by_kind)  # type: ignore[arg-type]
