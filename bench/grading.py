"""Grading time for a class: N submissions (default 30) graded by ``main.py grade``.

Writes N plugin files into a temporary folder, as a class would hand them in:
mostly good cells (the shipped variants and a leaky RNN, each renamed), five
broken ones (a syntax error, an import error, a wrong output shape, a cell that
raises while it trains, one whose output is NaN) and one hostile one (it passes
the check, then kills the process supervising its training). Then times the
whole command on the local process pool (its default size: the cores), with one
job at a time, and on a 2-worker Dask LocalCluster (needs the [cluster] extra).

    OMP_NUM_THREADS=1 .venv/bin/python bench/grading.py [--count 30] [--repeats 1]
        [--modes pool,one,cluster] [--steps 100] [--length 30] [--hidden 32]
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cli_timing import ROOT, median_seconds, report  # noqa: E402

GOOD = [ROOT / "plugins" / f"{name}.py" for name in
        ("cifg_lstm", "mgu", "min_gru", "peephole_lstm", "lstm_no_forget", "indrnn")] + \
    [ROOT / "tests" / "broken_plugins" / "good_cell.py"]
BROKEN = [ROOT / "tests" / "broken_plugins" / f"{name}.py" for name in
          ("syntax_error", "import_error", "wrong_output_shape", "raises_at_step", "nan_output")]
HOSTILE = [ROOT / "tests" / "grading_plugins" / "kill_supervisor_in_training.py"]


def write_class(folder: Path, count: int) -> None:
    """``count`` submissions: the broken and hostile ones, the rest good, each cell renamed."""
    sources = BROKEN + HOSTILE
    sources = sources + [GOOD[i % len(GOOD)] for i in range(count - len(sources))]
    for index, source in enumerate(sources[:count]):
        text = re.sub(r'name = "([^"]+)"', rf'name = "\1 #{index}"', source.read_text(), count=1)
        (folder / f"student_{index:02d}.py").write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--modes", default="pool,one,cluster")
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--length", type=int, default=30)
    parser.add_argument("--hidden", type=int, default=32)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gatelab-bench-grading-") as scratch:
        submissions, out = Path(scratch) / "class", Path(scratch) / "report"
        submissions.mkdir()
        write_class(submissions, args.count)
        grade = ["grade", str(submissions), "--out", str(out), "--overwrite", "--steps", str(args.steps),
                 "--length", str(args.length), "--hidden", str(args.hidden)]
        print(f"{args.count} submissions; adding task, T {args.length}, {args.steps} steps, "
              f"hidden {args.hidden}", flush=True)
        modes = {"pool": ("grade, local pool (default size)", grade),
                 "one": ("grade --workers 1", [*grade, "--workers", "1"]),
                 "cluster": ("grade --cluster local --workers 2",
                             [*grade, "--cluster", "local", "--workers", "2"])}
        for mode in args.modes.split(","):
            label, command = modes[mode]
            median, timings = median_seconds([command], args.repeats)
            report(label, median, timings, args.count, "submissions")
            rows = list(csv.DictReader((out / "report.csv").open()))
            statuses = collections.Counter(row["status"] for row in rows)
            learned = sum(row["learned"] == "yes" for row in rows)
            print(f"    rows by status: {dict(statuses)}; learned: {learned}", flush=True)


if __name__ == "__main__":
    main()
