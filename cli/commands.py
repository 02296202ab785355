"""The headless commands: ``run``, ``cells`` and ``tasks``."""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from cells import Cell, count_parameters
from plugin_host import BROKEN, discover_cells, find_cell
from plugin_host.names import escape_for_terminal
from tasks import TASKS
from training import RUNNING, STOPPED, RunSpec, Trainer, configure_training_process
from training.model import SequenceModel
from training.recorder import RunRecorder

from .arguments import fail, spec_from_args
from .progress import ProgressLine


def resolve_cells(names: tuple[str, ...], plugin_dirs: tuple[str, ...]) -> list[type[Cell]]:
    """Cell classes by name, or a clear error naming what is available."""
    records = discover_cells([Path(d) for d in plugin_dirs])
    classes = []
    for name in names:
        record = find_cell(records, name)
        if record is None:
            broken = [r for r in records if r.name.lower() == name.lower()]
            if broken:
                fail(f"cell {name!r} is broken: {broken[0].reason} ({broken[0].location})")
            usable = ", ".join(r.name for r in records if r.usable)
            fail(f"unknown cell {name!r}; available: {usable}")
        classes.append(record.cell_class)
    return classes


def writable_folder(text: str | None, spec: RunSpec) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = Path(text) if text else Path("runs") / f"{spec.task}-T{spec.length}-{stamp}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        fail(f"cannot write to {folder}: {error.strerror or error}")
    return folder


def run_command(args: argparse.Namespace) -> int:
    try:
        spec = spec_from_args(args)
        task = TASKS[spec.task](length=spec.length, **spec.task_options)
    except (ValueError, TypeError) as error:
        fail(str(error))
    if spec.device == "cuda":
        import torch
        if not torch.cuda.is_available():
            fail("--device cuda was asked for, but torch sees no CUDA GPU here")
    cell_classes = resolve_cells(spec.cells, spec.plugins)
    folder = writable_folder(args.out, spec)
    configure_training_process(threads=1)
    trainer = Trainer(spec, cell_classes)
    recorder = RunRecorder(spec, trainer.task, {r.name: r.parameters for r in trainer.runs}
                           | {f.cell: 0 for f in trainer.failures})
    for failure in trainer.failures:
        recorder.add(failure)
    progress = ProgressLine(spec.steps, sys.stderr)
    started = time.perf_counter()
    interrupted = False
    try:
        while trainer.active and (spec.steps == 0 or trainer.step_count < spec.steps):
            for report in trainer.step():
                recorder.add(report)
            progress.update(trainer.step_count, {n: h.latest for n, h in recorder.cells.items()})
    except KeyboardInterrupt:
        interrupted = True
        for history in recorder.cells.values():
            if history.status == RUNNING:
                history.status = STOPPED
    progress.finish()
    elapsed = time.perf_counter() - started
    recorder.save(folder)
    write_figures(recorder, folder)
    print_summary(recorder, folder, elapsed, task.baseline_loss, interrupted)
    return 130 if interrupted else 0


def write_figures(recorder: RunRecorder, folder: Path) -> None:
    """PNG figures via pyqtgraph offscreen (Qt is imported only here)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from plots.figures import gradient_figure, loss_figure

    _app = QApplication.instance() or QApplication([])
    gradient_figure(recorder, folder / "gradients.png")
    loss_figure(recorder, folder / "loss.png")


def print_summary(recorder: RunRecorder, folder: Path, elapsed: float, baseline: float,
                  interrupted: bool) -> None:
    print(f"{'stopped early' if interrupted else 'done'} in {elapsed:.1f} s; "
          f"chance baseline loss {baseline:.4f}; results in {folder}")
    for name, history in recorder.cells.items():
        latest = history.latest
        loss = f"{latest.loss:.4f}" if latest and math.isfinite(latest.loss) else "-"
        status = history.status + (f" ({history.message})" if history.message else "")
        print(f"  {name:<12} loss {loss:>8}  {history.steps_per_second:6.1f} steps/s  {status}")


def cells_command(args: argparse.Namespace) -> int:
    if args.hidden < 1 or args.input_size < 1:
        fail("--hidden and --input-size must be at least 1")
    records = discover_cells([Path(d) for d in args.plugins])
    for record in records:
        if record.usable:
            model = SequenceModel(record.cell_class, args.input_size, args.hidden, 1)
            cell_parameters = count_parameters(model.layers[0][0])
            line = f"✓ {record.name:<16} {cell_parameters:>8} parameters  {record.origin}"
        else:
            mark = "✗" if record.status == BROKEN else "⚠"
            line = f"{mark} {record.name:<16} {'':>8}             {record.location}: {record.reason}"
        print(escape_for_terminal(line))  # names and reasons come from plugin code
    print(f"(parameters of one cell at input size {args.input_size}, hidden size {args.hidden})")
    return 0


def tasks_command(args: argparse.Namespace) -> int:
    if args.length < 2:
        fail(f"--length must be at least 2 (got {args.length})")
    for task_class in TASKS.values():
        try:
            task = task_class(length=args.length)
        except ValueError as error:
            print(f"{task_class.name}: {task_class.description}\n    (not defined here: {error})")
            continue
        shape = "many-to-one" if task.many_to_one else "many-to-many"
        print(f"{task.name}: {task.description} [{shape}]")
        print(f"    chance baseline at T = {args.length}: loss {task.baseline_loss:.4f}, "
              f"{task.metric_name} {task.baseline_metric:.4f}")
        for option in task_class.options():
            print(f"    --{option.name:<10} {option.metadata['help']} (default {option.default})")
    return 0
