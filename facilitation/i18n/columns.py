"""Texts of the three columns (nl-BE, en). Column and element names are shared: column.*, element.*, element_one.*."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- column and element labels in choices ------------------------------------------------
    "columns.short.worries": ("Zorgen", "Worries"),
    "columns.short.working_well": ("Gaat goed", "Working well"),
    "columns.short.needs_to_happen": ("Moet gebeuren", "Needs to happen"),
    "columns.element_option": ("{column} · {element}", "{column} · {element}"),
    "columns.element_option_n": ("{n} · {column} · {element}", "{n} · {column} · {element}"),
    "columns.add_element_tip": (
        "Bij welk onderdeel? Sneltoets: Alt+1 tot Alt+9",
        "Which element? Shortcut: Alt+1 to Alt+9",
    ),
    "columns.speaker": ("Wie zegt het?", "Who says it?"),
    "columns.nobody_short": ("niemand", "nobody"),
    "columns.speaker_tip": ("{name} zegt het", "{name} says it"),
    "columns.plus_tip": ("Iets toevoegen bij: {column}", "Add something to: {column}"),
    "columns.empty": ("nog niets genoteerd", "nothing noted yet"),
    "columns.bottom_lines_note": (
        "Niet onderhandelbaar: gesteld door de jeugdrechter of de consulent.",
        "Non-negotiable: set by the youth judge or the consultant.",
    ),
    "columns.too_many": (
        "{n} gevaarsboodschappen: hou het bij {max} of minder, zodat iedereen weet waar het om draait.",
        "{n} danger statements: keep to {max} or fewer, so that everyone knows what matters most.",
    ),
    # ---- adding ------------------------------------------------------------------------------
    "columns.add_ph": ("Typ wat er gezegd wordt en druk op Enter", "Type what is said and press Enter"),
    "columns.add_long_ph": ("Langere tekst; klik daarna op Toevoegen", "Longer text; then click Add"),
    "columns.add": ("Toevoegen", "Add"),
    "columns.add_tip": ("Toevoegen aan de kolommen (of druk op Enter)", "Add to the columns (or press Enter)"),
    "columns.add_author_none": ("— wie zei het? —", "— who said it? —"),
    "columns.longer": ("Langere tekst", "Longer text"),
    "columns.longer_tip": ("Een groot tekstvak voor een langer verhaal", "A large text box for a longer story"),
    "columns.added": ("Toegevoegd bij: {element}.", "Added to: {element}."),
    "columns.saving": ("bewaren…", "saving…"),
    # ---- one item on screen ------------------------------------------------------------------
    "columns.said_by": ("— {name}", "— {name}"),
    "columns.agree_names": ("✓ akkoord: {names}", "✓ agrees: {names}"),
    "columns.disagree_names": ("✗ niet akkoord: {names}", "✗ does not agree: {names}"),
    "columns.paired_goal": ("→ veiligheidsdoel {n}", "→ safety goal {n}"),
    "columns.paired_danger": ("← gevaarsboodschap {n}", "← danger statement {n}"),
    "columns.unpaired": ("⚠ nog geen veiligheidsdoel gekoppeld", "⚠ no safety goal paired yet"),
    "columns.non_negotiable": ("Niet onderhandelbaar", "Non-negotiable"),
    "columns.set_by_label": ("gesteld door {who}", "set by {who}"),
    "columns.new_here": ("nieuw in dit overleg", "new at this meeting"),
    "columns.edit_icon": ("✎", "✎"),
    "columns.edit_tip": (
        "Bewerken: woorden, wie het zei, wie akkoord is, verplaatsen, verwijderen",
        "Edit: words, who said it, who agrees, move, remove",
    ),
    # ---- the editor --------------------------------------------------------------------------
    "columns.editing": ("{element} {n} bewerken", "Editing {element} {n}"),
    "columns.text": ("De woorden (zoals ze gezegd werden)", "The words (as they were said)"),
    "columns.who_said": ("Wie zei het?", "Who said it?"),
    "columns.nobody": ("(niet aangeduid)", "(not marked)"),
    "columns.set_by": ("Gesteld door", "Set by"),
    "columns.set_by.judge": ("de jeugdrechter", "the youth judge"),
    "columns.set_by.consultant": ("de consulent", "the consultant"),
    "columns.set_by_ph": ("bv. de jeugdrechter", "e.g. the youth judge"),
    "columns.move_to": ("Verplaatsen naar", "Move to"),
    "columns.pair_with.safety_goal": ("Gekoppeld veiligheidsdoel", "Paired safety goal"),
    "columns.pair_with.danger_statement": ("Antwoord op gevaarsboodschap", "Answers danger statement"),
    "columns.pair_none": ("(nog niet gekoppeld)", "(not paired yet)"),
    "columns.pair_option": ("{element} {n}: {text}", "{element} {n}: {text}"),
    "columns.views": (
        "Wie is akkoord, wie niet? Een verschil mag blijven staan.",
        "Who agrees, who does not? A difference may stay.",
    ),
    "columns.view_none": ("—", "—"),
    "columns.agree": ("akkoord", "agrees"),
    "columns.disagree": ("niet akkoord", "does not agree"),
    "columns.save": ("Bewaren", "Save"),
    "columns.close": ("Sluiten", "Close"),
    "columns.up": ("↑", "↑"),
    "columns.up_tip": ("Hoger zetten", "Move up"),
    "columns.down": ("↓", "↓"),
    "columns.down_tip": ("Lager zetten", "Move down"),
    "columns.delete": ("Verwijderen", "Remove"),
    "columns.delete_tip": ("Dit punt verwijderen (ongedaan maken kan)", "Remove this item (it can be undone)"),
    "columns.edit_item": ("punt gewijzigd", "item changed"),
    "columns.saved": ("Bewaard.", "Saved."),
    "columns.deleted": (
        "Verwijderd: '{text}'. Met 'Ongedaan maken' bovenaan komt het terug.",
        "Removed: '{text}'. 'Undo' at the top brings it back.",
    ),
    "columns.unsaved_first": (
        "Er staan nog niet bewaarde wijzigingen in het open punt: klik eerst op Bewaren of Sluiten.",
        "The open item has changes that are not saved yet: click Save or Close first.",
    ),
    "columns.changed_elsewhere": (
        "Dit punt werd intussen op een ander scherm gewijzigd (nu: '{text}'). Kijk het na en klik nog eens op "
        "Bewaren om jouw versie te bewaren.",
        "This item was changed on another screen meanwhile (now: '{text}'). Check it and click Save again to "
        "store your version.",
    ),
    # ---- guided danger statement -------------------------------------------------------------
    "columns.ds.ds_who": ("Wie maakt zich zorgen?", "Who is worried?"),
    "columns.ds.ds_who_hint": ("Noem de mensen of diensten bij naam.", "Name the people or services."),
    "columns.ds.ds_who_ph": ("bv. oma Rita en de consulent", "e.g. Grandma Rita and the consultant"),
    "columns.ds.ds_behaviour": ("Over welk gedrag, van wie?", "About what behaviour, by whom?"),
    "columns.ds.ds_behaviour_hint": (
        "Concreet en in gewone woorden; geen vakjargon zoals 'verwaarlozing'.",
        "Specific and in plain words; no jargon such as 'neglect'.",
    ),
    "columns.ds.ds_behaviour_ph": (
        "bv. mama drinkt 's avonds en valt in slaap terwijl Noah nog wakker is",
        "e.g. mum drinks in the evening and falls asleep while Noah is still awake",
    ),
    "columns.ds.ds_impact": (
        "Wat kan er met het kind gebeuren als er niets verandert?",
        "What could happen to the child if nothing changes?",
    ),
    "columns.ds.ds_impact_hint": ("Wat vrezen we voor het kind?", "What do we fear for the child?"),
    "columns.ds.ds_impact_ph": (
        "bv. Noah raakt gewond omdat niemand op hem let",
        "e.g. Noah gets hurt because nobody is watching him",
    ),
    "columns.ds.sentence": (
        "De gevaarsboodschap: lees ze samen na en pas de woorden aan waar nodig",
        "The danger statement: read it together and change the words where needed",
    ),
    "columns.ds.sentence_ph": (
        "De zin verschijnt hier terwijl je de drie vragen invult.",
        "The sentence appears here as you answer the three questions.",
    ),
    "columns.ds.template_one": (
        "{who} maakt zich zorgen dat {behaviour}. Als er niets verandert, is de zorg dat {impact}.",
        "{who} is worried that {behaviour}. If nothing changes, the worry is that {impact}.",
    ),
    "columns.ds.template_many": (
        "{who} maken zich zorgen dat {behaviour}. Als er niets verandert, is de zorg dat {impact}.",
        "{who} are worried that {behaviour}. If nothing changes, the worry is that {impact}.",
    ),
    "columns.ds.missing": ("Vul nog in: {part}", "Still to fill in: {part}"),
    # ---- guided safety goal ------------------------------------------------------------------
    "columns.sg.sg_carers_do": ("Wat zullen de ouders of opvoeders doen?", "What will the parents or carers do?"),
    "columns.sg.sg_carers_do_hint": (
        "Wie doet wat, concreet en positief gezegd.",
        "Who does what, specific and said positively.",
    ),
    "columns.sg.sg_carers_do_ph": (
        "bv. mama drinkt geen alcohol als ze alleen voor Noah zorgt",
        "e.g. mum drinks no alcohol when she looks after Noah alone",
    ),
    "columns.sg.sg_child_experiences": ("Wat zal het kind ervaren?", "What will the child experience?"),
    "columns.sg.sg_child_experiences_hint": ("Wat merkt het kind zelf?", "What does the child notice?"),
    "columns.sg.sg_child_experiences_ph": (
        "bv. Noah wordt elke avond door een nuchtere volwassene in bed gestopt",
        "e.g. Noah is put to bed every evening by a sober adult",
    ),
    "columns.sg.sg_others_see": ("Wat zullen anderen zien?", "What will others see?"),
    "columns.sg.sg_others_see_hint": (
        "Wie uit het netwerk kan het zien of horen?",
        "Who in the network can see or hear it?",
    ),
    "columns.sg.sg_others_see_ph": (
        "bv. oma Rita ziet bij haar bezoeken dat mama nuchter is",
        "e.g. Grandma Rita sees on her visits that mum is sober",
    ),
    "columns.sg.sg_how_long": ("Hoe lang moet het zo blijven?", "For how long must it last?"),
    "columns.sg.sg_how_long_hint": (
        "Zo lang dat iedereen erop kan vertrouwen.",
        "Long enough for everyone to trust it.",
    ),
    "columns.sg.sg_how_long_ph": ("bv. minstens zes maanden", "e.g. at least six months"),
    "columns.sg.template": (
        "{carers_do}, zodat {child_experiences}. Anderen zien dat {others_see}. Dit wordt {how_long} volgehouden.",
        "{carers_do}, so that {child_experiences}. Others see that {others_see}. This is kept up for {how_long}.",
    ),
    "columns.sg.guided": ("Stap voor stap", "Step by step"),
    "columns.sg.guided_tip": (
        "Vier vragen: wat doen de ouders, wat ervaart het kind, wat zien anderen, hoe lang",
        "Four questions: what the parents do, what the child experiences, what others see, for how long",
    ),
    "columns.sg.sentence": (
        "Het veiligheidsdoel: lees het samen na en pas de woorden aan waar nodig",
        "The safety goal: read it together and change the words where needed",
    ),
    "columns.sg.sentence_ph": (
        "De zin verschijnt hier terwijl je de vier vragen invult.",
        "The sentence appears here as you answer the four questions.",
    ),
    # ---- positions on the worries and the help (practice element 1) ---------------------------
    "columns.position.title": ("Standpunt van {name}", "Position of {name}"),
    "columns.position.view_on_worries": ("Hoe kijkt {name} naar de zorgen?", "How does {name} see the worries?"),
    "columns.position.view_on_help": (
        "Hoe kijkt {name} naar de hulp en de hulpverleners?",
        "How does {name} see the help and the professionals?",
    ),
    "columns.position.view_on_worries_ph": (
        "In de eigen woorden: herkent hij of zij de zorgen, welke wel, welke niet?",
        "In their own words: do they recognise the worries, which ones, which not?",
    ),
    "columns.position.view_on_help_ph": (
        "In de eigen woorden: wat vindt hij of zij van de hulp en van ons?",
        "In their own words: what do they think of the help and of us?",
    ),
    "columns.position.save": ("Standpunt bewaren", "Save position"),
    "columns.position.saved": ("Standpunt van {name} bewaard.", "Position of {name} saved."),
    "columns.position.edit": ("standpunt gewijzigd", "position changed"),
    # ---- words typed for an item that was deleted elsewhere -----------------------------------
    "columns.orphan.message": (
        "Deze {element} werd op een ander scherm verwijderd terwijl je ze bewerkte. Wat je typte, staat hieronder.",
        "This {element} was removed on another screen while you were editing it. What you typed is below.",
    ),
    "columns.orphan.status": (
        "Het punt dat je bewerkte, werd op een ander scherm verwijderd. Je tekst is bewaard: voeg ze opnieuw toe of laat ze vallen.",
        "The item you were editing was removed on another screen. Your text is kept: add it again or let it go.",
    ),
    "columns.orphan.readd": ("Opnieuw toevoegen", "Add it again"),
    "columns.orphan.drop": ("Laten vallen", "Let it go"),
    # ---- shortcuts ---------------------------------------------------------------------------
    "columns.keys.title": ("Sneltoetsen in de drie kolommen", "Shortcuts in the three columns"),
    "columns.keys.element": (
        "Kies het onderdeel: 1 schade, 2 gevaarsboodschap, 3 complicerende factor, 4 kracht, 5 uitzondering, "
        "6 bestaande veiligheid, 7 veiligheidsdoel, 8 bodemeis, 9 volgende stap (zonder Alt als je niet typt)",
        "Choose the element: 1 harm, 2 danger statement, 3 complicating factor, 4 strength, 5 exception, "
        "6 existing safety, 7 safety goal, 8 bottom line, 9 next step (without Alt when not typing)",
    ),
    "columns.keys.add_field": (
        "Naar het invoerveld van het gekozen onderdeel",
        "To the add field of the chosen element",
    ),
    "columns.keys.speakers": (
        "Naar de namen (met Tab kom je er ook); de pijltjes of de eerste letters van een naam kiezen de spreker",
        "To the names (Tab gets there too); the arrows or the first letters of a name choose the speaker",
    ),
    "columns.keys.prefix": (
        "Begin met de eerste letters van een naam en een dubbelpunt, bv. 'ri: oma haalt Jonas op': Rita zei het",
        "Start with the first letters of a name and a colon, e.g. 'ri: grandma picks Jonas up': Rita said it",
    ),
    "columns.keys.enter": (
        "Toevoegen; het veld wordt leeg, de spreker en het onderdeel blijven gekozen",
        "Add; the field empties, the speaker and the element stay chosen",
    ),
    "columns.keys.escape": ("Deze lijst of de bewerking sluiten", "Close this list or the editor"),
    "columns.keys.help": ("Deze lijst tonen of verbergen", "Show or hide this list"),
    # ---- filter and highlight ----------------------------------------------------------------
    "columns.filter": ("Wie zei wat?", "Who said what?"),
    "columns.filter_everyone": ("Iedereen", "Everyone"),
    "columns.filter_all_meetings": ("Alle overleggen", "All meetings"),
    "columns.filter_this_meeting": ("{meeting} (nu)", "{meeting} (now)"),
    "columns.filter_highlight": ("Markeren", "Highlight"),
    "columns.filter_only": ("Alleen deze tonen", "Show only these"),
    "columns.filter_count": ("{n} punten", "{n} items"),
}
