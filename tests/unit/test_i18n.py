"""Every text exists in Dutch and English, with the same placeholders."""

from __future__ import annotations

import re
import string

from facilitation.i18n import LANGUAGES, catalog, translate

FIELDS = string.Formatter()


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in FIELDS.parse(text) if name}


def test_both_languages_present_and_non_empty():
    for key, entry in catalog().items():
        assert len(entry) == len(LANGUAGES), key
        assert all(isinstance(t, str) and t.strip() for t in entry), key


def test_same_placeholders_in_both_languages():
    for key, (nl, en) in catalog().items():
        assert placeholders(nl) == placeholders(en), key


def test_dutch_is_the_default_and_english_differs():
    assert translate("nl", "column.worries") == "Waar maken we ons zorgen over?"
    assert translate("en", "column.worries") == "What are we worried about?"


def test_no_language_literals_in_views():
    """Views use self.t(...): no quoted Dutch sentence in facilitation/ui (a crude but useful check)."""
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "facilitation" / "ui"
    dutch = re.compile(r"""["'][^"'\n]*\b(het|een|niet|van|wordt|zijn)\b[^"'\n]*["']""")
    offenders = []
    for f in ui.glob("*.py"):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            s = line.strip()
            if s.startswith("#") or '"""' in s:
                continue
            if dutch.search(s) and "self.t(" not in s and ".t(" not in s:
                offenders.append(f"{f.name}:{n}: {s}")
    assert offenders == []


def test_every_message_renders_without_doubled_braces():
    """Filled in or not, no message shows ``{{`` or ``}}``: a message without parameters is formatted too."""
    for key, entry in catalog().items():
        for lang, text in zip(LANGUAGES, entry, strict=True):
            params = {name: "X" for name in placeholders(text)}
            shown = translate(lang, key, **params)
            assert "{{" not in shown and "}}" not in shown, (key, lang, shown)


def test_message_without_parameters_shows_single_braces():
    assert translate("nl", "error.not_object") == "hier hoort een object ({...})."
    assert translate("en", "error.not_object") == "an object ({...}) belongs here."


def test_error_text_with_a_field_shows_single_braces():
    from facilitation.domain.errors import ValidationError
    from facilitation.i18n import error_text

    shown = error_text("nl", ValidationError("versions[0]", "not_object"))
    assert "({...})" in shown and "{{" not in shown
