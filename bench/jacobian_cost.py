"""What the Jacobian measure ‖∂h_T/∂h_t‖ costs a run: steps per second with
the real capture schedule, measure on and off.

``bench/throughput.py`` times one captured step; a run captures only some
steps (``training.capture_schedule``: about 20 a second at most), so what a
lecturer sees is the steps per second here, and the share of the training
time the measure took (``CellRun.jacobian_seconds``; it is kept within
``training.run.JACOBIAN_SHARE``). One cell at a time, one thread,
adding, B = 32, H = 64, T = 100 (``--length``); each configuration runs for
``--seconds``, on and off alternating ``--rounds`` times (the machine is shared:
alternation spreads a burst of load over both).

    python bench/jacobian_cost.py [--seconds 6] [--rounds 2] [--length 100]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cells import GRU, LSTM, RNN  # noqa: E402
from tasks import make_task  # noqa: E402
from training.capture_schedule import CaptureSchedule  # noqa: E402
from training.run import CellRun  # noqa: E402
from training.spec import RunSpec  # noqa: E402


def steps_per_second(cell_class, spec: RunSpec, task, batches, jacobian: bool,
                     seconds: float) -> tuple[float, float]:
    """(steps/s, the measure's share of the time) training ``cell_class`` for
    ``seconds`` as a worker does (the schedule decides what captures)."""
    run = CellRun(cell_class, spec, task)
    schedule = CaptureSchedule()
    steps = 0
    off = mock.patch.object(CellRun, "_sensitivity", lambda self, top_input: {})
    with off if not jacobian else mock.MagicMock():
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            steps += 1
            run.train_step(batches[steps % len(batches)], capture=schedule.wants(steps))
    return steps / seconds, run.jacobian_seconds / run.trained_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--length", type=int, default=100)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.set_flush_denormal(True)  # as the training processes
    spec = RunSpec(task="adding", length=args.length, hidden=64, batch=32, steps=0)
    task = make_task("adding", args.length)
    generator = torch.Generator().manual_seed(0)
    batches = [task.batch(spec.batch, generator) for _ in range(8)]
    print(f"steps/s with the capture schedule, T={args.length}, B=32, H=64, 1 thread, "
          f"{args.seconds:g} s per run, median of {args.rounds}")
    for cell_class in (RNN, LSTM, GRU):
        rates, shares = {True: [], False: []}, []
        for _ in range(args.rounds):
            for jacobian in (False, True):
                rate, share = steps_per_second(cell_class, spec, task, batches, jacobian, args.seconds)
                rates[jacobian].append(rate)
                if jacobian:
                    shares.append(share)
        without, with_it = statistics.median(rates[False]), statistics.median(rates[True])
        print(f"{cell_class.name:5s} without {without:6.1f}  with {with_it:6.1f}  "
              f"({100 * (1 - with_it / without):.0f} % fewer steps/s; the measure took "
              f"{100 * statistics.median(shares):.1f} % of the training time)")


if __name__ == "__main__":
    main()
