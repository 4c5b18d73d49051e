"""Speed of the documents on the large case (80 people, 400 items, 30 agreements), per format, through the
export service: cold (a fresh process: imports, fonts, the map drawn) and warm (the same process again).

Run: .venv/bin/python tests/bench/bench_export.py [--rounds 3]
     .venv/bin/python tests/bench/bench_export.py --against /tmp/main [--pairs 5] [--rounds 5]

``--against`` measures this checkout and another one (a copy of main's ``facilitation/`` and ``sample_cases/``,
e.g. ``git archive main facilitation sample_cases | tar -x -C /tmp/main``) side by side: each pair is one fresh
process of each, the order alternating, so that the machine's noise falls on both alike. Each process times
``service.export_all(large_case(), folder, lang="nl")`` as ``run.py`` does: one cold run, then ``--rounds`` warm runs
(their median, wall and CPU). Prints every pair, the medians over the pairs and the load average.

Prints CPU and wall seconds; asserts nothing (target: all formats together <= 1.0 s warm).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def one_round(out: Path) -> dict[str, tuple[float, float]]:
    from facilitation.samples import large_case
    from facilitation.services import export as service

    case = large_case()
    times: dict[str, tuple[float, float]] = {}
    for fmt in service.FORMATS:
        w0, c0 = time.perf_counter(), time.process_time()
        service.export_case(case, fmt, out / f"{fmt}-{time.time_ns()}")
        times[fmt] = (time.process_time() - c0, time.perf_counter() - w0)
    return times


def show(label: str, times: dict[str, tuple[float, float]]) -> None:
    cpu = sum(c for c, _ in times.values())
    wall = sum(w for _, w in times.values())
    parts = "  ".join(f"{k} {c:.2f}" for k, (c, _) in times.items())
    print(f"{label:5s} all formats: cpu {cpu:5.2f} s  wall {wall:5.2f} s   ({parts})")


def export_all_times(rounds: int) -> dict[str, Any]:
    """One process's figures: the cold ``export_all`` and the median of ``rounds`` warm ones (wall and CPU)."""
    from facilitation.samples import large_case
    from facilitation.services import export as service

    case = large_case()
    with tempfile.TemporaryDirectory() as d:
        w0, c0 = time.perf_counter(), time.process_time()
        service.export_all(case, Path(d) / "cold", lang="nl")
        cold, cold_cpu = time.perf_counter() - w0, time.process_time() - c0
        wall, cpu = [], []
        for i in range(rounds):
            w0, c0 = time.perf_counter(), time.process_time()
            service.export_all(case, Path(d) / f"warm{i}", lang="nl")
            wall.append(time.perf_counter() - w0)
            cpu.append(time.process_time() - c0)
    return {
        "code": str(Path(service.__file__).parents[1]),
        "cold": cold,
        "cold_cpu": cold_cpu,
        "warm": statistics.median(wall),
        "warm_cpu": statistics.median(cpu),
    }


def _process(code: Path, rounds: int) -> dict[str, Any]:
    """``export_all_times`` in a fresh process that imports ``facilitation`` from ``code``."""
    env = dict(os.environ, PYTHONPATH=str(code))
    out = subprocess.run(
        [sys.executable, __file__, "--times", str(rounds)], env=env, check=True, capture_output=True, text=True
    ).stdout
    times: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    if Path(times["code"]) != code / "facilitation":
        raise SystemExit(f"measured {times['code']}, not {code}")
    return times


def side_by_side(other: Path, pairs: int, rounds: int) -> None:
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    runs: dict[str, list[dict[str, Any]]] = {"this": [], "other": []}
    for i in range(pairs):
        order = [("this", ROOT), ("other", other)]
        for name, code in order if i % 2 == 0 else reversed(order):
            r = _process(code, rounds)
            runs[name].append(r)
            print(
                f"pair {i + 1} {name:5s}  cold {r['cold']:.2f} s (cpu {r['cold_cpu']:.2f})  "
                f"warm {r['warm']:.2f} s (cpu {r['warm_cpu']:.2f})",
                flush=True,
            )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, label in (("other", f"other ({other})"), ("this", f"this ({ROOT})")):
        med = {k: statistics.median(r[k] for r in runs[name]) for k in ("cold", "cold_cpu", "warm", "warm_cpu")}
        print(
            f"median over {pairs} processes, {label}: cold {med['cold']:.2f} s (cpu {med['cold_cpu']:.2f}), "
            f"warm {med['warm']:.2f} s (cpu {med['warm_cpu']:.2f})"
        )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--against", type=Path, help="another checkout to measure side by side with this one")
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--times", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.times:
        print(json.dumps(export_all_times(args.times)))
        return 0
    if args.against:
        side_by_side(args.against.resolve(), args.pairs, args.rounds)
        return 0
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))  # after PYTHONPATH: another checkout may be measured
    with tempfile.TemporaryDirectory() as d:
        if args.child:  # the cold round, in a fresh process
            show("cold", one_round(Path(d)))
            return 0
        subprocess.run([sys.executable, __file__, "--child"], check=True)
        one_round(Path(d))  # this process's cold round, not shown twice
        warm = [one_round(Path(d)) for _ in range(args.rounds)]
        median = {
            k: (statistics.median(r[k][0] for r in warm), statistics.median(r[k][1] for r in warm)) for k in warm[0]
        }
        show("warm", median)
    return 0


if __name__ == "__main__":
    sys.exit(main())
