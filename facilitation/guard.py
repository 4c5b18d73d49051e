"""The door of ``facilitation serve``: who may reach a case, from which address, and with what key.

Jupyter server's identity provider already checks a token (``?token=`` once, then a signed cookie) on the
page, the kernel API and the kernel's websocket. It does not look at the static files (our widget modules,
the stylesheet, plotly), it lets any ``Host`` through (Voilà turns that check off), and it skips the Origin
check for a request that carries the token. So every handler of the server also passes through
``Guarded.prepare`` (``voila_app.guarded``), which refuses with 403:

- a ``Host`` that is not this machine's loopback name (127.0.0.1, localhost, [::1]) or the ``--ip`` address:
  a web page the consultant opens could otherwise reach the server through a rebinding DNS name;
- a websocket or a POST whose ``Origin`` is another site (or ``null``);
- any request without the token or the login cookie the identity provider signed.

A kernel is ended only with its page's end key: ``end_key(kernel_id)``, an HMAC under a secret made at
each server start and put in that page only (the template's ``fac_end_key`` filter).

The training room on the room's network (``serve --lan``, ``services/room.py``) adds a second door: a
request from another address must come from a private network; the server's key is taken only from the
serving laptop itself; a group's laptop comes in with its join code (then a signed cookie) and reaches its
own page, the static files and the kernels its own pages started, nothing else.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import re
import socket
from collections.abc import Iterable
from html import escape
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlencode, urlsplit

from tornado import web

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD = frozenset({"", "0.0.0.0", "::"})
SECRET = os.urandom(32)
"""This server's secret for the pages' end keys; a new one at every start."""

ENV_TOKEN = "FACILITATION_TOKEN"
PAGE_FILE = Path(__file__).resolve().parent / "ui" / "page" / "refused.html"
JOIN_FILE = Path(__file__).resolve().parent / "ui" / "page" / "join.html"


def host_name(host: str | None) -> str:
    """``Host`` header -> the name alone, lower case: ``[::1]:8866`` -> ``::1``, ``LocalHost.`` -> ``localhost``."""
    if not host:
        return ""
    host = host.strip().lower()
    if host.startswith("["):
        end = host.find("]")
        return host[1:end] if end > 0 else ""
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    elif host.count(":") > 1:  # a bare IPv6 address is not a valid Host; refuse it rather than guess
        return ""
    return host.rstrip(".")


def allowed_hosts(ip: str = "127.0.0.1") -> frozenset[str]:
    """The names this server answers to: loopback, the address it listens on, and for a wildcard address
    this machine's own name and addresses."""
    names = set(LOOPBACK_HOSTS)
    ip = host_name(ip) if ip.startswith("[") else ip.strip().lower()
    if ip and ip not in WILDCARD:
        names.add(ip)
    if ip in WILDCARD:
        own = {socket.gethostname().lower(), socket.getfqdn().lower()}
        names |= own
        for name in own:
            try:
                names |= {str(a[4][0]).lower() for a in socket.getaddrinfo(name, None)}
            except OSError:
                pass
    return frozenset(n for n in names if n)


def host_allowed(host: str | None, allowed: Iterable[str]) -> bool:
    name = host_name(host)
    if not name:
        return False
    if name in allowed:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback  # 127.0.0.2 is this machine too
    except ValueError:
        return False


def origin_allowed(origin: str | None, host: str | None, allowed: Iterable[str]) -> bool:
    """A browser's ``Origin`` must be this very server (same host and port as the request); no Origin at all
    is a script, which needs the token anyway."""
    if origin is None:
        return True
    parts = urlsplit(origin.strip().lower())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False  # "null" (a sandboxed frame, a file) or something else entirely
    return parts.netloc == (host or "").strip().lower() and host_allowed(parts.netloc, allowed)


def token_matches(given: str | None, token: str) -> bool:
    return bool(token) and bool(given) and hmac.compare_digest(str(given).encode(), token.encode())


