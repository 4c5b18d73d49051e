"""The shipped pictograms: every picture the family can choose is on disk, local, labelled and licensed."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest

from facilitation import pictograms
from facilitation.domain.child_voice import TOPIC_PICTOGRAMS
from facilitation.i18n import has

ASKED_FOR = [
    "mama",
    "papa",
    "child",
    "baby",
    "grandmother",
    "grandfather",
    "family",
    "house",
    "school",
    "police_car",
    "hospital",
    "bed",
    "telephone",
    "heart",
    "hug",
    "judge",
    "calendar",
    "car",
    "sun",
    "star",
    "ball",
    "book",
    "food",
    "friends",
    "doctor",
]


def test_the_pictures_a_first_draft_and_the_issue_ask_for_are_shipped():
    names = set(pictograms.names())
    assert {n for topic in TOPIC_PICTOGRAMS.values() for n in topic} <= names
    assert set(ASKED_FOR) <= names


@pytest.mark.parametrize("name", pictograms.names())
def test_each_pictogram_has_an_svg_and_a_png_with_labels_in_both_languages(name):
    root = ET.fromstring(pictograms.svg(name))
    assert root.tag.endswith("svg")
    # Nothing the page would fetch: no link other than the SVG namespace.
    text = pictograms.svg(name)
    assert "href" not in text and "url(http" not in text and "@import" not in text
    head = pictograms.png_path(name).read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (256, 256)
    assert has(f"pictogram.{name}")
    assert pictograms.label(name, "nl") and pictograms.label(name, "en")
    assert pictograms.data_uri(name).startswith("data:image/svg+xml;base64,")


def test_labels_speak_as_a_child_does():
    assert pictograms.label("mama", "nl") == "mama"
    assert pictograms.label("police_car", "nl") == "politieauto"
    assert pictograms.label("grandmother", "en") == "grandma"


def test_every_name_is_in_one_group_of_the_picker():
    grouped = [n for _, names in pictograms.groups() for n in names]
    assert sorted(grouped) == sorted(pictograms.names())
    assert all(has(f"pictogram.group.{g}") for g, _ in pictograms.groups())


def test_an_unknown_name_is_refused_by_name():
    with pytest.raises(pictograms.UnknownPictogram):
        pictograms.path("unicorn")
    assert pictograms.label("unicorn", "nl") == "unicorn"


def test_the_licence_travels_with_the_pictures():
    licence = pictograms.LICENCE_FILE.read_text(encoding="utf-8")
    assert "Attribution-ShareAlike 4.0 International" in licence
    readme = (pictograms.FOLDER / "README.md").read_text(encoding="utf-8")
    assert "OpenMoji" in readme and "CC BY-SA 4.0" in readme
    assert "CC BY-SA 4.0" in pictograms.ATTRIBUTION
