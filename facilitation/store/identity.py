"""Who is working: the identity comes from the environment the server runs in, never from the browser.

Under JupyterHub every consultant's server is started with ``JUPYTERHUB_USER`` set by the hub after it
authenticated them (LDAP, OAuth): that is the consultant. Anywhere else the operating-system account
that runs the server is the consultant (one laptop, one person). Nothing a page sends can change it.

On a single laptop (a SQLite store and no hub) the OS user owns everything in their store file, as
before owners were kept: the file's own permissions (0600) are the boundary. Under a hub, or when a
user is named explicitly, the store shows only the cases that user owns or that are shared with them.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

ENV_HUB_USER = "JUPYTERHUB_USER"

Source = Literal["jupyterhub", "os", "given"]


@dataclass(frozen=True)
class Identity:
    name: str
    source: Source

    @property
    def owns_everything(self) -> bool:
        """The laptop case: the OS user sees every case in their own store file."""
        return self.source == "os"


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without /etc/passwd entry): the numeric uid
        return f"uid{os.getuid()}"


def current(env: Mapping[str, str] | None = None, given: str | None = None) -> Identity:
    """The consultant: ``given`` if named, else the hub's ``JUPYTERHUB_USER``, else the OS user."""
    env = os.environ if env is None else env
    if given:
        return Identity(given, "given")
    hub = env.get(ENV_HUB_USER, "").strip()
    if hub:
        return Identity(hub, "jupyterhub")
    return Identity(os_user(), "os")
