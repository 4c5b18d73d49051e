"""Code shared by two browser modules is written once (``ui/js/plotly-loader.js``) and carried by each
module that imports it: anywidget gets modules as text or by a content-named URL, where ``'./x.js'`` does
not resolve."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from facilitation.ui import esm


def test_plotly_js_is_loaded_by_one_piece_of_code():
    """The address of plotly.js and the page's one promise are written in one file only."""
    writing = [p.name for p in esm.JS_DIR.glob("*.js") if "static/plotly.min.js" in p.read_text(encoding="utf-8")]
    assert writing == ["plotly-loader.js"]
    for name in ("plot", "page"):
        text = esm.source(name)
        assert "from './" not in text  # the browser gets the loader in the module, no import to resolve
        assert text.count("function loadPlotly()") == 1 and "export function" not in text
        assert "window.__facPlotly = new Promise" in text


@pytest.fixture
def js_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(esm, "JS_DIR", tmp_path)
    esm.source.cache_clear()
    yield tmp_path
    esm.source.cache_clear()


def test_a_changed_shared_file_changes_the_served_name_of_each_module_using_it(js_dir):
    (js_dir / "shared.js").write_text("export function one() { return 1; }\n", encoding="utf-8")
    (js_dir / "user.js").write_text("import { one } from './shared.js';\nexport default { one };\n", encoding="utf-8")
    before = esm.file_name("user")
    assert esm.source("user") == "function one() { return 1; }\nexport default { one };\n"
    (js_dir / "shared.js").write_text("export function one() { return 2; }\n", encoding="utf-8")
    esm.source.cache_clear()
    assert esm.file_name("user") != before  # a browser never keeps the old loader from its cache


def test_importing_what_a_sibling_does_not_export_is_an_error_at_once(js_dir):
    (js_dir / "shared.js").write_text("export function one() {}\n", encoding="utf-8")
    (js_dir / "user.js").write_text("import { one, two } from './shared.js';\n", encoding="utf-8")
    with pytest.raises(ValueError, match="two"):
        esm.source("user")


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on this machine")
def test_every_module_as_the_browser_gets_it_parses(tmp_path):
    for name in esm.names():
        path = tmp_path / f"{name}.mjs"
        path.write_text(esm.source(name), encoding="utf-8")
        done = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, (name, done.stderr)
