"""Installed like any Python tool: the wheel in a fresh virtual environment outside the repository, used from
an empty folder, with no repository and no bash.

The wheel is built from the repository, installed with ``--no-deps`` into a new venv, and the dependencies
are lent from the test environment (a ``.pth`` line to its site-packages, and its ``share/jupyter`` where
pip would have put the widget and Voilà files), so nothing is downloaded. The tool itself, its data files
included, comes from the wheel only: the commands run in a folder of their own, and the store is where a new
user's would be (the per-user data folder, here under a temporary XDG_DATA_HOME).
"""

from __future__ import annotations

import os
import secrets
import site
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitation import samples

from ..unit.test_packaging import build_dist
from .conftest import ROOT, Server, free_port, open_dashboard, page_url, shot, text, wait_text

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the venv layout and process groups below are POSIX")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(bin folder, environment, working folder) of a fresh install of the wheel."""
    tmp = tmp_path_factory.mktemp("installed")
    wheel, _ = build_dist(tmp / "build")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The dependencies, lent from this environment (its own .pth files, the editable install among them,
    # are not read from a folder named in a .pth line: the repository never gets on the path).
    Path(purelib, "_lent_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    (venv / "share").mkdir(exist_ok=True)
    (venv / "share" / "jupyter").symlink_to(Path(sys.prefix) / "share" / "jupyter")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACILITATION_", "PYTHON", "VIRTUAL_ENV"))}
    env["XDG_DATA_HOME"] = str(tmp / "user-data")
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    work = tmp / "somewhere"
    work.mkdir()
    return venv / "bin", env, work


def facilitation(installed, *args: str) -> subprocess.CompletedProcess[str]:
    bin_dir, env, work = installed
    return subprocess.run(
        [str(bin_dir / "facilitation"), *args], cwd=work, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_installed_tool_comes_from_the_wheel(installed):
    bin_dir, env, work = installed
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import facilitation; print(facilitation.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(bin_dir.parent) and not Path(where).is_relative_to(ROOT)


def test_list_and_export_from_any_folder(installed):
    _, env, work = installed
    store = Path(env["XDG_DATA_HOME"]) / "facilitation" / "facilitation.sqlite3"
    done = facilitation(installed, "list")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Nog geen dossiers in {store}."

    done = facilitation(installed, "export", "jonas-17", "--format", "md")
    assert done.returncode == 0, done.stderr
    md = Path(done.stdout.split(": ", 1)[1].strip())
    assert md.parent == store.parent / "exports" and md.stat().st_mode & 0o077 == 0
    assert "Jonas" in md.read_text(encoding="utf-8")

    # The safety plan as PDF: the fonts come with the wheel.
    done = facilitation(installed, "export", "jonas-17", "--format", "pdf", "--out", str(work / "plan.pdf"))
    assert done.returncode == 0, done.stderr
    reader = PdfReader(work / "plan.pdf")
    fonts = {str(f["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in f for f in fonts), fonts
    assert "Jonas" in reader.pages[0].extract_text()

    listed = facilitation(installed, "list").stdout
    assert "Jonas (17)" in listed
    assert list(work.iterdir()) == [work / "plan.pdf"]  # nothing else written where the command ran


def test_serve_the_training_dashboard_with_its_fictional_cases(installed, page, watch):
    bin_dir, env, work = installed
    port = free_port()
    log = work.parent / f"serve-{port}.log"
    cmd = [str(bin_dir / "facilitation"), "serve", "--dashboard", "training", "--port", str(port)]
    token = secrets.token_urlsafe(24)  # the key the server is started with (the browser's address carries it)
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=work, env=dict(env, FACILITATION_TOKEN=token), stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}/"
    srv = Server(base, Path(env["XDG_DATA_HOME"]) / "facilitation" / "facilitation.sqlite3", proc, log, token)
    url = srv.url
    try:
        deadline = time.time() + 90
        while True:
            assert proc.poll() is None, log.read_text(errors="replace")[-3000:]
            assert time.time() < deadline, "the installed server did not answer in 90 s"
            try:
                with urllib.request.urlopen(page_url(base + "voila/static/plotly.min.js", token), timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        open_dashboard(page, url)
        source = page.locator(".fac-tr-source select")
        titles = [samples.load_sample(n).info.title for n in samples.sample_names()]
        wait_text(source, titles[0][:15], timeout=45)
        offered = text(source)
        for title in titles:
            assert title[:15] in offered
        shot(page, "installed-training")
        assert watch.external == []
    finally:
        srv.stop()
    assert "Traceback" not in log.read_text(errors="replace")
