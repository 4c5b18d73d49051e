"""The family screen (familiescherm): what the family reads on the projector, in plain words. (nl-BE, en)"""

MESSAGES: dict[str, tuple[str, str]] = {
    "edit.point": ("aangewezen op het familiescherm", "pointed at on the family screen"),
    "edit.family_screen": ("familiescherm gewijzigd", "family screen changed"),
    "fv.lang": ("nl", "en"),
    "fv.page_title": (
        "Familiescherm · Samen op weg naar veiligheid",
        "Family screen · Working together towards safety",
    ),
    "fv.step": ("{n}/{total}", "{n}/{total}"),
    "fv.page": ("Pagina {n} van {total}", "Page {n} of {total}"),
    "fv.and": ("{first} en {last}", "{first} and {last}"),
    "fv.the_children": ("de kinderen", "the children"),
    "fv.now": ("nu", "now"),
    "fv.date_range": ("{first} of {last}", "{first} or {last}"),
    "fv.nothing_yet": ("Hier staat nog niets.", "Nothing here yet."),
    "fv.no_start_date": ("De data van het traject volgen nog.", "The dates of the trajectory are still to come."),
    # ---- boards (when the consultant pins one, its name is the heading) -------------------------
    "fv.board.explain": ("Hoe gaat het verder?", "What happens next?"),
    "fv.board.network": ("Wie is er rond het gezin?", "Who is around the family?"),
    "fv.board.statements": (
        "Gevaarsboodschap, veiligheidsdoelen en bodemeisen",
        "Danger statement, safety goals and bottom lines",
    ),
    "fv.board.columns": ("Zorgen, wat goed gaat, wat moet gebeuren", "Worries, what works, what needs to happen"),
    "fv.board.scale": ("Schaalvraag", "Scaling question"),
    "fv.board.plan": ("Veiligheidsplan", "Safety plan"),
    "fv.board.title": ("Samen op weg naar veiligheid", "Working together towards safety"),
    # ---- the trajectory in plain words ---------------------------------------------------------
    "fv.route": ("De zes weken", "The six weeks"),
    "fv.today": ("Vandaag: {what}", "Today: {what}"),
    "fv.step.urgent_measure": (
        "De jeugdrechter nam een dringende beslissing om {children} te beschermen.",
        "The youth judge made an urgent decision to protect {children}.",
    ),
    "fv.step.hearing": (
        "Gesprek bij de jeugdrechter. Die zegt wat zeker moet gebeuren: de bodemeisen.",
        "A hearing with the youth judge, who says what must happen for sure: the bottom lines.",
    ),
    "fv.step.child_explained": (
        "Uitleg aan {children}. Een eerste bezoek thuis.",
        "{children} are told what is going on. A first visit at home.",
    ),
    "fv.step.first_decision": (
        "Een eerste beslissing over {children}: terug naar huis of nog niet?",
        "A first decision about {children}: back home, or not yet?",
    ),
    "fv.step.first_network_meeting": (
        "Eerste netwerkoverleg: de familie en het netwerk maken samen een veiligheidsplan.",
        "First network meeting: the family and its network make a safety plan together.",
    ),
    "fv.step.interim_evaluation": (
        "Tussentijdse evaluatie: werkt het plan?",
        "Interim evaluation: is the plan working?",
    ),
    "fv.step.second_network_meeting": (
        "Tweede netwerkoverleg: we bekijken het plan samen en passen aan wat nodig is.",
        "Second network meeting: we look at the plan together and change what is needed.",
    ),
    "fv.step.decision": (
        "De jeugdrechter leest het plan en beslist hoe het verder gaat.",
        "The youth judge reads the plan and decides what happens next.",
    ),
    # ---- danger statements, safety goals, bottom lines ------------------------------------------
    # A soft hyphen (\u00ad) lets a long Dutch word break where it should in a narrow column.
    "fv.danger_statements.one": ("Gevaars\u00adboodschap", "Danger statement"),
    "fv.danger_statements.many": ("Gevaars\u00adboodschappen", "Danger statements"),
    "fv.safety_goals": ("Veiligheids\u00addoelen", "Safety goals"),
    "fv.bottom_lines": ("Bodemeisen", "Bottom lines"),
    "fv.set_by": ("gesteld door {who}", "set by {who}"),
    # ---- the scale -------------------------------------------------------------------------------
    "fv.scale.none": ("Nog niemand gaf een score.", "Nobody has given a score yet."),
    "fv.scale.one": ("Eén score: {value}", "One score: {value}"),
    "fv.scale.same": ("Iedereen zegt {value}", "Everyone says {value}"),
    "fv.scale.spread": ("Van {low} tot {high}", "From {low} to {high}"),
    # ---- the safety plan -------------------------------------------------------------------------
    "fv.plan.who": ("Wie:", "Who:"),
    "fv.plan.backup": ("Als die niet kan:", "If they cannot:"),
    "fv.plan.when": ("Wanneer:", "When:"),
    "fv.plan.if_not": ("Als het niet lukt:", "If it does not work:"),
    "fv.plan.none": ("Nog geen afspraken.", "No agreements yet."),
    # ---- the small control (one screen) ------------------------------------------------------------
    "fv.control": ("Bediening van de projectie", "Projection controls"),
    "fv.control.prev": ("◀ Fase", "◀ Phase"),
    "fv.control.prev_tip": ("Vorige fase", "Previous phase"),
    "fv.control.next": ("Fase ▶", "Phase ▶"),
    "fv.control.next_tip": ("Volgende fase", "Next phase"),
    "fv.control.blank": ("Zwart", "Blank"),
    "fv.control.blank_tip": ("Scherm zwart (B)", "Blank screen (B)"),
    "fv.control.back": ("Werkscherm", "Working screen"),
    "fv.control.back_tip": ("Terug naar het werkscherm", "Back to the working screen"),
}

MESSAGES["fv.title"] = ("Familiescherm", "Family screen")
MESSAGES["fv.phone"] = ("☎ op het plan", "☎ on the plan")
