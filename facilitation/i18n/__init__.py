"""Translation layer: every visible string is looked up here, in Dutch (nl-BE, default) or English.

Each part of the tool keeps its texts in its own module in this folder as ``MESSAGES = {key: (nl, en)}``;
they are found by ``catalog_modules``. A tuple per key makes a missing language impossible to overlook.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

# The words know the domain's errors (code + params, to say them in the user's language) and nothing else of
# the domain; the domain never imports the words (import-linter contracts in pyproject.toml).
from ..domain.errors import FacilitationError

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}

_catalog: dict[str, tuple[str, str]] | None = None


def catalog_modules() -> list[str]:
    """Every module of this folder (``core``, ``network``, ...): each holds one part's ``MESSAGES``."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def catalog() -> dict[str, tuple[str, str]]:
    """All texts; a module that fails to import fails loudly (a typo must not hide a part's words)."""
    global _catalog
    if _catalog is None:
        merged: dict[str, tuple[str, str]] = {}
        for name in catalog_modules():
            mod = importlib.import_module(f"{__name__}.{name}")
            for key, value in mod.MESSAGES.items():
                if key in merged:
                    raise KeyError(f"translation key defined twice: {key}")
                merged[key] = value
        _catalog = merged
    return _catalog


def translate(lang: str, key: str, **params: Any) -> str:
    """The text for ``key`` in ``lang`` with ``params`` filled in; an unknown key shows as itself.

    Every message goes through ``str.format``, with or without parameters, so a message's ``{{``/``}}``
    always read as single braces (the CLI once printed "hier hoort een object ({{...}})").
    """
    entry = catalog().get(key)
    if entry is None:
        return key
    text = entry[LANGUAGES.index(lang) if lang in LANGUAGES else 0]
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return _unescape_braces(text)


def _unescape_braces(text: str) -> str:
    """A message that could not be filled in still reads right: ``{{`` and ``}}`` as single braces."""
    return text.replace("{{", "{").replace("}}", "}")


def has(key: str) -> bool:
    return key in catalog()


class Translator:
    """Holds the current language; ``t(key, **params)`` translates. Listeners hear language changes."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        self._listeners: list[Callable[[str], None]] = []

    def t(self, key: str, **params: Any) -> str:
        return translate(self.lang, key, **params)

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES or lang == self.lang:
            return
        self.lang = lang
        for fn in list(self._listeners):
            fn(lang)

    def on_change(self, fn: Callable[[str], None]) -> None:
        self._listeners.append(fn)


def error_text(lang: str, err: Exception) -> str:
    """A FacilitationError (or any error) as a sentence in ``lang``, naming the field when known."""
    if isinstance(err, FacilitationError):
        params = {k: v for k, v in err.params.items() if k != "field"}
        msg = translate(lang, f"error.{err.code}", **params)
        fld = err.params.get("field")
        if fld:
            return translate(lang, "error.in_field", field=field_label(lang, str(fld)), message=msg)
        return msg
    return translate(lang, "error.unexpected", detail=type(err).__name__)


def field_label(lang: str, path: str) -> str:
    """``people[3].name`` -> ``people[3].name (naam)``: the technical path plus a readable name."""
    last = path.rsplit(".", 1)[-1].split("[", 1)[0]
    key = f"field.{last}"
    if has(key):
        return f"{path} ({translate(lang, key)})"
    return path
