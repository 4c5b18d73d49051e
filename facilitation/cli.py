"""The ``facilitation`` command: serve, list, import, validate, export, delete, share, audit, store.

Messages are in the chosen language (``--lang``, default Dutch). Exit code 0 on success, 2 for bad
input (a bad file, an unknown case), 1 for anything unexpected; nothing stored changes on failure.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .cli_store import store_of as _store
from .domain.case import Case
from .domain.errors import FacilitationError
from .domain.text import day_month_year
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, error_text, translate
from .loopback import is_loopback
from .store import CaseStore, casefile, easynwk
from .store.location import ENV_STORE


def _print(msg: str, err: bool = False) -> None:
    print(msg, file=sys.stderr if err else sys.stdout)


def resolve_case(store: CaseStore, ref: str, session: str = "cli") -> str:
    """A stored case id, a sample case name or a case file -> a stored case id (importing if needed)."""
    if store.has_case(ref):
        return ref
    path = Path(ref)
    if path.suffix.lower() == ".json" or path.exists():
        if not path.exists():
            raise FacilitationError("unknown_case", name=ref)
        case = easynwk.read_any(path)  # a case file, or an easyNWK file
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


def import_case(store: CaseStore, case: Case, session: str = "cli") -> str:
    """Store a case read from a file; an id already in the store gets a fresh one (a copy)."""
    from .services.case_files import as_new_case

    return store.add_case(as_new_case(store, case), session)


LAN_SCREENS = 12
"""Pages open at once in the training room on the network: the trainer's, and a laptop per group (up to 10)."""


def cmd_serve(args: argparse.Namespace) -> int:
    from . import serve

    store = _store(args)
    # Without a case the dashboard opens the last case worked on, or, in an empty store, its welcome (open a
    # sample case, start a new one, import a case file): nothing is imported unasked.
    if args.lan and args.dashboard != "training":
        raise FacilitationError("lan_only_training")
    case_id = resolve_case(store, args.case) if args.case else None
    ip, join = args.ip or "127.0.0.1", ""
    if args.lan:
        if case_id is not None:
            info = store.load(case_id).info
            if not info.fictional:
                raise FacilitationError("lan_not_fictional", title=info.title)
        ip, join = serve.lan_addresses(args.ip or "", args.port)
    elif not is_loopback(ip):
        _print(translate(args.lang, "cli.remote_warning", ip=ip), err=True)
    token = serve.server_token()
    url = serve.base_url(ip, args.port)
    _print(translate(args.lang, "cli.serving", url=url, store=store.location))
    if join:
        _print(translate(args.lang, "cli.lan_trainer", url=serve.page_url(url, token)))
        _print(translate(args.lang, "cli.lan_join", url=join))
    else:
        _print(translate(args.lang, "cli.token", url=serve.page_url(url, token)))
    sys.stdout.flush()
    target = getattr(store, "url", None)  # a server store: the kernels open the same URL
    return serve.run(
        store.path,
        case_id,
        args.lang,
        args.port,
        ip,
        args.dashboard,
        args.open,
        token,
        args.max_screens or (LAN_SCREENS if join else None),
        target=target,
        join=join,
    )


def cmd_list(args: argparse.Namespace) -> int:
    store = _store(args)
    cases = store.list_cases()
    if not cases:
        _print(translate(args.lang, "cli.no_cases", store=store.location))
        return 0
    for c in cases:
        _print(
            translate(
                args.lang,
                "cli.case_line",
                id=c.id,
                title=c.title,
                start=day_month_year(c.start_date) if c.start_date else "-",
                people=count(args.lang, "people", c.people),
                meetings=count(args.lang, "meetings", c.meetings),
            )
        )
    return 0


def count(lang: str, what: str, n: int) -> str:
    """``1 overleg``, ``3 overleggen``: a number with its noun, singular when it is one."""
    return translate(lang, f"cli.count.{what}_one" if n == 1 else f"cli.count.{what}", n=n)


def cmd_import(args: argparse.Namespace) -> int:
    store = _store(args)
    case = easynwk.read_any(args.file)  # a case file, or an easyNWK file
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
            people=count(args.lang, "people", len(case.people)),
            items=count(args.lang, "items", len(case.items)),
            meetings=count(args.lang, "meetings", len(case.meetings)),
        )
    )
    return 0


def pseudonymised_for_export(store: CaseStore, case: Case, mode: str, lang: str) -> Case:
    """``export --pseudonymise``: the case with people, places, schools, addresses and numbers replaced, with
    the consultant's own corrections (made in the reflecting team's review list) applied. Its ids are neutral
    and it is marked fictional, so that a JSON file of it can be imported as a training case."""
    from .domain.pseudonym import neutral_ids
    from .services import pseudonyms

    corrections = pseudonyms.load_corrections(store.path, case.id)
    shown = neutral_ids(pseudonyms.shown(case, lang, mode, corrections))
    review = pseudonyms.review(case, lang, mode, corrections).review
    kinds: dict[str, int] = {}
    for r in review:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    what = ", ".join(f"{translate(lang, f'reflecting.pseudo.kind.{k}')} {n}" for k, n in kinds.items())
    _print(translate(lang, "cli.pseudonymised", what=what or "-"), err=True)
    return Case.from_records(
        [shown.info.replace(fictional=True), *(r for k, b in shown.records.items() if k != "case" for r in b.values())]
    )


