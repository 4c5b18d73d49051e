"""Builds the dashboards' root widgets (the notebooks call these and display what they return)."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import parse_qs

from .i18n import DEFAULT_LANGUAGE
from .store import open_store

ENV_CASE = "FACILITATION_CASE"
ENV_LANG = "FACILITATION_LANG"
ENV_QUERY = "QUERY_STRING"
"""Voilà gives the kernel the page's query string: ``?view=family&case=...&meeting=...`` opens the family screen."""


def page_query() -> dict[str, str]:
    """The page's query parameters (the last value of each)."""
    return {k: v[-1] for k, v in parse_qs(os.environ.get(ENV_QUERY, "")).items() if v}


def _new_session(store_path: str | os.PathLike[str] | None, lang: str | None):  # type: ignore[no-untyped-def]
    from .ui.session import Session

    # A path or a postgresql:// URL (FACILITATION_STORE when none is given); the consultant is who the
    # server runs as: JUPYTERHUB_USER under JupyterHub, else the OS user (store/identity.py).
    store = open_store(store_path or None)
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


def _reopen(session, case: str | None) -> None:  # type: ignore[no-untyped-def]
    """Open the case (and meeting) the working screen had open last, unless another case was asked for."""
    from .services.last_used import recall

    last = recall(session.store)
    asked = case or os.environ.get(ENV_CASE)
    if not last.case or not session.store.has_case(last.case) or (asked and asked != last.asked):
        return
    if session.case is None or session.case.id != last.case:
        session.open_case(last.case)
    if last.meeting:
        session.set_meeting(last.meeting)


def _page_context(session) -> None:  # type: ignore[no-untyped-def]
    """Tell the page which case and meeting it shows (its drafts of typed text are kept per case)."""
    from .ui.page.context import attach

    attach(session)


def meeting_dashboard(store_path: str | None = None, case: str | None = None, lang: str | None = None):  # type: ignore[no-untyped-def]
    """The meeting dashboard: shell with network, columns, scaling, plan and the meeting flow; with
    ``?view=family`` in the page's address, the family screen of the case and meeting named there."""
    query = page_query()
    if query.get("view") == "family":
        return family_dashboard(store_path, query.get("case") or case, query.get("meeting"), query.get("lang") or lang)
    from .ui.shell import Shell

    session = _session(store_path, case, lang)
    _reopen(session, case)
    shell = Shell(session)
    from .ui.live import keep_in_sync

    keep_in_sync(session)
    _page_context(session)
    return shell.widget


def family_dashboard(  # type: ignore[no-untyped-def]
    store_path: str | None = None, case: str | None = None, meeting: str | None = None, lang: str | None = None
):
    """The family screen in its own window (for the projector): the case and meeting given, following
    every change the working screen stores, four times a second."""
    from .ui.family import family_window
    from .ui.live import FAMILY_INTERVAL_S, follow_working_screen, keep_in_sync

    session = _session(store_path, case, lang)
    if meeting:
        session.set_meeting(meeting)
    root = family_window(session)
    keep_in_sync(session, FAMILY_INTERVAL_S, quiet=True, also=follow_working_screen(session))
    return root


def reflecting_team_dashboard(store_path: str | None = None, case: str | None = None, lang: str | None = None):  # type: ignore[no-untyped-def]
    """The reflecting-team dashboard: the case mapped, scenarios compared, reflection rounds, the record."""
    from .ui.live import keep_in_sync
    from .ui.reflecting import ReflectingTeam

    session = _session(store_path, case, lang)
    root = ReflectingTeam(session)
    keep_in_sync(session)
    _page_context(session)
    return root.widget


def _room_group(session: Any) -> Any:
    """A group's laptop in the training room (``serve --lan``; the page's address carries its join code): the
    dashboard locked to that group's copy, or a message when the code names no group any more. None when this
    page is not a group's (the trainer's screen)."""
    from .services import room as rooms

    code, secret = page_query().get("join", ""), rooms.room_secret()
    if not code or not secret:
        return None
    import ipywidgets as W

    from .ui.live import keep_in_sync
    from .ui.training import Training

    copy_id = rooms.Room(secret, lambda: session.store).group_for(code)
    if copy_id is None:
        from html import escape

        return W.HTML(f"<p class='fac-tr-hint'>{escape(session.t('security.room.wrong_code'))}</p>")
    session.open_case(copy_id)
    session.only_case = copy_id
    root = Training(session, group=copy_id)
    keep_in_sync(session)
    _page_context(session)
    return root.widget


def training_dashboard(store_path: str | None = None, case: str | None = None, lang: str | None = None):  # type: ignore[no-untyped-def]
    """The training dashboard: exercises on fictional cases, role cards, revealed information, groups compared.

    Only an exercise copy is ever opened here (never a real case): the given case if it is one, else none
    until the screen chooses its group (or the trainer starts an exercise).
    """
    from .ui.live import keep_in_sync
    from .ui.training import Training

    session = _new_session(store_path, lang)
    group = _room_group(session)
    if group is not None:
        return group
    # Exercise copies carry their sample and group (read from the case list, not by loading every case). A new
    # screen opens the copy asked for, or none: it asks which group it is (never the group chosen last elsewhere).
    copies = [c.id for c in session.store.list_cases() if c.fictional and c.source and c.group_name]
    wanted = case or os.environ.get(ENV_CASE)
    if wanted in copies:
        session.open_case(wanted)
    root = Training(session)
    keep_in_sync(session)
    _page_context(session)
    return root.widget