def cookie_secret(token: str) -> bytes:
    """The login cookie's signing key, from the token: a new token (a new start) makes old cookies worthless;
    a token given with FACILITATION_TOKEN keeps the cookie working across restarts."""
    return hmac.new(token.encode(), b"facilitation login cookie", hashlib.sha256).digest()


def end_key(kernel_id: Any) -> str:
    """The key that ends kernel ``kernel_id``: only its own page has it (a Jinja filter in the template)."""
    return hmac.new(SECRET, str(kernel_id).encode(), hashlib.sha256).hexdigest()


def end_key_matches(kernel_id: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(end_key(kernel_id).encode(), str(given).encode())


# ---- pages that say no ---------------------------------------------------------------------------


def message_page(lang: str, title_key: str, text_key: str, retry: bool = False, **params: Any) -> str:
    """A small page of our own (no scripts or styles from the server: it may refuse those too)."""
    from . import palette
    from .i18n import translate

    def t(key: str, **kw: Any) -> str:
        return escape(translate(lang, key, **kw))

    button = f'<p><button onclick="location.reload()">{t("security.retry")}</button></p>' if retry else ""
    return Template(PAGE_FILE.read_text(encoding="utf-8")).substitute(
        lang=escape(lang),
        title=t(title_key),
        text=t(text_key, **params),
        button=button,
        palette=palette.css_variables(),
    )


def server_language() -> str:
    from .i18n import DEFAULT_LANGUAGE, LANGUAGES

    lang = os.environ.get("FACILITATION_LANG", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def join_page(lang: str, wrong: bool = False) -> str:
    """The page a laptop in the training room sees before it has joined: one field for its group's code."""
    from . import palette
    from .i18n import translate

    def t(key: str, **kw: Any) -> str:
        return escape(translate(lang, key, **kw))

    return Template(JOIN_FILE.read_text(encoding="utf-8")).substitute(
        lang=escape(lang),
        title=t("security.room.join_title"),
        text=t("security.room.join_text"),
        label=t("security.room.join_label"),
        button=t("security.room.join_button"),
        wrong=f'<p class="fac-wrong" role="alert">{t("security.room.wrong_code")}</p>' if wrong else "",
        palette=palette.css_variables(),
    )


# ---- what a group's laptop may reach in the training room ---------------------------------------------

_KERNEL_PATHS = (
    re.compile(r"^api/kernels/(?P<kid>[\w-]+)(?:/channels)?$"),
    re.compile(r"^voila/api/shutdown/(?P<kid>[\w-]+)$"),
    re.compile(r"^facilitation/alive/(?P<kid>[\w-]+)$"),
)
_STATIC_PREFIXES = ("voila/static/", "voila/templates/", "voila/labextensions/", "voila/api/themes/")


def room_scope(path: str, base: str = "/") -> tuple[str, str]:
    """What a request path is, for a group's laptop: ``("page", "")`` (the dashboard), ``("static", "")``,
    ``("kernel", id)`` (a kernel's model, websocket, end or alive check) or ``("other", "")`` (refused)."""
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    if not path.startswith(base):
        return ("other", "")
    rest = path[len(base) :]
    if rest == "":
        return ("page", "")
    if rest.startswith(_STATIC_PREFIXES) and ".." not in rest:
        return ("static", "")
    for pattern in _KERNEL_PATHS:
        m = pattern.match(rest)
        if m:
            return ("kernel", m.group("kid"))
    return ("other", "")


# ---- the guard on every handler -------------------------------------------------------------------


class Guarded(web.RequestHandler):
    """Mixed in front of every handler of the server (``voila_app.guarded``): Host, Origin and key first."""

    def _refuse(self, title_key: str, text_key: str) -> None:
        self.clear()
        self.set_status(403)
        self.set_header("Cache-Control", "no-store")
        if self.request.method == "GET" and "text/html" in self.request.headers.get("Accept", ""):
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(message_page(server_language(), title_key, text_key))
        else:
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.finish("403: Forbidden\n")

    def _settings_guard(self) -> tuple[frozenset[str], str]:
        return self.settings["facilitation_hosts"], self.settings["facilitation_token"]

    def _has_key(self, token: str) -> bool:
        provider = self.settings["identity_provider"]
        if token_matches(provider.get_token(self), token):
            return True
        return provider.get_user_cookie(self) is not None

    async def prepare(self, *args: Any, **kwargs: Any) -> None:
        hosts, token = self._settings_guard()
        headers = self.request.headers
        if not host_allowed(headers.get("Host"), hosts):
            self._refuse("security.host.title", "security.host.text")
            return
        upgrade = headers.get("Upgrade", "").lower() == "websocket"
        if upgrade or self.request.method not in ("GET", "HEAD", "OPTIONS"):
            origin = headers.get("Origin", headers.get("Sec-WebSocket-Origin"))
            if not origin_allowed(origin, headers.get("Host"), hosts):
                self._refuse("security.host.title", "security.origin.text")
                return
        room = self.settings.get("facilitation_room")
        if room is not None:
            if not self._room_door(room, token):
                return
        elif not self._has_key(token):
            self._refuse("security.refused.title", "security.refused.text")
            return
        result = super().prepare(*args, **kwargs)
        if result is not None:
            await result

    # ---- the training room's door -----------------------------------------------------------------

    facilitation_group: str = ""
    """The group (its copy's id) this request comes from, in the training room; "" for the trainer."""

    def _room_door(self, room: Any, token: str) -> bool:
        """In the training room: True to let the request through (the trainer, or a group within its own
        page and kernels); else the request has been answered (refused, asked for a code, redirected)."""
        from .services import room as rooms

        remote = self.request.remote_ip or ""
        if not rooms.on_room_network(remote):
            self._refuse("security.room.title", "security.room.outside")
            return False
        if rooms.is_this_machine(remote, self.settings.get("facilitation_room_own", "")) and self._has_key(token):
            return True
        scope, kid = room_scope(self.request.path, self.settings.get("base_url", "/"))
        given = self.get_query_argument("join", None)
        group = room.group_for(given) if given else None
        if group is None and not given:
            kept = self.get_signed_cookie(self._room_cookie())
            kept_id = kept.decode() if isinstance(kept, bytes) else ""
            group = kept_id if kept_id and room.still_open(kept_id) else None
        if group is None:
            self._ask_code(scope == "page", wrong=bool(given))
            return False
        if scope == "page":
            return self._room_page(room, group, given)
        if scope == "static" or (scope == "kernel" and self._owner(kid) == group):
            self.facilitation_group = group
            return True
        self._refuse("security.refused.title", "security.room.not_yours")
        return False

    def _room_cookie(self) -> str:
        from .services import room as rooms

        return f"{rooms.COOKIE}-{self.settings.get('facilitation_port', '')}"

    def _owner(self, kernel_id: str) -> str | None:
        owners = getattr(self.settings.get("kernel_manager"), "owners", {})
        return owners.get(kernel_id)

    def _room_page(self, room: Any, group: str, given: str | None) -> bool:
        """A group's dashboard page: always with its own code in the address (the kernel reads it there)."""
        code = room.code(group)
        self.set_signed_cookie(self._room_cookie(), group, expires_days=None, httponly=True, samesite="Strict")
        if given != code:
            query = {k: v[-1].decode() for k, v in self.request.query_arguments.items() if k not in ("join", "token")}
            query["join"] = code
            self.redirect(f"{self.request.path}?{urlencode(query)}")
            return False
        self.facilitation_group = group
        return True

    def _ask_code(self, page: bool, wrong: bool) -> None:
        """No group (yet): the page asks for the group's code; anything else is refused."""
        self.clear()
        self.set_status(403)
        self.set_header("Cache-Control", "no-store")
        if page and self.request.method == "GET":
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(join_page(server_language(), wrong))
        else:
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.finish("403: Forbidden\n")


def current_token(env: dict[str, str] | None = None) -> str:
    """The token this server was started with (``serve.voila_env`` puts it in the environment)."""
    env = dict(os.environ) if env is None else env
    return env.get(ENV_TOKEN, "") or env.get("JUPYTER_TOKEN", "")
