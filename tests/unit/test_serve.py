"""Serving: our Voilà template fetches nothing from other hosts; the command binds to loopback."""

from __future__ import annotations

import re
from pathlib import Path

from facilitation import serve


def test_template_has_no_external_urls_and_ships_plotly(tmp_path):
    root = serve.prepare_template(tmp_path)
    tpl = root / "voila" / "templates" / serve.TEMPLATE
    text = (tpl / "index.html.j2").read_text(encoding="utf-8")
    assert not re.search(r"""(href|src)\s*=\s*["']https?://""", text)
    assert "pagehide" in text and "fac-ready" in text
    assert (tpl / "static" / "plotly.min.js").stat().st_size > 1_000_000


def test_command_is_loopback_stripped_and_culls():
    cmd = serve.voila_command(Path("meeting.ipynb"), 8866)
    assert "--Voila.ip=127.0.0.1" in cmd and "--strip_sources=True" in cmd
    assert any(c.startswith("--MappingKernelManager.cull_idle_timeout=") for c in cmd)
    assert serve.is_loopback("127.0.0.1") and serve.is_loopback("::1") and not serve.is_loopback("0.0.0.0")


def test_dashboards_are_one_cell_notebooks():
    import json

    for name in serve.DASHBOARDS:
        nb = json.loads(serve.notebook_json(name))
        assert [c["cell_type"] for c in nb["cells"]] == ["code"]
        repo = Path(__file__).resolve().parents[2] / "dashboards" / f"{name}.ipynb"
        assert json.loads(repo.read_text())["cells"][0]["source"] == nb["cells"][0]["source"]
