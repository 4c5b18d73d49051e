"""Voilà as ``facilitation serve`` runs it: every handler guarded, a bounded number of kernels, kernels
ended only by their own page, and a way for a page to ask whether its kernel still lives.

Started as ``python -m facilitation.voila_app NOTEBOOK --port ...`` (``serve.voila_command``); the token
comes in the environment (``JUPYTER_TOKEN``, never on the command line, which other accounts can read).
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import os
import time
from typing import Any, cast

from jupyter_core.utils import ensure_async
from jupyter_server.auth.identity import PasswordIdentityProvider, User
from jupyter_server.base.handlers import APIHandler
from jupyter_server.services.kernels.handlers import KernelHandler, _kernel_id_regex
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from jupyter_server.utils import url_path_join
from tornado import web
from traitlets import Float, Integer
from traitlets.config import Config
from voila.app import Voila
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler

from . import guard
from .loopback import is_loopback
from .services import room as rooms

DEFAULT_MAX_SCREENS = 4
"""A consultant's working screen, the family's screen on the projector, a second typist, one to spare."""

PLACE_WAIT_S = 3.0
"""A reloaded page's request may come before its old page's goodbye: wait this long for a place."""

_TICKET: contextvars.ContextVar[_Ticket | None] = contextvars.ContextVar("facilitation_ticket", default=None)


class _Ticket:
    """A page being rendered holds one place until its kernel is running (then the kernel holds it)."""

    kernel_id: str | None = None
    owner: str = ""
    """In the training room: the group (its copy's id) whose page starts this kernel; "" for the trainer."""


class TooManyScreens(web.HTTPError):
    def __init__(self) -> None:
        super().__init__(503, "too many screens")


class BoundedKernelManager(AsyncMappingKernelManager):  # type: ignore[misc]
    """At most ``max_kernels`` kernels (one per open page); a kernel no page has been connected to for
    ``orphan_grace_s`` gives up its place when a new page needs it."""

    max_kernels = Integer(DEFAULT_MAX_SCREENS, config=True, help="Most kernels (open pages) at once.")
    orphan_grace_s = Float(60.0, config=True, help="A kernel without a page this long may be ended for a new one.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._tickets: set[_Ticket] = set()
        self._alone_since: dict[str, float] = {}
        self.owners: dict[str, str] = {}  # kernel -> the group whose page started it ("" the trainer's)
        self.ended: set[str] = set()  # restarted or died: its page's widgets are gone with it

    def in_use(self) -> int:
        live = set(self._kernels) | set(self._pending_kernels)
        return len(live) + sum(1 for t in self._tickets if t.kernel_id is None)

    def reserve(self) -> _Ticket | None:
        if self.in_use() >= self.max_kernels:
            return None
        ticket = _Ticket()
        self._tickets.add(ticket)
        return ticket

    def release(self, ticket: _Ticket) -> None:
        self._tickets.discard(ticket)

    async def start_kernel(self, **kwargs: Any) -> str:  # type: ignore[override]
        ticket = _TICKET.get()
        if ticket is None and self.in_use() >= self.max_kernels:
            raise TooManyScreens()
        kernel_id: str = await super().start_kernel(**kwargs)
        self.owners[kernel_id] = ticket.owner if ticket is not None else ""
        if ticket is not None:
            ticket.kernel_id = kernel_id
        self._alone_since[kernel_id] = time.monotonic()
        km = self.get_kernel(kernel_id)
        for event in ("restart", "dead"):
            km.add_restart_callback(lambda kid=kernel_id: self.ended.add(kid), event)
        return kernel_id

    def notify_connect(self, kernel_id: str) -> None:
        super().notify_connect(kernel_id)
        self._alone_since.pop(kernel_id, None)

    def notify_disconnect(self, kernel_id: str) -> None:
        super().notify_disconnect(kernel_id)
        if self._kernel_connections.get(kernel_id, 0) <= 0:
            self._alone_since[kernel_id] = time.monotonic()

    async def end_orphans(self) -> int:
        """End kernels no page has been connected to for ``orphan_grace_s`` (a page closed without a
        goodbye); returns how many."""
        held = {t.kernel_id for t in self._tickets}
        now = time.monotonic()
        orphans = [
            kid
            for kid, since in list(self._alone_since.items())
            if kid in self._kernels
            and kid not in held
            and self._kernel_connections.get(kid, 0) <= 0
            and now - since >= self.orphan_grace_s
        ]
        for kid in orphans:
            self.log.warning("Ending kernel %s: no page connected for a while and a new page needs its place", kid)
            await ensure_async(self.shutdown_kernel(kid))
        return len(orphans)

    async def _remove_kernel_when_ready(self, kernel_id: str, kernel_awaitable: Any) -> None:
        await super()._remove_kernel_when_ready(kernel_id, kernel_awaitable)
        self._alone_since.pop(kernel_id, None)
        self.owners.pop(kernel_id, None)


# ---- handlers -------------------------------------------------------------------------------------


class PageHandler(guard.Guarded, TornadoVoilaHandler):  # type: ignore[misc]
    """The dashboard page: one more than the bounded number of kernels gets a page saying so."""

    async def get(self, path: str | None = None) -> None:  # type: ignore[override]
        km = self.kernel_manager
        ticket = await self._place(km)
        if ticket is None:
            self.set_status(503)
            self.set_header("Retry-After", "10")
            self.set_header("Cache-Control", "no-store")
            self.set_header("Content-Type", "text/html; charset=utf-8")
            lang = guard.server_language()
            self.finish(guard.message_page(lang, "security.full.title", "security.full.text", True, n=km.max_kernels))
            return
        ticket.owner = self.facilitation_group
        reset = _TICKET.set(ticket)
        try:
            await super().get(path)  # type: ignore[misc]  # a coroutine; tornado's stub says Awaitable | None
        finally:
            _TICKET.reset(reset)
            km.release(ticket)

    @staticmethod
    async def _place(km: BoundedKernelManager) -> _Ticket | None:
        """A place for this page; a page reloaded at the limit waits a moment for its old kernel to end."""
        deadline = time.monotonic() + PLACE_WAIT_S
        while True:
            ticket = km.reserve()
            if ticket is None and await km.end_orphans():
                ticket = km.reserve()
            if ticket is not None or time.monotonic() >= deadline:
                return ticket
            await asyncio.sleep(0.2)


class EndKernelHandler(guard.Guarded, APIHandler):  # type: ignore[misc]
    """``POST voila/api/shutdown/<kernel>`` with the page's end key (form field or header ``X-Fac-End-Key``)."""

    @web.authenticated
    async def post(self, kernel_id: str) -> None:
        given = self.get_body_argument("key", None) or self.request.headers.get("X-Fac-End-Key")
        if not guard.end_key_matches(kernel_id, given):
            raise web.HTTPError(403, "not this page's kernel")
        if kernel_id in self.kernel_manager:
            await ensure_async(self.kernel_manager.shutdown_kernel(kernel_id))
        self.set_status(204)
        self.finish()

    def check_xsrf_cookie(self) -> None:
        # The end key is a per-page secret a foreign site cannot know; the beacon cannot send a header.
        return None


class NoDeleteKernelHandler(guard.Guarded, KernelHandler):  # type: ignore[misc]
    """``/api/kernels/<id>``: the page reads its kernel's model; ending it goes through ``EndKernelHandler``."""

    async def delete(self, kernel_id: str) -> None:  # type: ignore[override]
        raise web.HTTPError(403, "a kernel is ended by its own page")


class AliveHandler(guard.Guarded, APIHandler):  # type: ignore[misc]
    """``GET facilitation/alive/<kernel>``: 200 while the page's kernel runs, 410 once it is gone (culled,
    died, restarted without the page's widgets). The page polls it to tell the user at once."""

    @web.authenticated
    async def get(self, kernel_id: str) -> None:
        km = cast(BoundedKernelManager, self.kernel_manager)  # FacilitationVoila sets it
        alive = kernel_id in km and kernel_id not in km.ended
        if alive:
            alive = bool(await ensure_async(km.get_kernel(kernel_id).is_alive()))
        self.set_header("Cache-Control", "no-store")
        self.set_status(200 if alive else 410)
        self.finish(json.dumps({"alive": alive}))


def guarded(handler: type) -> type:
    """``handler`` with ``Guarded`` in front (a new class; the original is left as it is)."""
    if issubclass(handler, guard.Guarded):
        return handler
    return type(f"Guarded{handler.__name__}", (guard.Guarded, handler), {})


class RoomIdentityProvider(PasswordIdentityProvider):  # type: ignore[misc]
    """Jupyter's token login, and in the training room a group's laptop as a user of its own (the guard has
    checked its join code and bound it to its own kernels before Jupyter asks who it is)."""

    async def get_user(self, handler: web.RequestHandler) -> User | None:
        group = getattr(handler, "facilitation_group", "")
        if group:
            return User(username=f"group-{group}", name="group", display_name="group")
        return cast("User | None", await ensure_async(super().get_user(handler)))


REPLACE = {TornadoVoilaHandler: PageHandler, VoilaShutdownKernelHandler: EndKernelHandler}
REPLACE[KernelHandler] = NoDeleteKernelHandler


class FacilitationVoila(Voila):  # type: ignore[misc]
    """Voilà with the door of ``guard``: token, Host, Origin; bounded kernels; pages that end their own."""

    def initialize(self, argv: Any = None) -> None:
        token = guard.current_token()
        if not token:
            raise SystemExit("facilitation: no token (FACILITATION_TOKEN) in the environment; start with serve")
        # The identity provider reads JUPYTER_TOKEN; an empty token would turn authentication off.
        os.environ["JUPYTER_TOKEN"] = token
        ours = {
            "Voila": {"auto_token": True, "identity_provider_class": RoomIdentityProvider},
            # A session cookie (gone with the browser), never sent with another site's requests.
            "IdentityProvider": {"cookie_options": {"samesite": "Strict", "expires_days": None}},
            "VoilaConfiguration": {
                "multi_kernel_manager_class": f"{__name__}.BoundedKernelManager",
            },
            "TemplateExporter": {"filters": {"fac_end_key": f"{guard.__name__}.end_key"}},
            "HTMLExporter": {"language_code": guard.server_language()},
        }
        self.update_config(Config(ours))
        super().initialize(argv)
        self.cookie_secret = guard.cookie_secret(token)

    def init_settings(self) -> dict[str, Any]:
        settings: dict[str, Any] = super().init_settings()
        # Voilà allows any Host. The guard checks ours; on loopback Jupyter's own check does too (it knows
        # no other addresses, so with --ip on the network the guard alone decides).
        hosts = guard.allowed_hosts(self.ip or "127.0.0.1")
        settings["allow_remote_access"] = not is_loopback(self.ip or "127.0.0.1")
        settings["local_hostnames"] = sorted(h for h in hosts if not _is_ip(h))
        settings["facilitation_token"] = guard.current_token()
        settings["facilitation_port"] = self.port
        room = self._room()
        if room is not None:
            own = rooms.join_host()
            settings["facilitation_room"] = room
            settings["facilitation_room_own"] = own
            hosts = hosts | {own} if own else hosts
        settings["facilitation_hosts"] = hosts
        # A kernel is ended only by its own page (EndKernelHandler), not by a message on its websocket.
        allowed = [m for m in self.kernel_manager.allowed_message_types if m != "shutdown_request"]
        self.kernel_manager.allowed_message_types = allowed
        return settings

    @staticmethod
    def _room() -> rooms.Room | None:
        """The training room's door when served on the room's network (``serve --lan``), else None."""
        secret = rooms.room_secret()
        if not secret:
            return None
        from .store import open_store

        return rooms.Room(secret, lambda: open_store(os.environ.get("FACILITATION_STORE") or None))

    def init_handlers(self) -> list[Any]:
        handlers = []
        for spec in super().init_handlers():
            pattern, handler, *rest = spec
            if handler in (self.identity_provider.login_handler_class, self.identity_provider.logout_handler_class):
                continue  # no login form: the address with the token is the way in
            handler = REPLACE.get(handler, handler)
            handlers.append((pattern, guarded(handler), *rest))
        alive = (url_path_join(self.server_url, rf"/facilitation/alive/{_kernel_id_regex}"), AliveHandler)
        return [alive, *handlers]


def _is_ip(name: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def main() -> None:
    FacilitationVoila.launch_instance()


if __name__ == "__main__":
    main()
