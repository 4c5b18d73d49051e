"""Finding identifying details in free text: people's names (after a role word or alone), places, schools
and institutions, street addresses, dates of birth, phone numbers, e-mail addresses and other numbers.

``Finder.replace`` finds every span with each detector, keeps the longest of overlapping spans (the earliest
detector wins a tie) and writes the replacements in one pass, so that a replacement is never replaced again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .case import Case
from .model import Person
from .places_be import AMBIGUOUS, PLACES
from .pseudonym_records import PseudonymWords, Replacement
from .pseudonym_words import (
    ADDRESS_ROLES,
    MONTHS,
    PARTICLES,
    PLACE_LEADS,
    ROLE_GENDER,
    SCHOOL_GENERIC,
    SCHOOL_SUFFIX,
    STOP_CAPITALS,
    TITLES,
)

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_NAME = r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:['’-][^\W\d_]+)*"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A phone number: digits with spaces, dots, slashes or dashes, at least 9 digits (a date has 8).
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d ./-]{6,}\d(?!\w)")
_RRN = re.compile(r"(?<!\d)\d{2}\.?\d{2}\.?\d{2}[- ]?\d{3}\.?\d{2}(?!\d)")
_IBAN = re.compile(r"\bBE\d{2}(?: ?\d{4}){3}\b")
_STREET = re.compile(
    rf"(?:{_NAME}\s+){{0,2}}(?:{_NAME}(?:straat|laan|plein|weg|steenweg|dreef|kaai|lei|baan|dijk|markt|vest|"
    rf"singel|veld|hof|gracht|wegel|kouter|meers|ring|pad)|Markt|Plein|Steenweg|Dreef|Kaai)"
    rf"\s+\d{{1,4}}[a-zA-Z]?(?:\s*(?:bus|/)\s*\w{{1,4}})?(?:,?\s*[1-9]\d{{3}}\s+{_NAME})?",
    re.UNICODE,
)
_POSTCODE = re.compile(rf"(?<!\d)[1-9]\d{{3}}\s+{_NAME}", re.UNICODE)
_SCHOOL_NAMED = re.compile(rf"(?<![\w-]){_NAME}{SCHOOL_SUFFIX}(?![\w-])", re.UNICODE)
_SCHOOL_AFTER = re.compile(
    rf"(?i:\b(?:basisschool|kleuterschool|lagere school|middelbare school|school|college|atheneum|lyceum|"
    rf"instituut|academie|campus)\b)\s+(?:(?:De|Het|'t|Onze-Lieve-Vrouw|Sint|Don)\s+)?{_NAME}(?:\s+{_NAME})?"
    rf"|\b(?:GO!|KA|KTA|VTI|VBS|GBS|BuSO|BuBaO)\s+{_NAME}(?:\s+{_NAME})?",
    re.UNICODE,
)
_ORG = re.compile(
    rf"\b(?:vzw|VZW|v\.z\.w\.)\s+((?:(?:De|Het|'t)\s+)?{_NAME}(?:\s+{_NAME})*)"
    rf"|\b(?:AZ|UZ|ZNA|GZA|ASZ|PZ|PC|Kliniek|Ziekenhuis|Ziekenhuis)\s+((?:Sint-|Sint\s|Onze-Lieve-Vrouw\s)?{_NAME})",
    re.UNICODE,
)
_SAINT = re.compile(rf"(?<![\w-])Sint[- ]{_NAME}(?![\w-])", re.UNICODE)
_LIVES = re.compile(
    rf"\b(?:[Ww]oon(?:t|de|den)?|[Ww]onen|verhuis(?:t|de|d)|geboren|opgegroeid|afkomstig|[Aa]fdeling)"
    rf"(?:\s+\w+){{0,3}}?\s+(?:in|te|naar|uit|van)?\s*({_NAME})",
    re.UNICODE,
)


_POSSESSIVE = re.compile(r"['’]s?(?=[\s,.;:!?)]|$)")
"""An apostrophe after a name that makes it a possessive ("Jonas' vriend", "Kevin's club")."""


def fold(text: str) -> str:
    """Text without accents (``Zoë`` -> ``Zoe``), letter for letter (positions stay), to find a name typed
    either way."""
    return "".join((unicodedata.normalize("NFKD", c)[:1] or c) for c in text)


def name_tokens(name: str) -> list[str]:
    """The parts of a name that identify someone (no particles, titles or single letters)."""
    return [
        w for w in _WORD.findall(name) if len(w) > 1 and w.lower() not in PARTICLES and w.lower() not in ROLE_GENDER
    ]


def gender_of_role(text: str) -> str:
    """``female``/``male`` when the first role word of ``text`` tells it ("buurvrouw", "nonkel"), else ""."""
    for w in _WORD.findall(text.casefold()):
        if w in ROLE_GENDER:
            return ROLE_GENDER[w]
    return ""


def is_address_word(role: str) -> bool:
    return role.casefold() in ADDRESS_ROLES


def role_head(text: str, is_name: Callable[[str], bool]) -> str:
    """A short role from a relation or a called-by ("grootmoeder langs vaderszijde (bomma)" -> "grootmoeder",
    "nonkel Pieter" -> "nonkel", "juf van Mila (3de leerjaar)" -> "juf", "consulent SDJ" stays); "" when
    nothing but a name. At most two words; a capitalised word that is not an abbreviation ends it (the name
    of a service: "crisisbegeleider Crisishulp aan Huis" -> "crisisbegeleider")."""
    s = re.sub(r"\([^)]*\)", " ", text or "")
    s = re.split(r"[,;:/]| van | langs | bij | voor | of | uit | die | met ", f" {s} ")[0]
    words: list[str] = []
    for n, w in enumerate(s.split()):
        if is_name(w) or (w[:1].isupper() and not w.isupper() and n > 0 and not any(c.isdigit() for c in w)):
            if words:
                break
            continue
        words.append(w)
        if len(words) == 2:
            break
    if not words:
        return ""
    first = words[0]
    if not (first[:2].isupper() or first.split("-")[0].isupper()):
        words[0] = first[:1].lower() + first[1:]
    return " ".join(words)


@dataclass
class NameIndex:
    """The names of a case's people: first names, family names and full names, to find them in texts."""

    first_of: dict[str, set[str]]
    surname_of: dict[str, set[str]]
    full_of: dict[str, set[str]]
    surnames: list[str]
    people: dict[str, Person]

    @classmethod
    def of(cls, people: Iterable[Person]) -> NameIndex:
        first_of: dict[str, set[str]] = {}
        surname_of: dict[str, set[str]] = {}
        full_of: dict[str, set[str]] = {}
        surnames: list[str] = []
        everyone = {p.id: p for p in people}
        for p in everyone.values():
            tokens = name_tokens(p.name)
            if not tokens:
                continue
            first_of.setdefault(fold(tokens[0].casefold()), set()).add(p.id)
            words = [w for w in _WORD.findall(p.name) if w.casefold() not in ROLE_GENDER]
            rest = words[words.index(tokens[0]) + 1 :] if tokens[0] in words else []
            if len(tokens) > 1 and rest:
                # The family name as typed, particles included ("Van Damme"), and its last part alone.
                for key in dict.fromkeys((fold(" ".join(rest).casefold()), fold(tokens[-1].casefold()))):
                    surname_of.setdefault(key, set()).add(p.id)
                    if key not in surnames:
                        surnames.append(key)
                full_of.setdefault(fold(" ".join([tokens[0], *rest]).casefold()), set()).add(p.id)
        return cls(first_of, surname_of, full_of, surnames, everyone)

    @property
    def folded(self) -> set[str]:
        return set(self.first_of) | set(self.surname_of)

    def is_name(self, word: str) -> bool:
        k = fold(word.casefold())
        return k in self.first_of or k in self.surname_of

    def who(self, text: str, role: str = "", roles: dict[str, str] | None = None) -> set[str]:
        """The people ``text`` (a full name, a first name or a family name) may be; a role word narrows it."""
        typed = fold(" ".join(w for w in _WORD.findall(text) if w.casefold() not in ROLE_GENDER).casefold())
        k = fold(" ".join(name_tokens(text)).casefold())
        ids = (
            set(self.full_of.get(typed) or ())
            or set(self.first_of.get(k) or ())
            or set(self.surname_of.get(typed) or ())
            or set(self.surname_of.get(k) or ())
        )
        if len(ids) > 1 and role and roles is not None:
            narrowed = {pid for pid in ids if _same_role(role, roles.get(pid, ""), self.people[pid])}
            ids = narrowed or ids
        return ids


