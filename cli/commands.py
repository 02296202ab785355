"""The headless commands: ``run``, ``cells`` and ``tasks``."""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

from plugin_host import CellSource, discover_cells
from plugin_host.discovery import choose_cells
from plugin_host.names import display_width, escape_for_terminal, padded
from plugin_host.parameters import cell_parameters
from plugin_host.task_discovery import discover_tasks
from training.recorder import RunRecorder
from training.report import ERROR
from training.spec import RunSpec, task_facts
from training.supervisor import RunSupervisor

from .arguments import checked_spec, fail
from .progress import ProgressLine
from .run_folder import RESULTS_NOT_WRITTEN, RunWriteError, output_folder, save_run, write_figures
from .supervised_run import train_supervised


def resolve_cells(names: tuple[str, ...], plugin_dirs: tuple[str, ...]) -> tuple[dict[str, CellSource],
                                                                                  dict[str, str]]:
    """How to load each usable cell (by its own spelling of the name) and why
    each broken one cannot train; an unknown name is one line and exit code 2."""
    choice = choose_cells(names, plugin_dirs)
    if choice.unknown:
        fail(f"unknown cell {choice.unknown[0]!r}; available: {', '.join(choice.usable)}")
    return choice.sources, {name: f"broken plugin: {why}" for name, why in choice.broken.items()}


def run_command(args: argparse.Namespace) -> int:
    """Train in worker processes; see ``EXIT_CODES`` for what the result means."""
    spec = checked_spec(args)
    if spec.device == "cuda":
        import torch
        if not torch.cuda.is_available():
            fail("--device cuda was asked for, but torch sees no CUDA GPU here")
    sources, broken = resolve_cells(spec.cells, spec.plugins)
    try:
        spec = spec.replace(cells=(*sources, *broken))
    except ValueError as error:  # two spellings of one cell
        fail(str(error))
    folder = output_folder(args.out, spec, args.overwrite)
    recorder = RunRecorder(spec, task_facts(spec), {name: 0 for name in spec.cells})
    for name, message in broken.items():
        recorder.cells[name].status, recorder.cells[name].message = ERROR, message
    supervisor = RunSupervisor(spec.replace(cells=tuple(sources)), sources, step_timeout=args.step_timeout)
    progress = ProgressLine(spec.steps, sys.stderr)
    started = time.perf_counter()
    try:
        stopped_by = train_supervised(supervisor, recorder, folder, progress, args.checkpoint_every) \
            if sources else None
        progress.finish()
        save_run(recorder, folder, complete=stopped_by is None)
        write_figures(recorder, folder)
    except RunWriteError as error:
        progress.finish()
        print(f"gatelab: error: {error}", file=sys.stderr)
        return RESULTS_NOT_WRITTEN
    print_summary(recorder, folder, time.perf_counter() - started, recorder.task.baseline_loss,
                  stopped_by is not None)
    if stopped_by is not None:
        return 128 + stopped_by
    return 1 if any(h.status == ERROR for h in recorder.cells.values()) else 0


def print_summary(recorder: RunRecorder, folder: Path, elapsed: float, baseline: float,
                  interrupted: bool) -> None:
    print(f"{'stopped early' if interrupted else 'done'} in {elapsed:.1f} s; "
          f"chance baseline loss {baseline:.4f}; results in {folder}")
    width = max(12, *(display_width(name) for name in recorder.cells))
    for name, history in recorder.cells.items():
        latest = history.latest
        loss = f"{latest.loss:.4f}" if latest and math.isfinite(latest.loss) else "-"
        status = history.status + (f" ({history.message})" if history.message else "")
        line = f"  {padded(name, width)} loss {loss:>8}  {history.steps_per_second:6.1f} steps/s  {status}"
        print(escape_for_terminal(line))  # a cell's message is plugin text: escapes shown, not obeyed


def cells_command(args: argparse.Namespace) -> int:
    if args.hidden < 1 or args.input_size < 1:
        fail("--hidden and --input-size must be at least 1")
    records = discover_cells([Path(d) for d in args.plugins])
    width = max(16, *(display_width(record.name) for record in records))  # long names keep the columns
    for record in records:
        name = padded(record.name, width)
        if record.usable:
            count = cell_parameters(record.parameter_samples, args.input_size, args.hidden)
            line = f"✓ {name} {'?' if count is None else count:>8} parameters  {record.origin}"
        else:
            line = f"{record.mark} {name} {'':>8}             {record.location}: {record.reason}"
        print(escape_for_terminal(line))  # names and reasons come from plugin code
    print(f"(parameters of one cell at input size {args.input_size}, hidden size {args.hidden})")
    return 0


def tasks_command(args: argparse.Namespace) -> int:
    if args.length < 2:
        fail(f"--length must be at least 2 (got {args.length})")
    for record in discover_tasks([Path(d) for d in args.plugins]):
        if not record.usable:
            print(escape_for_terminal(f"{record.mark} {record.name}: {record.location}: {record.reason}"))
            continue
        spec = RunSpec(task=record.name, length=args.length, task_source=record.spec_source)
        origin = f" (plugin: {record.origin})" if record.spec_source else ""
        try:
            task = task_facts(spec)
            shape = "many-to-one" if task.many_to_one else "many-to-many"
            lines = [f"{task.name}: {task.description} [{shape}]{origin}",
                     f"    chance baseline at T = {args.length}: loss {task.baseline_loss:.4f}, "
                     f"{task.metric_name} {task.baseline_metric:.4f}"]
        except ValueError as error:
            lines = [f"{record.name}: {record.description}{origin}", f"    (not defined here: {error})"]
        for line in lines:
            print(escape_for_terminal(line))
        flag = "--task-option " if record.spec_source else "--"
        for option in record.options[1 if record.spec_source else 0:]:  # a plugin's length is --length
            line = f"    {flag}{option.name:<10} {option.help} (default {option.default})"
            print(escape_for_terminal(line))
    return 0
