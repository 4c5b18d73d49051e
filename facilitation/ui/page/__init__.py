"""The page's own scripts, put in the served template by ``serve.prepare_template`` (not widgets):

- ``watchdog.js``: reloads a page left hanging at "Running…"; ends the page's kernel when the page goes
  (with the page's end key, ``guard.end_key``); keeps Voilà's own goodbye from ending the kernel of a page
  the user chose to stay on;
- ``connection.js``: asks the server every 1.5 s whether this page's kernel lives; when not, says so at once
  in the page's language, makes the inputs read-only (what was typed stays), and reloads when the server is
  back;
- ``drafts.js``: keeps what is typed in the page's text fields in the tab's ``sessionStorage`` until it is
  stored, offers it again after a reload, and asks before leaving with unsaved text.

Their texts come from the translation layer (``page.*`` keys) as JSON in the page; the language is the
page's ``<html lang>`` (Dutch when missing). Styles: ``page.css`` (served with the rest, ``ui/style.py``).
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from ...i18n import LANGUAGES, catalog, translate

PAGE_DIR = Path(__file__).resolve().parent
SCRIPTS = ("watchdog", "connection", "drafts")
HEARTBEAT_MS = 1500
HEARTBEAT_TIMEOUT_MS = 2500
"""A dead server refuses at once; a hung one is noticed after 1.5 + 2.5 s, inside the 5 s promised."""


def source(name: str) -> str:
    return (PAGE_DIR / f"{name}.js").read_text(encoding="utf-8")


def texts() -> dict[str, dict[str, str]]:
    """The page's texts by language: ``{"nl": {"page.lost.title": "…"}, "en": {…}}`` (and the parts' names)."""
    keys = sorted(k for k in catalog() if k.startswith(("page.", "part.")))
    return {lang: {k: translate(lang, k) for k in keys} for lang in LANGUAGES}


ALIVE_PATH = "facilitation/alive/"
"""Where ``voila_app`` says whether a page's kernel lives (200, or 410 once gone)."""
HUB_ALIVE_PATH = "api/kernels/"
"""Under JupyterHub: Jupyter's own kernel API (200 while the kernel exists, 404 once gone; the hub's login)."""


def config(watchdog_ms: int, hub: bool = False) -> dict[str, object]:
    return {
        "hub": hub,
        "alivePath": HUB_ALIVE_PATH if hub else ALIVE_PATH,
        "watchdogMs": watchdog_ms,
        "heartbeatMs": HEARTBEAT_MS,
        "heartbeatTimeoutMs": HEARTBEAT_TIMEOUT_MS,
        "texts": texts(),
    }


def _json_for_script(data: object) -> str:
    # Inside <script>: no "</" that could end it, no "<!--".
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def scripts(watchdog_ms: int = 40_000, *, hub: bool = False) -> str:
    """The HTML to put at the top of the page's body (kept out of Jinja's reach: ``{% raw %}``)."""
    settings = _json_for_script(config(watchdog_ms, hub))
    parts = [f'<script id="fac-page-config" type="application/json">{settings}</script>']
    for name in SCRIPTS:
        body = source(name)
        if "</script" in body.lower() or "{% endraw" in body:
            raise ValueError(f"ui/page/{name}.js cannot be put in the page as it is")
        parts.append(f'<script data-fac-page="{name}">\n{body}</script>')
    return "{% raw %}\n" + "\n".join(parts) + "\n{% endraw %}"


def opener_html(url: str) -> str:
    """A private file the browser opens and leaves at once for ``url`` (which carries the key)."""
    target = escape(url, quote=True)
    note = escape(translate("nl", "security.opening"))
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">'
        f'<meta http-equiv="refresh" content="0;url={target}"></head>'
        f'<body><p><a href="{target}">{note}</a></p>'
        f"<script>location.replace({_json_for_script(url)});</script></body></html>\n"
    )