_SAME = (
    {"mama", "mam", "ma", "moeder", "moe", "mum", "mom"},
    {"papa", "pap", "pa", "vader", "va", "dad"},
    {"oma", "bomma", "moemoe", "meme", "grootmoeder", "grandma", "granny"},
    {"opa", "bompa", "vava", "grootvader", "grandpa"},
    {"nonkel", "oom", "uncle"},
    {"tante", "tant", "aunt"},
    {"juf", "juffrouw", "leerkracht", "meester", "teacher"},
    {"dokter", "dr", "huisarts", "doctor"},
)


def same_role_words(a: str, b: str) -> bool:
    """Two role words that say the same ("mama" and "moeder", "oma" and "grootmoeder")."""
    x, y = a.casefold(), b.casefold()
    return x == y or any(x in group and y in group for group in _SAME)


def _same_role(typed: str, role: str, p: Person) -> bool:
    t = typed.casefold()
    said = {w for w in _WORD.findall(f"{role} {p.relation} {p.called_by_children}".casefold())}
    return t in said or any(t in group and group & said for group in _SAME)


@dataclass(frozen=True)
class Found:
    """A span of a text to replace."""

    start: int
    end: int
    replacement: str
    kind: str
    original: str
    sentence_case: bool = True
    """A role label at the start of a sentence is capitalised ("Oma belt"), inside it not ("belt oma")."""
    who: str = ""
    """The person's id when the replacement is their label (a possessive after it is rephrased)."""

    KINDS = ("person", "name", "place", "school", "organisation", "address", "birth_date", "file_number", "number")


