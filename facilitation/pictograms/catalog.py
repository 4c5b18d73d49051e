"""Which pictograms the tool ships: our name -> (OpenMoji code point sequence, group in the picker).

The pictures are OpenMoji's (https://openmoji.org, CC BY-SA 4.0), copied by ``scripts/make-pictograms``
from the npm package ``openmoji`` at ``OPENMOJI_VERSION``. Names are ours, in English, stable: they are
stored in case files (``StoryPage.pictograms``, ``HouseEntry.pictograms``); labels are in i18n/pictograms.py.
"""

from __future__ import annotations

OPENMOJI_VERSION = "17.0.0"

GROUPS = ("people", "places", "things", "feelings", "nature")
"""The picker's groups, in order."""

PICTOGRAMS: dict[str, tuple[str, str]] = {
    # people
    "mama": ("1F469", "people"),
    "papa": ("1F468", "people"),
    "child": ("1F9D2", "people"),
    "girl": ("1F467", "people"),
    "boy": ("1F466", "people"),
    "baby": ("1F476", "people"),
    "grandmother": ("1F475", "people"),
    "grandfather": ("1F474", "people"),
    "family": ("1F46A", "people"),
    "friends": ("1F9D1-200D-1F91D-200D-1F9D1", "people"),
    "hug": ("1FAC2", "people"),
    "handshake": ("1F91D", "people"),
    "judge": ("1F9D1-200D-2696-FE0F", "people"),
    "doctor": ("1F9D1-200D-2695-FE0F", "people"),
    "teacher": ("1F9D1-200D-1F3EB", "people"),
    "police_officer": ("1F46E", "people"),
    # places
    "house": ("1F3E0", "places"),
    "home_garden": ("1F3E1", "places"),
    "school": ("1F3EB", "places"),
    "hospital": ("1F3E5", "places"),
    "court": ("1F3DB", "places"),
    "police_car": ("1F693", "places"),
    "car": ("1F697", "places"),
    "bicycle": ("1F6B2", "places"),
    # things
    "bed": ("1F6CF", "things"),
    "telephone": ("260E", "things"),
    "mobile_phone": ("1F4F1", "things"),
    "calendar": ("1F4C5", "things"),
    "clock": ("23F0", "things"),
    "book": ("1F4D6", "things"),
    "ball": ("26BD", "things"),
    "teddy_bear": ("1F9F8", "things"),
    "food": ("1F372", "things"),
    "cake": ("1F382", "things"),
    "ice_cream": ("1F368", "things"),
    "gift": ("1F381", "things"),
    "music": ("1F3B5", "things"),
    "bath": ("1F6C1", "things"),
    "toothbrush": ("1FAA5", "things"),
    "pen": ("270F", "things"),
    "key": ("1F511", "things"),
    "shield": ("1F6E1", "things"),
    "plaster": ("1FA79", "things"),
    # feelings
    "heart": ("2764", "feelings"),
    "happy": ("1F60A", "feelings"),
    "sad": ("1F622", "feelings"),
    "scared": ("1F628", "feelings"),
    "angry": ("1F620", "feelings"),
    "worried": ("1F61F", "feelings"),
    "thinking": ("1F914", "feelings"),
    "talk": ("1F4AC", "feelings"),
    "star": ("2B50", "feelings"),
    # nature
    "sun": ("2600", "nature"),
    "rain": ("1F327", "nature"),
    "rainbow": ("1F308", "nature"),
    "tree": ("1F333", "nature"),
    "dog": ("1F415", "nature"),
    "cat": ("1F408", "nature"),
}
