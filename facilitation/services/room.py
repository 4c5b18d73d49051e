"""The training room on the room's network (``facilitation serve --dashboard training --lan``): which address
the groups' laptops join, which group a join code belongs to, and who may come in.

Only exercise copies (fictional by construction) are ever reachable from another laptop: a join code is
derived from the copy's id and a secret made at each start (``training.join_code``), so a code names one
group's copy for one serving and nothing else. The trainer works on the serving laptop itself, with the
server's key; the key is never taken from another laptop (it would cross the room's network in the clear).
"""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
import time
from collections.abc import Callable, Mapping

from ..domain.errors import FacilitationError
from ..store import CaseStore
from . import training

ENV_SECRET = "FACILITATION_ROOM_SECRET"
"""Set (by ``serve``) only when the training room is served on the room's network."""
ENV_JOIN_URL = "FACILITATION_ROOM_URL"
"""The address the groups' laptops open: ``http://192.168.1.20:8866/``."""

COOKIE = "fac-room"
"""The signed cookie that keeps a group's laptop in its group (the copy's id)."""

REFRESH_S = 2.0
"""How long the list of the exercise's copies is trusted before the store is read again."""


def room_secret(env: Mapping[str, str] | None = None) -> str:
    """The room's secret when the training room is served on the network, else ``""``."""
    env = os.environ if env is None else env
    return env.get(ENV_SECRET, "")


def join_url(env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    return env.get(ENV_JOIN_URL, "")


def join_host(env: Mapping[str, str] | None = None) -> str:
    """The room address alone (``192.168.1.20``), which the door accepts as a ``Host`` and as this machine."""
    from urllib.parse import urlsplit

    return (urlsplit(join_url(env)).hostname or "").lower()


def group_url(base: str, code: str) -> str:
    """The address a group's laptop opens (in its QR code): ``http://192.168.1.20:8866/?join=K7RMXA``."""
    return f"{base.split('?', 1)[0]}?join={code}"


def room_address() -> str:
    """This laptop's address on the room's network (the interface a packet to a private address leaves by).

    A UDP socket's ``connect`` sends nothing: it only asks the system which interface it would use. Empty
    when the laptop is on no network (or only on the internet, through a public address)."""
    for probe in ("192.168.255.254", "10.255.255.254", "172.31.255.254"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                s.connect((probe, 9))
                ip = str(s.getsockname()[0])
            except OSError:
                continue
        if on_room_network(ip) and not ipaddress.ip_address(ip).is_loopback:
            return ip
    return ""


def _address(ip: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """``ip`` as an address (an IPv4-mapped IPv6 address as the IPv4 one), or None."""
    try:
        a = ipaddress.ip_address(ip.strip("[]"))
    except ValueError:
        return None
    return a.ipv4_mapped if a.version == 6 and a.ipv4_mapped is not None else a


def on_room_network(ip: str) -> bool:
    """A private or link-local address (the room's wifi, a school's network): never one on the internet."""
    a = _address(ip)
    return a is not None and (a.is_private or a.is_link_local)


def is_this_machine(ip: str, own: str = "") -> bool:
    """The request comes from the serving laptop itself: loopback, or its own room address."""
    a = _address(ip)
    return a is not None and (a.is_loopback or (bool(own) and str(a) == own))


def clean_code(code: str) -> str:
    """What a trainee typed, as a code: ``k7r mxa`` -> ``K7RMXA``."""
    return "".join(code.split()).upper()[:16]


class Room:
    """The door's knowledge of the room: the copies of the exercises and their join codes (re-read from the
    store at most every ``REFRESH_S`` seconds; thread-safe, the server's handlers may ask at once)."""

    def __init__(self, secret: str, open_store: Callable[[], CaseStore], clock: Callable[[], float] = time.monotonic):
        self.secret = secret
        self._open = open_store
        self._store: CaseStore | None = None
        self._clock = clock
        self._codes: dict[str, str] = {}  # code -> copy id
        self._read_at = float("-inf")
        self._lock = threading.Lock()

    def code(self, case_id: str) -> str:
        return training.join_code(self.secret, case_id)

    def _copies(self) -> dict[str, str]:
        with self._lock:
            if self._clock() - self._read_at >= REFRESH_S:
                try:
                    if self._store is None:
                        self._store = self._open()
                    codes = {}
                    for _, cs in training.exercises(self._store):
                        for c in cs:
                            codes[self.code(c.case_id)] = c.case_id
                    self._codes = codes
                except (FacilitationError, OSError):
                    self._codes = {}  # a store that cannot be read lets nobody in
                self._read_at = self._clock()
            return self._codes

    def group_for(self, code: str) -> str | None:
        """The copy a join code opens, or None (an unknown code, an exercise removed)."""
        wanted = clean_code(code)
        return self._copies().get(wanted) if wanted else None

    def still_open(self, case_id: str) -> bool:
        """A laptop's group still exists (its cookie stays good only as long as its copy)."""
        return case_id in self._copies().values()
