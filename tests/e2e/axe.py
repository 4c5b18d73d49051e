"""axe-core in the browser tests: injected from the build area (installed by ``scripts/setup --test``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

AXE = Path(__file__).resolve().parents[2] / "build" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
SEVERE = ("serious", "critical")


def axe_violations(page, context: str | None = None) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Serious and critical violations on the page as it is now (WCAG 2.1 A and AA rules, best practice)."""
    if not AXE.exists():
        pytest.fail(f"axe-core not found at {AXE}: run the README's test command (bash scripts/test)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async (context) => {
          const r = await axe.run(context ? document.querySelector(context) : document,
            { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
          return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html.slice(0, 160), summary: (n.failureSummary || '').slice(0, 300) })) }));
        }""",
        context,
    )
    return [v for v in found if v["impact"] in SEVERE]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['impact']} {v['id']}: {v['help']}")
        for n in v["nodes"][:6]:
            lines.append(f"    {n['target']} :: {n['html']} :: {n['summary']}")
    return "\n".join(lines)
