"""The words pseudonyms are written with, in the reader's language, and the case as it may be shared."""

from __future__ import annotations

from collections.abc import Mapping

from ..domain.case import Case
from ..domain.pseudonym import PseudonymWords, pseudonymise
from ..i18n import translate


def words(lang: str) -> PseudonymWords:
    """The words pseudonyms are made of, in ``lang``."""

    def t(key: str) -> str:
        return translate(lang, f"reflecting.pseudo.{key}")

    return PseudonymWords(
        case_title=t("case_title"),
        child=t("child"),
        sectors={s: t(f"sector.{s}") for s in ("family", "friends", "school", "professional")},
        someone=t("someone"),
        phone=t("phone"),
        email=t("email"),
        place=t("place"),
        school=t("school"),
        organisation=t("organisation"),
        address=t("address"),
        birth_date=t("birth_date"),
        file_number=t("file_number"),
        number=t("number"),
        possessive={g: t(f"possessive.{g or 'other'}") for g in ("male", "female", "", "name")},
        articles={"": t("article"), **dict.fromkeys(t("article.neuter_roles").split(), t("article.neuter"))},
    )


def shown(case: Case, lang: str, mode: str | None, corrections: Mapping[str, str] | None = None) -> Case:
    """The case as it may be shown or shared: pseudonymised when ``mode`` is ``roles`` or ``names``."""
    return pseudonymise(case, words(lang), mode, corrections) if mode else case
