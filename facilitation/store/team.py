"""A team server's consultants in PostgreSQL: each logs in as their own role, provisioned by the hub.

JupyterHub authenticates a consultant (LDAP, OAuth) and, before starting their dashboard server, calls
``spawn_environment``: with the admin's connection it makes sure the consultant has a login role in the
``facilitation_users`` group and gives it a fresh random password, handed to their server only (as
``PGPASSWORD``, which libpq reads). Consultants never see a database password and need none; their
server can only act as them, so row-level security holds even for code run in their kernels.

A role that exists but is not a plain member of the group (a superuser, the admin, a role that bypasses
row-level security or creates roles) is never touched: such a hub user name is refused.
"""

from __future__ import annotations

import re
import secrets
from urllib.parse import quote, urlsplit, urlunsplit

from ..domain.errors import FacilitationError
from .pg_schema import GROUP_ROLE

USER_NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,62}$")
"""Hub user names that become role names: lower case, as JupyterHub normalises them, at most 63 bytes."""


def role_password(admin_url: str, username: str) -> str:
    """Make sure ``username`` has a login role in the consultants' group; give it a new password."""
    import psycopg
    from psycopg import sql

    if not USER_NAME.match(username):
        raise FacilitationError("bad_member", name=username[:64])
    password = secrets.token_urlsafe(24)
    role = sql.Identifier(username)
    with psycopg.connect(admin_url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT rolsuper OR rolbypassrls OR rolcreaterole, pg_has_role(oid, %s, 'MEMBER')"
            " FROM pg_roles WHERE rolname = %s",
            (GROUP_ROLE, username),
        ).fetchone()
        if row is not None and (row[0] or not row[1]):
            raise FacilitationError("not_a_consultant_role", name=username)
        with conn.transaction():
            if row is None:
                conn.execute(
                    sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                        role, sql.Literal(password), sql.Identifier(GROUP_ROLE)
                    )
                )
            else:
                conn.execute(sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(role, sql.Literal(password)))
            conn.execute(
                sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                    sql.Identifier(conn.info.dbname), sql.Identifier(GROUP_ROLE)
                )
            )
    return password


def user_url(store_url: str, username: str) -> str:
    """``store_url`` (``postgresql://host:port/db?...``, no user) with the consultant as its user."""
    parts = urlsplit(store_url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{quote(username, safe='')}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def spawn_environment(admin_url: str, store_url: str, username: str) -> dict[str, str]:
    """What a consultant's dashboard server needs to reach the store as themselves."""
    password = role_password(admin_url, username)
    return {"FACILITATION_STORE": user_url(store_url, username), "PGPASSWORD": password}