def export_record(
    store: CaseStore, case: Case, args: argparse.Namespace, out_dir: Path, mode: str | None
) -> list[Path]:
    """``export --format record``: the reflecting team's record (docx, pdf and md, or the one ``--out`` names)."""
    from .domain import reflecting as rt
    from .export import reflecting_record as record

    meeting_id = args.meeting
    if meeting_id is None:
        ms = rt.reflecting_meetings(case)
        if not ms:  # else an empty record, dated today, would be written
            raise FacilitationError("no_team_meeting", title=case.info.title)
        meeting_id = ms[-1].id
    elif case.meetings.get(meeting_id) is None or case.meetings[meeting_id].kind != "reflecting_team":
        raise FacilitationError("not_a_team_meeting", name=meeting_id)
    out = Path(args.out) if args.out else out_dir
    fmts: tuple[str, ...] = record.FORMATS
    if out.suffix.lstrip(".").lower() in record.FORMATS:
        fmts = (out.suffix.lstrip(".").lower(),)
    from .services import pseudonyms

    corrections = pseudonyms.load_corrections(store.path, case.id) if mode else None
    written = []
    for fmt in fmts:
        name, data = record.render(case, meeting_id, fmt, args.lang, mode, corrections)
        target = out if out.suffix.lstrip(".").lower() == fmt else out / name
        from .export.common import write_private

        written.append(write_private(target, data, overwrite=args.force))
    return written


def cmd_export(args: argparse.Namespace) -> int:
    store = _store(args)
    case_id = resolve_case(store, args.case)
    case = store.load(case_id)
    if args.format == "record":
        from .store.location import exports_dir

        written = export_record(store, case, args, exports_dir(store.path), args.pseudonymise)
        for p in written:
            _print(translate(args.lang, "cli.exported", path=p))
        return 0
    if args.pseudonymise:
        case = pseudonymised_for_export(store, case, args.pseudonymise, args.lang)
        args.meeting = _neutral_meeting(store.load(case_id), case, args.meeting)
    from .export import suggested_name

    if args.format == "easynwk":  # the case file's name, marked as easyNWK's
        name = suggested_name(case, "json", args.meeting, args.lang).removesuffix(".json") + "-easynwk.json"
    else:
        name = suggested_name(case, args.format, args.meeting, args.lang)
    if args.out is None:  # next to the store, in the folder readable by the user only
        from .store.location import exports_dir

        out = exports_dir(store.path) / name
    else:
        out = Path(args.out)
    if out.is_dir() and args.format in ("json", "easynwk"):
        out = out / name
    if not out.suffix and not out.is_dir() and args.format in ("json", "docx", "pdf", "md", "easynwk"):
        out = out.with_name(f"{out.name}.{'json' if args.format == 'easynwk' else args.format}")
    if args.format in ("json", "easynwk"):
        words = lambda key, **kw: translate(args.lang, key, **kw)  # noqa: E731
        data = casefile.dumps(case) if args.format == "json" else easynwk.dumps(case, words)
        from .services import export as exports

        written = [exports.save(out.parent, out.name, data.encode("utf-8"), overwrite=args.force)]
    else:
        from .services import export as exports
        from .services.seats import seats_of

        written = exports.export_case(
            case,
            args.format,
            out,
            lang=args.lang,
            meeting_id=args.meeting,
            version_id=args.plan_version,
            overwrite=args.force,
            seats=seats_of(store, case),
        )
    store.note(case_id, "export", args.format)
    for p in written:
        _print(translate(args.lang, "cli.exported", path=p))
    return 0


EXPORT_FORMATS = ("json", "docx", "pdf", "md", "csv", "child", "easynwk", "record")


def _neutral_meeting(original: Case, shown: Case, meeting_id: str | None) -> str | None:
    """The id a meeting has in the pseudonymised case (``neutral_ids`` numbers them in the order of their ids)."""
    if meeting_id is None:
        return None
    original.get("meeting", meeting_id)
    renamed = f"me-{sorted(original.meetings).index(meeting_id) + 1}"
    return renamed if renamed in shown.meetings else None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="facilitation", description=translate(DEFAULT_LANGUAGE, "cli.description"))
    p.add_argument("--version", action="version", version=f"facilitation {__version__}")
    p.add_argument(
        "--store",
        help=f"SQLite file or postgresql://user@host/db URL (default: ${ENV_STORE} or the per-user data folder)",
    )
    p.add_argument("--lang", choices=LANGUAGES, default=os.environ.get("FACILITATION_LANG", DEFAULT_LANGUAGE))
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="open the dashboard in the browser (Voilà on 127.0.0.1)")
    s.add_argument("case", nargs="?", help="stored case id, sample case name or case file")
    s.add_argument("--port", type=int, default=8866)
    s.add_argument("--ip", default=None, help="address to listen on (default loopback only)")
    s.add_argument("--dashboard", choices=("meeting", "reflecting_team", "training"), default="meeting")
    s.add_argument("--open", action="store_true", help="open a browser window (with the key in its address)")
    s.add_argument(
        "--lan",
        action="store_true",
        help="training room only: serve the exercise to the groups' laptops on the room's network (join codes)",
    )
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
    s.add_argument("--out", help="file, or folder for the format's own name (default: the exports folder)")
    s.add_argument("--force", action="store_true", help="replace a file that exists (default: keep it, stop)")
    s.add_argument("--meeting", help="meeting id (default: the latest)")
    s.add_argument("--plan-version", help="id of a signed plan version (default: the latest signed at the meeting)")
    s.add_argument(
        "--pseudonymise",
        nargs="?",
        const="roles",
        choices=("roles", "names"),
        help="replace people (by role, or invented names), places, schools, addresses, dates of birth and numbers",
    )
    s.set_defaults(func=cmd_export)
    from .cli_store import add_commands

    add_commands(sub)
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
