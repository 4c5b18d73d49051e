"""Texts of the welcome shown while no case is open (welcome.*)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "welcome.title": ("Welkom", "Welcome"),
    "welcome.intro": (
        "Er is nog geen dossier geopend. Hoe wil je beginnen?",
        "No case is open yet. How would you like to start?",
    ),
    "welcome.sample.title": ("Een voorbeelddossier openen", "Open a sample case"),
    "welcome.sample.text": (
        "Verzonnen gezinnen, om het programma te leren kennen of om mee te oefenen.",
        "Invented families, to get to know the tool or to practise with.",
    ),
    "welcome.sample.none": (
        "Er zijn geen voorbeelddossiers bij deze installatie.",
        "This installation has no sample cases.",
    ),
    "welcome.new.title": ("Een nieuw dossier starten", "Start a new case"),
    "welcome.new.text": (
        "Geef het dossier een naam en noteer de kinderen; de rest vul je samen met het netwerk in.",
        "Name the case and list the children; the rest you fill in together with the network.",
    ),
    "welcome.new.button": ("Nieuw dossier", "New case"),
    "welcome.import.title": ("Een dossierbestand importeren", "Import a case file"),
    "welcome.import.text": (
        "Een dossierbestand (.json), bijvoorbeeld bewaard op een andere computer. Het wordt eerst helemaal "
        "nagekeken: een fout bestand verandert niets.",
        "A case file (.json), for instance saved on another computer. It is checked in full first: a faulty "
        "file changes nothing.",
    ),
    "welcome.import.button": ("Bestand kiezen", "Choose a file"),
    "welcome.opened": ("Voorbeelddossier geopend: {title}", "Sample case opened: {title}"),
    "welcome.imported": ("Dossier geïmporteerd en geopend: {title}", "Case imported and opened: {title}"),
    "welcome.refused": ("{file} is niet geïmporteerd: {message}", "{file} was not imported: {message}"),
}
