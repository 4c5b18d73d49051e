"""Words and Pictures in a child's words: the first draft's sentences, per age (young: under 6; child:
6-11; teen: 12 and older, a *jongere*) and for one child or siblings together. (nl-BE, en)

Short sentences, no jargon, no blame. Placeholders: {kids} the children's first names, {date} a date in words, {names} who helps, {tellers} who tells what happened.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "child.join": ("{first} en {last}", "{first} and {last}"),
    "child.you.one": ("jij", "you"),
    "child.you.many": ("jullie", "you"),
    "child.also": ("Het gaat ook over {others}.", "It is also about {others}."),
    "child.some_day": ("een dag", "one day"),
    "child.role.consultant": ("{name}: werkt voor de jeugdrechter", "{name}: works for the youth judge"),
    "child.role.crisis_worker": ("{name}: komt thuis helpen", "{name}: comes to help at home"),
    "child.role.judge": ("de jeugdrechter", "the youth judge"),
    "child.page.tellers.one.one": (
        "{tellers} vertelt je zelf wat er toen gebeurde.",
        "{tellers} will tell you what happened then.",
    ),
    "child.page.tellers.one.many": (
        "{tellers} vertelt jullie zelf wat er toen gebeurde.",
        "{tellers} will tell you what happened then.",
    ),
    "child.page.tellers.many.one": (
        "{tellers} vertellen je zelf wat er toen gebeurde.",
        "{tellers} will tell you what happened then.",
    ),
    "child.page.tellers.many.many": (
        "{tellers} vertellen jullie zelf wat er toen gebeurde.",
        "{tellers} will tell you what happened then.",
    ),
    "child.page.worried.young.one": ("Zij willen dat je veilig bent:", "They want you to be safe:"),
    "child.page.worried.young.many": ("Zij willen dat jullie veilig zijn:", "They want you to be safe:"),
    "child.page.worried.child.one": (
        "Deze mensen maken zich zorgen en willen dat je veilig bent:",
        "These people are worried and want you to be safe:",
    ),
    "child.page.worried.child.many": (
        "Deze mensen maken zich zorgen en willen dat jullie veilig zijn:",
        "These people are worried and want you to be safe:",
    ),
    "child.page.worried.teen.one": ("Wie zich zorgen maakt:", "Who is worried:"),
    "child.page.worried.teen.many": ("Wie zich zorgen maakt:", "Who is worried:"),
    "child.page.helpers": ("Deze mensen helpen mee: {names}.", "These people help: {names}."),
    "child.page.judge_decides": (
        "Daarna beslist de jeugdrechter wat er verder gebeurt.",
        "Then the youth judge decides what happens next.",
    ),
    # ---- who is worried (the list of who follows on its own lines) -------------------------------
    "child.page.who_worried.young.one": (
        "Dit is jouw boekje, {kids}. Veel mensen zien je graag.",
        "This is your book, {kids}. Many people love you.",
    ),
    "child.page.who_worried.young.many": (
        "Dit is jullie boekje, {kids}. Veel mensen zien jullie graag.",
        "This is your book, {kids}. Many people love you.",
    ),
    "child.page.who_worried.child.one": (
        "Dit verhaal is voor jou, {kids}. Het vertelt wat er gebeurd is en wat er nu gebeurt.",
        "This story is for you, {kids}. It tells what happened and what happens now.",
    ),
    "child.page.who_worried.child.many": (
        "Dit verhaal is voor jullie, {kids}. Het vertelt wat er gebeurd is en wat er nu gebeurt.",
        "This story is for you, {kids}. It tells what happened and what happens now.",
    ),
    "child.page.who_worried.teen.one": (
        "{kids}, dit is jouw verhaal: wat er gebeurd is, waarom mensen zich zorgen maken en wat er nu gebeurt.",
        "{kids}, this is your story: what happened, why people are worried and what happens now.",
    ),
    "child.page.who_worried.teen.many": (
        "{kids}, dit is jullie verhaal: wat er gebeurd is, waarom mensen zich zorgen maken en wat er nu gebeurt.",
        "{kids}, this is your story: what happened, why people are worried and what happens now.",
    ),
    # ---- what happened -----------------------------------------------------------------------------
    "child.page.what_happened.young.one": (
        "Op {date} gebeurde er iets thuis. De grote mensen werden ongerust.",
        "On {date} something happened at home. The grown-ups became worried.",
    ),
    "child.page.what_happened.young.many": (
        "Op {date} gebeurde er iets thuis. De grote mensen werden ongerust.",
        "On {date} something happened at home. The grown-ups became worried.",
    ),
    "child.page.what_happened.child.one": (
        "Op {date} is er iets gebeurd waardoor de grote mensen zich zorgen maakten over jou.",
        "On {date} something happened that made the grown-ups worried about you.",
    ),
    "child.page.what_happened.child.many": (
        "Op {date} is er iets gebeurd waardoor de grote mensen zich zorgen maakten over jullie.",
        "On {date} something happened that made the grown-ups worried about you.",
    ),
    "child.page.what_happened.teen.one": (
        "Op {date} liep het thuis mis. Daardoor kwam de jeugdrechter erbij.",
        "On {date} things went wrong at home. That is why the youth judge became involved.",
    ),
    "child.page.what_happened.teen.many": (
        "Op {date} liep het thuis mis. Daardoor kwam de jeugdrechter erbij.",
        "On {date} things went wrong at home. That is why the youth judge became involved.",
    ),
    # ---- the worry -----------------------------------------------------------------------------------
    "child.page.the_worry.young.one": (
        "De grote mensen willen dat je altijd veilig bent. Het is niet jouw schuld.",
        "The grown-ups want you to be safe, always. It is not your fault.",
    ),
    "child.page.the_worry.young.many": (
        "De grote mensen willen dat jullie altijd veilig zijn. Het is niet jullie schuld.",
        "The grown-ups want you to be safe, always. It is not your fault.",
    ),
    "child.page.the_worry.child.one": (
        "De grote mensen zijn bang dat je niet veilig bent als er niets verandert. Niemand is boos op jou. "
        "Het is niet jouw schuld.",
        "The grown-ups are afraid you are not safe if nothing changes. Nobody is angry with you. It is not your fault.",
    ),
    "child.page.the_worry.child.many": (
        "De grote mensen zijn bang dat jullie niet veilig zijn als er niets verandert. Niemand is boos op jullie. "
        "Het is niet jullie schuld.",
        "The grown-ups are afraid you are not safe if nothing changes. Nobody is angry with you. It is not your fault.",
    ),
    "child.page.the_worry.teen.one": (
        "De mensen rond jou zijn bang dat het opnieuw misloopt als er niets verandert, en dat jij dan niet "
        "veilig bent. Het is niet jouw schuld.",
        "The people around you are afraid that things go wrong again if nothing changes, and that you are "
        "not safe then. It is not your fault.",
    ),
    "child.page.the_worry.teen.many": (
        "De mensen rond jullie zijn bang dat het opnieuw misloopt als er niets verandert, en dat jullie dan "
        "niet veilig zijn. Het is niet jullie schuld.",
        "The people around you are afraid that things go wrong again if nothing changes, and that you are "
        "not safe then. It is not your fault.",
    ),
    # ---- keeping safe ----------------------------------------------------------------------------------
    "child.page.keeping_safe.young.one": (
        "De grote mensen hebben samen afspraken gemaakt, zodat je veilig bent.",
        "The grown-ups made promises together, so that you are safe.",
    ),
    "child.page.keeping_safe.young.many": (
        "De grote mensen hebben samen afspraken gemaakt, zodat jullie veilig zijn.",
        "The grown-ups made promises together, so that you are safe.",
    ),
    "child.page.keeping_safe.child.one": (
        "Daarom hebben de grote mensen samen afspraken gemaakt, zodat je veilig bent.",
        "That is why the grown-ups made agreements together, so that you are safe.",
    ),
    "child.page.keeping_safe.child.many": (
        "Daarom hebben de grote mensen samen afspraken gemaakt, zodat jullie veilig zijn.",
        "That is why the grown-ups made agreements together, so that you are safe.",
    ),
    "child.page.keeping_safe.teen.one": (
        "Je netwerk heeft samen een veiligheidsplan gemaakt: afspraken over wie wat doet.",
        "Your network made a safety plan together: agreements about who does what.",
    ),
    "child.page.keeping_safe.teen.many": (
        "Jullie netwerk heeft samen een veiligheidsplan gemaakt: afspraken over wie wat doet.",
        "Your network made a safety plan together: agreements about who does what.",
    ),
    # ---- who to go to ----------------------------------------------------------------------------------
    "child.page.who_to_go_to.young.one": (
        "Ben je bang of verdrietig? Dan mag je altijd naar deze mensen gaan:",
        "Are you scared or sad? Then you can always go to these people:",
    ),
    "child.page.who_to_go_to.young.many": (
        "Zijn jullie bang of verdrietig? Dan mogen jullie altijd naar deze mensen gaan:",
        "Are you scared or sad? Then you can always go to these people:",
    ),
    "child.page.who_to_go_to.child.one": (
        "Als je je zorgen maakt of bang bent, mag je altijd naar deze mensen gaan of hen bellen:",
        "If you are worried or scared, you can always go to these people or call them:",
    ),
    "child.page.who_to_go_to.child.many": (
        "Als jullie je zorgen maken of bang zijn, mogen jullie altijd naar deze mensen gaan of hen bellen:",
        "If you are worried or scared, you can always go to these people or call them:",
    ),
    "child.page.who_to_go_to.teen.one": (
        "Als het niet goed gaat, kun je altijd bij deze mensen terecht:",
        "If things are not going well, you can always turn to these people:",
    ),
    "child.page.who_to_go_to.teen.many": (
        "Als het niet goed gaat, kunnen jullie altijd bij deze mensen terecht:",
        "If things are not going well, you can always turn to these people:",
    ),
    # ---- what next -------------------------------------------------------------------------------------
    # {when}: a meeting already set ("Op 10 oktober 2026"), or the day the module plans ("Rond 10 oktober 2026").
    "child.when.on": ("Op {date}", "On {date}"),
    "child.when.about": ("Rond {date}", "Around {date}"),
    "child.page.what_next.young.one": (
        "{when} komen alle mensen die je helpen weer samen.",
        "{when} all the people who help you meet again.",
    ),
    "child.page.what_next.young.many": (
        "{when} komen alle mensen die jullie helpen weer samen.",
        "{when} all the people who help you meet again.",
    ),
    "child.page.what_next.child.one": (
        "{when} komen alle mensen die je helpen opnieuw samen om te kijken of de afspraken goed werken.",
        "{when} all the people who help you meet again to see whether the agreements work.",
    ),
    "child.page.what_next.child.many": (
        "{when} komen alle mensen die jullie helpen opnieuw samen om te kijken of de afspraken goed werken.",
        "{when} all the people who help you meet again to see whether the agreements work.",
    ),
    "child.page.what_next.teen.one": (
        "{when} komt je netwerk opnieuw samen om te bekijken of het plan werkt. Jij mag erbij zijn en zeggen wat jij ervan vindt.",
        "{when} your network meets again to see whether the plan works. You can be there and say what you think.",
    ),
    "child.page.what_next.teen.many": (
        "{when} komt jullie netwerk opnieuw samen om te bekijken of het plan werkt. Jullie mogen erbij zijn en zeggen wat jullie ervan vinden.",
        "{when} your network meets again to see whether the plan works. You can be there and say what you think.",
    ),
    "child.page.what_next_open.young.one": (
        "Alle mensen die je helpen komen nog samen.",
        "All the people who help you will meet again.",
    ),
    "child.page.what_next_open.young.many": (
        "Alle mensen die jullie helpen komen nog samen.",
        "All the people who help you will meet again.",
    ),
    "child.page.what_next_open.child.one": (
        "De mensen die je helpen blijven samenkomen om te kijken of de afspraken goed werken.",
        "The people who help you keep meeting to see whether the agreements work.",
    ),
    "child.page.what_next_open.child.many": (
        "De mensen die jullie helpen blijven samenkomen om te kijken of de afspraken goed werken.",
        "The people who help you keep meeting to see whether the agreements work.",
    ),
    "child.page.what_next_open.teen.one": (
        "Je netwerk blijft samenkomen om te bekijken of het plan werkt.",
        "Your network keeps meeting to see whether the plan works.",
    ),
    "child.page.what_next_open.teen.many": (
        "Jullie netwerk blijft samenkomen om te bekijken of het plan werkt.",
        "Your network keeps meeting to see whether the plan works.",
    ),
    "edit.add_story": ("verhaal gemaakt", "story made"),
    "edit.story_version": ("nieuwe versie van het verhaal", "new version of the story"),
    # ---- the screens: Words and Pictures ----------------------------------------------------------------
    "part.words_pictures": ("Woord en beeld", "Words and Pictures"),
    "child.version": ("versie {n}", "version {n}"),
    "child.story.pick": ("Verhaal", "Story"),
    "child.story.untitled": ("Ons verhaal", "Our story"),
    "child.story.title_for": ("Het verhaal van {kids}", "The story of {kids}"),
    "child.story.none": (
        "Nog geen verhaal. Maak hieronder samen met de ouders een eerste verhaal voor de kinderen.",
        "No story yet. Make a first story for the children below, together with the parents.",
    ),
    "child.story.new": ("Nieuw verhaal", "New story"),
    "child.story.new_title": ("Een nieuw verhaal, voor wie?", "A new story, for whom?"),
    "child.story.title_ph": ("Titel (bv. Het verhaal van Noah)", "Title (e.g. The story of Noah)"),
    "child.story.make_immediate": ("Onmiddellijk verhaal (kort)", "Immediate story (short)"),
    "child.story.make_draft": ("Eerste versie van het Woord- en Beeldverhaal", "First draft of Words and Pictures"),
    "child.story.make_blank": ("Lege pagina's", "Empty pages"),
    "child.story.draft_hint": (
        "Het voorstel gebruikt alleen wie er is en wanneer: schrijf daarna samen met de ouders elke pagina in "
        "de woorden van het kind.",
        "The draft only uses who is there and when: then rewrite every page with the parents, in the child's words.",
    ),
    "child.story.made": (
        "‘{title}’ gemaakt: pas nu elke pagina samen aan.",
        "‘{title}’ made: now edit every page together.",
    ),
    "child.story.new_version": ("Nieuwe versie", "New version"),
    "child.story.remove": ("Verwijder deze versie", "Remove this version"),
    "child.story.readonly": (
        "{version} is een vorige versie: ze blijft zoals ze verteld werd. Alleen lezen.",
        "{version} is an earlier version: it stays as it was told. Read only.",
    ),
    "child.read.button": ("▶ Samen lezen", "▶ Read together"),
    "child.read.previous": ("Vorige pagina", "Previous page"),
    "child.read.next": ("Volgende pagina", "Next page"),
    "child.read.close": ("Sluiten (Esc)", "Close (Esc)"),
    "child.read.full": ("Volledig scherm", "Full screen"),
    "child.topic.who_worried": ("Wie maakt zich zorgen?", "Who is worried?"),
    "child.topic.what_happened": ("Wat is er gebeurd?", "What happened?"),
    "child.topic.the_worry": ("Wat is de zorg?", "What is the worry?"),
    "child.topic.keeping_safe": ("Wat doet iedereen zodat het veilig is?", "What is everyone doing to keep it safe?"),
    "child.topic.who_to_go_to": ("Naar wie kan je gaan?", "Who can you go to?"),
    "child.topic.what_next": ("Wat gebeurt er nu?", "What happens next?"),
    "child.topic.own": ("Eigen pagina", "Own page"),
    "child.page.topic": ("Pagina over", "Page about"),
    "child.page.number": ("Pagina {n} van {of}", "Page {n} of {of}"),
    "child.page.text_ph": (
        "Schrijf hier de tekst van deze pagina, in de woorden van het kind.",
        "Write this page's text here, in the child's words.",
    ),
    "child.page.no_text": ("(nog geen tekst)", "(no text yet)"),
    "child.page.add": ("+ Pagina erna", "+ Page after this"),
    "child.page.remove": ("Verwijder pagina", "Remove page"),
    "child.page.earlier": ("Naar voren", "Move earlier"),
    "child.page.later": ("Naar achteren", "Move later"),
    "child.picker.button": ("Kies een prent", "Choose a picture"),
    "child.contact.title": (
        "Wie mag het kind bellen? (naam en telefoon worden getoond)",
        "Whom may the child call? (name and phone are shown)",
    ),
    "child.contact.add": ("+ Iemand van de netwerkkaart…", "+ Someone from the network map…"),
    "child.contact.remove": ("{who} weghalen", "Remove {who}"),
    "child.contact.no_phone": ("{who} · geen telefoonnummer", "{who} · no phone number"),
    "child.pen.undo": ("Terug", "Undo"),
    "child.pen.clear": ("Alles weg", "Clear"),
    "child.pen.canvas": (
        "Tekenblad: teken met de muis, een vinger of een pen",
        "Drawing sheet: draw with the mouse, a finger or a pen",
    ),
    "child.pen.color.black": ("zwart", "black"),
    "child.pen.color.red": ("rood", "red"),
    "child.pen.color.orange": ("oranje", "orange"),
    "child.pen.color.yellow": ("geel", "yellow"),
    "child.pen.color.green": ("groen", "green"),
    "child.pen.color.blue": ("blauw", "blue"),
    "child.pen.color.purple": ("paars", "purple"),
    "child.pen.color.brown": ("bruin", "brown"),
    "child.pen.color.pink": ("roze", "pink"),
    "child.pen.width.thin": ("dun", "thin"),
    "child.pen.width.medium": ("middel", "medium"),
    "child.pen.width.thick": ("dik", "thick"),
    # ---- edits and errors ---------------------------------------------------------------------------------
    "edit.story_title": ("titel van het verhaal gewijzigd", "story title changed"),
    "edit.add_page": ("pagina toegevoegd", "page added"),
    "edit.story_page": ("pagina gewijzigd", "page changed"),
    "edit.remove_page": ("pagina verwijderd", "page removed"),
    "edit.remove_story": ("versie van het verhaal verwijderd", "story version removed"),
    "edit.add_house_entry": ("iets in een huis gezet", "something put in a house"),
    "edit.house_entry": ("iets in een huis gewijzigd", "something in a house changed"),
    "edit.house_shared": ("mag getoond worden", "may be shown"),
    "edit.house_private": ("niet meer getoond", "no longer shown"),
    "edit.remove_house_entry": ("uit een huis gehaald", "taken out of a house"),
    "edit.add_feedback": ("feedback bewaard", "feedback saved"),
    "edit.feedback": ("feedback gewijzigd", "feedback changed"),
    "edit.remove_feedback": ("feedback verwijderd", "feedback removed"),
    "error.drawing_bad": ("dit is geen tekening die we kunnen lezen.", "this is not a drawing we can read."),
    "error.drawing_too_big": (
        "de tekening is te groot om te bewaren: gebruik ‘Terug’ of begin een nieuwe pagina.",
        "the drawing is too large to store: use ‘Undo’ or start a new page.",
    ),
    "error.story_superseded": (
        "dit is een vorige versie: ze blijft zoals ze was. Pas de nieuwste versie aan.",
        "this is an earlier version: it stays as it was. Edit the newest version.",
    ),
    "error.too_many_pictograms": ("hoogstens {max} prenten op één pagina.", "at most {max} pictures on one page."),
    "error.pictogram_unknown": ("deze prent kennen we niet: {name}.", "this picture is not known: {name}."),
    "error.too_many_contacts": ("hoogstens {max} mensen om te bellen.", "at most {max} people to call."),
    "error.person_unknown": (
        "deze persoon staat niet (meer) op de kaart.",
        "this person is not (or no longer) on the map.",
    ),
    "error.contact_is_child": ("kies een volwassene om te bellen.", "choose an adult to call."),
    "error.entry_empty": ("schrijf, teken of kies eerst iets.", "write, draw or choose something first."),
    "error.half_steps": (
        "geef een score van 1 tot 4, in halve punten (bv. 2,5).",
        "give a score from 1 to 4, in halves (e.g. 2.5).",
    ),
    "field.pictograms": ("prenten", "pictures"),
    "field.contacts": ("wie mag je bellen", "who you can call"),
    "field.shareable": ("mag getoond worden", "may be shown"),
    # ---- Three Houses -------------------------------------------------------------------------------------
    "part.three_houses": ("Drie huizen", "Three Houses"),
    "house.intro": (
        "Samen met het kind: wat het zelf zegt of tekent. Het kind beslist wat de anderen mogen zien: "
        "niets wordt getoond tot het kind ‘mag getoond worden’ kiest.",
        "Together with the child: what the child says or draws. The child decides what the others may see: "
        "nothing is shown until the child chooses ‘may be shown’.",
    ),
    "house.shared_screen": (
        "Hier staat alleen wat het kind wil laten zien.",
        "Only what the child wants to show is here.",
    ),
    "house.add": ("+ Iets in dit huis", "+ Something in this house"),
    "house.editor.new": ("Nieuw in het {house}", "New in the {house}"),
    "house.editor.edit": ("In het {house}", "In the {house}"),
    "house.text_ph": ("Wat het kind zegt, in zijn of haar eigen woorden", "What the child says, in their own words"),
    "house.shareable": ("Mag getoond worden (het kind beslist)", "May be shown (the child decides)"),
    "house.share_button": ("Mag getoond worden", "May be shown"),
    "house.share_tip": (
        "Het kind beslist: mag dit getoond worden aan de ouders en het netwerk?",
        "The child decides: may this be shown to the parents and the network?",
    ),
    "house.shared": ("👁 mag getoond worden", "👁 may be shown"),
    "house.private": ("🔒 alleen voor het kind en de begeleider", "🔒 only for the child and the worker"),
    "house.edit_tip": ("Aanpassen", "Edit"),
    "house.remove_tip": ("Weghalen", "Remove"),
    "house.done": ("Klaar", "Done"),
    # ---- feedback ---------------------------------------------------------------------------------------------
    "part.feedback": ("Feedback", "Feedback"),
    "feedback.intro": (
        "Wat vinden de kinderen en de ouders van de samenwerking? Bij de tussentijdse evaluatie en op het einde: "
        "een rapportcijfer op 10, en resultaat en procesverloop op 4 (halve punten mogen).",
        "What do the children and the parents think of the collaboration? At the interim evaluation and at the "
        "end: an overall mark out of 10, and result and process out of 4 (halves allowed).",
    ),
    "feedback.add": ("+ Feedback noteren", "+ Note feedback"),
    "feedback.new_title": ("Nieuwe feedback", "New feedback"),
    "feedback.edit_title": (
        "Feedback aanpassen (elke wijziging wordt meteen bewaard)",
        "Edit feedback (every change is saved at once)",
    ),
    "feedback.person": ("Wie", "Who"),
    "feedback.moment": ("Wanneer", "When"),
    "feedback.date": ("Datum", "Date"),
    "feedback.mark": ("Rapportcijfer (1 tot 10)", "Overall mark (1 to 10)"),
    "feedback.result": ("Resultaat (1 tot 4)", "Result (1 to 4)"),
    "feedback.process": ("Procesverloop (1 tot 4)", "Process (1 to 4)"),
    "feedback.comment": ("Opmerking (mag leeg blijven)", "Comment (optional)"),
    "feedback.comment_ph": ("Wat zegt hij of zij erover?", "What do they say about it?"),
    "feedback.not_given": ("–", "–"),
    "feedback.save": ("Bewaar", "Save"),
    "feedback.cancel": ("Annuleer", "Cancel"),
    "feedback.close": ("Klaar", "Done"),
    "feedback.saved": ("Feedback van {name} bewaard.", "Feedback of {name} saved."),
    "feedback.mark_needed": (
        "Kies eerst een rapportcijfer van 1 tot 10.",
        "Choose an overall mark from 1 to 10 first.",
    ),
    "feedback.role.child": ("kind", "child"),
    "feedback.role.parent": ("ouder", "parent"),
    "feedback.role.other": ("netwerk", "network"),
    "feedback.col.when": ("Wanneer", "When"),
    "feedback.col.mark": ("Rapportcijfer", "Mark"),
    "feedback.col.result": ("Resultaat", "Result"),
    "feedback.col.process": ("Procesverloop", "Process"),
    "feedback.none": ("Nog geen feedback.", "No feedback yet."),
    "feedback.trend": ("van {first} naar {last} ({diff})", "from {first} to {last} ({diff})"),
    "feedback.edit_tip": ("Aanpassen", "Edit"),
    "feedback.remove_tip": ("Verwijderen", "Remove"),
}
