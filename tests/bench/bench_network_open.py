"""The first opening of the network map on the large case, kernel side. Prints numbers; asserts nothing.

    .venv/bin/python tests/bench/bench_network_open.py

The part is built as the shell builds it when its tab is first clicked (``opened_together``), in a kernel's
event loop; then the page tells the map's size, as ``ui/js/network-input.js`` does once the part is drawn.
Counted: the kernel's time for each step, the messages it sends to the page (and their bytes), and how
many figures it computes and sends (each one is drawn by plotly in the browser).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from comm import DummyComm
from ipykernel.kernelbase import Kernel

from facilitation.samples import large_case
from facilitation.store import Store
from facilitation.ui.network import NetworkView
from facilitation.ui.opening import opened_together
from facilitation.ui.session import Session

RUNS = 5
SIZE = [812, 443]
"""The map's size in a 1280×720 page (as the browser measures it)."""

sent: list[int] = []


def count(
    self: DummyComm, msg_type: str, data: Any = None, metadata: Any = None, buffers: Any = None, **keys: Any
) -> None:
    sent.append(len(json.dumps(data, default=str)) if data is not None else 0)


async def one(session: Session) -> dict[str, float]:
    out: dict[str, float] = {}
    sent.clear()
    t0 = time.perf_counter()
    with opened_together():
        view = NetworkView(session)
    out["build_ms"] = (time.perf_counter() - t0) * 1000
    out["build_msgs"], out["build_kib"] = len(sent), sum(sent) / 1024
    out["figures_at_build"] = view.plot.revision
    await asyncio.sleep(0.05)  # the page draws the part and measures the map
    sent.clear()
    t0 = time.perf_counter()
    view.input.size = SIZE
    out["size_ms"] = (time.perf_counter() - t0) * 1000
    out["size_msgs"], out["size_kib"] = len(sent), sum(sent) / 1024
    await asyncio.sleep(3)  # anything the part does a moment later
    out["figures"] = view.plot.revision
    return out


def main() -> None:
    DummyComm.publish_msg = count  # type: ignore[method-assign]
    Kernel.initialized = classmethod(lambda cls: True)  # type: ignore[method-assign, assignment]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite3")
        session = Session(store)
        session.add_case(large_case())
        NetworkView(session)  # warm: imports, seat tables
        for _ in range(RUNS):
            results.append(asyncio.run(one(session)))
    med = {k: statistics.median(r[k] for r in results) for k in results[0]}
    print(f"first opening of the network map, large case, median of {RUNS}:")
    print(
        f"  build the part:      {med['build_ms']:6.0f} ms, {med['build_msgs']:4.0f} messages, {med['build_kib']:6.0f} KiB"
    )
    print(
        f"  the map's size came: {med['size_ms']:6.0f} ms, {med['size_msgs']:4.0f} messages, {med['size_kib']:6.0f} KiB"
    )
    print(f"  total kernel time:   {med['build_ms'] + med['size_ms']:6.0f} ms")
    print(f"  figures sent (each drawn by plotly): {med['figures']:.0f} ({med['figures_at_build']:.0f} at build)")


if __name__ == "__main__":
    main()
