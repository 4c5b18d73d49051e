"""Commands about the store itself: delete (erase) a case, share it, the audit log, encryption, migration.

``facilitation delete CASE`` asks before erasing (``--yes`` for scripts); ``share CASE WHO`` (a colleague's
user name or ``@group``); ``group GROUP USER``; ``audit [CASE]``; ``store info|encrypt|migrate``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from .domain.errors import FacilitationError
from .i18n import translate
from .store import CaseStore, open_store
from .store.cipher import ENV_PASSPHRASE


def store_of(args: argparse.Namespace) -> CaseStore:
    """The store named by ``--store`` (a path or a ``postgresql://`` URL), ``FACILITATION_STORE``, or the
    per-user SQLite file. An encrypted store without a key at hand asks for its passphrase at a terminal."""
    try:
        return open_store(args.store or None)
    except FacilitationError as e:
        if e.code != "store_locked" or not sys.stdin.isatty():
            raise
        import getpass

        os.environ[ENV_PASSPHRASE] = getpass.getpass(translate(args.lang, "cli.passphrase", path=e.params["path"]))
        return open_store(args.store or None)


def _print(msg: str, err: bool = False) -> None:
    print(msg, file=sys.stderr if err else sys.stdout)


def _stored_case(store: Any, ref: str) -> tuple[str, str]:
    """A stored case by id or exact title (never imported from a sample or a file): (id, title)."""
    for c in store.list_cases():
        if ref in (c.id, c.title) or c.title.lower() == ref.lower():
            return c.id, c.title
    raise FacilitationError("unknown_case", name=ref)


def cmd_delete(args: argparse.Namespace) -> int:
    store = store_of(args)
    case_id, title = _stored_case(store, args.case)
    if not args.yes:
        if not sys.stdin.isatty():
            raise FacilitationError("delete_needs_yes")
        answer = input(translate(args.lang, "cli.delete.ask", title=title, id=case_id)).strip().lower()
        if answer not in (translate(args.lang, "cli.delete.yes"), "ja", "yes"):
            _print(translate(args.lang, "cli.delete.kept"))
            return 1
    store.delete_case(case_id)
    _print(translate(args.lang, "cli.delete.done", title=title, id=case_id))
    return 0


def cmd_share(args: argparse.Namespace) -> int:
    store = store_of(args)
    case_id, _ = _stored_case(store, args.case)
    if args.remove:
        store.unshare(case_id, args.member)
        _print(translate(args.lang, "cli.share.removed", id=case_id, member=args.member))
    else:
        store.share(case_id, args.member)
        _print(translate(args.lang, "cli.share.done", id=case_id, member=args.member))
    return 0


def cmd_group(args: argparse.Namespace) -> int:
    store_of(args).add_member(args.group, args.user)
    _print(translate(args.lang, "cli.group.done", group=args.group.lstrip("@"), user=args.user))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    store = store_of(args)
    case_id = _stored_case(store, args.case)[0] if args.case else None
    for e in store.audit(case_id, limit=args.limit):
        _print(
            translate(args.lang, "cli.audit.line", at=e.at, who=e.who, case=e.case_id, action=e.action, detail=e.detail)
        )
    return 0


def cmd_store(args: argparse.Namespace) -> int:
    from .store import sqlite

    if args.action == "encrypt":
        target = args.store or None
        from .store.base import is_url
        from .store.location import default_store_target

        path = target or default_store_target()
        if is_url(path):
            raise FacilitationError("not_sqlite")
        key = sqlite.encrypt(Path(path))
        source = translate(args.lang, f"cli.store.key.{key.source}")
        _print(translate(args.lang, "cli.store.encrypted", path=path, source=source))
        return 0
    store = store_of(args)
    if args.action == "migrate":  # opening migrated it (PostgreSQL: as the admin role)
        _print(translate(args.lang, "cli.store.migrated", version=store.schema_version, location=store.location))
        return 0
    encrypted = bool(getattr(store, "encrypted", False))
    _print(
        translate(
            args.lang,
            "cli.store.info",
            location=store.location,
            engine="PostgreSQL" if hasattr(store, "url") else "SQLite",
            encrypted=translate(args.lang, "cli.yes" if encrypted else "cli.no"),
            version=store.schema_version,
            user=store.user,
            cases=len(store.list_cases()),
        )
    )
    return 0


def add_commands(sub: Any) -> None:
    s = sub.add_parser("delete", help="erase a case, its history and its records for good (asks first)")
    s.add_argument("case", help="stored case id or title")
    s.add_argument("--yes", action="store_true", help="do not ask (scripts)")
    s.set_defaults(func=cmd_delete)

    s = sub.add_parser("share", help="share a case with a colleague (user name) or a group (@name)")
    s.add_argument("case")
    s.add_argument("member")
    s.add_argument("--remove", action="store_true", help="stop sharing")
    s.set_defaults(func=cmd_share)

    s = sub.add_parser("group", help="put a user in a group (reflecting team, training group)")
    s.add_argument("group")
    s.add_argument("user")
    s.set_defaults(func=cmd_group)

    s = sub.add_parser("audit", help="who opened, changed, exported, shared or erased which case")
    s.add_argument("case", nargs="?")
    s.add_argument("--limit", type=int, default=200)
    s.set_defaults(func=cmd_audit)

    s = sub.add_parser("store", help="the store: info, encrypt (SQLCipher), migrate (PostgreSQL admin)")
    s.add_argument("action", choices=("info", "encrypt", "migrate"))
    s.set_defaults(func=cmd_store)
