"""JupyterHub in front of facilitation: a team server (docs/deployment.md walks through it).

The hub authenticates each consultant with the agency's login (LDAP here; OAuth in docs/deployment.md),
terminates TLS at its proxy, and starts each consultant's own dashboard server (``python -m
facilitation.hub``: Jupyter's single-user server with Voilà), all on one PostgreSQL store. Before a
server starts, the hub gives the consultant's database role a fresh password (``store/team.py``): each
consultant reaches the store only as themselves, and row-level security does the rest.

Settings come from the environment of the hub's service (e.g. a systemd unit's EnvironmentFile):

  FACILITATION_HUB_STORE        postgresql://db.example:5432/facilitation?sslmode=verify-full (no user)
  FACILITATION_HUB_ADMIN_STORE  the admin's URL (owner of the tables, CREATEROLE); password in PGPASSFILE
  FACILITATION_HUB_URL          where consultants connect (default https://0.0.0.0:443)
  FACILITATION_HUB_TLS_CERT     certificate chain (PEM) for the proxy's TLS
  FACILITATION_HUB_TLS_KEY      its private key (PEM, readable by the hub only)
  FACILITATION_LDAP_SERVER      ldap.example (LDAPS on port 636; see docs/deployment.md for OAuth)
  FACILITATION_LDAP_BIND_DN     uid={username},ou=people,dc=example,dc=be
  FACILITATION_LDAP_GROUP       only members of this group get in (e.g. cn=ocj-consulenten,ou=groups,...)
  FACILITATION_HUB_LANG         nl (default) or en
  FACILITATION_HUB_DASHBOARD    meeting (default), reflecting_team or training
"""

import os
import shutil
import sys
from pathlib import Path

from facilitation.store import team
from facilitation.store.postgres import PostgresStore

c = get_config()  # type: ignore[name-defined]  # noqa: F821  (JupyterHub provides it)
env = os.environ

STORE = env["FACILITATION_HUB_STORE"]
ADMIN_STORE = env["FACILITATION_HUB_ADMIN_STORE"]
DASHBOARD = env.get("FACILITATION_HUB_DASHBOARD", "meeting")

# ---- the store: migrated once when the hub starts (as the admin), so consultants never need to ---------
PostgresStore(ADMIN_STORE).close()

# ---- where consultants connect: TLS at the proxy -----------------------------------------------------------
c.JupyterHub.bind_url = env.get("FACILITATION_HUB_URL", "https://0.0.0.0:443")
if c.JupyterHub.bind_url.startswith("https://"):
    c.JupyterHub.ssl_cert = env["FACILITATION_HUB_TLS_CERT"]
    c.JupyterHub.ssl_key = env["FACILITATION_HUB_TLS_KEY"]
# configurable-http-proxy from npm: on the PATH, or in the virtual environment's node_modules.
_chp = shutil.which("configurable-http-proxy") or str(Path(sys.prefix) / "node_modules/.bin/configurable-http-proxy")
c.ConfigurableHTTPProxy.command = [_chp]

# ---- who gets in: the agency's directory ------------------------------------------------------------------
c.JupyterHub.authenticator_class = "ldapauthenticator.LDAPAuthenticator"
if "FACILITATION_LDAP_SERVER" in env:
    c.LDAPAuthenticator.server_address = env["FACILITATION_LDAP_SERVER"]  # a host name, no ldap:// prefix
    c.LDAPAuthenticator.tls_strategy = "on_connect"  # LDAPS on port 636: the password never crosses in clear
    c.LDAPAuthenticator.bind_dn_template = [env["FACILITATION_LDAP_BIND_DN"]]
    if "FACILITATION_LDAP_GROUP" in env:
        c.LDAPAuthenticator.allowed_groups = [env["FACILITATION_LDAP_GROUP"]]
    else:
        c.Authenticator.allow_all = True  # everyone the directory knows; narrow it with a group

# ---- each consultant's own dashboard server ----------------------------------------------------------------
# LocalProcessSpawner runs it as the consultant's own system account (accounts from the same directory,
# e.g. through sssd), so one consultant's server cannot read another's. Containers: docs/deployment.md.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [sys.executable, "-m", "facilitation.hub", f"--dashboard={DASHBOARD}"]
c.Spawner.default_url = f"/voila/render/{DASHBOARD}.ipynb"
c.Spawner.environment = {"FACILITATION_LANG": env.get("FACILITATION_HUB_LANG", "nl")}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120


def _give_the_store(spawner):  # type: ignore[no-untyped-def]
    """Before a consultant's server starts: their role, a fresh password, the store's URL."""
    spawner.environment.update(team.spawn_environment(ADMIN_STORE, STORE, spawner.user.name))


c.Spawner.pre_spawn_hook = _give_the_store

# Servers nobody uses for an hour are stopped (their kernels are culled sooner, after 15 minutes).
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600"],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
