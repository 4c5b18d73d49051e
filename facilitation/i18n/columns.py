"""Texts of the three columns (nl-BE, en). Column and element names are shared: column.*, element.*, element_one.*."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- column and element labels in choices ------------------------------------------------
    "columns.short.worries": ("Zorgen", "Worries"),
    "columns.short.working_well": ("Gaat goed", "Working well"),
    "columns.short.needs_to_happen": ("Moet gebeuren", "Needs to happen"),
    "columns.element_option": ("{column} · {element}", "{column} · {element}"),
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
    "columns.move_to": ("Onderdeel (hier kies je waarheen het verhuist)", "Element (choose where it moves to)"),
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
    # ---- filter and highlight ----------------------------------------------------------------
    "columns.filter": ("Wie zei wat?", "Who said what?"),
    "columns.filter_everyone": ("Iedereen", "Everyone"),
    "columns.filter_all_meetings": ("Alle overleggen", "All meetings"),
    "columns.filter_this_meeting": ("{meeting} (nu)", "{meeting} (now)"),
    "columns.filter_highlight": ("Markeren", "Highlight"),
    "columns.filter_only": ("Alleen deze tonen", "Show only these"),
    "columns.filter_count": ("{n} punten", "{n} items"),
}
