"""Bad case files (issue 9): >= 100 generated corrupt, truncated, foreign, future-version and non-UTF-8
files. Each gets a clear message in the user's language; the store and the file are untouched."""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3

import pytest

from facilitation.cli import main
from facilitation.domain import ops
from facilitation.store import Store, casefile


def sample_text() -> str:
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    pids = []
    for name in ("Rita Maes", "Koen Peeters", "Éloïse 👩‍👧", "مريم"):
        edit, pid = ops.add_person(case, name, relation="buur")
        case = case.apply(edit)
        pids.append(pid)
    edit, mid = ops.add_meeting(case, "network_meeting", "2026-10-15", pids)
    case = case.apply(edit)
    edit, iid = ops.add_item(case, "Mama en Jonas vochten", column="worries", author=pids[0], meeting=mid)
    case = case.apply(edit)
    edit, sid = ops.add_scale(case)
    case = case.apply(edit)
    case = case.apply(ops.set_score(case, sid, mid, pids[0], 4))
    edit, _ = ops.add_agreement(case, "Oma belt elke avond", owner=pids[0], links=[iid])
    case = case.apply(edit)
    return casefile.dumps(case)


GOOD = sample_text()


def corruptions() -> list[tuple[str, bytes]]:
    rng = random.Random(20261123)
    raw = GOOD.encode("utf-8")
    out: list[tuple[str, bytes]] = []
    # Truncated at 40 places.
    for _ in range(40):
        cut = rng.randrange(1, len(raw) - 1)
        out.append((f"truncated-{cut}", raw[:cut]))
    # 20 random byte flips that break the JSON or the text.
    for i in range(20):
        b = bytearray(raw)
        for _ in range(3):
            b[rng.randrange(len(b))] = rng.choice(b'{}[]",:\xff\xfe\x00')
        out.append((f"flipped-{i}", bytes(b)))
    # Foreign JSON and empty structures.
    foreign = [
        {},
        [],
        None,
        42,
        "text",
        {"nodes": [], "edges": []},
        {"format": "other-tool", "schema_version": 1},
        {"cells": [], "nbformat": 4},
        {"format": "facilitation-case"},
        {"format": "facilitation-case", "schema_version": 1},
    ]
    for i, obj in enumerate(foreign):
        out.append((f"foreign-{i}", json.dumps(obj).encode()))
    # Future and odd versions.
    for v in (3, 4, 99, 0, -1, "1", 1.5, None, True):
        d = json.loads(GOOD)
        d["schema_version"] = v
        out.append((f"version-{v}", json.dumps(d).encode()))
    # Not UTF-8.
    for enc in ("utf-16", "utf-32", "latin-1", "cp1252"):
        try:
            out.append((f"encoding-{enc}", GOOD.replace("Familie", "Famille é").encode(enc)))
        except UnicodeEncodeError:
            out.append((f"encoding-{enc}", GOOD.encode("utf-8", "ignore").replace(b"Jonas", b"J\xe9r\xf4me")))

    # Wrong types and references in valid JSON.
    def bad(path, value):
        d = json.loads(GOOD)
        target = d
        for k in path[:-1]:
            target = target[k]
        target[path[-1]] = value
        return json.dumps(d).encode()

    specs = [
        (("people", 0, "name"), ""),
        (("people", 0, "name"), None),
        (("people", 0, "name"), 5),
        (("people", 0, "name"), "x" * 201),
        (("people", 0, "closeness"), 0),
        (("people", 0, "closeness"), "1"),
        (("people", 0, "sector"), "aliens"),
        (("people", 0, "is_child"), "yes"),
        (("people", 0, "age"), 500),
        (("scores", 0, "value"), 11),
        (("scores", 0, "value"), -1),
        (("scores", 0, "value"), 7.5),
        (("scores", 0, "value"), "7"),
        (("scores", 0, "person"), "p-ghost"),
        (("scores", 0, "id"), "x"),
        (("items", 0, "element"), "worry"),
        (("items", 0, "text"), "   "),
        (("items", 0, "author"), "p-ghost"),
        (("items", 0, "text"), "a" * 10001),
        (("meetings", 0, "date"), "gisteren"),
        (("meetings", 0, "present"), "all"),
        (("agreements", 0, "links"), ["i-ghost"]),
        (("agreements", 0, "owner"), "p-ghost"),
        (("case", "title"), ""),
        (("case", "start_date"), "2026-13-40"),
        (("ties",), "none"),
        (("people",), [1, 2, 3]),
        (("items", 0, "text"), "bad\x00null"),
    ]
    for i, (path, value) in enumerate(specs):
        out.append((f"field-{i}", bad(path, value)))
    d = json.loads(GOOD)
    d["people"].append(dict(d["people"][0]))
    out.append(("duplicate-id", json.dumps(d).encode()))
    out.append(("empty-file", b""))
    out.append(("whitespace", b" \n\t "))
    out.append(("deep-nesting", b"[" * 50000 + b"]" * 50000))
    out.append(("bom-then-garbage", b"\xef\xbb\xbf{garbage"))
    return out


CORRUPT = corruptions()


def test_there_are_at_least_100():
    assert len(CORRUPT) >= 100


def store_digest(path) -> str:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT case_id, kind, id, data FROM records ORDER BY 1, 2, 3").fetchall()
    log = conn.execute("SELECT COUNT(*) FROM changes").fetchone()
    conn.close()
    return hashlib.sha256(repr((rows, log)).encode()).hexdigest()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("bad") / "s.sqlite3"
    good = path.parent / "good.json"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["--store", str(path), "import", str(good)]) == 0
    return path


@pytest.mark.parametrize("name,raw", CORRUPT, ids=[n for n, _ in CORRUPT])
def test_bad_file_is_refused_clearly_and_changes_nothing(name, raw, store_path, tmp_path, capsys):
    f = tmp_path / f"{name}.json"
    f.write_bytes(raw)
    before = store_digest(store_path)
    for lang, word in (("nl", "Fout:"), ("en", "Error:")):
        assert main(["--store", str(store_path), "--lang", lang, "import", str(f)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(word) and "Traceback" not in err and "error." not in err
        assert main(["--store", str(store_path), "--lang", lang, "validate", str(f)]) == 2
        capsys.readouterr()
    assert store_digest(store_path) == before
    assert f.read_bytes() == raw
    assert len(Store(store_path).list_cases()) == 1
