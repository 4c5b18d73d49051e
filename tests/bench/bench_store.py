"""The store at team size (issue 19): prints figures; asserts nothing.

    .venv/bin/python tests/bench/bench_store.py            # the full figures (a few minutes)
    .venv/bin/python tests/bench/bench_store.py --quick    # smaller, to try it out

- PostgreSQL (a real server from tests/pgserver.py): 50 consultants x 200 cases each (each case the size of
  the Jonas sample: 127 records), plus a few cases shared with each. Listing a consultant's cases and
  opening a case (``Session.open_case``: load, last change, audit note) as that consultant's own role,
  with row-level security on. Goals: listing < 100 ms, opening < 200 ms.
- 20 concurrent writers (processes, each its own role, all in one group the case is shared with) x 1,000
  edits to the same 8 people of one case, each through a ``Session`` as a dashboard does, syncing now and
  then. When another came first the session reports a conflict (its status line), reloads, and the writer
  makes the edit again. Afterwards: every edit a writer was told was stored is in the change log (0 lost),
  each record's logged changes chain (every 'before' is the previous 'after': no edit overwrote another
  unseen), and conflicts = attempts - stored edits (every conflict was reported).
- SQLite: 500 cases of one consultant, listing and opening.
"""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import random
import signal
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from facilitation import samples  # noqa: E402
from facilitation.domain import ops  # noqa: E402
from facilitation.store.base import dump  # noqa: E402
from facilitation.ui.session import Session  # noqa: E402


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def report(label: str, ms: list[float], goal: float | None = None) -> None:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    med = statistics.median(ms)
    verdict = "" if goal is None else ("  within goal" if p95 < goal else "  OVER GOAL")
    goal_txt = f" (goal < {goal:.0f} ms)" if goal else ""
    print(f"  {label:<48} median {med:7.1f} ms   p95 {p95:7.1f} ms{goal_txt}{verdict}")


@functools.cache
def _sample_records() -> list[tuple[str, str, dict]]:
    sample = samples.load_sample("jonas-17")
    return [(kind, rid, rec.to_dict()) for kind, bucket in sample.records.items() for rid, rec in bucket.items()]


def _ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def cpu_ms(fn: Callable[[], object], runs: int, backend: int | None = None) -> float:
    """CPU time one call costs, client and database server together (mean over ``runs``): unlike the
    wall clock it hardly depends on what else the machine is doing."""
    tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
    c0, b0 = time.process_time(), _ticks(backend) if backend else 0
    for _ in range(runs):
        fn()
    client = (time.process_time() - c0) * 1000
    server = ((_ticks(backend) - b0) * tick_ms) if backend else 0.0
    return (client + server) / runs


def case_rows(case_id: str, title: str, owner: str, at: str) -> tuple[list, list, list]:
    """Rows for cases, records and changes of one copy of the Jonas sample."""
    records = []
    for kind, rid, d in _sample_records():
        if kind == "case":
            d, rid = {**d, "id": case_id, "title": title}, case_id
        records.append((case_id, kind, rid, dump(d)))
    info = next(r for r in records if r[1] == "case")
    changes = [(case_id, uuid.uuid4().hex, at, "", "edit.import", "case", case_id, None, info[3], None, owner, 0)]
    return [(case_id, at, at, owner)], records, changes


