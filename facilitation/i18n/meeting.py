"""Running the meeting: phases, clocks, projection mode, the trajectory of seed 004 (milestone.*). (nl-BE, en)"""

MESSAGES: dict[str, tuple[str, str]] = {
    "edit.phase": ("verloop van het overleg gewijzigd", "course of the meeting changed"),
    "meeting.next_phase": ("Volgende fase ▶", "Next phase ▶"),
    "meeting.prev_phase": ("Vorige fase", "Previous phase"),
    "meeting.start": ("Start het overleg", "Start the meeting"),
    "meeting.projection": ("Projectie", "Projection"),
    "meeting.projection_tip": (
        "Grote letters, hoog contrast; notities voor professionelen verborgen",
        "Large type, high contrast; professionals' notes hidden",
    ),
    "meeting.blank": ("Zwart scherm (B)", "Blank screen (B)"),
    "meeting.blank_tip": (
        "Toon niets op het scherm; druk B of Esc om terug te keren",
        "Show nothing on the screen; press B or Esc to return",
    ),
    "meeting.blank_hint": ("B of Esc: terug", "B or Esc: back"),
    "meeting.clock_phase": ("Fase", "Phase"),
    "meeting.clock_total": ("Overleg", "Meeting"),
    "meeting.phase_n": ("Fase {n}/{total}", "Phase {n}/{total}"),
    "meeting.agenda": ("Verloop van het overleg", "Course of the meeting"),
    "meeting.timeline": ("Traject (module van zes weken)", "Trajectory (six-week module)"),
    "meeting.note": ("Notitie voor professionelen (niet geprojecteerd)", "Professionals' note (not projected)"),
    "meeting.note_ph": ("Enkel zichtbaar buiten de projectiemodus", "Only visible outside projection mode"),
    "meeting.new_phase_ph": ("Eigen fase toevoegen, bv. 'Pauze'", "Add your own phase, e.g. 'Break'"),
    "meeting.add_phase": ("Fase toevoegen", "Add phase"),
    "meeting.reset_agenda": ("Standaardverloop", "Standard course"),
    "meeting.up": ("Hoger", "Up"),
    "meeting.down": ("Lager", "Down"),
    "meeting.remove_phase": ("Fase weglaten", "Leave out this phase"),
    # ---- phases: first network meeting (day 14/15) ------------------------------------------------
    "meeting.phase.explain": ("Uitleg van het traject", "Explaining the trajectory"),
    "meeting.phase.introductions": ("Voorstelling van iedereen die er is", "Introducing everyone present"),
    "meeting.phase.danger_goals_bottom_lines": (
        "Gevaarsboodschap, veiligheidsdoelen en bodemeisen",
        "Danger statement, safety goals and bottom lines",
    ),
    "meeting.phase.strengths_worries": (
        "Krachten en zorgen verder in kaart",
        "Continuing the assessment of strengths and worries",
    ),
    "meeting.phase.scaling": ("Schaalvragen", "Scaling questions"),
    "meeting.phase.safety_plan": ("Veiligheidsplan en eerste afspraken", "Safety plan and first agreements"),
    "meeting.phase.closing": (
        "Afsluiting: ondertekend plan naar de jeugdrechter",
        "Closing: the signed plan goes to the youth judge",
    ),
    # ---- phases: interim evaluation (day 28) and second network meeting (day 40) ------------------
    "meeting.phase.looking_back": ("Waar staan we? Wat is er gebeurd?", "Where are we? What has happened?"),
    "meeting.phase.review": ("Elke afspraak overlopen: werkt ze?", "Each agreement in turn: does it work?"),
    "meeting.phase.goals_review": (
        "Veiligheidsdoelen en gevaarsboodschap: waar staan we?",
        "Safety goals and danger statement: where are we?",
    ),
    "meeting.phase.adjust_plan": (
        "Het plan bijsturen: nieuwe en gewijzigde afspraken",
        "Adjusting the plan: new and changed agreements",
    ),
    "meeting.phase.closing_interim": (
        "Afsluiting: het bijgestuurde plan ondertekenen",
        "Closing: signing the adjusted plan",
    ),
    "meeting.phase.advice": (
        "Wat gaat er in het advies aan de jeugdrechter?",
        "What goes into the advice to the youth judge?",
    ),
    "meeting.phase.closing_second": (
        "Afsluiting: ondertekend plan en advies naar de jeugdrechter",
        "Closing: the signed plan and the advice go to the youth judge",
    ),
    # ---- the timeline ---------------------------------------------------------------------------
    "meeting.day": ("dag {n}", "day {n}"),
    "meeting.col_day": ("Dag", "Day"),
    "meeting.col_date": ("Datum", "Date"),
    "meeting.col_what": ("Wat", "What"),
    "meeting.col_who": ("Wie", "Who"),
    "meeting.col_status": ("Stand van zaken", "Status"),
    "meeting.status.done": ("✓ gedaan op {date}", "✓ done on {date}"),
    "meeting.status.held": ("✓ gehouden op {date}", "✓ held on {date}"),
    "meeting.status.done_plain": ("✓ gedaan", "✓ done"),
    "meeting.status.held_plain": ("✓ gehouden", "✓ held"),
    "meeting.status.scheduled": ("gepland op {date}", "planned for {date}"),
    "meeting.status.due": ("nu aan de beurt", "due now"),
    "meeting.status.running": ("loopt nu", "going on now"),
    "meeting.status.coming": ("nog te komen", "to come"),
    "meeting.status.overdue": ("⚠ te laat: nog niet gedaan", "⚠ overdue: not done yet"),
    "meeting.status.over": ("voorbij", "over"),
    "meeting.status.if_needed": ("indien nodig", "if needed"),
    "meeting.moved": ("verplaatst", "moved"),
    "meeting.today_day": (
        "Vandaag, {date}, is dag {n} van het traject.",
        "Today, {date}, is day {n} of the trajectory.",
    ),
    "meeting.before_start": (
        "Vandaag, {date}, is het traject nog niet begonnen (dag 1 is {start}).",
        "Today, {date}, the trajectory has not started yet (day 1 is {start}).",
    ),
    "meeting.next_due": ("Volgende: {what}, {date} (dag {day}).", "Next: {what}, {date} (day {day})."),
    "meeting.overdue_n": ("⚠ 1 stap te laat: {what}", "⚠ 1 step overdue: {what}"),
    "meeting.overdue_n_many": ("⚠ {n} stappen te laat: {what}", "⚠ {n} steps overdue: {what}"),
    "meeting.no_start_date": ("Dit dossier heeft geen startdatum.", "This case has no start date."),
    "meeting.held_line": ("{kind}, {date} (dag {day}): gehouden", "{kind}, {date} (day {day}): held"),
    "meeting.planned_line": ("{kind}, {date} (dag {day}): gepland", "{kind}, {date} (day {day}): planned"),
    # ---- marking a step done, moving it ---------------------------------------------------------
    "meeting.step.title": ("Een stap afvinken of verplaatsen", "Mark a step done or move it"),
    "meeting.step.pick": ("Stap", "Step"),
    "meeting.step.on": ("Datum", "Date"),
    "meeting.step.done": ("✓ Gedaan op deze datum", "✓ Done on this date"),
    "meeting.step.move": ("Plannen op deze datum", "Plan for this date"),
    "meeting.step.undone": ("Niet gedaan", "Not done"),
    "meeting.step.reset": ("Terug naar de dag van de tabel", "Back to the table's day"),
    "meeting.step.meeting_hint": (
        "Een overleg is gedaan als het gehouden is: maak het overleg aan met zijn datum.",
        "A meeting is done when it is held: make the meeting with its date.",
    ),
    "meeting.step.date_needed": ("Kies eerst een datum.", "First pick a date."),
    "meeting.step.marked": ("{what}: gedaan op {date}.", "{what}: done on {date}."),
    "meeting.step.moved_to": ("{what}: gepland op {date}.", "{what}: planned for {date}."),
    "meeting.step.cleared": ("{what}: niet meer afgevinkt.", "{what}: no longer marked done."),
    "meeting.step.back": ("{what}: weer op de dag van de tabel.", "{what}: back on the table's day."),
    "edit.step": ("stap van het traject", "step of the trajectory"),
    "error.done_in_future": (
        "een stap is pas gedaan als die dag gekomen is.",
        "a step is only done once that day has come.",
    ),
    "error.unknown_step": ("deze stap staat niet in het traject.", "this step is not in the trajectory."),
    # ---- attendance -----------------------------------------------------------------------------
    "meeting.present.title": ("Wie is er aanwezig?", "Who is here?"),
    "meeting.present.all": ("✓ Iedereen op de kaart is er", "✓ Everyone on the map is here"),
    "meeting.present.none": ("Niemand aangevinkt", "Nobody ticked"),
    "meeting.present.count": ("{n} aanwezig", "{n} present"),
    "meeting.present.child": ("kind", "child"),
    "meeting.present.group.family": ("Gezin en familie", "Family"),
    "meeting.present.group.friends": ("Vrienden en buren", "Friends and neighbours"),
    "meeting.present.group.school": ("School en vrije tijd", "School and leisure"),
    "meeting.present.group.professional": ("Professionelen", "Professionals"),
    "meeting.present.empty": (
        "Nog niemand op de netwerkkaart: voeg eerst mensen toe in het deel Netwerk.",
        "Nobody on the network map yet: first add people in the Network part.",
    ),
    "edit.present": ("aanwezigen aangeduid", "who is present marked"),
    # ---- the steps of seed 004 (what, who, and in more words) -----------------------------------
    "milestone.urgent_measure": ("Hoogdringende maatregel", "Urgent measure"),
    "milestone.detail.urgent_measure": (
        "Vordering van de hoogdringende maatregel; het kind wordt geplaatst in crisisopvang of in het netwerk.",
        "The urgent measure is requested; the child is placed in crisis care or with the network.",
    ),
    "milestone.who.urgent_measure": ("Parket en jeugdrechter", "Public prosecutor and youth judge"),
    "milestone.triage": (
        "Inschatting crisisbegeleiding en fiat van de jeugdrechter",
        "Assessment for crisis support and the youth judge's consent",
    ),
    "milestone.detail.triage": (
        "Zo snel mogelijk na de vordering: inschatting van een toeleiding naar crisisbegeleiding, fiat van de "
        "jeugdrechter, dispatch naar de crisismodule, afstemming over gevaarsboodschap, veiligheidsdoelen en "
        "rolverdeling.",
        "As soon as possible after the request: assessment for crisis support, the youth judge's consent, "
        "dispatch to the crisis module, agreeing on danger statement, safety goals and roles.",
    ),
    "milestone.who.triage": (
        "Teamverantwoordelijke jeugdrechtbank of procesteam; consulent en jeugdrechter; crisismeldpunt en "
        "crisisbegeleider",
        "Youth court team leader or process team; consultant and youth judge; crisis line and crisis worker",
    ),
    "milestone.hearing": ("Voorleiding bij de jeugdrechter", "Hearing before the youth judge"),
    "milestone.detail.hearing": (
        "De jeugdrechter zet het kader uit voor het Signs of Safety-traject en verduidelijkt de bodemeisen.",
        "The youth judge sets out the Signs of Safety trajectory and makes the bottom lines clear.",
    ),
    "milestone.who.hearing": (
        "Jeugdrechter, minderjarige, ouders, consulent en crisisbegeleider",
        "Youth judge, young person, parents, consultant and crisis worker",
    ),
    "milestone.after_hearing": ("Gesprek direct na de voorleiding", "Talk right after the hearing"),
    "milestone.detail.after_hearing": (
        "Gevaarsboodschap en veiligheidsdoelen meegedeeld aan ouders en minderjarige; de rolverdeling tussen "
        "consulent en crisisbegeleider verduidelijkt.",
        "Danger statement and safety goals told to the parents and the young person; the roles of consultant "
        "and crisis worker made clear.",
    ),
    "milestone.who.after_hearing": (
        "Ouders, minderjarige, consulent, crisisbegeleider",
        "Parents, young person, consultant, crisis worker",
    ),
    "milestone.child_explained": (
        "Uitleg aan het kind en eerste huisbezoek",
        "Explanation to the child and first home visit",
    ),
    "milestone.detail.child_explained": (
        "Uitleg aan de minderjarige waarom de jeugdrechtbank tussenkwam (immediate story); eerste huisbezoek: "
        "rollen en verwachtingen, de gevaarsboodschap en het netwerk in het traject.",
        "Telling the young person why the youth court stepped in (immediate story); first home visit: roles "
        "and expectations, the danger statement and the network in the trajectory.",
    ),
    "milestone.who.child_explained": (
        "Crisisbegeleider (en consulent), in de voorziening of het netwerk",
        "Crisis worker (and consultant), in the care setting or the network",
    ),
    "milestone.first_decision": ("Eerste beslissing over terugkeer naar huis", "First decision on return home"),
    "milestone.detail.first_decision": (
        "Terugkeer naar huis, of verlenging van de crisisopvang of de opvang in de context, na een eerste "
        "inschatting van een mogelijk veiligheidsplan.",
        "Return home, or a longer stay in crisis care or with the network, after a first assessment of a "
        "possible safety plan.",
    ),
    "milestone.who.first_decision": (
        "Consulent (jeugdrechter) met de crisisbegeleider; crisisbegeleider met het crisismeldpunt",
        "Consultant (youth judge) with the crisis worker; crisis worker with the crisis line",
    ),
    "milestone.feedback_to_family": (
        "Terugkoppeling aan ouders en minderjarige",
        "Feedback to the parents and the young person",
    ),
    "milestone.detail.feedback_to_family": (
        "Over een mogelijke terugkeer naar huis of een verlenging.",
        "On a possible return home or a longer stay.",
    ),
    "milestone.who.feedback_to_family": ("Crisisbegeleider, consulent", "Crisis worker, consultant"),
    "milestone.gather_info": ("Informatie verzamelen", "Gathering information"),
    "milestone.detail.gather_info": (
        "Voor de veiligheidsinschatting, het veiligheidsplan en het netwerkoverleg; eventueel beslissing over "
        "terugkeer naar huis, of terugkoppeling aan de jeugdrechter als terugkeer onmogelijk blijkt.",
        "For the safety assessment, the safety plan and the network meeting; possibly a decision on return "
        "home, or a report to the youth judge if return home proves impossible.",
    ),
    "milestone.who.gather_info": (
        "Crisisbegeleider met ouders en minderjarige, in afstemming met de consulent",
        "Crisis worker with the parents and the young person, in step with the consultant",
    ),
    "milestone.first_network_meeting": ("Eerste netwerkoverleg", "First network meeting"),
    "milestone.detail.first_network_meeting": (
        "Uitleg van het traject, voorstelling van iedereen, gevaarsboodschap, veiligheidsdoelen en bodemeisen, "
        "krachten en zorgen, eerste afspraken; een eerste ondertekende versie van het plan gaat naar de "
        "jeugdrechter.",
        "Explaining the trajectory, introductions, danger statement, safety goals and bottom lines, strengths "
        "and worries, first agreements; a first signed version of the plan goes to the youth judge.",
    ),
    "milestone.who.first_network_meeting": (
        "Consulent, crisisbegeleider, ouders, minderjarige, informeel en professioneel netwerk",
        "Consultant, crisis worker, parents, young person, informal and professional network",
    ),
    "milestone.work_phase": ("Werkfase", "Work phase"),
    "milestone.detail.work_phase": (
        "Het veiligheidsplan uitvoeren en bijsturen, werken aan de veiligheidsdoelen, verdere contacten met het "
        "netwerk.",
        "Carrying out and fine-tuning the safety plan, working on the safety goals, further contact with the network.",
    ),
    "milestone.who.work_phase": (
        "Ouders, minderjarige, netwerk, crisisbegeleider",
        "Parents, young person, network, crisis worker",
    ),
    "milestone.interim_evaluation": ("Tussentijdse evaluatie", "Interim evaluation"),
    "milestone.detail.interim_evaluation": (
        "Evaluatie van het veiligheidsplan en de veiligheidsdoelen, en waar nodig bijsturen.",
        "Reviewing the safety plan and the safety goals, and adjusting where needed.",
    ),
    "milestone.who.interim_evaluation": (
        "Ouders, minderjarige, crisisbegeleider, consulent",
        "Parents, young person, crisis worker, consultant",
    ),
    "milestone.second_work_phase": ("Verdere werkfase", "Further work phase"),
    "milestone.detail.second_work_phase": (
        "Verder werken met het bijgestuurde plan en aan de veiligheidsdoelen.",
        "Working on with the adjusted plan and on the safety goals.",
    ),
    "milestone.who.second_work_phase": (
        "Ouders, minderjarige, netwerk, crisisbegeleider",
        "Parents, young person, network, crisis worker",
    ),
    "milestone.second_network_meeting": ("Tweede netwerkoverleg", "Second network meeting"),
    "milestone.detail.second_network_meeting": (
        "Evaluatie van het veiligheidsplan; verdere afspraken over wat nodig is voor het advies aan de jeugdrechter.",
        "Evaluating the safety plan; further agreements on what is needed for the advice to the youth judge.",
    ),
    "milestone.who.second_network_meeting": (
        "Ouders, minderjarige, netwerk, consulent, crisisbegeleider",
        "Parents, young person, network, consultant, crisis worker",
    ),
    "milestone.advice": ("Advies aan de jeugdrechter", "Advice to the youth judge"),
    "milestone.detail.advice": (
        "Over verderzetting, stopzetting of doorverwijzing naar het OCJ, en een eventuele verlenging van de "
        "begeleiding.",
        "On continuing, ending or referring to the OCJ, and a possible extension of the support.",
    ),
    "milestone.who.advice": ("Consulent en procesteam", "Consultant and process team"),
    "milestone.decision": ("Beslissing van de jeugdrechter", "Decision of the youth judge"),
    "milestone.detail.decision": (
        "De beslissing over het dossier, meegedeeld aan ouders, minderjarige en netwerk.",
        "The decision on the case, told to the parents, the young person and the network.",
    ),
    "milestone.who.decision": (
        "Jeugdrechter, ouders, minderjarige, netwerk, consulent en crisisbegeleider",
        "Youth judge, parents, young person, network, consultant and crisis worker",
    ),
    "milestone.extension": ("Verlenging van de begeleiding", "Extension of the support"),
    "milestone.detail.extension": (
        "Alleen bij verlenging: verdere opvolging en afronding (overdracht naar het OCJ, verdere doelen, "
        "overdracht naar vervolghulp).",
        "Only with an extension: further follow-up and closing (handover to the OCJ, further goals, handover "
        "to follow-up care).",
    ),
    "milestone.who.extension": (
        "Ouders, minderjarige, netwerk, crisisbegeleider",
        "Parents, young person, network, crisis worker",
    ),
    "milestone.procedure_end": ("Einde van de procedure hoogdringendheid", "End of the urgent procedure"),
    "milestone.detail.procedure_end": (
        "Na 60 dagen: overstap naar een gemandateerde voorziening en einde van de gerechtelijke jeugdhulp, of "
        "overgang naar de gewone gerechtelijke procedure.",
        "After 60 days: a move to a mandated service and the end of court-ordered youth care, or the move to "
        "the ordinary court procedure.",
    ),
    "milestone.who.procedure_end": (
        "Jeugdrechter, consulent, gemandateerde voorziening",
        "Youth judge, consultant, mandated service",
    ),
    "milestone.bmo": ("BMO (gewone gerechtelijke procedure)", "BMO (ordinary court procedure)"),
    "milestone.detail.bmo": (
        "Alleen als de gewone gerechtelijke procedure volgt: BMO na 75 dagen.",
        "Only if the ordinary court procedure follows: BMO after 75 days.",
    ),
    "milestone.who.bmo": ("Jeugdrechtbank, consulent", "Youth court, consultant"),
}
