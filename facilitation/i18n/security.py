"""Texts of the server's door (token, address, screens), of the page's connection notice and drafts of typed
text, and of safe reading and writing of files."""

MESSAGES = {
    # ---- pages the server answers instead of the dashboard (guard.message_page) ----
    "security.refused.title": ("Geen toegang", "No access"),
    "security.refused.text": (
        "Dit scherm opent enkel met de sleutel die het programma bij het starten toonde. Open het volledige adres "
        "(met ?token=…) uit het venster waarin facilitation serve draait.",
        "This screen opens only with the key the program showed when it started. Open the full address "
        "(with ?token=…) from the window where facilitation serve runs.",
    ),
    "security.host.title": ("Dit adres wordt geweigerd", "This address is refused"),
    "security.host.text": (
        "Het dashboard is enkel bereikbaar via het adres van deze computer zelf (http://127.0.0.1:…). "
        "Open het adres dat facilitation serve toonde.",
        "The dashboard is reachable only at this computer's own address (http://127.0.0.1:…). "
        "Open the address facilitation serve showed.",
    ),
    "security.origin.text": (
        "Een andere website probeerde dit dossier te bereiken; dat wordt geweigerd.",
        "Another website tried to reach this case; that is refused.",
    ),
    "security.full.title": ("Te veel schermen open", "Too many screens open"),
    "security.full.text": (
        "Er zijn al {n} schermen open met dit programma; meer kan niet, want elk scherm gebruikt veel geheugen. "
        "Sluit een scherm of tabblad dat je niet meer nodig hebt en probeer opnieuw.",
        "{n} screens are already open with this program; no more can be, as every screen takes much memory. "
        "Close a screen or tab you no longer need and try again.",
    ),
    "security.retry": ("Opnieuw proberen", "Try again"),
    # ---- the training room on the room's network (serve --lan; services/room.py) ----
    "security.room.title": ("Niet van het netwerk van deze zaal", "Not from this room's network"),
    "security.room.outside": (
        "De oefenruimte is enkel bereikbaar voor laptops op het netwerk van de zaal (het wifi van de zaal), "
        "niet van buitenaf.",
        "The training room is reachable only by laptops on the room's own network (the room's wifi), not from outside.",
    ),
    "security.room.not_yours": (
        "Dit hoort niet bij jullie groep. Elke laptop werkt enkel in het werk van zijn eigen groep.",
        "This does not belong to your group. Every laptop works only in its own group's work.",
    ),
    "security.room.join_title": ("Meedoen aan de oefening", "Join the exercise"),
    "security.room.join_text": (
        "Typ de code van je groep. De trainer toont de codes op het grote scherm.",
        "Type your group's code. The trainer shows the codes on the big screen.",
    ),
    "security.room.join_label": ("Code van je groep", "Your group's code"),
    "security.room.join_button": ("Meedoen", "Join"),
    "security.room.wrong_code": (
        "Deze code hoort bij geen groep van de oefening. Kijk de code na op het grote scherm.",
        "This code belongs to no group of the exercise. Check the code on the big screen.",
    ),
    "security.opening": ("Het dashboard wordt geopend…", "Opening the dashboard…"),
    # ---- the page's own notices (ui/page/*.js; the page picks the language of <html lang>) ----
    "page.lost.title": ("Verbinding verbroken", "Connection lost"),
    "page.lost.text": (
        "Er wordt niets meer bewaard. Wat je typte blijft hier staan en wordt opnieuw aangeboden zodra het "
        "programma terug is.",
        "Nothing is being saved any more. What you typed stays here and is offered again as soon as the program "
        "is back.",
    ),
    "page.lost.waiting": ("Opnieuw verbinden…", "Reconnecting…"),
    "page.gone.title": ("Dit scherm wordt opnieuw geladen", "This screen is reloading"),
    "page.gone.text": (
        "De verbinding met dit scherm was verbroken. Wat je typte en nog niet bewaard was, wordt zo opnieuw "
        "aangeboden.",
        "This screen's connection had ended. What you typed and was not saved yet is offered again in a moment.",
    ),
    "page.newkey.title": ("Het programma werd opnieuw gestart", "The program was restarted"),
    "page.newkey.text": (
        "Het heeft nu een nieuwe sleutel. Plak het nieuwe adres uit het venster van facilitation serve in dit "
        "tabblad: wat je typte wordt dan opnieuw aangeboden.",
        "It now has a new key. Paste the new address from the facilitation serve window into this tab: what you "
        "typed is then offered again.",
    ),
    "page.drafts.title": ("Niet bewaarde tekst", "Unsaved text"),
    "page.drafts.text": (
        "Deze tekst was getypt maar nog niet bewaard toen het scherm herladen werd.",
        "This text was typed but not yet saved when the screen reloaded.",
    ),
    "page.drafts.put_back": ("Terugzetten", "Put back"),
    "page.drafts.copy": ("Kopiëren", "Copy"),
    "page.drafts.copied": ("Gekopieerd", "Copied"),
    "page.drafts.discard": ("Weggooien", "Discard"),
    "page.drafts.close": ("Alles weggooien", "Discard all"),
    "page.drafts.open_first": (
        "Open eerst het onderdeel (en de persoon of het punt) waar deze tekst stond.",
        "First open the part (and the person or item) where this text was.",
    ),
    "page.drafts.field": ("Veld", "Field"),
    # ---- files: safe writing and reading ----
    "error.file_exists": (
        "{path} bestaat al. Kies een andere naam, of vervang het bewust (--force).",
        "{path} already exists. Choose another name, or replace it on purpose (--force).",
    ),
    "error.is_symlink": (
        "{path} is een snelkoppeling (symlink); daar wordt niet door geschreven.",
        "{path} is a symbolic link; nothing is written through it.",
    ),
    "error.folder_missing": ("de map {folder} bestaat niet.", "the folder {folder} does not exist."),
    "error.folder_not_writable": (
        "in {folder} kan geen bestand gemaakt worden; kies een andere map.",
        "no file can be made in {folder}; choose another folder.",
    ),
    "error.no_write_permission": (
        "je mag niet schrijven in {folder}.",
        "you may not write in {folder}.",
    ),
    "error.read_only": ("{folder} is alleen-lezen.", "{folder} is read-only."),
    "error.disk_full": ("de schijf is vol.", "the disk is full."),
    "error.cannot_write": ("{path} kan niet geschreven worden: {reason}.", "{path} cannot be written: {reason}."),
    "error.not_regular_file": (
        "dit is geen gewoon bestand (maar bv. een apparaat of een pijp) en wordt niet gelezen.",
        "this is not a regular file (but e.g. a device or a pipe) and is not read.",
    ),
    "error.number_too_long": (
        "het bestand bevat een getal van {digits} cijfers; getallen hebben er hoogstens {max}.",
        "the file holds a number of {digits} digits; numbers have at most {max}.",
    ),
    "error.not_finite": (
        "het bestand bevat '{value}'; enkel gewone getallen zijn toegelaten.",
        "the file holds '{value}'; only ordinary numbers are allowed.",
    ),
    "error.too_many": (
        "te veel: {count}; een dossier heeft er hoogstens {max}.",
        "too many: {count}; a case has at most {max}.",
    ),
    "error.too_much_text": (
        "te veel tekst in één dossier ({count} tekens); hoogstens {max}.",
        "too much text in one case ({count} characters); at most {max}.",
    ),
    "cli.token": (
        "Open dit adres (de sleutel erin geeft toegang; deel het niet): {url}",
        "Open this address (the key in it gives access; do not share it): {url}",
    ),
    # ---- serve --lan: the training room on the room's network ----
    "error.room_not_yours": (
        "Deze laptop werkt enkel in het werk van zijn eigen groep.",
        "This laptop works only in its own group's work.",
    ),
    "error.lan_only_training": (
        "--lan kan enkel met de oefenruimte (--dashboard training): een echte casus verlaat deze computer nooit.",
        "--lan works only with the training room (--dashboard training): a real case never leaves this computer.",
    ),
    "error.lan_not_fictional": (
        "'{title}' is geen fictieve casus. Op het netwerk van de zaal kan enkel een oefening op een fictieve "
        "casus: een echte casus verlaat deze computer nooit.",
        "'{title}' is not a fictional case. On the room's network only an exercise on a fictional case can be "
        "served: a real case never leaves this computer.",
    ),
    "error.lan_no_network": (
        "Deze laptop is met geen lokaal netwerk verbonden. Verbind met het wifi van de zaal, of geef het adres "
        "van deze laptop op dat netwerk met --ip.",
        "This laptop is connected to no local network. Connect to the room's wifi, or give this laptop's address "
        "on that network with --ip.",
    ),
    "error.lan_not_private": (
        "{ip} is geen adres van een lokaal netwerk: de oefenruimte wordt nooit op internet gezet.",
        "{ip} is not an address of a local network: the training room is never put on the internet.",
    ),
    "cli.lan_trainer": (
        "Oefenruimte op het netwerk van de zaal. Trainer, open op deze laptop: {url}",
        "Training room on the room's network. Trainer, open on this laptop: {url}",
    ),
    "cli.lan_join": (
        "Groepen doen mee op {url} met de code van hun groep (tabblad 'Meedoen' op het scherm van de trainer).",
        "Groups join at {url} with their group's code (the 'Join' tab on the trainer's screen).",
    ),
}
