"""The wheel a consultant installs carries every file the tool reads at run time.

The sdist and the wheel are built the way a release is (``python -m build``: the sdist, then the wheel from
the sdist), from a clean copy of the source tree (a stale ``*.egg-info`` would otherwise smuggle files in),
without network (``--no-isolation``: the test environment has the build backend).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from facilitation import fonts, samples, serve
from facilitation.ui import esm, style

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "facilitation"
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", ".*_cache", ".hypothesis", "tests", "docs"
)


def build_dist(out: Path) -> tuple[Path, Path]:
    """Build the sdist and the wheel from a clean copy of the repository; returns (wheel, sdist)."""
    src = out / "src"
    shutil.copytree(ROOT, src, ignore=NOT_SOURCE)
    dist = out / "dist"
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,) = dist.glob("facilitation-*.whl")
    (sdist,) = dist.glob("facilitation-*.tar.gz")
    return wheel, sdist


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    return build_dist(tmp_path_factory.mktemp("dist"))[0]


def runtime_files() -> set[str]:
    """What the installed package must hold, as paths inside the wheel."""
    need = set()
    # Every file of the package folder: modules, i18n, widget modules, stylesheets, fonts, licences...
    for p in PACKAGE.rglob("*"):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
            need.add(p.relative_to(ROOT).as_posix())
    # The sample cases (training's fictional cases among them) live outside the package folder.
    need |= {f"facilitation/sample_cases/{n}.json" for n in samples.sample_names()}
    # And, named by what reads them: so that a file moved out of the package folder is still missed.
    need |= {f"facilitation/ui/js/{n}.js" for n in esm.names()}
    need |= {p.relative_to(ROOT).as_posix() for p in style.css_files()}
    need |= {f"facilitation/fonts/{f.files[0]}" for f in fonts.ROLES.values()}
    need |= {f"facilitation/fonts/{name}" for name in fonts.LICENCES}
    return need


def test_the_wheel_carries_every_file_the_tool_reads(wheel):
    with zipfile.ZipFile(wheel) as whl:
        names = set(whl.namelist())
    need = runtime_files()
    assert {"facilitation/sample_cases/jonas-17.json", "facilitation/fonts/NotoEmoji-Regular.ttf"} <= need
    assert any(n.startswith("facilitation/i18n/") for n in need)
    assert sorted(need - names) == []
    # Nothing of the repository that is not the tool: no tests, no caches.
    assert not [n for n in names if n.startswith("tests/") or "__pycache__" in n]
    # Reasonably small: the fonts are most of it (see facilitation/fonts/README.md).
    assert wheel.stat().st_size < 6_000_000


def test_the_sdist_carries_the_sample_cases(tmp_path):
    import tarfile

    _, sdist = build_dist(tmp_path)
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
    for name in samples.sample_names():
        assert any(n.endswith(f"/sample_cases/{name}.json") for n in names)
    assert any(n.endswith("/setup.py") for n in names)


PROBE = """
import json, sys, tempfile
from pathlib import Path
import facilitation
from facilitation import fonts, samples, serve
from facilitation.i18n import catalog
from facilitation.ui import esm, style
runtime = Path(tempfile.mkdtemp())
print(json.dumps({
    "package": facilitation.__file__,
    "samples": samples.sample_names(),
    "sample_dir": str(samples.sample_dir()),
    "fonts": {role: str(fonts.path(role)) for role in fonts.ROLES},
    "modules": esm.names(),
    "sheets": len(style.css_files()),
    "texts": len(catalog()),
    "notebooks": [str(serve.notebook_path(d, runtime)) for d in serve.DASHBOARDS],
    "runtime": str(runtime),
}))
"""


def test_installed_from_the_wheel_the_tool_finds_its_files(wheel, tmp_path):
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as whl:
        whl.extractall(site)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACILITATION_", "PYTHON"))}
    env["PYTHONPATH"] = str(site)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    got = json.loads(done.stdout)
    assert Path(got["package"]).is_relative_to(site)
    assert got["samples"] == samples.sample_names() and Path(got["sample_dir"]).is_relative_to(site)
    assert all(Path(p).is_relative_to(site / "facilitation" / "fonts") for p in got["fonts"].values())
    assert got["modules"] == esm.names() and got["sheets"] == len(style.css_files())
    assert got["texts"] > 500
    # No repository beside it: the dashboards are written as one-cell notebooks in the runtime folder.
    for name, nb in zip(serve.DASHBOARDS, got["notebooks"], strict=True):
        assert Path(nb).is_relative_to(Path(got["runtime"]))
        assert json.loads(Path(nb).read_text(encoding="utf-8")) == json.loads(serve.notebook_json(name))
