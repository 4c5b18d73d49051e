"""Texts about the fonts the documents need (facilitation/fonts.py)."""

MESSAGES = {
    "error.font_missing": (
        "Het lettertype {font} ({file}) ontbreekt: het zit niet bij het programma ({folder}) en ook niet op "
        "deze computer. Installeer facilitation opnieuw, of installeer het lettertype {font} op deze computer.",
        "The font {font} ({file}) is missing: it is not with the program ({folder}) nor on this computer. "
        "Reinstall facilitation, or install the font {font} on this computer.",
    ),
}
