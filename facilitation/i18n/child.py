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
    "child.page.what_next.young.one": (
        "Op {date} komen alle mensen die je helpen weer samen.",
        "On {date} all the people who help you meet again.",
    ),
    "child.page.what_next.young.many": (
        "Op {date} komen alle mensen die jullie helpen weer samen.",
        "On {date} all the people who help you meet again.",
    ),
    "child.page.what_next.child.one": (
        "Op {date} komen alle mensen die je helpen opnieuw samen om te kijken of de afspraken goed werken.",
        "On {date} all the people who help you meet again to see whether the agreements work.",
    ),
    "child.page.what_next.child.many": (
        "Op {date} komen alle mensen die jullie helpen opnieuw samen om te kijken of de afspraken goed werken.",
        "On {date} all the people who help you meet again to see whether the agreements work.",
    ),
    "child.page.what_next.teen.one": (
        "Op {date} komt je netwerk opnieuw samen om te bekijken of het plan werkt. Jij mag erbij zijn en zeggen wat jij ervan vindt.",
        "On {date} your network meets again to see whether the plan works. You can be there and say what you think.",
    ),
    "child.page.what_next.teen.many": (
        "Op {date} komt jullie netwerk opnieuw samen om te bekijken of het plan werkt. Jullie mogen erbij zijn en zeggen wat jullie ervan vinden.",
        "On {date} your network meets again to see whether the plan works. You can be there and say what you think.",
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
}
