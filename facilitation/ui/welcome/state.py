"""What the welcome shows: the sample cases on offer (no widgets)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ... import samples


@dataclass(frozen=True)
class SampleChoice:
    name: str
    title: str


@dataclass(frozen=True)
class WelcomeState:
    samples: tuple[SampleChoice, ...]


@cache
def _title(path: Path, stamp: float) -> str:
    """A sample's title, read once per version of its file."""
    return samples.load_sample(path.stem).info.title


def welcome_state() -> WelcomeState:
    folder = samples.sample_dir()
    choices = []
    for name in samples.sample_names():
        path = folder / f"{name}{samples.SAMPLE_SUFFIX}"
        choices.append(SampleChoice(name, _title(path, path.stat().st_mtime)))
    return WelcomeState(tuple(choices))
