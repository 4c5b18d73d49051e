"""The welcome's texts and classes from its state (pure)."""

from __future__ import annotations

from collections.abc import Callable

from .state import SampleChoice, WelcomeState


def sample_buttons(state: WelcomeState) -> list[tuple[str, str]]:
    """(sample name, button label) per sample case, in the order of their names."""
    return [(c.name, c.title) for c in state.samples]


def sample_note_key(state: WelcomeState) -> str:
    """The line above the sample buttons: what they are, or that there are none."""
    return "welcome.sample.text" if state.samples else "welcome.sample.none"


def refused_text(t: Callable[..., str], file_name: str, message: str) -> str:
    """The status line for a case file that was not imported: which file, and why."""
    return t("welcome.refused", file=f"‘{file_name}’" if file_name else "", message=message).strip()


def find(state: WelcomeState, name: str) -> SampleChoice | None:
    return next((c for c in state.samples if c.name == name), None)
