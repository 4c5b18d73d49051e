"""Kernel-side speed of the scaling questions part on the large case (80 people, 6 meetings x 20 x 4 scales).

Run: /work/venv/bin/python tests/bench/bench_scaling.py [--clicks 60]

Measures, in the kernel process, from a score button's click to the new chart's message handed to the
comm (JSON-encoded, as the kernel would put it on the websocket): the session stores the edit in SQLite,
the rows update, both figures are rebuilt and sent. Also: building the part, switching scale and name
mode, and the pure figure functions alone. Prints numbers; asserts nothing (target: click median < 150 ms).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import comm  # noqa: E402
from comm.base_comm import BaseComm  # noqa: E402


class JsonComm(BaseComm):  # type: ignore[misc]
    """A comm that does what the kernel does with each message: encode it as JSON (then drops it)."""

    sent_bytes = 0
    last_sent = 0.0

    def publish_msg(
        self, msg_type: str, data: Any = None, metadata: Any = None, buffers: Any = None, **keys: Any
    ) -> None:
        payload = json.dumps({"data": data, "metadata": metadata or {}}, default=str)
        JsonComm.sent_bytes += len(payload)
        JsonComm.last_sent = time.perf_counter()


comm.create_comm = lambda *a, **k: JsonComm(*a, **k)

from facilitation.domain.model import Score  # noqa: E402
from facilitation.figures.scaling import history_figure, line_figure  # noqa: E402
from facilitation.samples import large_case  # noqa: E402
from facilitation.store import Store  # noqa: E402
from facilitation.ui.scaling import ScalingView  # noqa: E402
from facilitation.ui.session import Session  # noqa: E402


def ms(values: list[float]) -> str:
    values = sorted(values)
    p90 = values[min(len(values) - 1, int(0.9 * len(values)))]
    return (
        f"median {statistics.median(values):7.1f} ms   p90 {p90:7.1f} ms   max {values[-1]:7.1f} ms   (n={len(values)})"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clicks", type=int, default=60)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as d:
        store = Store(Path(d) / "bench.sqlite3")
        session = Session(store)
        t0 = time.perf_counter()
        session.add_case(large_case())
        t_open = time.perf_counter() - t0
        case = session.case
        print(
            f"large case: {len(case.people)} people, {len(case.meetings)} meetings, "
            f"{len(case.scales)} scales, {len(case.scores)} scores (stored and opened in {t_open * 1000:.0f} ms)"
        )

        t0 = time.perf_counter()
        view = ScalingView(session)
        t_build = (time.perf_counter() - t0) * 1000
        print(f"build the part (rows for {len(view._row_order)} participants, both charts): {t_build:.0f} ms")

        scale_id = view.scale.id
        meeting_id = session.meeting_id
        assert meeting_id is not None and view._row_order, "the large case should open on a meeting with participants"

        # Click -> both figures sent.
        clicks: list[float] = []
        line_revs = view.line_plot.revision
        ids = view._row_order
        for i in range(args.clicks):
            pid = ids[i % len(ids)]
            current = session.case.scores.get(Score.key(scale_id, meeting_id, pid))
            value = (i * 3 + 1) % 11
            if current is not None and current.value == value:
                value = (value + 1) % 11
            t0 = time.perf_counter()
            view._rows[pid].click(value)
            clicks.append((JsonComm.last_sent - t0) * 1000)
            assert session.case.scores[Score.key(scale_id, meeting_id, pid)].value == value
        assert view.line_plot.revision == line_revs + args.clicks, "every click should send a new figure"
        print(f"score click -> new figures sent:  {ms(clicks)}")

        # Undo of a score.
        undos = []
        for _ in range(10):
            t0 = time.perf_counter()
            session.undo()
            undos.append((JsonComm.last_sent - t0) * 1000)
        print(f"undo a score -> figures sent:     {ms(undos)}")

        # Switch scale and names.
        switches = []
        scales = [v for _, v in view.scale_pick.options]
        for i in range(12):
            t0 = time.perf_counter()
            view.scale_pick.value = scales[(i + 1) % len(scales)]
            switches.append((time.perf_counter() - t0) * 1000)
        print(f"switch scale:                     {ms(switches)}")
        modes = []
        for i in range(12):
            t0 = time.perf_counter()
            view.names.value = ("initials", "roles", "names")[i % 3]
            modes.append((time.perf_counter() - t0) * 1000)
        print(f"switch names/initials/roles:      {ms(modes)}")

        # The pure parts alone.
        case = session.case
        line_t, hist_t = [], []
        for _ in range(30):
            t0 = time.perf_counter()
            line_figure(case, scale_id, meeting_id, order=ids)
            line_t.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            history_figure(case, scale_id, current=meeting_id)
            hist_t.append((time.perf_counter() - t0) * 1000)
        print(f"line_figure alone:                {ms(line_t)}")
        print(f"history_figure alone:             {ms(hist_t)}")
        size = len(json.dumps(view.line_plot.figure)) + len(json.dumps(view.history_plot.figure))
        print(f"both figures as JSON: {size / 1024:.0f} KiB; all messages sent: {JsonComm.sent_bytes / 1024:.0f} KiB")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
