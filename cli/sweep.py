"""``sweep``: a paper's table — the final metric against sequence length, over seeds.

For each length T and seed, every cell trains (all cells of one (T, seed) side
by side on the same batches, as in ``run``); each cell's history is saved as a
run folder of its own, ``CELL-T{T}-seed{S}``, which the window opens. Then:

- ``sweep.csv``: one tidy row per (cell, T, seed);
- ``sweep.md``: mean ± standard deviation over the seeds, per cell and T;
- ``metric_vs_length.png``: the final metric against T with a spread band per
  cell and the chance level; ``loss_T{T}.png``: the loss curves with bands.

"Final" is the mean over the last ``FINAL_ROWS`` recorded steps: one step's
batch is too noisy to tell a cell that learned from one that was lucky.
"""

from __future__ import annotations

import io
import math
import shutil
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np

from plugin_host.source import CellSource
from training.budget import memory_problem
from training.recorder import RunRecorder, write_atomically
from training.report import ERROR
from training.run_files import SWEEP_SUMMARY, guarded_csv
from training.spec import RunSpec, task_facts
from training.worker_process import WarmPool

from .executors import JobFailed, job_workers, run_jobs
from .progress import JobProgress
from .supervised_run import train_to_end

FINAL_ROWS = 10
SWEEP_COLUMNS = ("task", "length", "cell", "seed", "steps", "final_loss", "final_metric",
                 "baseline_loss", "baseline_metric", "steps_per_second", "status", "folder")


@dataclass
class SweepOutcome:
    """The tidy rows, the recorders by (cell, T, seed), and whether a signal stopped it."""

    rows: list[dict]
    recorders: dict[tuple[str, int, int], RunRecorder]
    stopped_by: int | None


def one_cell(recorder: RunRecorder, name: str) -> RunRecorder:
    """A recorder holding only ``name``'s history (its own run folder)."""
    single = RunRecorder(recorder.spec.replace(cells=(name,)), recorder.task, {})
    single.cells = {name: recorder.cells[name]}
    single.complete = recorder.complete
    return single


def final_value(recorder: RunRecorder, name: str, column: str) -> float:
    values = recorder.cells[name].series(column)[1][-FINAL_ROWS:]
    values = values[np.isfinite(values)]
    return float(values.mean()) if len(values) else math.nan


def run_sweep(base: RunSpec, lengths: Sequence[int], seeds: int, sources: dict[str, CellSource],
              folder: Path, step_timeout: float, cluster: str | None = None,
              workers: int | None = None, stream: TextIO = sys.stderr) -> SweepOutcome:
    """Train every (T, seed) as one job on ``cluster``'s executor (see
    ``executors``), each saving its cells' run folders; then read them back.
    Rows keep the jobs' order, so results do not depend on the backend."""
    outcome = SweepOutcome([], {}, None)
    every = [base.replace(length=length, seed=seed) for length in lengths for seed in range(seeds)]
    kept = {index: rows for index, spec in enumerate(every) if (rows := finished_rows(spec, folder))}
    if kept:
        stream.write(f"kept {len(kept)} of {len(every)} (T, seed) runs that an earlier sweep into "
                     f"{folder} finished\n")
    jobs = [spec for index, spec in enumerate(every) if index not in kept]
    progress = JobProgress(len(jobs), stream, "runs of all cells")

    def note(index: int, result: tuple[list[dict], int | None] | JobFailed) -> None:
        spec = jobs[index]
        progress.done(f"T = {spec.length}, seed {spec.seed}: " + (
            f"failed: {result.reason}" if isinstance(result, JobFailed) else
            ", ".join(f"{r['cell']} {r['final_loss']:.4g}" for r in result[0])))

    arguments = [(spec.to_json(), sources, str(folder), step_timeout) for spec in jobs]
    pool = job_workers(cluster, workers, len(base.cells))
    trained = iter(run_jobs(sweep_job, arguments, cluster, pool, note) if jobs else [])
    progress.finish()
    results = [(kept[index], None) if index in kept else next(trained) for index in range(len(every))]
    for spec, result in zip(every, results, strict=True):
        if isinstance(result, JobFailed):
            outcome.rows += [failed_row(spec, name) for name in spec.cells]
            continue
        rows, stopped_by = result
        outcome.rows += rows
        outcome.stopped_by = outcome.stopped_by or stopped_by
    for row in outcome.rows:
        if row["folder"]:
            key = (row["cell"], row["length"], row["seed"])
            outcome.recorders[key] = RunRecorder.load(folder / row["folder"])
    return outcome


