"""The plan over the six weeks: reviewing each agreement, signed versions, the guided safety goal. (nl-BE, en)"""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- the guided safety goal (domain.goals.compose_safety_goal) ------------------------------
    "goal.sentence": (
        "{carers_do}. {child_experiences}. {others_see}. Zo blijft het minstens {how_long}.",
        "{carers_do}. {child_experiences}. {others_see}. This lasts for at least {how_long}.",
    ),
    "goal.carers_do": ("Wat zullen de ouders of opvoeders doen?", "What will the parents or carers be doing?"),
    "goal.child_experiences": ("Wat zal het kind meemaken?", "What will the child experience?"),
    "goal.others_see": ("Wat zullen anderen zien?", "What will others see?"),
    "goal.how_long": ("Hoe lang moet dat zo blijven?", "For how long must it last?"),
    # ---- change labels and errors ---------------------------------------------------------------
    "edit.review": ("afspraak besproken", "agreement reviewed"),
    "edit.sign_version": ("versie van het plan ondertekend", "plan version signed"),
    "edit.sent_to_judge": ("verzending naar de jeugdrechter genoteerd", "sending to the youth judge noted"),
    "error.no_agreements": (
        "er zijn nog geen afspraken om te ondertekenen.",
        "there are no agreements to sign yet.",
    ),
    "error.sent_before_signed": (
        "een plan kan niet verstuurd zijn voor het ondertekend werd.",
        "a plan cannot have been sent before it was signed.",
    ),
    # ---- reviewing the agreements, one by one (meeting part) ------------------------------------
    "reviewui.title": ("Elke afspraak overlopen", "Each agreement in turn"),
    "reviewui.intro": (
        "Werkt de afspraak? Kies met de toetsen 1 tot 5, schrijf wat er gezegd wordt, en Enter bewaart en "
        "gaat naar de volgende.",
        "Does the agreement work? Choose with the keys 1 to 5, write what is said, and Enter saves and goes "
        "to the next one.",
    ),
    "reviewui.n_of": ("Afspraak {n} van {total}", "Agreement {n} of {total}"),
    "reviewui.owner": ("Wie: {owner} · back-up: {backup}", "Who: {owner} · backup: {backup}"),
    "reviewui.nobody": ("nog niemand", "nobody yet"),
    "reviewui.note": ("Wat wordt er gezegd?", "What is said?"),
    "reviewui.note_ph": (
        "bv. Twee keer belde Jonas oma; één keer lukte het niet.",
        "e.g. Jonas called grandma twice; once it did not work.",
    ),
    "reviewui.said_by": ("Wie zegt het?", "Who says it?"),
    "reviewui.nobody_option": ("— niemand in het bijzonder —", "— nobody in particular —"),
    "reviewui.save_next": ("Bewaren en volgende ▶", "Save and next ▶"),
    "reviewui.prev": ("◀ Vorige", "◀ Previous"),
    "reviewui.next": ("Volgende ▶", "Next ▶"),
    "reviewui.earlier": ("Eerder besproken", "Reviewed before"),
    "reviewui.none_earlier": ("Nog niet eerder besproken.", "Not reviewed before."),
    "reviewui.here": ("Hier", "Here"),
    "reviewui.suggested": ("Nieuw op dit overleg", "New at this meeting"),
    "reviewui.saved": ("Afspraak {n}: {status}.", "Agreement {n}: {status}."),
    "reviewui.done_count": ("{n} van {total} afspraken besproken", "{n} of {total} agreements reviewed"),
    "reviewui.all_done": (
        "Alle afspraken zijn besproken. Stuur het plan bij in het deel Veiligheidsplan.",
        "Every agreement has been reviewed. Adjust the plan in the Safety plan part.",
    ),
    "reviewui.no_agreements": (
        "Er zijn nog geen afspraken om te bespreken.",
        "There are no agreements to review yet.",
    ),
    "reviewui.no_meeting": ("Kies of start eerst een overleg.", "First choose or start a meeting."),
    "reviewui.status_needed": ("Kies eerst of de afspraak werkt (1 tot 5).", "First choose whether it works (1 to 5)."),
    "reviewui.key_hint": ("toets {n}", "key {n}"),
    "reviewui.history_line": ("{meeting}, {date}: {status}", "{meeting}, {date}: {status}"),
    "reviewui.by": ("— {name}", "— {name}"),
    # ---- signed versions of the plan (plan part) ------------------------------------------------
    "planui.version.title": ("Versies van het plan", "Versions of the plan"),
    "planui.version.none": (
        "Nog geen ondertekende versie. Onderteken het plan op het einde van het overleg.",
        "No signed version yet. Sign the plan at the end of the meeting.",
    ),
    "planui.version.sign": ("✍ Plan ondertekenen als versie {n}", "✍ Sign the plan as version {n}"),
    "planui.version.resign": ("✍ Versie {n} opnieuw ondertekenen", "✍ Sign version {n} again"),
    "planui.version.sign_tip": (
        "Bewaart het plan zoals het nu is, met de namen van wie akkoord ging: zo gaat het naar de jeugdrechter.",
        "Keeps the plan as it is now, with the names of who agreed: this is what goes to the youth judge.",
    ),
    "planui.version.signed": ("Versie {n} ondertekend.", "Version {n} signed."),
    "planui.version.head": ("Versie {n}", "Version {n}"),
    "planui.version.signed_at": ("ondertekend op {date} ({meeting})", "signed on {date} ({meeting})"),
    "planui.version.sent_on": ("naar de jeugdrechter gestuurd op {date}", "sent to the youth judge on {date}"),
    "planui.version.not_sent": ("nog niet naar de jeugdrechter gestuurd", "not sent to the youth judge yet"),
    "planui.version.sent_label": ("Naar de jeugdrechter gestuurd op", "Sent to the youth judge on"),
    "planui.version.sent_save": ("Datum bewaren", "Save the date"),
    "planui.version.sent_saved": (
        "Versie {n}: naar de jeugdrechter gestuurd op {date}.",
        "Version {n}: sent to the youth judge on {date}.",
    ),
    "planui.version.sent_cleared": (
        "Versie {n}: nog niet naar de jeugdrechter gestuurd.",
        "Version {n}: not sent to the youth judge yet.",
    ),
    "planui.version.agreements": ("1 afspraak", "1 agreement"),
    "planui.version.agreements_many": ("{n} afspraken", "{n} agreements"),
    "planui.version.since": ("Sinds versie {n}:", "Since version {n}:"),
    "planui.version.first": ("De eerste versie.", "The first version."),
    "planui.version.no_change": ("Geen wijzigingen.", "No changes."),
    "planui.version.added": ("nieuw: afspraak {numbers}", "new: agreement {numbers}"),
    "planui.version.added_many": ("nieuw: afspraken {numbers}", "new: agreements {numbers}"),
    "planui.version.removed": ("weggevallen: {what}", "dropped: {what}"),
    "planui.version.changed": ("afspraak {n} gewijzigd ({fields})", "agreement {n} changed ({fields})"),
    "planui.version.owner": ("wie doet het: {before} → {after}", "who does it: {before} → {after}"),
    "planui.version.backup": ("back-up: {before} → {after}", "backup: {before} → {after}"),
    "planui.version.items_added": ("nieuw in de kolommen: {what}", "new in the columns: {what}"),
    "planui.version.items_removed": ("weg uit de kolommen: {what}", "gone from the columns: {what}"),
    "planui.version.items_changed": ("herschreven: {what}", "reworded: {what}"),
    "planui.version.field.what": ("wat", "what"),
    "planui.version.field.owner": ("wie", "who"),
    "planui.version.field.backup": ("back-up", "backup"),
    "planui.version.field.when": ("wanneer", "when"),
    "planui.version.field.if_not": ("als het niet lukt", "if it does not happen"),
    "planui.version.field.check_how": ("opvolging", "follow-up"),
    "planui.version.field.links": ("antwoord op", "answers"),
    "planui.version.this_meeting": ("van dit overleg", "of this meeting"),
    "planui.version.no_meeting": (
        "Kies of start een overleg om het plan te ondertekenen.",
        "Choose or start a meeting to sign the plan.",
    ),
    "planui.version.sent_keeps": (
        "Deze versie is al naar de jeugdrechter gestuurd: opnieuw ondertekenen maakt versie {n}.",
        "This version was already sent to the youth judge: signing again makes version {n}.",
    ),
    # ---- an agreement's review history (plan part) ----------------------------------------------
    "planui.history": ("Besproken", "Reviewed"),
}
