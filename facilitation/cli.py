"""The ``facilitation`` command: serve, list, import, validate, export.

Messages are in the chosen language (``--lang``, default Dutch). Exit code 0 on success, 2 for bad
input (a bad file, an unknown case), 1 for anything unexpected; nothing stored changes on failure.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .domain.case import Case
from .domain.errors import FacilitationError
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, error_text, translate
from .store import Store, casefile, default_store_path
from .store.location import ENV_STORE


def _store(args: argparse.Namespace) -> Store:
    return Store(Path(args.store) if args.store else default_store_path())


def _print(msg: str, err: bool = False) -> None:
    print(msg, file=sys.stderr if err else sys.stdout)


def resolve_case(store: Store, ref: str, session: str = "cli") -> str:
    """A stored case id, a sample case name or a case file -> a stored case id (importing if needed)."""
    if store.has_case(ref):
        return ref
    path = Path(ref)
    if path.suffix.lower() == ".json" or path.exists():
        if not path.exists():
            raise FacilitationError("unknown_case", name=ref)
        case = casefile.read(path)
        return import_case(store, case, session)
    from . import samples

    if ref in samples.sample_names():
        case = samples.load_sample(ref)
        if store.has_case(case.id):
            return case.id
        return import_case(store, case, session)
    for c in store.list_cases():
        if c.title.lower() == ref.lower():
            return c.id
    raise FacilitationError("unknown_case", name=ref)


def import_case(store: Store, case: Case, session: str = "cli") -> str:
    """Store a case read from a file; an id already in the store gets a fresh one (a copy)."""
    if store.has_case(case.id):
        from .domain.ops import new_id

        info = case.info.replace(id=new_id("c-"))
        case = Case.from_records([info, *(r for k, b in case.records.items() if k != "case" for r in b.values())])
    return store.add_case(case, session)


def cmd_serve(args: argparse.Namespace) -> int:
    from . import serve

    store = _store(args)
    case_id = None
    if args.case:
        case_id = resolve_case(store, args.case)
    elif not store.list_cases():
        from . import samples

        names = samples.sample_names()
        if names:
            case_id = resolve_case(store, names[0])
    if not serve.is_loopback(args.ip):
        _print(translate(args.lang, "cli.remote_warning", ip=args.ip), err=True)
    token = serve.server_token()
    url = serve.base_url(args.ip, args.port)
    _print(translate(args.lang, "cli.serving", url=url, store=store.path))
    _print(translate(args.lang, "cli.token", url=serve.page_url(url, token)))
    sys.stdout.flush()
    return serve.run(
        store.path, case_id, args.lang, args.port, args.ip, args.dashboard, args.open, token, args.max_screens
    )


def cmd_list(args: argparse.Namespace) -> int:
    store = _store(args)
    cases = store.list_cases()
    if not cases:
        _print(translate(args.lang, "cli.no_cases", store=store.path))
        return 0
    for c in cases:
        _print(
            translate(
                args.lang,
                "cli.case_line",
                id=c.id,
                title=c.title,
                start=c.start_date or "-",
                people=c.people,
                meetings=c.meetings,
            )
        )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    store = _store(args)
    case = casefile.read(args.file)
    case_id = import_case(store, case)
    _print(translate(args.lang, "cli.imported", title=case.info.title, id=case_id))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    case = casefile.read(args.file)
    _print(
        translate(
            args.lang,
            "cli.valid",
            file=args.file,
            title=case.info.title,
            people=len(case.people),
            items=len(case.items),
            meetings=len(case.meetings),
        )
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from . import export

    store = _store(args)
    case_id = resolve_case(store, args.case)
    case = store.load(case_id)
    written = export.export(case, args.format, args.out, lang=args.lang, meeting_id=args.meeting, overwrite=args.force)
    for p in written:
        _print(translate(args.lang, "cli.exported", path=p))
    return 0


EXPORT_FORMATS = ("json", "docx", "pdf", "md", "csv", "child")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="facilitation", description=translate(DEFAULT_LANGUAGE, "cli.description"))
    p.add_argument("--version", action="version", version=f"facilitation {__version__}")
    p.add_argument("--store", help=f"SQLite store (default: ${ENV_STORE} or the per-user data folder)")
    p.add_argument("--lang", choices=LANGUAGES, default=os.environ.get("FACILITATION_LANG", DEFAULT_LANGUAGE))
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="open the dashboard in the browser (Voilà on 127.0.0.1)")
    s.add_argument("case", nargs="?", help="stored case id, sample case name or case file")
    s.add_argument("--port", type=int, default=8866)
    s.add_argument("--ip", default="127.0.0.1", help="address to listen on (default loopback only)")
    s.add_argument("--dashboard", choices=("meeting", "reflecting_team", "training"), default="meeting")
    s.add_argument("--open", action="store_true", help="open a browser window (with the key in its address)")
    s.add_argument(
        "--max-screens",
        type=int,
        default=None,
        help="pages open at once (default $FACILITATION_MAX_SCREENS or 4; each takes about 70 MB)",
    )
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("list", help="list stored cases")
    s.set_defaults(func=cmd_list)

    s = sub.add_parser("import", help="store a case file")
    s.add_argument("file")
    s.set_defaults(func=cmd_import)

    s = sub.add_parser("validate", help="check a case file without storing it")
    s.add_argument("file")
    s.set_defaults(func=cmd_validate)

    s = sub.add_parser("export", help="write a case to a file")
    s.add_argument("case")
    s.add_argument("--format", choices=EXPORT_FORMATS, default="json")
    s.add_argument("--out", help="file, or folder for the format's own name (default: the current folder)")
    s.add_argument("--force", action="store_true", help="replace a file that exists (default: keep it, stop)")
    s.add_argument("--meeting", help="meeting id (default: the latest)")
    s.set_defaults(func=cmd_export)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # Options may also come after the subcommand's arguments; argparse handles that.
    try:
        return int(args.func(args))
    except FacilitationError as e:
        _print(translate(args.lang, "cli.error", message=error_text(args.lang, e)), err=True)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
