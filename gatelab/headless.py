"""Training and opening runs from Python, headless.

The same path as ``main.py run``: plugins are found and checked in the
plugin checker, each cell trains in a worker process of its own under the
per-step time limit, and a Ctrl-C (or a notebook's interrupt) stops training
cleanly and returns what was trained so far.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from cli.supervised_run import train_to_end
from cli.sweep_folder import read_sweep
from plugin_host import DEFAULT_STEP_TIMEOUT, CellSource, discover_cells
from plugin_host.discovery import choose_cells
from plugin_host.task_discovery import discover_tasks, task_source_for
from training.run_archive import load_run
from training.run_files import is_sweep_folder
from training.spec import RunSpec, task_facts

from .runs import Run, Sweep

Names = list[str] | tuple[str, ...]
Folders = list[str | Path] | tuple[str | Path, ...]


def train(task: str = "adding", length: int = 100, cells: Names = ("RNN", "LSTM", "GRU"),
          steps: int = 1500, plugins: Folders = (), progress: bool | None = None,
          step_timeout: float = DEFAULT_STEP_TIMEOUT, **settings) -> Run:
    """Train ``cells`` side by side on the same batches and return the ``Run``.

    ``settings`` are any other ``RunSpec`` fields (hidden, batch, lr, clip,
    seed, init, recurrent_gain, dtype, task_options …). ``progress``: a
    progress line on stderr (default: when stderr is a terminal). Raises
    ValueError in words for a bad setting, an unknown cell or a plugin that
    failed its check.
    """
    if steps <= 0:
        raise ValueError("steps must be positive (a notebook run must end by itself)")
    spec = _with_task_source(RunSpec(task=task, length=length, cells=tuple(cells), steps=steps,
                                     plugins=tuple(str(p) for p in plugins), **settings))
    sources = _sources(spec)
    shown = sys.stderr.isatty() if progress is None else progress
    recorder, _ = train_to_end(spec.replace(cells=tuple(sources)), sources, step_timeout,
                               sys.stderr if shown else io.StringIO())
    return Run(recorder)


def _with_task_source(spec: RunSpec) -> RunSpec:
    """``spec`` with its task found: a task plugin's source (checked in
    isolation first) goes with it to the workers; ValueError in words."""
    return spec.replace(task_source=task_source_for(spec.task, tuple(Path(p) for p in spec.plugins)))


def _sources(spec: RunSpec) -> dict[str, CellSource]:
    """How each requested cell is loaded, by its own name; ValueError for a
    cell that is unknown or failed its check (with the reason)."""
    choice = choose_cells(spec.cells, spec.plugins)
    for name, why in choice.problems().items():
        raise ValueError(f"cell {name!r}: {why}")
    return choice.sources


def open(path: str | Path) -> Run | Sweep:  # noqa: A001 (gatelab.open, like a file: the name users expect)
    """A saved run (a folder from the window, the CLI or ``Run.save``, or a
    ``.gatelab`` file), or a sweep's folder (a ``Sweep``); raises
    ``RunFileError`` (a ValueError) naming the file and the problem."""
    path = Path(path)
    if is_sweep_folder(path):
        return Sweep(path, read_sweep(path).rows)
    return Run(load_run(path))


def available_cells(plugins: Folders = ()) -> list[str]:
    """Names of every usable cell: the built-ins, the plugin folders, installed packages."""
    return [record.name for record in discover_cells([Path(p) for p in plugins]) if record.usable]


def available_tasks(plugins: Folders = ()) -> list[str]:
    """Names of every usable task: the built-ins, then task plugins found where cells are."""
    return [record.name for record in discover_tasks([Path(p) for p in plugins]) if record.usable]


def sweep(task: str = "adding", lengths: tuple[int, ...] | list[int] = (25, 50, 100),
          cells: Names = ("RNN", "LSTM", "GRU"), seeds: int = 3, steps: int = 500,
          out: str | Path | None = None, plugins: Folders = (), cluster: str | None = None,
          workers: int | None = None, step_timeout: float = DEFAULT_STEP_TIMEOUT, **settings) -> Sweep:
    """``main.py sweep`` from Python: every cell at every length over ``seeds``
    seeds, each (cell, T, seed) saved as a run folder under ``out`` (default: a
    new temporary folder), with sweep.csv, sweep.md and the figures.
    ``cluster``: None (a local process pool), "local" (a Dask LocalCluster) or
    a Dask scheduler's address; the results are the same on each."""
    import tempfile

    from cli.sweep import run_sweep, write_sweep

    if steps <= 0 or seeds <= 0 or not lengths:
        raise ValueError("steps and seeds must be positive, and lengths not empty")
    base = _with_task_source(RunSpec(task=task, length=min(lengths), cells=tuple(cells), steps=steps,
                                     plugins=tuple(str(p) for p in plugins), **settings))
    sources = _sources(base)
    folder = Path(out) if out is not None else Path(tempfile.mkdtemp(prefix="gatelab-sweep-"))
    folder.mkdir(parents=True, exist_ok=True)
    outcome = run_sweep(base.replace(cells=tuple(sources)), sorted(lengths), seeds, sources, folder,
                        step_timeout, cluster, workers, sys.stderr if sys.stderr.isatty() else io.StringIO())
    write_sweep(outcome, folder, task_facts(base).metric_name)
    return Sweep(folder, outcome.rows)
