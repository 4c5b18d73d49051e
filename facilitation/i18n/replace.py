"""Texts of the question an export asks before it would replace files that are there (ui/replace_question.py)."""

MESSAGES = {
    "replace.one": (
        "Dit bestand staat er al, en er is nog niets geschreven:",
        "This file is there already, and nothing has been written yet:",
    ),
    "replace.many": (
        "Deze {n} bestanden staan er al, en er is nog niets geschreven:",
        "These {n} files are there already, and nothing has been written yet:",
    ),
    "replace.ask": (
        "Vervang je wat er staat, of hou je beide? Dan krijgen de nieuwe een nummer, zoals {example}.",
        "Replace what is there, or keep both? The new ones then get a number, like {example}.",
    ),
    "replace.replace": ("Vervangen", "Replace"),
    "replace.replace_tip": (
        "Het nieuwe schrijven in de plaats van wat er staat ({n}); het oude is dan weg.",
        "Write the new in place of what is there ({n}); the old is then gone.",
    ),
    "replace.both": ("Beide houden", "Keep both"),
    "replace.both_tip": (
        "Wat er staat blijft; het nieuwe komt ernaast, genummerd ({example}).",
        "What is there stays; the new comes beside it, numbered ({example}).",
    ),
    "replace.asked": (
        "Er staat al een bestand met die naam: kies hieronder vervangen of beide houden.",
        "A file with that name is there already: choose below to replace it or keep both.",
    ),
}
