"""Safe files (issue 15): exports never replace a file unless asked, never write through a link, are 0600 and
say clearly when they cannot be written; imports read regular files only, within limits, plain numbers only."""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from facilitation.cli import main
from facilitation.domain import ops
from facilitation.domain.case import Case
from facilitation.domain.errors import ValidationError
from facilitation.export import CannotWrite, FileExists, suggested_name
from facilitation.export.common import _cannot_write, write_private
from facilitation.i18n import error_text
from facilitation.services.export import export_case
from facilitation.store import Store, casefile


@pytest.fixture
def case():
    c = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    edit, _ = ops.add_person(c, "Rita", relation="grootmoeder", phone="0470 12 34 56")
    c = c.apply(edit)
    edit, _ = ops.add_meeting(c, "network_meeting", "2026-10-15", [])
    return c.apply(edit)


@pytest.fixture
def stored(tmp_path, case):
    store = Store(tmp_path / "s.sqlite3")
    return store.add_case(case, "test")


def cli(tmp_path, *args):
    return main(["--store", str(tmp_path / "s.sqlite3"), *args])


# ---- writing ----------------------------------------------------------------------------------------


def test_an_existing_file_is_kept_unless_replacing_is_asked(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"the plan signed yesterday")
    with pytest.raises(FileExists) as err:
        write_private(path, b"new")
    assert path.read_bytes() == b"the plan signed yesterday"
    assert "bestaat al" in error_text("nl", err.value) and "--force" in error_text("nl", err.value)
    write_private(path, b"new", overwrite=True)
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(".fac-*"))  # no temporary file left behind


