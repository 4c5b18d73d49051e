"""The words the pseudonymiser knows: fields that hold ids, name particles, role words and titles, words that
start a place, capitals that are no name, schools' words and months (Dutch and English)."""

from __future__ import annotations

ID_FIELDS = frozenset(
    {
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
        "consultant",
        "crisis_worker",
        "pointer",
        "ff_follow_up",
        "agreement",
        "said_by",
        "story",
        "plan_version",
        "item",
        "child",
        "children",
        "previous",
        "contacts",
        "follow_up",
        "signed_by",
    }
)
"""Fields that refer to another record by its id."""

# Words that may be part of a name as typed ("Oma Rita", "Jan van den Berg") but are not names.
PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "ter",
        "ten",
        "te",
        "la",
        "le",
        "du",
        "des",
        "von",
        "vanden",
        "vander",
        "vande",
        "d",
    ]
)

# How people are called by their place in the family, their job or a title: "oma Rita", "juf Sarah".
ROLE_WORDS = {
    "female": "mama mam ma moeder moe oma bomma moemoe meme grootmoeder tante tant zus zuster dochter "
    "buurvrouw vriendin juf juffrouw mevrouw mevr meter stiefmoeder stiefmama plusmama pleegmoeder pleegmama "
    "psychologe consulente begeleidster partner-van-papa schoonmoeder kleindochter nicht grandma granny mum mom "
    "aunt mrs ms miss",
    "male": "papa pap pa vader va opa bompa vava grootvader nonkel oom broer zoon buurman vriend meester meneer "
    "mijnheer dhr peter stiefvader stiefpapa pluspapa pleegvader pleegpapa begeleider schoonvader kleinzoon neef "
    "grandpa dad uncle mr sir",
    "": "kind jongere baby ouder dokter huisarts consulent collega-consulent trainer voetbaltrainer leerkracht "
    "coach partner begeleider crisisbegeleider teamverantwoordelijke stafmedewerker directeur directrice "
    "familie gezin child teacher doctor madame monsieur dr mw mr",
}
ROLE_GENDER = {w: g for g, words in ROLE_WORDS.items() for w in words.split()}

TITLES = frozenset(
    [
        "mevrouw",
        "mevr",
        "meneer",
        "mijnheer",
        "dhr",
        "dr",
        "dokter",
        "madame",
        "monsieur",
        "mr",
        "mrs",
        "ms",
        "miss",
        "sir",
        "mw",
    ]
)
"""Words before a name that say nothing of the role: the name after them is anyone's."""

ADDRESS_ROLES = frozenset(
    [
        "mama",
        "papa",
        "moeder",
        "vader",
        "oma",
        "opa",
        "bomma",
        "bompa",
        "moemoe",
        "vava",
        "grootmoeder",
        "grootvader",
        "nonkel",
        "oom",
        "tante",
        "meter",
        "peter",
        "zus",
        "broer",
        "zoon",
        "dochter",
        "jongere",
        "stiefmoeder",
        "stiefvader",
        "stiefmama",
        "stiefpapa",
        "plusmama",
        "pluspapa",
        "pleegmoeder",
        "pleegvader",
        "huisarts",
    ]
)
"""Roles everyone calls a person by ("oma", "papa"): alone, they are a readable pseudonym when unique."""

PLACE_LEADS = [
    "in",
    "te",
    "uit",
    "naar",
    "afdeling",
    "regio",
    "omgeving",
    "nabij",
    "richting",
    "rond",
    "bij",
    "via",
    "vanuit",
    "tot",
]
STOP_CAPITALS = frozenset(
    [
        "De",
        "Het",
        "Een",
        "Hij",
        "Zij",
        "Ze",
        "Ik",
        "Je",
        "Jij",
        "We",
        "Wij",
        "Dat",
        "Die",
        "Dit",
        "Deze",
        "Er",
        "Als",
        "En",
        "Maar",
        "Of",
        "Want",
        "Dan",
        "Toen",
        "Nu",
        "Ook",
        "Om",
        "Op",
        "Met",
        "Voor",
        "Na",
        "Bij",
        "Naar",
        "Van",
        "In",
        "Uit",
        "Te",
        "Zo",
        "Wat",
        "Wie",
        "Waar",
        "Hoe",
        "Niet",
        "Geen",
        "Alle",
        "Elke",
        "The",
        "A",
        "An",
        "And",
        "Crisishulp",
        "Huis",
        "School",
        "Jeugdrechtbank",
        "Jeugdrechter",
        "Politie",
        "OCJ",
        "SDJ",
        "CLB",
        "CGG",
        "CAW",
        "OCMW",
        "Vlaanderen",
        "Oost-Vlaanderen",
        "West-Vlaanderen",
        "Vlaams-Brabant",
        "Limburg",
        "Belgie",
        "België",
        "Nederland",
        "Frankrijk",
        "Marokko",
        "Turkije",
    ]
)
"""Capitalised words that are never a name or a place on their own (sentence starts, services, regions)."""

SCHOOL_SUFFIX = r"(?:college|school|atheneum|lyceum|instituut|academie|campus)"
SCHOOL_GENERIC = frozenset(
    [
        "school",
        "basisschool",
        "kleuterschool",
        "hogeschool",
        "college",
        "atheneum",
        "lyceum",
        "instituut",
        "academie",
        "campus",
    ]
)
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
