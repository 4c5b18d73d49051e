"""Texts of the scaling questions part (schaalvragen): wording of each scale, the screen, the charts. (nl-BE, en)

The scale names themselves (``scale.safety`` ...) are shared vocabulary in ``core``.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- standard wording per kind of scale -----------------------------------------------------
    "scaling.q.safety": (
        "Op een schaal van 0 tot 10: waar zet jij de situatie nu?",
        "On a scale of 0 to 10: where do you put the situation now?",
    ),
    "scaling.high.safety": (
        "10 betekent: iedereen weet dat de kinderen veilig genoeg zijn om het dossier af te sluiten",
        "10 means: everyone knows the children are safe enough for the case to be closed",
    ),
    "scaling.low.safety": (
        "0 betekent: het is zo erg dat de kinderen niet thuis kunnen blijven",
        "0 means: things are so bad that the children cannot stay at home",
    ),
    "scaling.high.safety.one": (
        "10 betekent: iedereen weet dat {children} veilig genoeg is om het dossier af te sluiten",
        "10 means: everyone knows {children} is safe enough for the case to be closed",
    ),
    "scaling.high.safety.many": (
        "10 betekent: iedereen weet dat {children} veilig genoeg zijn om het dossier af te sluiten",
        "10 means: everyone knows {children} are safe enough for the case to be closed",
    ),
    "scaling.low.safety.one": (
        "0 betekent: het is zo erg dat {children} niet thuis kan blijven",
        "0 means: things are so bad that {children} cannot stay at home",
    ),
    "scaling.low.safety.many": (
        "0 betekent: het is zo erg dat {children} niet thuis kunnen blijven",
        "0 means: things are so bad that {children} cannot stay at home",
    ),
    "scaling.q.safety.one": (
        "Op een schaal van 0 tot 10: waar zet jij de situatie nu?",
        "On a scale of 0 to 10: where do you put the situation now?",
    ),
    "scaling.q.safety.many": (
        "Op een schaal van 0 tot 10: waar zet jij de situatie nu?",
        "On a scale of 0 to 10: where do you put the situation now?",
    ),
    "scaling.q.willingness": (
        "Hoe bereid is {name} om te doen wat nodig is zodat de kinderen veilig zijn?",
        "How willing is {name} to do what is needed so that the children are safe?",
    ),
    "scaling.q.willingness.one": (
        "Hoe bereid is {name} om te doen wat nodig is zodat {children} veilig is?",
        "How willing is {name} to do what is needed so that {children} is safe?",
    ),
    "scaling.q.willingness.many": (
        "Hoe bereid is {name} om te doen wat nodig is zodat {children} veilig zijn?",
        "How willing is {name} to do what is needed so that {children} are safe?",
    ),
    "scaling.high.willingness.one": (
        "10 betekent: {name} wil alles doen wat nodig is",
        "10 means: {name} wants to do everything that is needed",
    ),
    "scaling.high.willingness.many": (
        "10 betekent: {name} wil alles doen wat nodig is",
        "10 means: {name} wants to do everything that is needed",
    ),
    "scaling.low.willingness.one": (
        "0 betekent: {name} wil hier niets aan doen",
        "0 means: {name} does not want to do anything about it",
    ),
    "scaling.low.willingness.many": (
        "0 betekent: {name} wil hier niets aan doen",
        "0 means: {name} does not want to do anything about it",
    ),
    "scaling.high.willingness": (
        "10 betekent: {name} wil alles doen wat nodig is",
        "10 means: {name} wants to do everything that is needed",
    ),
    "scaling.low.willingness": (
        "0 betekent: {name} wil hier niets aan doen",
        "0 means: {name} does not want to do anything about it",
    ),
    "scaling.q.confidence": (
        "Hoeveel vertrouwen heb jij dat het {name} lukt om te doen wat nodig is?",
        "How confident are you that {name} will manage to do what is needed?",
    ),
    "scaling.high.confidence": (
        "10 betekent: volledig vertrouwen dat het {name} lukt",
        "10 means: fully confident that {name} will manage",
    ),
    "scaling.low.confidence": (
        "0 betekent: geen enkel vertrouwen dat het {name} lukt",
        "0 means: no confidence at all that {name} will manage",
    ),
    "scaling.q.capacity": (
        "In hoeverre heeft {name} wat nodig is (kennis, vaardigheden, steun, middelen) om de kinderen veilig te houden?",
        "How far does {name} have what is needed (knowledge, skills, support, means) to keep the children safe?",
    ),
    "scaling.q.capacity.one": (
        "In hoeverre heeft {name} wat nodig is (kennis, vaardigheden, steun, middelen) om {children} veilig te houden?",
        "How far does {name} have what is needed (knowledge, skills, support, means) to keep {children} safe?",
    ),
    "scaling.q.capacity.many": (
        "In hoeverre heeft {name} wat nodig is (kennis, vaardigheden, steun, middelen) om {children} veilig te houden?",
        "How far does {name} have what is needed (knowledge, skills, support, means) to keep {children} safe?",
    ),
    "scaling.high.capacity.one": (
        "10 betekent: {name} heeft alles wat nodig is",
        "10 means: {name} has everything that is needed",
    ),
    "scaling.high.capacity.many": (
        "10 betekent: {name} heeft alles wat nodig is",
        "10 means: {name} has everything that is needed",
    ),
    "scaling.low.capacity.one": (
        "0 betekent: {name} heeft nog niets van wat nodig is",
        "0 means: {name} has nothing of what is needed yet",
    ),
    "scaling.low.capacity.many": (
        "0 betekent: {name} heeft nog niets van wat nodig is",
        "0 means: {name} has nothing of what is needed yet",
    ),
    "scaling.high.capacity": (
        "10 betekent: {name} heeft alles wat nodig is",
        "10 means: {name} has everything that is needed",
    ),
    "scaling.low.capacity": (
        "0 betekent: {name} heeft nog niets van wat nodig is",
        "0 means: {name} has nothing of what is needed yet",
    ),
    "scaling.q.goal_progress": (
        "Hoe ver staan we met dit veiligheidsdoel: {name}",
        "How far along are we with this safety goal: {name}",
    ),
    "scaling.high.goal_progress": (
        "10 betekent: het doel is bereikt en houdt al lang genoeg stand",
        "10 means: the goal is reached and has held long enough",
    ),
    "scaling.low.goal_progress": (
        "0 betekent: er is nog niets van dit doel te zien",
        "0 means: nothing of this goal can be seen yet",
    ),
    "scaling.q.child": ("Hoe veilig voel jij je thuis?", "How safe do you feel at home?"),
    "scaling.q.child_named": ("{name}, hoe veilig voel jij je thuis?", "{name}, how safe do you feel at home?"),
    "scaling.high.child": ("10: ik voel me heel veilig", "10: I feel very safe"),
    "scaling.low.child": ("0: ik voel me helemaal niet veilig", "0: I do not feel safe at all"),
    # ---- how a question speaks of the children --------------------------------------------------
    "scaling.and": ("{first} en {last}", "{first} and {last}"),
    "scaling.child_one": ("het kind", "the child"),
    "scaling.children_many": ("de kinderen", "the children"),
    "scaling.young_one": ("de jongere", "the young person"),
    "scaling.young_many": ("de jongeren", "the young people"),
    # ---- the child's own scale ------------------------------------------------------------------
    "scaling.subject_child": ("Welk kind", "Which child"),
    "scaling.no_children": ("(nog geen kind in het dossier)", "(no child in the case yet)"),
    "scaling.need_child": ("Kies het kind dat deze vraag krijgt.", "Choose the child who is asked."),
    "scaling.voices": ("Wat zeggen de kinderen zelf?", "What do the children say themselves?"),
    "scaling.voices_note": (
        "Hun eigen schaal: apart getoond, nooit meegeteld met de volwassenen.",
        "Their own scale: shown apart, never counted with the adults.",
    ),
    "scaling.voice": ("{name}: {value}", "{name}: {value}"),
    "scaling.voice_none": ("{name}: nog niet gevraagd", "{name}: not asked yet"),
    "scaling.ask_child": ("Kindervraag voor {name}", "Child's question for {name}"),
    "scaling.ask_child_tip": (
        "{name} is jonger dan 12 en krijgt een eigen vraag met gezichtjes in plaats van de vraag voor volwassenen.",
        "{name} is younger than 12 and gets an own question with faces instead of the adults' question.",
    ),
    "scaling.age": ("{name} ({age})", "{name} ({age})"),
    "scaling.q.free": ("Op een schaal van 0 tot 10: waar sta je?", "On a scale of 0 to 10: where are you?"),
    "scaling.high.free": ("10 betekent: het best denkbare", "10 means: the best there could be"),
    "scaling.low.free": ("0 betekent: het slechtst denkbare", "0 means: the worst there could be"),
    "scaling.own_low": ("0 betekent: {text}", "0 means: {text}"),
    "scaling.own_high": ("10 betekent: {text}", "10 means: {text}"),
    "scaling.subject_missing": ("de ouder", "the parent"),
    "scaling.goal_missing": ("(het doel staat niet meer in de kolommen)", "(the goal is no longer in the columns)"),
    "scaling.follow_lower": (
        "Wat maakt dat het dit cijfer is en niet lager?",
        "What makes it this number and not lower?",
    ),
    "scaling.follow_higher": ("Wat zou het één punt hoger maken?", "What would make it one point higher?"),
    # ---- picking and adding a scale -------------------------------------------------------------
    "scaling.pick": ("Schaalvraag", "Scaling question"),
    "scaling.new": ("Nieuwe schaalvraag", "New scaling question"),
    "scaling.kind": ("Soort schaal", "Kind of scale"),
    "scaling.subject_person": ("Over wie", "About whom"),
    "scaling.subject_goal": ("Welk veiligheidsdoel", "Which safety goal"),
    "scaling.question": ("Eigen vraag", "Own question"),
    "scaling.question_ph": (
        "bv. Hoe goed lukt het om de afspraken over het ophalen na school na te komen?",
        "e.g. How well do the agreements about collecting the children after school work?",
    ),
    "scaling.anchor_low": ("Wat betekent 0? (mag leeg)", "What does 0 mean? (optional)"),
    "scaling.anchor_high": ("Wat betekent 10? (mag leeg)", "What does 10 mean? (optional)"),
    "scaling.add": ("Schaalvraag stellen", "Ask this scaling question"),
    "scaling.cancel": ("Annuleren", "Cancel"),
    "scaling.ask_safety": ("Veiligheidsschaal stellen", "Ask the safety scale"),
    "scaling.no_scales": (
        "Nog geen schaalvraag in dit dossier. Begin met de veiligheidsschaal: iedereen, ook de professionelen, zegt waar hij of zij de situatie ziet.",
        "No scaling question in this case yet. Start with the safety scale: everyone, professionals included, says where they see the situation.",
    ),
    "scaling.no_meeting": (
        "Start eerst een overleg (bovenaan) om scores te noteren. Het verloop van eerdere overleggen staat hieronder.",
        "Start a meeting first (at the top) to record scores. The history of earlier meetings is below.",
    ),
    "scaling.nobody": ("Niemand is aanwezig op dit overleg.", "Nobody is present at this meeting."),
    "scaling.need_subject": ("Kies over wie deze schaalvraag gaat.", "Choose whom this scaling question is about."),
    "scaling.need_goal": (
        "Kies een veiligheidsdoel. Nog geen? Voeg het eerst toe in de drie kolommen.",
        "Choose a safety goal. None yet? Add it in the three columns first.",
    ),
    "scaling.need_question": (
        "Schrijf de vraag voor een eigen schaalvraag.",
        "Write the question for an own scaling question.",
    ),
    "scaling.exists": (
        "Deze schaalvraag bestaat al; ze is nu gekozen.",
        "This scaling question exists already; it is chosen now.",
    ),
    "scaling.added": ("Schaalvraag gesteld: {what}", "Scaling question asked: {what}"),
    "scaling.no_subjects": ("(nog niemand in het netwerk)", "(nobody in the network yet)"),
    "scaling.no_goals": ("(nog geen veiligheidsdoelen)", "(no safety goals yet)"),
    # ---- recording scores -----------------------------------------------------------------------
    "scaling.names": ("Toon", "Show"),
    "scaling.names.names": ("Namen", "Names"),
    "scaling.names.initials": ("Initialen", "Initials"),
    "scaling.names.roles": ("Rollen", "Roles"),
    "scaling.names_tip": (
        "Verberg de namen op het scherm als de groep dat liever heeft",
        "Hide names on the screen when the group prefers",
    ),
    "scaling.chart_only": ("Alleen de grafiek", "Chart only"),
    "scaling.chart_only_tip": (
        "Verberg de invoer, zodat de grafiek groot op het scherm staat",
        "Hide the input so the chart fills the screen",
    ),
    "scaling.child": ("kind", "child"),
    "scaling.young": ("jongere", "young person"),
    "scaling.typed_ph": ("0-10", "0-10"),
    "scaling.typed_tip": ("Typ een score van 0 tot 10 en druk Enter", "Type a score from 0 to 10 and press Enter"),
    "scaling.clear": ("Wissen", "Clear"),
    "scaling.clear_tip": ("Score van {who} wissen", "Clear the score of {who}"),
    "scaling.answers": ("Antwoorden", "Answers"),
    "scaling.answers_tip": (
        "Waarom niet lager? Wat maakt het één punt hoger?",
        "Why not lower? What would make it one point higher?",
    ),
    "scaling.answers_need_score": ("Noteer eerst een score.", "Record a score first."),
    "scaling.why_ph": ("Wat maakt dat het dit cijfer is en niet lager?", "What makes it this number and not lower?"),
    "scaling.higher_ph": ("Wat zou het één punt hoger maken?", "What would make it one point higher?"),
    "scaling.to_strength": ("→ Wat gaat er goed?", "→ What's working well?"),
    "scaling.to_next_step": ("→ Wat moet er gebeuren?", "→ What needs to happen?"),
    "scaling.in_column": ("✓ Staat bij {column}", "✓ In {column}"),
    "scaling.answer_empty": ("Schrijf eerst het antwoord.", "Write the answer first."),
    "scaling.answer_added": (
        "Bij '{column}' gezet, in de woorden van {who}.",
        "Put under '{column}', in the words of {who}.",
    ),
    "scaling.answer_saved": ("Antwoord van {who} bewaard.", "Answer of {who} stored."),
    "scaling.label_why": ("Niet lager omdat", "Not lower because"),
    "scaling.label_higher": ("Eén punt hoger als", "One point higher if"),
    "scaling.scored": ("Score genoteerd: {who} op {value}", "Score recorded: {who} at {value}"),
    "scaling.rescored": (
        "Score gewijzigd: {who} van {old} naar {value} (ongedaan maken kan bovenaan)",
        "Score changed: {who} from {old} to {value} (undo is at the top)",
    ),
    "scaling.cleared": ("Score van {who} gewist.", "Score of {who} cleared."),
    "scaling.scored_count": ("{n} van {total} gescoord", "{n} of {total} scored"),
    "scaling.edit_clear": ("score gewist", "score cleared"),
    # ---- going round the table with the keyboard -----------------------------------------------------
    "scaling.keys.title": ("Sneltoetsen bij de schaalvragen", "Shortcuts for the scaling questions"),
    "scaling.keys.digits": (
        "Score van de gekozen persoon (0 tot 9); daarna is de volgende persoon gekozen",
        "Score of the chosen person (0 to 9); then the next person is chosen",
    ),
    "scaling.keys.ten": ("Score 10 (T van tien)", "Score 10 (T for ten)"),
    "scaling.keys.move": ("Vorige of volgende persoon kiezen", "Choose the previous or next person"),
    "scaling.keys.tab": (
        "Naar de naam van een persoon: die persoon is gekozen (een klik op de naam doet hetzelfde)",
        "To a person's name: that person is chosen (a click on the name does the same)",
    ),
    "scaling.keys.escape": ("Deze lijst sluiten", "Close this list"),
    "scaling.keys.help": ("Deze lijst tonen of verbergen", "Show or hide this list"),
    # ---- the charts -----------------------------------------------------------------------------
    "scaling.now": ("Wie staat waar?", "Who is where?"),
    "scaling.group.informal": ("Gezin en netwerk", "Family and network"),
    "scaling.group.professional": ("Professionelen", "Professionals"),
    "scaling.spread": ("van {low} tot {high}", "from {low} to {high}"),
    "scaling.spread_one": ("{low}", "{low}"),
    "scaling.spread_line": ("{group}: {text}", "{group}: {text}"),
    "scaling.no_scores": ("Nog geen scores op dit overleg.", "No scores at this meeting yet."),
    "scaling.no_history": (
        "Nog geen scores op deze schaalvraag: het verloop verschijnt na het eerste overleg met scores.",
        "No scores on this scaling question yet: the history appears after the first meeting with scores.",
    ),
    "scaling.hover": ("{who}: {value}", "{who}: {value}"),
    "scaling.history": ("Verloop over de overleggen", "History across the meetings"),
    "scaling.history_people": ("Lijn per persoon", "Line per person"),
    "scaling.band": ("Van laagste tot hoogste", "From lowest to highest"),
    "scaling.median": ("Midden", "Middle"),
    "scaling.median_of": ("Midden {group}: {value}", "Middle {group}: {value}"),
    "scaling.median_hover": ("Midden {median} (van {low} tot {high})", "Middle {median} (from {low} to {high})"),
    "scaling.day": ("dag {day}", "day {day}"),
    "scaling.this_meeting": ("dit overleg", "this meeting"),
    "scaling.axis": ("Score (0 tot 10)", "Score (0 to 10)"),
    # ---- export ---------------------------------------------------------------------------------
    "scaling.csv": ("Scores als CSV", "Scores as CSV"),
    "scaling.csv_tip": (
        "Alle scores van dit dossier als tabel (één regel per score), voor het dossier",
        "All scores of this case as a table (one row per score), for the case file",
    ),
    "scaling.csv_written": ("Bewaard: {path}", "Stored: {path}"),
    "scaling.csv_download": ("Downloaden ({rows} scores)", "Download ({rows} scores)"),
    "scaling.csv_none": ("Nog geen scores om te bewaren.", "No scores to store yet."),
    "scaling.file": ("scores", "scores"),
    "scaling.col.meeting_date": ("datum overleg", "meeting date"),
    "scaling.col.day": ("dag", "day"),
    "scaling.col.meeting_kind": ("soort overleg", "kind of meeting"),
    "scaling.col.scale": ("schaalvraag", "scaling question"),
    "scaling.col.scale_kind": ("soort schaal", "kind of scale"),
    "scaling.col.subject": ("over", "about"),
    "scaling.col.person": ("persoon", "person"),
    "scaling.col.relation": ("relatie of rol", "relation or role"),
    "scaling.col.network": ("netwerk", "network"),
    "scaling.col.value": ("score", "score"),
    "scaling.col.why_not_lower": ("niet lager omdat", "not lower because"),
    "scaling.col.one_point_higher": ("één punt hoger als", "one point higher if"),
    "scaling.col.meeting_id": ("id overleg", "meeting id"),
    "scaling.col.scale_id": ("id schaalvraag", "scale id"),
    "scaling.col.person_id": ("id persoon", "person id"),
}
