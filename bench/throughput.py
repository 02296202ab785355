"""Median ms per training step: torch's fused modules against GateLab's CellRun.

Every column is one full training step on the adding task (forward, linear
readout, loss, backward, gradient-norm clipping at 1, Adam step), B = 32,
H = 64, float32, on the CPU (or ``--device cuda``: cuDNN, timed to the
device's completion):

    fused     torch nn.RNN / nn.LSTM / nn.GRU (the speed to match)
    off       CellRun, capture off, gate recording off
    floor     the capture's kernel and nothing else: the fused module's step
              with the zero channels of training/fused.py (RNN, LSTM; the
              GRU on a GPU) or fused_gru.py's step loop (the GRU on a
              CPU), nothing recomputed or read
              out. No capture by this route costs less. The LSTM's c_t,
              ∂L/∂c_t and gate means need its gates besides, which the
              kernel does not return: recomputing them adds one
              [T·B, H] × [H, 4H] product and four activations over
              [T, B, 4H] to the floor
    grad      CellRun, capture on (‖∂ℓ/∂h_t‖, ‖∂ℓ/∂c_t‖, ‖∂ℓ/∂x_t‖, gate means,
              state norms ‖s_t‖) without the Jacobian measure ‖∂h_T/∂h_t‖;
              all three take training/fused.py's path (the GRU on a CPU:
              fused_gru.py's step loop)
    on        "grad" and the Jacobian measure (training/sensitivity.py, which
              re-runs the top cell on probe copies of the batch): what the
              app runs on a captured step
    loop      "on" through the Python time loop (fused path disabled): what
              "on" costs without training/fused.py

Why interleaved medians: the machine is shared, so every repetition times
each configuration once, in turn; the table shows medians over repetitions,
and each ratio is the median of the per-repetition ratios (a burst of load
then hits both sides of a ratio alike). Flush-to-zero is on, as in the
training processes (denormals slow everything 3-7x at T=500).

    python bench/throughput.py [--lengths 50,100,200,500] [--repeats 15] [--threads 1]
                               [--device cpu|cuda]
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
COLUMNS = ("fused", "off", "floor", "grad", "on", "loop")
RATIOS = ("floor", "grad", "on", "loop")  # each over "fused"


def fused_step(cell_name: str, task, batch: Batch) -> Callable[[], None]:
    """One training step of torch's own module with the same readout, loss and recipe."""
    torch.manual_seed(0)
    device = batch.inputs.device
    rnn = TORCH_MODULES[cell_name](task.input_size, HIDDEN).to(device)
    readout = nn.Linear(HIDDEN, task.output_size).to(device)
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


def floor_step(cell: type[Cell], task, batch: Batch) -> Callable[[], None]:
    """The fused step through the capture's kernel (see ``floor`` in the module doc)."""
    torch.manual_seed(0)
    device = batch.inputs.device
    recurrent = cell(task.input_size, HIDDEN).to(device)
    readout = nn.Linear(HIDDEN, task.output_size).to(device)
    parameters = [*recurrent.parameters(), *readout.parameters()]
    optimizer = torch.optim.Adam(parameters, lr=0.01)

    def step() -> None:
        unrolled = fused.unroll(recurrent, batch.inputs, capture=True, record_gates=False, reverse=False,
                                cell_state=False)
        loss = task.loss_per_example(readout(unrolled.outputs), batch).mean()
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, 1.0)
        optimizer.step()

    return step


def cell_step(cell: type[Cell], length: int, task, batch: Batch, capture: bool, gates: bool,
              use_fused: bool, jacobian: bool = True) -> Callable[[], None]:
    """One CellRun.train_step (what the app does per step), path chosen by
    ``use_fused``; ``jacobian=False`` leaves out the Jacobian measure (no
    switch in the app: it runs on every captured step)."""
    spec = RunSpec(length=length, cells=(cell.name,), record_gates=gates, device=batch.inputs.device.type)
    run = CellRun(cell, spec, task)
    if not jacobian:
        run._sensitivity = lambda top_input: {}  # what CellRun returns where it cannot measure

    def step() -> None:
        fused.ENABLED = use_fused
        try:
            report = run.train_step(batch, capture)
        finally:
            fused.ENABLED = True
        if report.status not in ("running", "done"):
            raise RuntimeError(f"{cell.name}: {report.status} {report.message}")

    return step