def test_a_new_file_is_private_even_with_an_open_umask(tmp_path):
    old = os.umask(0)
    try:
        path = write_private(tmp_path / "plan.docx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_symlink_is_never_written_through(tmp_path, overwrite):
    target = tmp_path / "elsewhere.txt"
    target.write_text("someone else's file")
    target.chmod(0o644)
    link = tmp_path / "case.json"
    link.symlink_to(target)
    with pytest.raises(CannotWrite) as err:
        write_private(link, b"{}", overwrite=overwrite)
    assert target.read_text() == "someone else's file" and stat.S_IMODE(target.stat().st_mode) == 0o644
    assert link.is_symlink()
    assert "symlink" in error_text("nl", err.value)


def test_a_dangling_symlink_is_not_followed_either(tmp_path):
    link = tmp_path / "case.json"
    link.symlink_to(tmp_path / "not-yet.json")
    with pytest.raises(CannotWrite):
        write_private(link, b"{}")
    assert not (tmp_path / "not-yet.json").exists()


def test_unwritable_places_get_a_clear_message(tmp_path):
    with pytest.raises(CannotWrite) as err:
        write_private(tmp_path / "missing" / "plan.pdf", b"x")
    assert error_text("nl", err.value) == f"de map {tmp_path / 'missing'} bestaat niet."
    with pytest.raises(CannotWrite) as err:
        write_private(Path("/proc/x.pdf"), b"x")
    assert "in /proc kan geen bestand gemaakt worden" in error_text("nl", err.value)
    # Errors the test machine cannot make (a read-only disk, a full one) read as well:
    assert error_text("nl", _cannot_write(tmp_path / "a.pdf", OSError(errno.EROFS, "ro"))).endswith("is alleen-lezen.")
    assert error_text("en", _cannot_write(tmp_path / "a.pdf", OSError(errno.ENOSPC, "full"))) == "the disk is full."
    assert "mag niet schrijven" in error_text("nl", _cannot_write(tmp_path / "a.pdf", OSError(errno.EACCES, "no")))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in a read-only folder")
def test_a_read_only_folder_gets_a_clear_message(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(CannotWrite) as err:
            write_private(ro / "plan.pdf", b"x")
        assert "mag niet schrijven" in error_text("nl", err.value)
    finally:
        ro.chmod(0o700)


def test_each_format_has_its_own_default_name(tmp_path, case):
    names = {fmt: suggested_name(case, fmt) for fmt in ("docx", "pdf", "md", "json", "csv", "child")}
    assert len(set(names.values())) == len(names)
    plan = export_case(case, "docx", tmp_path, overwrite=False)
    child = export_case(case, "child", tmp_path, overwrite=False)
    assert plan[0].name == names["docx"] and plan[0] not in child
    assert {p.suffix for p in child} == {".docx", ".pdf"}


def test_export_checks_every_file_before_writing_any(tmp_path, case):
    stem = tmp_path / "verslag"
    (tmp_path / "verslag.pdf").write_bytes(b"old pdf")
    with pytest.raises(FileExists):
        export_case(case, "child", stem, overwrite=False)
    assert not (tmp_path / "verslag.docx").exists()  # not half a pair


def test_a_missing_folder_is_said_before_the_documents_are_made(tmp_path, case, monkeypatch):
    """The consultant hears at once that the folder is not there, not after the documents were rendered."""
    from facilitation import export as exp

    made: list[str] = []
    render = exp.render_bytes
    monkeypatch.setattr(exp, "render_bytes", lambda case, fmt, *a, **k: made.append(fmt) or render(case, fmt, *a, **k))
    with pytest.raises(CannotWrite) as err:
        export_case(case, "pdf", tmp_path / "missing" / "plan.pdf", overwrite=False)
    assert err.value.code == "folder_missing" and made == []
    assert error_text("nl", err.value) == f"de map {tmp_path / 'missing'} bestaat niet."
    assert not (tmp_path / "missing").exists()


# ---- the command line -------------------------------------------------------------------------------


def test_cli_export_does_not_replace_unless_forced(tmp_path, stored, capsys):
    out = tmp_path / "plan.docx"
    assert cli(tmp_path, "export", stored, "--format", "docx", "--out", str(out)) == 0
    first = out.read_bytes()
    # Today's bug: --format child with the plan's --out replaced the plan.
    assert cli(tmp_path, "export", stored, "--format", "child", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "bestaat al" in err and "Traceback" not in err
    assert out.read_bytes() == first
    assert cli(tmp_path, "export", stored, "--format", "docx", "--out", str(out), "--force") == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_cli_export_without_out_writes_to_the_exports_folder_under_the_formats_name(tmp_path, stored, case, capsys):
    assert cli(tmp_path, "export", stored, "--format", "json") == 0
    assert cli(tmp_path, "export", stored, "--format", "pdf") == 0
    exports = tmp_path / "exports"  # beside the store, readable by the user only
    assert (exports / suggested_name(case, "json")).exists() and (exports / suggested_name(case, "pdf")).exists()
    assert stat.S_IMODE(exports.stat().st_mode) == 0o700
    assert cli(tmp_path, "export", stored, "--format", "json") == 2  # again: the file is there, kept
    assert "bestaat al" in capsys.readouterr().err


def test_cli_json_export_does_not_follow_a_symlink(tmp_path, stored, capsys):
    target = tmp_path / "target.txt"
    target.write_text("keep me")
    target.chmod(0o644)
    link = tmp_path / "case.json"
    link.symlink_to(target)
    for extra in ([], ["--force"]):
        assert cli(tmp_path, "export", stored, "--format", "json", "--out", str(link), *extra) == 2
    assert target.read_text() == "keep me" and stat.S_IMODE(target.stat().st_mode) == 0o644
    assert "symlink" in capsys.readouterr().err


@pytest.mark.parametrize("out", ["/proc/x.pdf", "{tmp}/missing/x.pdf", "/sys/x.pdf"])
def test_cli_unwritable_out_is_a_message_not_a_traceback(tmp_path, stored, out, capsys):
    assert cli(tmp_path, "export", stored, "--format", "pdf", "--out", out.format(tmp=tmp_path)) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: ") and "Traceback" not in err and len(err.splitlines()) == 1


# ---- reading ----------------------------------------------------------------------------------------


def read_within(path: Path, seconds: float = 5.0) -> BaseException | None:
    """casefile.read in a thread: the error it raised, or a failure if it did not end in time."""
    result: list[BaseException | None] = []

    def go() -> None:
        try:
            casefile.read(path)
            result.append(None)
        except BaseException as e:  # handed to the test
            result.append(e)

    t = threading.Thread(target=go, daemon=True)
    t.start()
    t.join(seconds)
    if t.is_alive():
        if stat.S_ISFIFO(os.stat(path).st_mode):  # let the stuck reader go
            with open(path, "wb"):
                pass
        pytest.fail(f"reading {path} did not end within {seconds} s")
    return result[0]


def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "case.json"
    os.mkfifo(fifo)
    t0 = time.monotonic()
    err = read_within(fifo)
    assert isinstance(err, ValidationError) and err.code == "not_regular_file"
    assert time.monotonic() - t0 < 2
    assert "geen gewoon bestand" in error_text("nl", err)


def test_a_device_is_refused_at_once():
    err = read_within(Path("/dev/zero"))
    assert isinstance(err, ValidationError) and err.code == "not_regular_file"


def test_the_size_limit_holds_while_reading(tmp_path, monkeypatch):
    """A file that claims to be small (as /proc files do) but keeps giving bytes is refused once the limit is
    read, not after reading all of it into memory."""
    import tracemalloc

    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(64 * 1024 * 1024)  # 64 MB of zeros, sparse on disk
    monkeypatch.setattr(casefile, "MAX_FILE_BYTES", 1024)
    real_stat, real_fstat = os.stat, os.fstat

    def zero(st: os.stat_result) -> os.stat_result:
        return os.stat_result((*st[:6], 0, *st[7:]))

    monkeypatch.setattr(os, "stat", lambda *a, **k: zero(real_stat(*a, **k)))
    monkeypatch.setattr(os, "fstat", lambda fd: zero(real_fstat(fd)))
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as err:
            casefile.read(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.value.code == "file_too_big"
    assert peak < 8 * 1024 * 1024, f"{peak / 1e6:.0f} MB held while reading"


def good_dict() -> dict:
    case = ops.new_case("Familie Maes", "2026-10-01", [("Jonas", 17)])
    return json.loads(casefile.dumps(case))


@pytest.mark.parametrize(
    "value, code",
    [
        ("1" * 5001, "number_too_long"),
        ("NaN", "not_finite"),
        ("Infinity", "not_finite"),
        ("-Infinity", "not_finite"),
        ("1e999", "not_finite"),
    ],
)
def test_odd_numbers_are_refused_with_a_message(value, code):
    data = good_dict()
    text = json.dumps(data).replace('"closeness": 1', f'"closeness": {value}', 1)
    assert value in text
    with pytest.raises(ValidationError) as err:
        casefile.parse_bytes(text.encode())
    assert err.value.code == code
    message = error_text("nl", err.value)
    assert "het bestand bevat" in message


def test_a_case_beyond_the_limits_is_refused(monkeypatch):
    data = good_dict()
    person = data["people"][0]
    data["people"] = [dict(person, id=f"p-{i}") for i in range(casefile.LIMITS["people"] + 1)]
    with pytest.raises(ValidationError) as err:
        casefile.parse_bytes(json.dumps(data).encode())
    assert err.value.code == "too_many"
    assert error_text("nl", err.value) == "people: te veel: 2001; een dossier heeft er hoogstens 2000."
    data = good_dict()
    data["case"]["summary"] = "x" * 9_000
    monkeypatch.setattr(casefile, "MAX_TEXT_TOTAL", 5_000)
    with pytest.raises(ValidationError) as err:
        casefile.parse_bytes(json.dumps(data).encode())
    assert err.value.code == "too_much_text"


def test_limits_are_documented():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "case-file.md").read_text(encoding="utf-8")
    for section, most in casefile.LIMITS.items():
        assert f"| `{section}` | {most:,} |" in doc, section
    assert f"{casefile.MAX_TEXT_TOTAL:,}" in doc


def test_infinity_in_a_store_is_exported_as_valid_json(case):
    """Stored before Infinity was refused (it came in through a case file): the export is still JSON."""
    edit, iid = ops.add_item(case, "Mama en Jonas vochten", element="harm")
    case = case.apply(edit)
    pid = next(iter(case.people))
    person = dataclasses.replace(case.people[pid], x=float("inf"), y=float("nan"))
    item = dataclasses.replace(case.items[iid], position=float("-inf"))
    others = [r for kind, recs in case.records.items() for r in recs.values() if r.id not in (pid, iid)]
    odd = Case.from_records([*others, person, item])
    text = casefile.dumps(odd)
    data = json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in the export"))
    assert next(p for p in data["people"] if p["id"] == pid)["x"] is None
    assert next(p for p in data["people"] if p["id"] == pid)["y"] is None
    assert next(i for i in data["items"] if i["id"] == iid)["position"] < -1e300
    casefile.parse_bytes(text.encode())  # and it reads back in


def test_cli_import_of_a_fifo_and_a_huge_number_says_why(tmp_path, capsys):
    fifo = tmp_path / "case.json"
    os.mkfifo(fifo)
    # In a process of its own: a reader waiting for the pipe's writer would hang the test run.
    done = subprocess.run(
        [sys.executable, "-m", "facilitation", "--store", str(tmp_path / "s.sqlite3"), "import", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "geen gewoon bestand" in done.stderr
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(good_dict()).replace('"closeness": 1', '"closeness": ' + "9" * 5001, 1))
    assert cli(tmp_path, "validate", str(bad)) == 2
    err = capsys.readouterr().err
    assert "5001 cijfers" in err and "Traceback" not in err
