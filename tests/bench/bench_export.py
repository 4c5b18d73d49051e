"""Speed of the documents on the large case (80 people, 400 items, 30 agreements), per format, through the
export service: cold (a fresh process: imports, fonts, the map drawn) and warm (the same process again).

Run: .venv/bin/python tests/bench/bench_export.py [--rounds 3]

Prints CPU and wall seconds; asserts nothing (target: all formats together <= 1.0 s warm).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
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