def measure(length: int, repeats: int, device: str = "cpu") -> dict[tuple[str, str], list[float]]:
    """(cell, column) -> ms per step at this length, one per repetition, interleaved."""
    task = make_task("adding", length)
    batch = task.batch(BATCH, torch.Generator().manual_seed(0))
    batch = Batch(batch.inputs.to(device), batch.targets.to(device), batch.mask.to(device))
    # A step ends when its kernels do: on a GPU, wait for them.
    finished = torch.cuda.synchronize if device == "cuda" else (lambda: None)
    steps: dict[tuple[str, str], Callable[[], None]] = {}
    for cell in (RNN, LSTM, GRU):
        steps[(cell.name, "fused")] = fused_step(cell.name, task, batch)
        steps[(cell.name, "off")] = cell_step(cell, length, task, batch, False, False, True)
        steps[(cell.name, "floor")] = floor_step(cell, task, batch)
        steps[(cell.name, "grad")] = cell_step(cell, length, task, batch, True, True, True, jacobian=False)
        steps[(cell.name, "on")] = cell_step(cell, length, task, batch, True, True, True)
        steps[(cell.name, "loop")] = cell_step(cell, length, task, batch, True, True, False)
    times: dict[tuple[str, str], list[float]] = {key: [] for key in steps}
    for step in steps.values():  # warm-up: allocator, oneDNN/cuDNN primitives
        step()
        step()
    finished()
    for _ in range(repeats):
        for key, step in steps.items():
            started = time.perf_counter()
            step()
            finished()
            times[key].append((time.perf_counter() - started) * 1000)
    return times


def paired_ratios(times: list[float], reference: list[float]) -> list[float]:
    """Per-repetition ratios: both sides timed in the same round."""
    return [value / base for value, base in zip(times, reference, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lengths", default="50,100,200,500", help="comma-separated T values")
    parser.add_argument("--repeats", type=int, default=15, help="timed steps per configuration")
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads (default 1, as each training worker uses)")
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu",
                        help="where to train (cuda: the GPU check of issue 9)")
    args = parser.parse_args()
    if args.device == "cuda" and not torch.cuda.is_available():
        parser.error("--device cuda: torch sees no CUDA GPU here")
    torch.set_flush_denormal(True)
    torch.set_num_threads(args.threads)
    lengths = [int(value) for value in args.lengths.split(",")]
    where = torch.cuda.get_device_name() if args.device == "cuda" else f"{torch.get_num_threads()} thread(s)"
    print(f"torch {torch.__version__}, {where}, flush-denormal on, "
          f"B={BATCH}, H={HIDDEN}, float32, adding task; median of {args.repeats} interleaved steps, ms")
    header = " ".join(f"{column:>7}" for column in COLUMNS)
    ratios = " ".join(f"{column + '/fused':>11}" for column in RATIOS)
    print(f"{'cell':5} {'T':>4} {header} {ratios}")
    for length in lengths:
        times = measure(length, args.repeats, args.device)
        for cell in ("RNN", "LSTM", "GRU"):
            cells = " ".join(f"{statistics.median(times[(cell, column)]):7.2f}" for column in COLUMNS)
            fused_times = times[(cell, "fused")]
            paired = " ".join(f"{statistics.median(paired_ratios(times[(cell, column)], fused_times)):10.2f}x"
                              for column in RATIOS)
            print(f"{cell:5} {length:4d} {cells} {paired}", flush=True)


if __name__ == "__main__":
    main()
