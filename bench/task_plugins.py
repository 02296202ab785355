"""What a task plugin costs: checking it (cold and from the cache), measuring
its facts at a run's settings in the checker (one fork), and reading a CSV
file for the csv task. Prints seconds; the machine may be shared, so say so
next to any figure printed from here.

    OMP_NUM_THREADS=1 .venv/bin/python bench/task_plugins.py [--rows N]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plugin_host import IsolatedChecker  # noqa: E402
from plugin_host.task_discovery import discover_tasks, find_task, plugin_task_facts  # noqa: E402
from tasks.csv_data import CLASSIFICATION, read_sequences  # noqa: E402


def seconds(work) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the generated CSV file")
    args = parser.parse_args()
    checker = IsolatedChecker()
    try:
        where = dict(include_entry_points=False, include_user_plugins=False, checker=checker)
        cold, records = seconds(lambda: discover_tasks(**where))
        warm, _ = seconds(lambda: discover_tasks(**where))
        parity = find_task(records, "parity")
        facts, _ = seconds(lambda: plugin_task_facts(parity.source, 57, {"marked": 3}, checker))
        print(f"discover_tasks, project plugins/ ({len(list(Path('plugins').glob('*.py')))} files), "
              f"checker started cold: {cold:.2f} s; again, from the cache: {warm * 1000:.1f} ms")
        print(f"facts of the parity plugin at new settings (one forked check): {facts * 1000:.0f} ms")
    finally:
        checker.close()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.csv"
        rng = random.Random(0)
        lines = ["sequence,t,a,b,target"] + [
            f"s{row // 50},{row % 50},{rng.random():.4f},{rng.random():.4f},{rng.choice('xyz')}"
            for row in range(args.rows)]
        path.write_text("\n".join(lines))
        parse, data = seconds(lambda: read_sequences(path, CLASSIFICATION))
        print(f"read_sequences: {args.rows:,} rows ({path.stat().st_size / 2**20:.1f} MiB, "
              f"{len(data.features):,} sequences): {parse:.2f} s")


if __name__ == "__main__":
    main()
