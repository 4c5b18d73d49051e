"""The command line: list, import, validate, export; bad input -> clear message, exit code 2, store untouched."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from facilitation.cli import main
from facilitation.domain import ops
from facilitation.store import Store, casefile


@pytest.fixture
def case_file(tmp_path):
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    edit, _ = ops.add_person(case, "Rita", relation="grootmoeder")
    case = case.apply(edit)
    path = tmp_path / "maes.json"
    path.write_text(casefile.dumps(case), encoding="utf-8")
    return path


def run(tmp_path, *args):
    return main(["--store", str(tmp_path / "s.sqlite3"), *args])


def test_import_list_export_round_trip(tmp_path, case_file, capsys):
    assert run(tmp_path, "import", str(case_file)) == 0
    assert "Familie Maes" in capsys.readouterr().out
    assert run(tmp_path, "list") == 0
    line = capsys.readouterr().out.strip()
    case_id = line.split("\t")[0]
    out = tmp_path / "out.json"
    assert run(tmp_path, "export", case_id, "--format", "json", "--out", str(out)) == 0
    assert casefile.to_json_dict(casefile.read(out)) == casefile.to_json_dict(casefile.read(case_file))
    assert out.stat().st_mode & 0o077 == 0


def test_import_twice_makes_a_copy(tmp_path, case_file):
    assert run(tmp_path, "import", str(case_file)) == 0
    assert run(tmp_path, "import", str(case_file)) == 0
    assert len(Store(tmp_path / "s.sqlite3").list_cases()) == 2


def test_validate_good_and_bad(tmp_path, case_file, capsys):
    assert run(tmp_path, "validate", str(case_file)) == 0
    assert "geldig" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    data = json.loads(case_file.read_text())
    data["people"][0]["closeness"] = 11
    bad.write_text(json.dumps(data))
    assert run(tmp_path, "--lang", "en", "validate", str(bad)) == 2
    err = capsys.readouterr().err
    assert "people[0].closeness" in err and "not between 1 and 3" in err


@pytest.mark.parametrize(
    "content", [b"", b"{", b"\xff\xfe", b'{"format": "facilitation-case", "schema_version": 2, "case": {}}']
)
def test_bad_file_changes_nothing(tmp_path, case_file, content, capsys):
    assert run(tmp_path, "import", str(case_file)) == 0
    store_path = tmp_path / "s.sqlite3"
    before = [c.id for c in Store(store_path).list_cases()]
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert run(tmp_path, "import", str(bad)) == 2
    assert "Fout:" in capsys.readouterr().err
    assert [c.id for c in Store(store_path).list_cases()] == before
    assert bad.read_bytes() == content


def test_unknown_case_is_a_clear_error(tmp_path, capsys):
    assert run(tmp_path, "export", "nobody", "--out", str(tmp_path / "x.json")) == 2
    assert "nobody" in capsys.readouterr().err


def test_console_script_and_module_entry(tmp_path, case_file):
    env_store = str(tmp_path / "m.sqlite3")
    r = subprocess.run(
        [sys.executable, "-m", "facilitation", "--store", env_store, "validate", str(case_file)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0 and "Familie Maes" in r.stdout
    r = subprocess.run(
        [sys.executable, "-m", "facilitation", "--store", env_store, "import", str(tmp_path / "missing.json")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and "missing.json" in r.stderr


def test_serve_on_an_empty_store_imports_nothing_unasked(tmp_path, monkeypatch):
    """The dashboard's welcome offers the sample cases; the command no longer imports one by itself."""
    from facilitation import serve

    started = []
    monkeypatch.setattr(serve, "run", lambda store, case_id, *rest, **kw: started.append(case_id) or 0)
    assert run(tmp_path, "serve", "--port", "8899") == 0
    assert started == [None]
    assert Store(tmp_path / "s.sqlite3").list_cases() == []
    assert run(tmp_path, "serve", "jonas-17") == 0
    assert started[-1] is not None and len(Store(tmp_path / "s.sqlite3").list_cases()) == 1


def test_export_without_out_writes_to_the_private_exports_folder(tmp_path, capsys):
    assert run(tmp_path, "export", "jonas-17", "--format", "md") == 0
    written = Path(capsys.readouterr().out.split(": ", 1)[1].strip())
    assert written.parent == tmp_path / "exports" and written.suffix == ".md"
    assert "Jonas" in written.read_text(encoding="utf-8")
    assert (tmp_path / "exports").stat().st_mode & 0o077 == 0 and written.stat().st_mode & 0o077 == 0


def test_list_says_dates_the_flemish_way_and_counts_in_words(tmp_path, case_file, capsys):
    """ "start 01/10/2026", not ISO; "1 overleg", not "1 overleggen"; in English too."""
    case = casefile.read(case_file)
    case = case.apply(ops.add_meeting(case, "network_meeting", "2026-10-15")[0])
    assert len(case.meetings) == 1 and len(case.people) == 2
    case_file.write_text(casefile.dumps(case), encoding="utf-8")
    assert run(tmp_path, "import", str(case_file)) == 0
    capsys.readouterr()
    assert run(tmp_path, "list") == 0
    line = capsys.readouterr().out.strip()
    assert line.split("\t")[2:] == ["start 01/10/2026", "2 personen", "1 overleg"]
    assert run(tmp_path, "--lang", "en", "list") == 0
    assert capsys.readouterr().out.strip().split("\t")[2:] == ["start 01/10/2026", "2 people", "1 meeting"]
    assert run(tmp_path, "validate", str(case_file)) == 0
    assert "2 personen" in capsys.readouterr().out
