"""Texts of the genogram, the network over time (kept maps and their comparison) and easyNWK files."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- genogram ------------------------------------------------------------------------------------
    "genogram.title": ("Genogram", "Genogram"),
    "genogram.empty": (
        "Nog niemand in het genogram: geef bij een persoon 'ouder van', 'kind van' of 'partner van'.",
        "Nobody in the genogram yet: give someone 'parent of', 'child of' or 'partner of'.",
    ),
    "genogram.and": ("{a} en {b}", "{a} and {b}"),
    "genogram.gap.father": (
        "{children}: niemand gekend langs vaderskant",
        "{children}: nobody known on the father's side",
    ),
    "genogram.gap.mother": (
        "{children}: niemand gekend langs moederskant",
        "{children}: nobody known on the mother's side",
    ),
    "genogram.gap.father_only": (
        "{children}: niemand gekend langs vaderskant buiten {parent}",
        "{children}: nobody known on the father's side apart from {parent}",
    ),
    "genogram.gap.mother_only": (
        "{children}: niemand gekend langs moederskant buiten {parent}",
        "{children}: nobody known on the mother's side apart from {parent}",
    ),
    "genogram.age": ("{n} j.", "{n} y."),
    "genogram.months": ("{n} mnd.", "{n} mo."),
    "genogram.lives_with": ("Woont bij de kinderen", "Lives with the children"),
    "genogram.gaps_title": ("Waar nog niemand gekend is", "Where nobody is known yet"),
    "genogram.unplaced": (
        "Nog zonder familieband in het genogram (kies de persoon en geef 'ouder van', 'kind van' of 'partner van'):",
        "Not yet in the genogram (choose the person and give 'parent of', 'child of' or 'partner of'):",
    ),
    "genogram.legend": (
        "□ man · ○ vrouw · ◇ niet ingevuld · dubbele rand: de kinderen · ✕ overleden · "
        "// ex-partners · streepjeslijn rond wie bij de kinderen woont · stippellijn: familie zonder gekende band",
        "□ man · ○ woman · ◇ not filled in · double border: the children · ✕ deceased · "
        "// former partners · dashed line around who lives with the children · dotted line: family, link not known",
    ),
    "error.three_parents": (
        "{name} heeft al twee ouders in het genogram.",
        "{name} already has two parents in the genogram.",
    ),
    "error.follow_up_self": (
        "iemand volgt niet zichzelf op: kies een andere persoon.",
        "someone does not follow themselves up: choose another person.",
    ),
    # ---- the network over time -------------------------------------------------------------------------
    "network.time.now": ("nu", "now"),
    "network.time.col.meeting_date": ("datum overleg", "meeting date"),
    "network.time.col.meeting_kind": ("overleg", "meeting"),
    "network.time.col.people": ("mensen op de kaart (zonder de kinderen)", "people on the map (children not counted)"),
    "network.time.col.informal_adults": ("volwassenen in het informele netwerk", "adults in the informal network"),
    "network.time.col.know_all": ("weten alles", "know everything"),
    "network.time.col.know_some": ("weten iets", "know something"),
    "network.time.col.safety_network": ("veiligheidsnetwerk", "safety network"),
    "network.time.col.safety_network_informal_adults": (
        "veiligheidsnetwerk: volwassenen uit het informele netwerk",
        "safety network: adults of the informal network",
    ),
    "network.time.col.conflict_ties": ("conflicten", "conflicts"),
    "network.time.col.lifelong_network": ("levenslang netwerk", "lifelong network"),
    "network.time.col.to_find": ("nog te zoeken", "still to find"),
    # ---- easyNWK files ---------------------------------------------------------------------------------
    "error.not_case_or_easynwk": (
        "dit is geen dossierbestand van facilitation en geen easyNWK-bestand (een dossierbestand heeft "
        "'format': 'facilitation-case'; een easyNWK-bestand 'versions' of 'ego', 'alteri' en 'connections').",
        "this is neither a facilitation case file nor an easyNWK file (a case file has "
        "'format': 'facilitation-case'; an easyNWK file 'versions' or 'ego', 'alteri' and 'connections').",
    ),
    "easynwk.now": ("Netwerkkaart nu", "Network map now"),
    "easynwk.now_at_meeting": (
        "Netwerkkaart zoals nu, bij het overleg van {date}",
        "Network map as it is now, at the meeting of {date}",
    ),
}
