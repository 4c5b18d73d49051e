"""Page-wide widgets of a dashboard: the page's language and title, the ``?`` list of shortcuts, and the
button that opens the family screen in its own window (only the browser can open a window)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import traitlets

from .. import esm

Shortcut = tuple[str, str]
"""(keys as shown, translation key of what they do)."""


class PageInfo(esm.Widget):  # type: ignore[misc]
    """Sets ``<html lang>`` and the page title; ``?`` shows the shortcuts (Escape or ``?`` hides them); loads
    plotly.js ahead of the first chart (``charts``)."""

    _esm = traitlets.Unicode(esm.module("page")).tag(sync=True)
    lang = traitlets.Unicode("nl").tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)
    shortcuts: traitlets.List[Any] = traitlets.List([]).tag(sync=True)
    """[{"title": ..., "rows": [[keys, text], ...]}, ...]"""
    shortcuts_title = traitlets.Unicode("").tag(sync=True)
    close_label = traitlets.Unicode("").tag(sync=True)
    control_names = traitlets.Dict({}).tag(sync=True)
    """CSS class -> the name screen readers read for a control in a widget with that class (no label of its own)."""
    charts = traitlets.Bool(False).tag(sync=True)
    """The page shows charts (the network map): plotly.js is loaded while the page is at rest, so the first
    chart does not wait for it (``ui/js/page.js``)."""


class FamilyLink(esm.Widget):  # type: ignore[misc]
    """A button (``fac-open-family-view``) opening the family screen in a new window, and its address.

    The address is this page's own (its token and other parameters kept) with ``view=family`` and the
    case and meeting open here, so the new window shows the same meeting."""

    _esm = traitlets.Unicode(esm.module("family-link")).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    tip = traitlets.Unicode("").tag(sync=True)
    url_label = traitlets.Unicode("").tag(sync=True)
    case_id = traitlets.Unicode("").tag(sync=True)
    meeting_id = traitlets.Unicode("").tag(sync=True)
    lang = traitlets.Unicode("nl").tag(sync=True)
    opened = traitlets.Int(0).tag(sync=True)
    """How often the consultant opened it (the browser counts)."""


def shortcut_groups(sources: Iterable[tuple[str, Iterable[Shortcut]]], t: Callable[[str], str]) -> list[dict[str, Any]]:
    """The ``?`` list: one group per source (title key, its SHORTCUTS), in order; a key that does the same
    everywhere is shown once (a part's "?"), one that does something else in another part is shown there too
    (Enter adds an item in the columns, saves a person on the map)."""
    seen: set[tuple[str, str]] = set()
    groups = []
    for title_key, shortcuts in sources:
        rows = []
        for keys, text_key in shortcuts:
            row = (keys, t(text_key))
            if row in seen:
                continue
            seen.add(row)
            rows.append(list(row))
        if rows:
            groups.append({"title": t(title_key), "rows": rows})
    return groups