def finished_rows(spec: RunSpec, folder: Path) -> list[dict]:
    """The rows of (T, seed) ``spec`` if an earlier sweep into ``folder``
    finished every cell of it with these very settings (a rerun then skips
    it: sweeps resume), else []. A run folder there with other settings is
    a ValueError: a rerun with changed flags must not mix two sweeps."""
    rows = []
    for name in spec.cells:
        place = folder / f"{name}-T{spec.length}-seed{spec.seed}"
        if not (place / "summary.json").exists():
            return []
        try:
            recorder = RunRecorder.load(place)
        except ValueError:  # damaged, or cut off while being written: train it again
            return []
        if recorder.spec != spec.replace(cells=(name,)):
            raise ValueError(f"{place} holds a run with other settings than this sweep's; "
                             "choose another --out or pass --overwrite")
        if not recorder.complete:
            return []
        rows.append(cell_row(recorder, name, place.name))
    return rows


def failed_row(spec: RunSpec, name: str) -> dict:
    """The row of a cell whose job could not be run at all (see ``run_jobs``)."""
    task = task_facts(spec)
    return {"task": spec.task, "length": spec.length, "cell": name, "seed": spec.seed, "steps": 0,
            "final_loss": math.nan, "final_metric": math.nan, "baseline_loss": task.baseline_loss,
            "baseline_metric": task.baseline_metric, "steps_per_second": 0.0, "status": ERROR, "folder": ""}


_spares: WarmPool | None = None  # per job process: workers for its next job start while one trains


def sweep_job(spec_json: str, sources: dict[str, CellSource], folder: str,
              step_timeout: float) -> tuple[list[dict], int | None]:
    """One (T, seed), wherever the executor runs it: train, save each cell's
    run folder, return its rows and the stop signal if one came. Runs again
    unchanged if a cluster retries it (the folders are simply rewritten)."""
    global _spares
    spec = RunSpec.from_json(spec_json)
    if _spares is None:
        _spares = WarmPool(len(spec.cells))
    _spares.fill()
    recorder, stopped_by = train_to_end(spec, sources, step_timeout, io.StringIO(), _spares)
    _spares.fill()
    rows = []
    for name in recorder.cells:
        place = Path(folder) / f"{name}-T{spec.length}-seed{spec.seed}"
        one_cell(recorder, name).save(place, complete=recorder.complete)
        rows.append(cell_row(recorder, name, place.name))
    return rows, stopped_by


def cell_row(recorder: RunRecorder, name: str, folder: str) -> dict:
    """The sweep.csv row of one cell's run (saved in ``folder``, a name inside the sweep's folder)."""
    spec, history = recorder.spec, recorder.cells[name]
    return {"task": spec.task, "length": spec.length, "cell": name, "seed": spec.seed, "steps": history.steps,
            "final_loss": final_value(recorder, name, "loss"),
            "final_metric": final_value(recorder, name, "metric"),
            "baseline_loss": recorder.task.baseline_loss, "baseline_metric": recorder.task.baseline_metric,
            "steps_per_second": history.steps_per_second, "status": history.status, "folder": folder}


def sweep_csv(rows: list[dict]) -> str:
    return guarded_csv(SWEEP_COLUMNS, rows, ("cell", "status", "folder"))


def spread(values: list[float]) -> str:
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return "–"
    deviation = statistics.stdev(finite) if len(finite) > 1 else 0.0
    return f"{statistics.fmean(finite):.3f} ± {deviation:.3f}"


