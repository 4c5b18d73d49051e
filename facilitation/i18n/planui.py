"""Texts of the safety plan screen (planui.*): agreements, live checks, export button. (nl-BE, en)

Keys ending in ``_many`` are the plural of the key without it (chosen when the count ``n`` is not 1).
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- the screen ----------------------------------------------------------------------------
    "planui.title": ("Veiligheidsplan: wie doet wat?", "Safety plan: who does what?"),
    "planui.intro": (
        "Elke afspraak zegt wat er gebeurt, wie het doet, wie de back-up is, wanneer, en wat er gebeurt als het niet lukt.",
        "Each agreement says what will happen, who does it, who the backup is, when, and what happens if it does not.",
    ),
    "planui.empty": (
        "Nog geen afspraken. Schrijf hieronder de eerste afspraak.",
        "No agreements yet. Write the first one below.",
    ),
    "planui.keys_hint": (
        "Sneltoetsen: N voor een nieuwe afspraak, Ctrl+Enter om ze te bewaren.",
        "Shortcuts: N for a new agreement, Ctrl+Enter to save it.",
    ),
    "planui.keys.new": ("Naar een nieuwe afspraak (niet tijdens het typen)", "To a new agreement (when not typing)"),
    "planui.keys.save": ("De afspraak bewaren", "Save the agreement"),
    "planui.closing.title": ("Afsluiting: het plan ondertekenen", "Closing: signing the plan"),
    "planui.closing.intro": (
        "Onderteken het plan zoals het nu is, noteer wanneer het naar de jeugdrechter gaat, en maak de documenten.",
        "Sign the plan as it is now, note when it goes to the youth judge, and make the documents.",
    ),
    # ---- the form ------------------------------------------------------------------------------
    "planui.form.new": ("Nieuwe afspraak", "New agreement"),
    "planui.form.edit": ("Afspraak {n} wijzigen", "Changing agreement {n}"),
    "planui.field.what": ("Wat gaat er gebeuren?", "What will happen?"),
    "planui.field.owner": ("Wie doet het?", "Who does it?"),
    "planui.field.backup": ("Back-up: wie neemt het over?", "Backup: who takes over?"),
    "planui.field.when": ("Wanneer, of hoe vaak?", "When, or how often?"),
    "planui.field.if_not": (
        "Wat als het niet gebeurt? (rode vlag: wie belt wie?)",
        "What if it does not happen? (red flag: who calls whom?)",
    ),
    "planui.field.check_how": ("Hoe volgen we het op?", "How do we check it?"),
    "planui.field.links": ("Dit is een antwoord op:", "This answers:"),
    "planui.ph.what": ("bv. Als mama huilt, bel ik tante Lieke.", "e.g. When mum cries, I call aunt Lieke."),
    "planui.ph.when": ("bv. elke schooldag om 8 uur", "e.g. every school day at 8"),
    "planui.ph.if_not": (
        "bv. Jonas belt oma Rita; oma belt de consulent.",
        "e.g. Jonas calls grandma Rita; grandma calls the consultant.",
    ),
    "planui.ph.check_how": ("bv. oma vraagt het elke zondag na", "e.g. grandma checks every Sunday"),
    "planui.links_none": (
        "Nog geen gevaarsboodschap, veiligheidsdoel of bodemeis in de drie kolommen.",
        "No danger statement, safety goal or bottom line in the three columns yet.",
    ),
    "planui.nobody_option": ("— nog niemand —", "— nobody yet —"),
    "planui.child": ("kind", "child"),
    "planui.add": ("Afspraak toevoegen", "Add agreement"),
    "planui.save": ("Wijziging bewaren", "Save the change"),
    "planui.cancel": ("Annuleren", "Cancel"),
    "planui.what_needed": ("Schrijf eerst wat er zal gebeuren.", "First write what will happen."),
    "planui.added": ("Afspraak {n} toegevoegd.", "Agreement {n} added."),
    "planui.saved": ("Afspraak {n} gewijzigd.", "Agreement {n} changed."),
    "planui.deleted": (
        "Afspraak {n} verwijderd. Met 'Ongedaan maken' komt ze terug.",
        "Agreement {n} removed. 'Undo' brings it back.",
    ),
    "planui.edit_gone": (
        "De afspraak die je aan het wijzigen was, bestaat niet meer (ongedaan gemaakt of op een ander scherm "
        "verwijderd). Je tekst staat nog in het formulier.",
        "The agreement you were changing no longer exists (undone, or removed on another screen). Your text is "
        "still in the form.",
    ),
    # ---- an agreement's card -------------------------------------------------------------------
    "planui.card.owner": ("Wie", "Who"),
    "planui.card.backup": ("Back-up", "Backup"),
    "planui.card.when": ("Wanneer", "When"),
    "planui.card.if_not": ("Als het niet lukt", "If it does not happen"),
    "planui.card.check_how": ("Opvolging", "Follow-up"),
    "planui.card.links": ("Antwoord op", "Answers"),
    "planui.card.agreed_earlier": ("Eerder akkoord", "Agreed earlier"),
    "planui.nobody": ("nog niemand", "nobody yet"),
    "planui.not_said": ("nog niet afgesproken", "not agreed yet"),
    "planui.tel": ("tel.", "tel."),
    "planui.agreed_by": ("Akkoord:", "Agreed:"),
    "planui.agree_on_tip": (
        "{name} gaat akkoord. Klik om dat terug te nemen.",
        "{name} agrees. Click to take it back.",
    ),
    "planui.agree_off_tip": ("Klik als {name} akkoord gaat.", "Click when {name} agrees."),
    "planui.nobody_present": (
        "Duid bij het overleg aan wie er aanwezig is.",
        "Mark who is present at the meeting.",
    ),
    "planui.up": ("▲ Hoger", "▲ Up"),
    "planui.up_tip": ("Eén plaats hoger zetten", "Move one place up"),
    "planui.down": ("▼ Lager", "▼ Down"),
    "planui.down_tip": ("Eén plaats lager zetten", "Move one place down"),
    "planui.edit": ("✎ Wijzigen", "✎ Change"),
    "planui.edit_tip": ("Deze afspraak wijzigen", "Change this agreement"),
    "planui.delete": ("✕ Verwijderen", "✕ Remove"),
    "planui.delete_tip": (
        "Deze afspraak verwijderen ('Ongedaan maken' zet ze terug)",
        "Remove this agreement ('Undo' brings it back)",
    ),
    # ---- change labels (undo) ------------------------------------------------------------------
    "planui.edit.change": ("afspraak gewijzigd", "agreement changed"),
    "planui.edit.agreed": ("akkoord aangeduid", "agreement marked"),
    "planui.edit.delete": ("afspraak verwijderd", "agreement removed"),
    # ---- the checks ----------------------------------------------------------------------------
    "planui.checks.title": ("Nazicht van het plan", "Checking the plan"),
    "planui.checks.n_warn": ("1 aandachtspunt", "1 point to look at"),
    "planui.checks.n_warn_many": ("{n} aandachtspunten", "{n} points to look at"),
    "planui.checks.all_ok": ("Geen aandachtspunten.", "No points to look at."),
    "planui.checks.never_blocking": (
        "Dit zijn punten om samen na te kijken, geen verplichtingen.",
        "These are prompts, not requirements.",
    ),
    "planui.checks.dangers": ("Gevaarsboodschappen", "Danger statements"),
    "planui.checks.carriers": ("Wie draagt het plan?", "Who carries the plan?"),
    "planui.checks.attention": ("Aandachtspunten", "Points to look at"),
    "planui.check.none_yet": ("nog geen afspraak", "no agreement yet"),
    "planui.check.by_agreements": ("afspraak {numbers}", "agreement {numbers}"),
    "planui.check.by_agreements_many": ("afspraken {numbers}", "agreements {numbers}"),
    "planui.check.no_agreements": ("Nog geen afspraken.", "No agreements yet."),
    "planui.check.no_bottom_lines": (
        "Nog geen bodemeisen in de drie kolommen.",
        "No bottom lines in the three columns yet.",
    ),
    "planui.check.bottom_line_open": (
        "Bodemeis nog zonder afspraak: {text}",
        "Bottom line without an agreement yet: {text}",
    ),
    "planui.check.bottom_lines_answered": (
        "Elke bodemeis heeft minstens één afspraak.",
        "Every bottom line has at least one agreement.",
    ),
    "planui.check.danger_open": (
        "Gevaarsboodschap nog zonder afspraak: {text}",
        "Danger statement without an agreement yet: {text}",
    ),
    "planui.check.no_owner": (
        "Afspraak {numbers}: nog niemand die het doet.",
        "Agreement {numbers}: nobody does it yet.",
    ),
    "planui.check.no_owner_many": (
        "Afspraken {numbers}: nog niemand die het doet.",
        "Agreements {numbers}: nobody does them yet.",
    ),
    "planui.check.no_backup": ("Afspraak {numbers}: nog geen back-up.", "Agreement {numbers}: no backup yet."),
    "planui.check.no_backup_many": ("Afspraken {numbers}: nog geen back-up.", "Agreements {numbers}: no backup yet."),
    "planui.check.backup_is_owner": (
        "Afspraak {numbers}: de back-up is dezelfde persoon als wie het doet.",
        "Agreement {numbers}: the backup is the same person who does it.",
    ),
    "planui.check.backup_is_owner_many": (
        "Afspraken {numbers}: de back-up is dezelfde persoon als wie het doet.",
        "Agreements {numbers}: the backup is the same person who does it.",
    ),
    "planui.check.no_if_not": (
        "Afspraak {numbers}: nog niet afgesproken wat er gebeurt als het niet lukt.",
        "Agreement {numbers}: not yet agreed what happens if it does not happen.",
    ),
    "planui.check.no_if_not_many": (
        "Afspraken {numbers}: nog niet afgesproken wat er gebeurt als het niet lukt.",
        "Agreements {numbers}: not yet agreed what happens if they do not happen.",
    ),
    "planui.check.all_have_owner_backup": (
        "Elke afspraak heeft iemand die het doet en een back-up.",
        "Every agreement has someone who does it and a backup.",
    ),
    "planui.check.adults_short": (
        "De bodemeis vraagt {required} volwassenen uit het netwerk; het plan heeft er nu {n}.",
        "The bottom line asks for {required} adults from the network; the plan now has {n}.",
    ),
    "planui.check.adults_enough": (
        "De bodemeis vraagt {required} volwassenen uit het netwerk; het plan heeft er nu {n}.",
        "The bottom line asks for {required} adults from the network; the plan now has {n}.",
    ),
    "planui.check.adults_short_knowing": (
        "De bodemeis vraagt {required} volwassenen uit het netwerk die de gevaarsboodschap kennen; het plan heeft "
        "er nu {n}.",
        "The bottom line asks for {required} adults from the network who know the danger statement; the plan now "
        "has {n}.",
    ),
    "planui.check.adults_enough_knowing": (
        "De bodemeis vraagt {required} volwassenen uit het netwerk die de gevaarsboodschap kennen; het plan heeft "
        "er nu {n}.",
        "The bottom line asks for {required} adults from the network who know the danger statement; the plan now "
        "has {n}.",
    ),
    "planui.check.carer_unmarked": (
        "{name} ({relation}) telt mee als netwerk, maar lijkt een ouder of opvoeder. Duid dat aan op de "
        "netwerkkaart als het zo is: ouders tellen niet mee.",
        "{name} ({relation}) counts as network but seems to be a parent or carer. Mark it on the network map if "
        "so: parents do not count.",
    ),
    "planui.check.not_counted": ("Tellen niet mee:", "Not counted:"),
    "planui.check.reason.carer": ("ouder of opvoeder van de kinderen", "parent or carer of the children"),
    "planui.check.reason.professional": ("professioneel", "professional"),
    "planui.check.reason.child": ("kind", "child"),
    "planui.check.reason.minor": ("jonger dan 18", "younger than 18"),
    "planui.check.reason.not_knowing": (
        "kent de gevaarsboodschap niet (helemaal)",
        "does not know (all of) the danger statement",
    ),
    "planui.check.reason.deceased": ("overleden", "deceased"),
    "planui.check.reason.not_human": ("geen persoon", "not a person"),
    "planui.check.adults_count": (
        "1 volwassene uit het netwerk draagt het plan (doet een afspraak of is back-up).",
        "1 adult from the network carries the plan (does an agreement or is a backup).",
    ),
    "planui.check.adults_count_many": (
        "{n} volwassenen uit het netwerk dragen het plan (doen een afspraak of zijn back-up).",
        "{n} adults from the network carry the plan (do an agreement or are a backup).",
    ),
    "planui.check.adults_none_yet": (
        "Zodra er afspraken zijn, staat hier hoeveel volwassenen uit het netwerk het plan dragen.",
        "Once there are agreements, this shows how many adults from the network carry the plan.",
    ),
    "planui.check.carrier_names": ("Nu: {names}", "Now: {names}"),
    "planui.check.professionals_note": (
        "Ouders, professionelen en kinderen tellen hier niet mee: het netwerk zijn de mensen rond het gezin, "
        "en het blijft als de hulpverlening weggaat.",
        "Parents, professionals and children do not count here: the network is the people around the family, "
        "and it stays when the services leave.",
    ),
    "planui.check.not_informed_some": (
        "{name} staat in het plan, maar weet nog niet alles van de gevaarsboodschap.",
        "{name} is in the plan but does not yet know all of the danger statement.",
    ),
    "planui.check.not_informed_none": (
        "{name} staat in het plan, maar kent de gevaarsboodschap nog niet.",
        "{name} is in the plan but does not know the danger statement yet.",
    ),
    "planui.check.too_much": (
        "{name} doet {n} van de {total} afspraken. Is dat niet te veel voor één persoon?",
        "{name} does {n} of the {total} agreements. Is that too much for one person?",
    ),
    # ---- export --------------------------------------------------------------------------------
    "planui.export.title": ("Documenten", "Documents"),
    "planui.export.intro": (
        "Het veiligheidsplan (Word en PDF) voor het netwerk en de jeugdrechter, de kinderversie, en het dossier "
        "als JSON, CSV en Markdown. In het Nederlands.",
        "The safety plan (Word and PDF) for the network and the youth judge, the children's version, and the "
        "case as JSON, CSV and Markdown. In English.",
    ),
    "planui.export.button": ("⬇ Alle documenten maken", "⬇ Make all documents"),
    "planui.export.tip": (
        "Schrijft alle documenten naast de databank en biedt ze hier aan om te downloaden.",
        "Writes every document next to the store and offers each here for download.",
    ),
    "planui.export.busy": ("Bezig met de documenten…", "Making the documents…"),
    "planui.export.failed": (
        "De documenten konden niet gemaakt worden: {detail}. Het plan zelf is bewaard.",
        "The documents could not be made: {detail}. The plan itself is stored.",
    ),
    "planui.export.done": ("{n} bestanden bewaard in {folder}", "{n} files saved in {folder}"),
    "planui.export.saved_in": ("Bewaard in:", "Saved in:"),
    "planui.export.download_tip": ("{name} downloaden", "Download {name}"),
    "planui.export.download_hint": ("Klik op een bestand om het te downloaden.", "Click a file to download it."),
    "planui.export.too_big": (
        "te groot om hier te downloaden; open het in de map",
        "too big to download here; open it in the folder",
    ),
}
