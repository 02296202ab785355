"""Median ms per training step: torch's fused modules against GateLab's CellRun.

Every column is one full training step on the adding task (forward, linear
readout, loss, backward, gradient-norm clipping at 1, Adam step), B = 32,
H = 64, float32, CPU:

    fused     torch nn.RNN / nn.LSTM / nn.GRU (the speed to match)
    off       CellRun, capture off, gate recording off
    on        CellRun, capture on (‖∂ℓ/∂h_t‖, ‖∂ℓ/∂c_t‖, ‖∂ℓ/∂x_t‖) and gate means:
              what the app runs; all three take training/fused.py's path
    loop      the same as "on" through the Python time loop (fused path
              disabled): what "on" used to cost

Why interleaved medians: the machine is shared, so every repetition times
each configuration once, in turn, and the table shows medians over
repetitions; a burst of load then hits all columns alike. Flush-to-zero is
on, as in the training processes (denormals slow everything 3-7x at T=500).

    python bench/throughput.py [--lengths 50,100,200,500] [--repeats 15] [--threads 1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cells import GRU, LSTM, RNN, Cell  # noqa: E402
from tasks import Batch, make_task  # noqa: E402
from training import fused  # noqa: E402
from training.run import CellRun  # noqa: E402
from training.spec import RunSpec  # noqa: E402

BATCH, HIDDEN = 32, 64
TORCH_MODULES: dict[str, type[nn.RNNBase]] = {"RNN": nn.RNN, "LSTM": nn.LSTM, "GRU": nn.GRU}
COLUMNS = ("fused", "off", "on", "loop")


def fused_step(cell_name: str, task, batch: Batch) -> Callable[[], None]:
    """One training step of torch's own module with the same readout, loss and recipe."""
    torch.manual_seed(0)
    rnn = TORCH_MODULES[cell_name](task.input_size, HIDDEN)
    readout = nn.Linear(HIDDEN, task.output_size)
    parameters = [*rnn.parameters(), *readout.parameters()]
    optimizer = torch.optim.Adam(parameters, lr=0.01)

    def step() -> None:
        outputs = readout(rnn(batch.inputs)[0])
        loss = task.loss_per_example(outputs, batch).mean()
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, 1.0)
        optimizer.step()

    return step


def cell_step(cell: type[Cell], length: int, task, batch: Batch, capture: bool, gates: bool,
              use_fused: bool) -> Callable[[], None]:
    """One CellRun.train_step (what the app does per step), path chosen by ``use_fused``."""
    run = CellRun(cell, RunSpec(length=length, cells=(cell.name,), record_gates=gates), task)

    def step() -> None:
        fused.ENABLED = use_fused
        try:
            report = run.train_step(batch, capture)
        finally:
            fused.ENABLED = True
        if report.status not in ("running", "done"):
            raise RuntimeError(f"{cell.name}: {report.status} {report.message}")

    return step


def measure(length: int, repeats: int) -> dict[tuple[str, str], float]:
    """(cell, column) -> median ms per step at this length, interleaved."""
    task = make_task("adding", length)
    batch = task.batch(BATCH, torch.Generator().manual_seed(0))
    steps: dict[tuple[str, str], Callable[[], None]] = {}
    for cell in (RNN, LSTM, GRU):
        steps[(cell.name, "fused")] = fused_step(cell.name, task, batch)
        steps[(cell.name, "off")] = cell_step(cell, length, task, batch, False, False, True)
        steps[(cell.name, "on")] = cell_step(cell, length, task, batch, True, True, True)
        steps[(cell.name, "loop")] = cell_step(cell, length, task, batch, True, True, False)
    times: dict[tuple[str, str], list[float]] = {key: [] for key in steps}
    for step in steps.values():  # warm-up: allocator, oneDNN primitives
        step()
        step()
    for _ in range(repeats):
        for key, step in steps.items():
            started = time.perf_counter()
            step()
            times[key].append((time.perf_counter() - started) * 1000)
    return {key: statistics.median(values) for key, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lengths", default="50,100,200,500", help="comma-separated T values")
    parser.add_argument("--repeats", type=int, default=15, help="timed steps per configuration")
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads (default 1, as each training worker uses)")
    args = parser.parse_args()
    torch.set_flush_denormal(True)
    torch.set_num_threads(args.threads)
    lengths = [int(value) for value in args.lengths.split(",")]
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s), flush-denormal on, "
          f"B={BATCH}, H={HIDDEN}, float32, adding task; median of {args.repeats} interleaved steps, ms")
    header = " ".join(f"{column:>7}" for column in COLUMNS)
    print(f"{'cell':5} {'T':>4} {header} {'on/fused':>9} {'loop/fused':>11}")
    for length in lengths:
        medians = measure(length, args.repeats)
        for cell in ("RNN", "LSTM", "GRU"):
            row = [medians.get((cell, column)) for column in COLUMNS]
            cells = " ".join(f"{v:7.2f}" if v is not None else f"{'-':>7}" for v in row)
            loop = medians.get((cell, "loop"))
            loop_ratio = f"{loop / row[0]:10.2f}x" if loop is not None else f"{'-':>11}"
            print(f"{cell:5} {length:4d} {cells} {row[2] / row[0]:8.2f}x {loop_ratio}", flush=True)


if __name__ == "__main__":
    main()