def sweep_markdown(rows: list[dict], metric_name: str) -> str:
    """Mean ± standard deviation over seeds of the final metric (and loss), per cell and T."""
    lengths = sorted({row["length"] for row in rows})
    cells = list(dict.fromkeys(row["cell"] for row in rows))
    lines = []
    for column, title in (("final_metric", f"Final {metric_name}"), ("final_loss", "Final loss")):
        lines += [f"### {title} (mean ± standard deviation over seeds)", "",
                  "| cell | " + " | ".join(f"T = {t}" for t in lengths) + " |",
                  "| --- |" + " --- |" * len(lengths)]
        for cell in cells:
            values = [spread([r[column] for r in rows if r["cell"] == cell and r["length"] == t])
                      for t in lengths]
            lines.append(f"| {cell.replace('|', '/')} | " + " | ".join(values) + " |")
        lines.append("")
    return "\n".join(lines)


def write_sweep(outcome: SweepOutcome, folder: Path, metric_name: str) -> list[Path]:
    """sweep.csv, sweep.md and the figures, each written atomically."""
    from plots.rendering import sweep_figure_pngs

    written = [write_atomically(folder / SWEEP_SUMMARY, lambda f: f.write(sweep_csv(outcome.rows).encode())),
               write_atomically(folder / "sweep.md",
                                lambda f: f.write(sweep_markdown(outcome.rows, metric_name).encode()))]
    figures = sweep_figure_pngs(outcome.rows, outcome.recorders) if outcome.recorders else {}  # none ran
    for name, png in figures.items():
        written.append(write_atomically(folder / name, lambda f, data=png: f.write(data)))
    return written


def failed(outcome: SweepOutcome) -> bool:
    return any(row["status"] == ERROR for row in outcome.rows)


def parse_lengths(text: str) -> tuple[int, ...]:
    """"25,50,100" → (25, 50, 100); one line and exit code 2 otherwise."""
    from .arguments import fail

    try:
        lengths = tuple(int(part) for part in text.split(","))
    except ValueError:
        fail(f"--lengths must be comma-separated whole numbers, e.g. 25,50,100 (got {text!r})")
    if not lengths or min(lengths) < 2 or len(set(lengths)) != len(lengths):
        fail(f"--lengths must be distinct lengths of at least 2 (got {text!r})")
    return tuple(sorted(lengths))


def sweep_command(args) -> int:
    """Train every (T, seed); exit codes as ``run``'s."""
    from .arguments import checked_spec, fail
    from .commands import resolve_cells
    from .run_folder import RESULTS_NOT_WRITTEN, RunWriteError, output_folder

    lengths = parse_lengths(args.lengths)
    if not 1 <= args.seeds <= 100:
        fail(f"--seeds must be between 1 and 100 (got {args.seeds})")
    if args.steps <= 0:
        fail("--steps must be positive: every run of a sweep must end by itself")
    base = checked_spec(args)
    for length in lengths:  # every length must be trainable before any is trained
        spec = base.replace(length=length)
        try:
            problem = memory_problem(spec, task_facts(spec).input_size)
        except ValueError as error:
            problem = str(error)
        if problem:
            fail(f"T = {length}: {problem}")
    sources, broken = resolve_cells(base.cells, base.plugins)
    if broken:
        fail("; ".join(f"{name}: {why}" for name, why in broken.items()))
    base = base.replace(cells=tuple(sources))
    folder = output_folder(args.out, base, args.overwrite)
    if args.overwrite:  # train every run again: the earlier sweep's runs go first
        for place in folder.glob("*-T*-seed*/summary.json"):
            shutil.rmtree(place.parent, ignore_errors=True)
    try:
        outcome = run_sweep(base, lengths, args.seeds, sources, folder, args.step_timeout,
                            args.cluster, args.workers)
    except ValueError as error:  # no Dask for --cluster
        fail(str(error))
    try:
        write_sweep(outcome, folder, task_facts(base).metric_name)
    except RunWriteError as error:
        print(f"gatelab: error: {error}", file=sys.stderr)
        return RESULTS_NOT_WRITTEN
    print((folder / "sweep.md").read_text())
    print(f"written to {folder}")
    if outcome.stopped_by is not None:
        return 128 + outcome.stopped_by
    return 1 if failed(outcome) else 0