def case_places(case: Case) -> set[str]:
    """Places the case names in its own details: the title after a dash, the court's division, the ends of
    the service, the crisis organisation and the meeting locations."""
    out: set[str] = set()
    info = case.info
    for m in re.finditer(rf"[–—-]\s+({_NAME}(?:[- ]{_NAME})*)", info.title):
        out.add(m.group(1))
    for text in (info.court, info.service, info.crisis_organisation, *(m.location for m in case.meetings.values())):
        for m in re.finditer(rf"\b(?:afdeling|[Aa]rrondissement)\s+({_NAME})", text or ""):
            out.add(m.group(1))
        for part in re.split(r",", text or ""):
            words = part.split()
            if words and re.fullmatch(_NAME, words[-1]) and words[-1] in PLACES:
                out.add(words[-1])
    return {p for p in out if p not in STOP_CAPITALS and len(p) > 2}


class Finder:
    """Every detector over one case, with the replacement of each thing found, kept consistent."""

    def __init__(
        self,
        case: Case,
        index: NameIndex,
        words: PseudonymWords,
        labels: dict[str, str],
        tags: dict[str, str],
        roles: dict[str, str],
        surnames: dict[str, str],
        corrections: dict[str, str],
    ) -> None:
        self.index = index
        self.words = words
        self.labels = labels
        self.tags = tags
        self.roles = roles
        self.surnames = surnames
        self.corrections = {fold(k.strip().casefold()): v for k, v in corrections.items() if k.strip()}
        self.correction_text = {fold(k.strip().casefold()): k.strip() for k in corrections if k.strip()}
        self.letters: dict[tuple[str, str], str] = {}
        self.places = set(PLACES) | case_places(case)
        self.file_number = case.info.file_number.strip()
        self.birth_dates = self._birth_date_patterns(case)
        known = sorted(self.places - AMBIGUOUS, key=len, reverse=True)
        self._place_re = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(p) for p in known)})(?![\w-])")
        leads = "|".join(PLACE_LEADS)
        amb = "|".join(re.escape(p) for p in sorted(AMBIGUOUS & self.places, key=len, reverse=True))
        self._amb_re = re.compile(rf"\b(?:{leads})\s+({amb})(?![\w-])")
        roles_alt = "|".join(sorted((re.escape(w) for w in ROLE_GENDER), key=len, reverse=True))
        self._role_name = re.compile(
            rf"(?<![\w-])(?i:({roles_alt}))\s+((?:{_NAME})(?:\s+(?:(?:van|de|der|den|Van|De|Der|Den)\s+)*{_NAME})?)",
            re.UNICODE,
        )
        self._name_re = self._names_pattern()
        self.seen: dict[tuple[str, str], Found] = {}
        self.counts: dict[tuple[str, str], int] = {}

    # ---- helpers --------------------------------------------------------------------------------

    def _letter(self, kind: str, original: str) -> str:
        key = (kind, fold(original.casefold()))
        if key not in self.letters:
            n = sum(1 for k in self.letters if k[0] == kind)
            self.letters[key] = chr(ord("A") + n % 26) + ("" if n < 26 else str(n // 26))
        return self.letters[key]

    def _birth_date_patterns(self, case: Case) -> re.Pattern[str] | None:
        alts: list[str] = []
        for p in case.people.values():
            if not p.birth_date or len(p.birth_date) != 10:
                continue
            y, m, d = p.birth_date.split("-")
            di, mi = int(d), int(m)
            alts.append(rf"0?{di}\s*[/.-]\s*0?{mi}\s*[/.-]\s*{y}")
            alts.append(rf"{y}-{m}-{d}")
            alts.append(rf"{di}\s+(?:{MONTHS[mi - 1]}|{MONTHS[mi + 11]})\s+{y}")
        date = (
            r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?:"
            + "|".join(MONTHS)
            + r")\s+\d{4}"
        )
        alts.append(rf"(?i:geboren|geb\.|born|°)\s*(?:op\s+|on\s+)?(?:{date})")
        return re.compile("|".join(f"(?:{a})" for a in alts), re.IGNORECASE) if alts else None

    def _names_pattern(self) -> re.Pattern[str] | None:
        keys = set(self.index.full_of) | set(self.index.first_of) | set(self.index.surname_of)
        long_keys = sorted((k for k in keys if len(k) > 3 or " " in k), key=len, reverse=True)
        short_keys = sorted((k for k in keys if len(k) <= 3 and " " not in k), key=len, reverse=True)
        branches: list[str] = []
        if long_keys:
            parts = [r"\s+".join(_accent_free(p) for p in k.split()) for k in long_keys]
            branches.append("(?i:" + "|".join(parts) + ")")
        if short_keys:
            variants = sorted({v for k in short_keys for v in (k[:1].upper() + k[1:], k.upper())}, key=len)
            branches.append("|".join(_accent_free(v) for v in reversed(variants)))
        if not branches:
            return None
        return re.compile(rf"(?<![\w])(?:{'|'.join(branches)})(?![\w])", re.UNICODE)

    def _person_text(self, pid: str) -> str:
        return self.labels[pid]

    # ---- detectors ------------------------------------------------------------------------------

    def _spans(self, text: str) -> list[Found]:
        out: list[Found] = []
        w = self.words
        for key, value in self.corrections.items():
            for m in re.finditer(rf"(?<![\w]){_accent_free(key)}(?![\w])", fold(text), re.IGNORECASE):
                out.append(Found(m.start(), m.end(), value, "correction", text[m.start() : m.end()], False))
        for m in _EMAIL.finditer(text):
            out.append(Found(m.start(), m.end(), w.email, "email", m.group(0), False))
        for rx, kind, rep in ((_IBAN, "number", w.number), (_RRN, "number", w.number)):
            for m in rx.finditer(text):
                out.append(Found(m.start(), m.end(), rep, kind, m.group(0), False))
        if self.file_number:
            for m in re.finditer(re.escape(self.file_number), text):
                out.append(Found(m.start(), m.end(), w.file_number, "file_number", m.group(0), False))
        if self.birth_dates is not None:
            for m in self.birth_dates.finditer(text):
                out.append(Found(m.start(), m.end(), w.birth_date, "birth_date", m.group(0), False))
        for m in _PHONE.finditer(text):
            if len(re.sub(r"\D", "", m.group(0))) >= 9:
                out.append(Found(m.start(), m.end(), w.phone, "phone", m.group(0), False))
        for rx in (_STREET, _POSTCODE):
            for m in rx.finditer(text):
                out.append(Found(m.start(), m.end(), w.address, "address", m.group(0), False))
        out += self._people_spans(text)
        out += self._institution_spans(text)
        out += self._place_spans(text)
        return out

    def _people_spans(self, text: str) -> list[Found]:
        out: list[Found] = []
        for m in self._role_name.finditer(text):
            role, name = m.group(1), m.group(2)
            if name in STOP_CAPITALS or name in self.places:
                continue
            ids = self.index.who(name, role, self.roles)
            fits = {pid for pid in ids if _same_role(role, self.roles.get(pid, ""), self.index.people[pid])}
            if ids and not fits and role.casefold() not in TITLES:
                continue  # "mama Lotte" (mama, and Lotte): each is replaced on its own
            ids = fits or ids
            if len(ids) == 1:
                pid = next(iter(ids))
                tag = self.tags[pid]
                out.append(Found(m.start(), m.end(), f"{role} {tag}".strip(), "person", m.group(0), False, pid))
            elif not ids and not self.index.is_name(name.split()[0]):
                tag = self._letter("name", name) + "."
                out.append(Found(m.start(2), m.end(2), tag, "name", name, False))
        if self._name_re is not None:
            for m in self._name_re.finditer(fold(text)):
                found = text[m.start() : m.end()]
                ids = self.index.who(found)
                if len(ids) == 1:
                    pid = next(iter(ids))
                    k = fold(found.casefold())
                    if k in self.index.surname_of and k not in self.index.first_of and " " not in k:
                        rep = self.surnames.get(k, self.words.someone)
                        out.append(Found(m.start(), m.end(), rep, "name", found, False))
                    else:
                        out.append(Found(m.start(), m.end(), self._person_text(pid), "person", found, who=pid))
                elif ids:
                    k = fold(found.casefold())
                    sur = self.surnames.get(k) if k in self.index.surname_of and k not in self.index.first_of else None
                    out.append(Found(m.start(), m.end(), sur or self.words.someone, "name", found, False))
        return out

    def _institution_spans(self, text: str) -> list[Found]:
        out: list[Found] = []
        w = self.words
        for m in _SCHOOL_NAMED.finditer(text):
            if m.group(0).casefold() not in SCHOOL_GENERIC:
                rep = w.school.format(n=self._letter("school", m.group(0)))
                out.append(Found(m.start(), m.end(), rep, "school", m.group(0), False))
        for m in _SCHOOL_AFTER.finditer(text):
            rep = w.school.format(n=self._letter("school", m.group(0)))
            out.append(Found(m.start(), m.end(), rep, "school", m.group(0), False))
        for m in _ORG.finditer(text):
            g = 1 if m.group(1) else 2
            rep = w.organisation.format(n=self._letter("organisation", m.group(g)))
            out.append(Found(m.start(g), m.end(g), rep, "organisation", m.group(g), False))
        return out

    def _place_spans(self, text: str) -> list[Found]:
        out: list[Found] = []
        w = self.words

        def add(start: int, end: int, name: str) -> None:
            out.append(Found(start, end, w.place.format(n=self._letter("place", name)), "place", name, False))

        for m in self._place_re.finditer(text):
            add(m.start(), m.end(), m.group(0))
        for m in self._amb_re.finditer(text):
            add(m.start(1), m.end(1), m.group(1))
        for m in _SAINT.finditer(text):
            add(m.start(), m.end(), m.group(0))
        for m in _LIVES.finditer(text):
            name = m.group(1)
            if name not in STOP_CAPITALS and not self.index.is_name(name) and name.casefold() not in ROLE_GENDER:
                add(m.start(1), m.end(1), name)
        return out

    # ---- replacing ------------------------------------------------------------------------------

    def replace(self, text: str) -> str:
        if not text:
            return text
        spans = sorted(self._spans(text), key=lambda f: (f.start, -(f.end - f.start)))
        kept: list[Found] = []
        end = -1
        for f in spans:
            if f.start >= end:
                kept.append(f)
                end = f.end
        out: list[str] = []
        pos = 0
        for f in kept:
            out.append(text[pos : f.start])
            rep, end = f.replacement, f.end
            owner = _POSSESSIVE.match(text, f.end) if f.who else None
            if owner is not None:
                rep, end = self._possessive(f.who, rep), owner.end()
            before = text[: f.start].rstrip()
            at_start = not before or before[-1] in ".!?:\n" or text[f.start - 1 : f.start] == "\n"
            if rep and (f.sentence_case or owner is not None):
                rep = rep[:1].upper() + rep[1:] if at_start else rep
            if rep.endswith(".") and text[end : end + 1] == ".":
                end += 1  # "naar Kevin." -> "naar voetbaltrainer E.", not "E.."
            out.append(rep)
            key = (f.kind if f.kind != "correction" else "correction", f.original)
            self.seen.setdefault(key, f)
            self.counts[key] = self.counts.get(key, 0) + 1
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def _possessive(self, pid: str, label: str) -> str:
        """ "Jonas' vertrouwensfiguur" with Jonas replaced: "de jongere zijn vertrouwensfiguur", "mama's
        vriendin", "Noahs fiets" (an invented name), never "jongere' vertrouwensfiguur"."""
        w, p, tag = self.words, self.index.people[pid], self.tags.get(pid, "")
        gender = p.gender if p.gender in ("female", "male") else gender_of_role(f"{p.relation} {label}")
        form = w.possessive.get(gender, w.possessive.get("", "{who}'s"))
        if re.search(r"[aiouyAIOUY]$", label):
            return f"{label}'s"  # mama's, oma's, Emma's
        if not tag:  # a bare role is a noun: "de jongere zijn", "de zus haar", "de huisarts zijn"
            article = w.articles.get(label.casefold(), w.articles.get("", ""))
            return form.format(who=f"{article} {label}".strip())
        if re.search(r"[sxzSXZ]$", label):
            return f"{label}'"
        if tag and tag == label:
            return w.possessive.get("name", form).format(who=label)
        return form.format(who=label)

    def review(self, texts: Iterable[str], people: list[Person]) -> list[Replacement]:
        """What the replacement changes in these texts, one line per original (people first)."""
        self.seen.clear()
        self.counts.clear()
        for t in texts:
            self.replace(t)
        rows = [Replacement(p.name, self.labels[p.id][:1].upper() + self.labels[p.id][1:], "person", 1) for p in people]
        order = {k: n for n, k in enumerate(Found.KINDS)}
        merged: dict[tuple[str, str], Replacement] = {}
        for (kind, original), f in self.seen.items():
            if kind == "person" and any(original == p.name for p in people):
                continue
            key = (fold(original.casefold()), f.replacement)
            prev = merged.get(key)
            count = self.counts[(kind, original)] + (prev.count if prev else 0)
            shown = prev.original if prev and (prev.original[:1].isupper() or not original[:1].isupper()) else original
            merged[key] = Replacement(shown, f.replacement, kind, count)
        for p in people:
            if p.birth_date and len(p.birth_date) == 10:
                when = p.birth_date
                rows.append(Replacement(when, when[:8] + "01", "birth_date", 1))
        rest = sorted(merged.values(), key=lambda r: (order.get(r.kind, 99), r.original.casefold()))
        return rows + rest


def _accent_free(key: str) -> str:
    """A regex for ``key`` (already folded) that also finds it typed with accents (the text is folded)."""
    return re.escape(key)
