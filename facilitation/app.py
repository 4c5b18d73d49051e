"""Builds the dashboards' root widgets (the notebooks call these and display what they return)."""

from __future__ import annotations

import os
from pathlib import Path

from .i18n import DEFAULT_LANGUAGE
from .store import Store, default_store_path

ENV_CASE = "FACILITATION_CASE"
ENV_LANG = "FACILITATION_LANG"


def _new_session(store_path: str | os.PathLike[str] | None, lang: str | None):  # type: ignore[no-untyped-def]
    from .ui.session import Session

    store = Store(Path(store_path) if store_path else default_store_path())
    return Session(store, lang or os.environ.get(ENV_LANG, DEFAULT_LANGUAGE))


def _session(store_path: str | os.PathLike[str] | None = None, case: str | None = None, lang: str | None = None):  # type: ignore[no-untyped-def]
    session = _new_session(store_path, lang)
    store = session.store
    case_id = case or os.environ.get(ENV_CASE)
    if case_id and store.has_case(case_id):
        session.open_case(case_id)
    else:
        cases = store.list_cases()
        if cases:
            session.open_case(cases[0].id)
    return session


def _page_context(session) -> None:  # type: ignore[no-untyped-def]
    """Tell the page which case and meeting it shows (its drafts of typed text are kept per case)."""
    from .ui.page.context import attach

    attach(session)


def meeting_dashboard(store_path: str | None = None, case: str | None = None, lang: str | None = None):  # type: ignore[no-untyped-def]
    """The meeting dashboard: shell with network, columns, scaling, plan and the meeting flow."""
    from .ui.shell import Shell

    session = _session(store_path, case, lang)
    shell = Shell(session)
    from .ui.live import keep_in_sync

    keep_in_sync(session)
    _page_context(session)
    return shell.widget


def reflecting_team_dashboard(store_path: str | None = None, case: str | None = None, lang: str | None = None):  # type: ignore[no-untyped-def]
    """The reflecting-team dashboard: the case mapped, scenarios compared, reflection rounds, the record."""
    from .ui.live import keep_in_sync
    from .ui.reflecting import ReflectingTeam

    session = _session(store_path, case, lang)
    root = ReflectingTeam(session)
    keep_in_sync(session)
    _page_context(session)
    return root.widget


def training_dashboard(store_path: str | None = None, case: str | None = None, lang: str | None = None):  # type: ignore[no-untyped-def]
    """The training dashboard: exercises on fictional cases, role cards, revealed information, groups compared.

    Only an exercise copy is ever opened here (never a real case): the given case if it is one, else the
    copy worked on most recently, else none until the trainer starts an exercise.
    """
    from .ui.live import keep_in_sync
    from .ui.training import Training

    session = _new_session(store_path, lang)
    # Exercise copies carry their sample and group (read from the case list, not by loading every case).
    copies = [c.id for c in session.store.list_cases() if c.fictional and c.source and c.group_name]
    wanted = case or os.environ.get(ENV_CASE)
    pick = wanted if wanted in copies else next(iter(copies), None)
    if pick is not None:
        session.open_case(pick)
    root = Training(session)
    keep_in_sync(session)
    _page_context(session)
    return root.widget
