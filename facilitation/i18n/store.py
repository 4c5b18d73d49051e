"""Texts of the store: who may see what, erasure, encryption, a team server (error.*, cli.store.*)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- errors --------------------------------------------------------------------------------------
    "error.not_owner": (
        "enkel de eigenaar van dossier '{id}' kan dat.",
        "only the owner of case '{id}' can do that.",
    ),
    "error.erased": (
        "deze wijziging raakte een vergeten persoon en kan niet meer ongedaan gemaakt worden.",
        "this change touched a forgotten person and can no longer be undone.",
    ),
    "error.bad_member": (
        "'{name}' is geen geldige gebruikers- of groepsnaam.",
        "'{name}' is not a valid user or group name.",
    ),
    "error.store_locked": (
        "de opslag {path} is versleuteld: geef de wachtzin (FACILITATION_PASSPHRASE) of gebruik de sleutelbos"
        " van deze computer.",
        "the store {path} is encrypted: give the passphrase (FACILITATION_PASSPHRASE) or use this computer's keyring.",
    ),
    "error.wrong_key": (
        "de opslag {path} gaat niet open met deze wachtzin of sleutel.",
        "the store {path} does not open with this passphrase or key.",
    ),
    "error.not_a_store": ("{path} is geen opslag van dit programma.", "{path} is not a store of this program."),
    "error.no_key_source": (
        "er is geen sleutelbos op deze computer: geef een wachtzin (FACILITATION_PASSPHRASE).",
        "this computer has no keyring: give a passphrase (FACILITATION_PASSPHRASE).",
    ),
    "error.no_sqlcipher": (
        "versleuteling vraagt het pakket sqlcipher3 (installeer facilitation opnieuw).",
        "encryption needs the sqlcipher3 package (reinstall facilitation).",
    ),
    "error.no_psycopg": (
        "een PostgreSQL-opslag vraagt het pakket psycopg (installeer facilitation opnieuw).",
        "a PostgreSQL store needs the psycopg package (reinstall facilitation).",
    ),
    "error.already_encrypted": ("de opslag {path} is al versleuteld.", "the store {path} is already encrypted."),
    "error.encrypt_failed": (
        "het versleutelen van {path} is niet gelukt; de opslag is ongewijzigd.",
        "encrypting {path} failed; the store is unchanged.",
    ),
    "error.erase_busy": (
        "het wissen is bewaard, maar een ander scherm houdt {path} open: sluit het en probeer opnieuw.",
        "the erasure is stored, but another screen keeps {path} open: close it and try again.",
    ),
    "error.identity_mismatch": (
        "deze server werkt voor '{user}' maar meldt zich bij de databank aan als '{role}'.",
        "this server works for '{user}' but logs in to the database as '{role}'.",
    ),
    "error.store_unreachable": (
        "de databank {location} is niet bereikbaar: {reason}",
        "the database {location} cannot be reached: {reason}",
    ),
    "error.store_needs_migration": (
        "de databank heeft schemaversie {version}, dit programma verwacht {supported}: vraag de beheerder"
        " om 'facilitation store migrate'.",
        "the database has schema version {version}, this program expects {supported}: ask the administrator"
        " to run 'facilitation store migrate'.",
    ),
    "error.delete_needs_yes": (
        "wissen kan niet ongedaan gemaakt worden: bevestig met --yes.",
        "erasing cannot be undone: confirm with --yes.",
    ),
    "error.not_a_consultant_role": (
        "'{name}' is een beheerdersrol van de databank en kan niet als consulent werken.",
        "'{name}' is a database administrator role and cannot work as a consultant.",
    ),
    "error.not_sqlite": ("dit kan enkel bij een SQLite-opslag.", "this works only for a SQLite store."),
    # ---- change log and status line ------------------------------------------------------------------
    "edit.forget_person": ("persoon vergeten", "person forgotten"),
    "shell.forgotten": (
        "Vergeten: deze persoon en alles wat over hen bewaard was, ook in de geschiedenis.",
        "Forgotten: this person and everything stored about them, in the history too.",
    ),
    # ---- command line --------------------------------------------------------------------------------
    "cli.delete.ask": (
        "Dossier '{title}' ({id}) met al zijn gegevens en geschiedenis definitief wissen? Typ 'ja': ",
        "Erase case '{title}' ({id}) with all its data and history for good? Type 'yes': ",
    ),
    "cli.delete.yes": ("ja", "yes"),
    "cli.delete.kept": ("Niets gewist.", "Nothing erased."),
    "cli.delete.done": ("Gewist: {title} ({id}).", "Erased: {title} ({id})."),
    "cli.share.done": ("Dossier {id} gedeeld met {member}.", "Case {id} shared with {member}."),
    "cli.share.removed": (
        "Dossier {id} niet langer gedeeld met {member}.",
        "Case {id} no longer shared with {member}.",
    ),
    "cli.group.done": ("{user} zit nu in groep {group}.", "{user} is now in group {group}."),
    "cli.audit.line": ("{at}\t{who}\t{case}\t{action}\t{detail}", "{at}\t{who}\t{case}\t{action}\t{detail}"),
    "cli.store.info": (
        "Opslag: {location}\nSoort: {engine}\nVersleuteld: {encrypted}\nSchemaversie: {version}\nGebruiker: {user}"
        "\nDossiers: {cases}",
        "Store: {location}\nEngine: {engine}\nEncrypted: {encrypted}\nSchema version: {version}\nUser: {user}"
        "\nCases: {cases}",
    ),
    "cli.store.encrypted": (
        "Versleuteld: {path} (sleutel: {source}). Controleer met: strings {path} | grep -i <een naam>",
        "Encrypted: {path} (key: {source}). Check with: strings {path} | grep -i <a name>",
    ),
    "cli.store.migrated": ("Schemaversie {version}: {location}", "Schema version {version}: {location}"),
    "cli.store.key.passphrase": ("wachtzin", "passphrase"),
    "cli.store.key.keyring": ("sleutelbos van deze computer", "this computer's keyring"),
    "cli.passphrase": ("Wachtzin voor {path}: ", "Passphrase for {path}: "),
    "cli.yes": ("ja", "yes"),
    "cli.no": ("nee", "no"),
}