def seed_postgres(conn, consultants: int, per: int) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Bulk-load the cases with COPY as the admin (the store's own add_case is measured elsewhere)."""
    owned: dict[str, list[str]] = {}
    with conn.cursor() as cur:
        for k in range(consultants):
            user = f"c{k:02d}"
            owned[user] = []
            rows_c, rows_r, rows_ch = [], [], []
            for n in range(per):
                cid = f"c-{user}-{n:03d}"
                at = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00.000+00:00"
                c, r, ch = case_rows(cid, f"Familie {user.upper()} {n:03d}", user, at)
                rows_c += c
                rows_r += r
                rows_ch += ch
                owned[user].append(cid)
            with cur.copy("COPY cases (id, created, updated, owner) FROM STDIN") as cp:
                for row in rows_c:
                    cp.write_row(row)
            with cur.copy("COPY records (case_id, kind, id, data) FROM STDIN") as cp:
                for row in rows_r:
                    cp.write_row(row)
            cols = "case_id, grp, at, session, label, kind, rid, before, after, undoes, who, erased"
            with cur.copy(f"COPY changes ({cols}) FROM STDIN") as cp:
                for row in rows_ch:
                    cp.write_row(row)
    # Each consultant's tandem colleague shares three cases with them.
    for k in range(consultants):
        user, colleague = f"c{k:02d}", f"c{(k + 1) % consultants:02d}"
        for cid in owned[colleague][:3]:
            conn.execute("INSERT INTO shares (case_id, member) VALUES (%s, %s)", (cid, user))
    conn.execute("ANALYZE")
    return owned


def bench_postgres(args: argparse.Namespace) -> None:
    from facilitation.store.postgres import PostgresStore
    from tests import pgserver

    cluster = pgserver.start()
    try:
        db = cluster.database()
        import psycopg

        if args.part == "writers":
            bench_writers(cluster, db, args)
            return
        users = [f"c{k:02d}" for k in range(args.consultants)]
        for u in users:
            cluster.role(u)
        t0 = time.perf_counter()
        with psycopg.connect(cluster.url(pgserver.ADMIN, db), autocommit=True) as conn:
            owned = seed_postgres(conn, args.consultants, args.cases)
            total = conn.execute("SELECT count(*) FROM records").fetchone()[0]
        print(
            f"PostgreSQL: {args.consultants} consultants x {args.cases} cases = {args.consultants * args.cases} cases,"
            f" {total} records (seeded in {time.perf_counter() - t0:.0f} s)"
        )
        picks = random.Random(1).sample(users, min(10, len(users)))
        list_ms: list[float] = []
        open_ms: list[float] = []
        list_cpu: list[float] = []
        open_cpu: list[float] = []
        for u in picks:
            store = PostgresStore(cluster.url(u, db))
            backend = int(store._conn().execute("SELECT pg_backend_pid()").fetchone()[0])
            assert len(store.list_cases()) == args.cases + 3
            list_ms += timed(store.list_cases, 5)
            list_cpu.append(cpu_ms(store.list_cases, 10, backend))
            session = Session(store)
            ids = random.Random(u).sample(owned[u], 5)
            open_ms += [timed(lambda cid=cid, s=session: s.open_case(cid), 1)[0] for cid in ids]  # type: ignore[misc]
            open_cpu.append(cpu_ms(lambda s=session, i=ids: [s.open_case(c) for c in i], 2, backend) / len(ids))  # type: ignore[misc]
            store.close()
        report("list a consultant's cases (RLS on)", list_ms, 100)
        report("open a case (load, last change, audit note)", open_ms, 200)
        print(
            f"  CPU per listing {statistics.mean(list_cpu):.1f} ms, per opening {statistics.mean(open_cpu):.1f} ms"
            f" (client + server; load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
        if args.writers and args.part == "all":
            bench_writers(cluster, db, args)
    finally:
        cluster.stop()


def _writer(url: str, case_id: str, people: list[str], edits: int, tag: str, out: str) -> None:
    """One consultant's dashboard: edits through the session, which syncs with the others now and then
    (the dashboard polls every second); an edit that meets another's first is reported as a conflict,
    the session reloads, and the consultant makes it again."""
    from facilitation.store.postgres import PostgresStore

    session = Session(PostgresStore(url), session_id=tag)
    session.open_case(case_id)
    conflict_text = session.t("shell.conflict")
    rnd = random.Random(tag)
    stored, conflicts, attempts = [], 0, 0
    for i in range(edits):
        pid = rnd.choice(people)
        if rnd.random() < 0.5:
            session.sync()
        while True:
            attempts += 1
            if session.do(lambda case, pid=pid, i=i: ops.update(case, "person", pid, notes=f"{tag} {i}")):
                stored.append(session._undo[-1])
                break
            assert session.status == (conflict_text, "error"), session.status
            conflicts += 1
    Path(out).write_text(json.dumps({"stored": stored, "conflicts": conflicts, "attempts": attempts}))


def bench_writers(cluster, db: str, args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    from facilitation.store.postgres import PostgresStore
    from tests import pgserver

    writers = [f"w{k:02d}" for k in range(args.writers)]
    for w in writers:
        cluster.role(w)
    admin = PostgresStore(cluster.url(pgserver.ADMIN, db))
    for w in writers:
        admin.add_member("@bench", w)
    owner = PostgresStore(cluster.url(writers[0], db))
    case = ops.new_case("Familie Bench", "2026-10-01", [("Kind", 9)])
    case_id = owner.add_case(case)
    for name in ("Rita", "Marc", "Sara", "Lieke", "Ilse", "Tom", "Els", "Jan"):
        edit, _ = ops.add_person(owner.load(case_id), name)
        owner.apply(case_id, edit)
    owner.share(case_id, "@bench")
    people = [p.id for p in owner.load(case_id).people.values() if not p.is_child]
    ctx = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as tmp:
        outs = [str(Path(tmp) / f"{w}.json") for w in writers]
        procs = [
            ctx.Process(target=_writer, args=(cluster.url(w, db), case_id, people, args.edits, w, o))
            for w, o in zip(writers, outs, strict=True)
        ]
        t0 = time.perf_counter()
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        took = time.perf_counter() - t0
        results = [json.loads(Path(o).read_text()) for o in outs]
    stored = {g for r in results for g in r["stored"]}
    conflicts = sum(r["conflicts"] for r in results)
    attempts = sum(r["attempts"] for r in results)
    log = owner.changes_since(case_id, 0)
    logged = {c.group for c in log}
    lost = len(stored - logged)
    broken = 0
    last: dict[str, object] = {}
    for c in log:
        if c.kind == "person" and c.id in people:
            if c.id in last and c.before != last[c.id]:
                broken += 1
            last[c.id] = c.after
    final = owner.load(case_id)
    print(
        f"PostgreSQL: {len(writers)} concurrent writers x {args.edits} edits on {len(people)} shared people"
        f" in {took:.0f} s ({len(stored) / took:.0f} edits/s)"
    )
    print(f"  edits stored {len(stored)} of {len(writers) * args.edits}; lost {lost}; log chain breaks {broken}")
    print(f"  conflicts reported {conflicts} (= attempts {attempts} - stored {len(stored)}: {attempts - len(stored)})")
    print(
        f"  last stored note of each person matches the case: {all(final.people[p].notes == last[p]['notes'] for p in people)}"
    )  # type: ignore[index]


def bench_sqlite(args: argparse.Namespace) -> None:
    from facilitation.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite3")
        conn = store._conn()
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        ids = []
        for n in range(args.sqlite_cases):
            cid = f"c-{n:03d}"
            at = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00.000+00:00"
            c, r, ch = case_rows(cid, f"Familie {n:03d}", store.user, at)
            conn.executemany("INSERT INTO cases (id, created, updated, owner) VALUES (?,?,?,?)", c)
            conn.executemany("INSERT INTO records VALUES (?,?,?,?)", r)
            conn.executemany(
                "INSERT INTO changes (case_id, grp, at, session, label, kind, rid, before, after, undoes, who, erased)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                ch,
            )
            ids.append(cid)
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        print(f"SQLite: {args.sqlite_cases} cases of one consultant (seeded in {time.perf_counter() - t0:.0f} s)")
        assert len(store.list_cases()) == args.sqlite_cases
        report("list the cases", timed(store.list_cases, 20), 100)
        print(f"  CPU per listing {cpu_ms(store.list_cases, 20):.1f} ms (load average {os.getloadavg()[0]:.1f})")
        session = Session(Store(store.path))
        picks = random.Random(2).sample(ids, 20)
        report(
            "open a case (load, last change, audit note)",
            [timed(lambda c=c: session.open_case(c), 1)[0] for c in picks],
            200,
        )  # type: ignore[misc]


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the test server on the way out
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="10 consultants x 50 cases, 5 writers x 100 edits")
    p.add_argument("--consultants", type=int, default=50)
    p.add_argument("--cases", type=int, default=200)
    p.add_argument("--writers", type=int, default=20)
    p.add_argument("--edits", type=int, default=1000)
    p.add_argument("--sqlite-cases", type=int, default=500)
    p.add_argument("--part", choices=("all", "sqlite", "listing", "writers"), default="all")
    args = p.parse_args()
    if args.quick:
        args.consultants, args.cases, args.writers, args.edits, args.sqlite_cases = 10, 50, 5, 100, 100
    if args.part in ("all", "sqlite"):
        bench_sqlite(args)
    if args.part in ("all", "listing", "writers"):
        bench_postgres(args)


if __name__ == "__main__":
    main()
