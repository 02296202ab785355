"""Sweep throughput: the same (cell, T, seed) runs as a shell loop of ``run``
(one run after another), as a sweep with one job at a time, on the local
process pool (its default size: the cores ÷ the cells; and 2 jobs at once),
and on a 2-worker Dask LocalCluster (needs the [cluster] extra).

    OMP_NUM_THREADS=1 .venv/bin/python bench/sweep.py [--repeats 3] [--modes loop,one,pool,pool2,cluster]
        [--lengths 25,50] [--cells RNN,GRU] [--seeds 2] [--steps 200] [--hidden 16]

Prints the wall seconds of each mode (median over the repeats) and runs per
second (one run: one cell at one T and seed). Every mode pays its own process
starts, as a user would.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cli_timing import median_seconds, report  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--modes", default="loop,one,pool,pool2,cluster")
    parser.add_argument("--lengths", default="25,50")
    parser.add_argument("--cells", default="RNN,GRU")
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--hidden", type=int, default=16)
    args = parser.parse_args()
    lengths = args.lengths.split(",")
    runs = len(lengths) * args.seeds * len(args.cells.split(","))
    common = ["--task", "adding", "--cells", args.cells, "--steps", str(args.steps),
              "--hidden", str(args.hidden), "--overwrite"]
    print(f"{runs} runs: cells {args.cells}, T {args.lengths}, {args.seeds} seed(s), {args.steps} steps, "
          f"hidden {args.hidden}; {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory(prefix="gatelab-bench-sweep-") as scratch:
        out = str(Path(scratch) / "out")
        sweep = ["sweep", *common, "--lengths", args.lengths, "--seeds", str(args.seeds), "--out", out]
        modes = {
            "loop": ("shell loop of `run`, one at a time",
                     [["run", *common, "--length", t, "--seed", str(s), "--out", out]
                      for t in lengths for s in range(args.seeds)]),
            "one": ("sweep --workers 1", [[*sweep, "--workers", "1"]]),
            "pool": ("sweep, local pool (default size)", [sweep]),
            "pool2": ("sweep --workers 2 (local pool)", [[*sweep, "--workers", "2"]]),
            "cluster": ("sweep --cluster local --workers 2",
                        [[*sweep, "--cluster", "local", "--workers", "2"]]),
        }
        for mode in args.modes.split(","):
            label, commands = modes[mode]
            median, timings = median_seconds(commands, args.repeats)
            report(label, median, timings, runs, "runs")


if __name__ == "__main__":
    main()
