"""``grade SUBMISSIONS_DIR --out REPORT_DIR``: a class's cells, one row each.

Every ``*.py`` file in the folder is one student's submission. Each is checked
in the isolated checker on its own (as ``check-plugin`` does: a hostile or
broken file is that file's verdict, never another's); each cell that passes
then trains briefly on a reference task (a built-in, or a task plugin by its
name, e.g. ``--task parity --task-option marked=3``) in a worker of its own, with the same
seed and steps as the built-in LSTM, trained once as the yardstick. Every
training is a job on the executor (``executors``: a local process pool, or a
Dask cluster with ``--cluster``), supervised by a process of its own
(``grade_jobs``, which says why). The report:

- ``report.csv``: student, cell, status, reason with file:line, parameters,
  ms/step, final loss against the chance baseline and the LSTM's, learned;
- ``report.html``: the same table, self-contained, with a small
  gradient-through-time figure per trained cell.

"Learned" means the final loss (mean of the last 10 recorded steps) is below
half the chance baseline.
"""

from __future__ import annotations

import argparse
import base64
import html
import math
import sys
from pathlib import Path
from typing import TextIO

from plugin_host import CellRecord, CellSource
from plugin_host.jobs import existing_plugin_dir
from plugin_host.limits import DEFAULT_STEP_TIMEOUT
from plugin_host.names import escape_for_terminal
from plugin_host.parameters import cell_parameters
from tasks import TaskFacts
from training.recorder import RunRecorder, write_atomically
from training.report import ERROR
from training.run_files import guarded_csv
from training.spec import RunSpec, task_facts

from .arguments import fail, plugin_task_choice
from .check_plugin import check_files, passed
from .executors import JobFailed, add_cluster_arguments, job_workers, run_jobs
from .grade_jobs import grade_job, graded_run
from .progress import JobProgress
from .run_folder import RESULTS_NOT_WRITTEN
from .supervised_run import stop_requests
from .sweep import final_value

REPORT_COLUMNS = ("student", "cell", "status", "reason", "location", "parameters", "ms_per_step", "steps",
                  "final_loss", "baseline_loss", "lstm_final_loss", "learned")
LSTM = CellSource("module", "cells.lstm", "LSTM")
FIGURE_WIDTH = 520


def add_grade_parser(commands) -> None:
    parser = commands.add_parser("grade", help="check and briefly train every submission in a folder; "
                                 "report.csv and report.html")
    parser.add_argument("submissions", metavar="SUBMISSIONS_DIR", help="one plugin .py file per student")
    parser.add_argument("--out", required=True, metavar="REPORT_DIR", help="where the report goes")
    parser.add_argument("--task", default="adding",
                        help="the reference task: a built-in or a task plugin's name, see `main.py tasks` "
                             "(default %(default)s)")
    parser.add_argument("--task-option", action="append", default=[], metavar="NAME=VALUE",
                        help="an option of a task plugin, e.g. --task-option marked=3 (repeatable)")
    parser.add_argument("--plugins", action="append", default=[], metavar="DIR", type=existing_plugin_dir,
                        help="an extra folder of task plugins (repeatable); the submissions are "
                             "SUBMISSIONS_DIR's files")
    parser.add_argument("--length", type=int, default=30, help="its T (default %(default)s)")
    parser.add_argument("--steps", type=int, default=300,
                        help="training steps per cell (default %(default)s)")
    parser.add_argument("--hidden", type=int, default=32, help="hidden size (default %(default)s)")
    parser.add_argument("--seed", type=int, default=0,
                        help="the seed every cell trains with (default %(default)s)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_STEP_TIMEOUT,
                        help="seconds allowed for importing a file, validating a cell and one "
                             "training step (default %(default)s)")
    parser.add_argument("--overwrite", action="store_true", help="replace an earlier report in REPORT_DIR")
    add_cluster_arguments(parser, "training jobs (one per cell)",
                          "the cores for the pool, 2 for a local cluster")
    parser.set_defaults(handler=grade_command)


def grade_command(args: argparse.Namespace) -> int:
    """Exit 0 once the report is written (failing submissions are results),
    2 for bad input, 3 if the report could not be written, 130/143 if stopped."""
    folder, out = Path(args.submissions), Path(args.out)
    if not folder.is_dir():
        fail(f"{folder} is not a folder of submissions")
    files = sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))
    if not files:
        fail(f"{folder} holds no .py submission")
    if (out / "report.csv").exists() and not args.overwrite:
        fail(f"{out} holds an earlier report (report.csv); choose another --out or pass --overwrite")
    if not (args.steps > 0 and args.timeout > 0) or (args.workers is not None and args.workers < 1):
        fail("--steps, --timeout and --workers must be positive")
    try:
        task_source, task_options = plugin_task_choice(args.task, args.task_option, tuple(args.plugins))
        spec = RunSpec(task=args.task, length=args.length, steps=args.steps, hidden=args.hidden,
                       seed=args.seed, cells=("LSTM",), task_options=task_options, task_source=task_source,
                       plugins=tuple(args.plugins))
        # A plugin task's facts come from the checker, not from its code here; one that cannot be
        # built at this length is one line, before training.
        facts = task_facts(spec)
    except ValueError as error:
        fail(str(error))
    records = check_files([str(p) for p in files], args.timeout)
    rows, figures, stopped = grade(records, spec, facts, args.timeout, args.cluster, args.workers)
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_atomically(out / "report.csv", lambda f: f.write(report_csv(rows).encode()))
        write_atomically(out / "report.html", lambda f: f.write(report_html(rows, figures, spec).encode()))
    except OSError as error:
        print(f"gatelab: error: could not write the report in {out}: {error}", file=sys.stderr)
        return RESULTS_NOT_WRITTEN
    learned = sum(row["learned"] == "yes" for row in rows)
    checked = sum(row["status"] != "broken" for row in rows)
    print(f"{len(rows)} cell(s) from {len(files)} submission(s): {checked} passed the check, "
          f"{learned} learned the task; report in {out}")
    return 128 + stopped if stopped is not None else 0


def grade(records: list[CellRecord], spec: RunSpec, facts: TaskFacts, timeout: float,
          cluster: str | None = None, workers: int | None = None, stream: TextIO = sys.stderr
          ) -> tuple[list[dict], dict[int, bytes], int | None]:
    """The rows, a PNG per trained row (by row index), and a stop signal if one
    came. ``facts``: the task's, for the chance baseline and the input size the
    cells' parameters are counted at. The LSTM and every passing cell are jobs
    on ``cluster``'s executor (see ``executors``), each trained by a process of
    its own (``grade_jobs``)."""
    from plots.rendering import figure_png

    rows = [{"student": Path(record.file or record.origin).stem, "cell": record.name,
             "status": record.status, "reason": record.reason, "location": record.location,
             # at the size it trains: the task's input, --hidden (the check counts at input 2, hidden 64)
             "parameters": cell_parameters(record.parameter_samples, facts.input_size, spec.hidden),
             "ms_per_step": record.ms_per_step, "steps": 0,
             "final_loss": None, "baseline_loss": None, "lstm_final_loss": None, "learned": "no"}
            for record in records]
    trained = [(index, record) for index, record in enumerate(records)
               if passed(record, strict=False) and record.source is not None]
    cells = [(spec, "LSTM", LSTM, "LSTM (the yardstick)")] + [
        (spec.replace(cells=(r.name,)), r.name, r.source, f"{rows[i]['student']}: {r.name}")
        for i, r in trained]
    progress = JobProgress(len(cells), stream, "cells trained")

    def note(job: int, result: tuple[str, dict[str, bytes]] | JobFailed) -> None:
        failure = f" failed: {result.reason}" if isinstance(result, JobFailed) else ""
        progress.done(escape_for_terminal(cells[job][3] + failure))

    with stop_requests() as received:
        results = run_jobs(grade_job, [(s.to_json(), name, source, timeout) for s, name, source, _ in cells],
                           cluster, job_workers(cluster, workers, 1), note, lambda: bool(received))
    progress.finish()
    runs = [(None, result.reason) if isinstance(result, JobFailed) else graded_run(s, name, *result)
            for (s, name, _, _), result in zip(cells, results, strict=True)]
    lstm, _ = runs[0]
    baseline = facts.baseline_loss
    lstm_loss = final_value(lstm, "LSTM", "loss") if lstm is not None else math.nan
    figures = {}
    for row in rows:
        row["baseline_loss"], row["lstm_final_loss"] = baseline, lstm_loss
    for (index, record), (recorder, problem) in zip(trained, runs[1:], strict=True):
        if recorder is None:
            rows[index]["status"], rows[index]["reason"] = ERROR, problem
            continue
        _trained(rows[index], recorder, record.name)
        figures[index] = figure_png("gradients", recorder, FIGURE_WIDTH)
    return rows, figures, received[0] if received else None


def _trained(row: dict, recorder: RunRecorder, name: str) -> None:
    history = recorder.cells[name]
    row["steps"], row["final_loss"] = history.steps, final_value(recorder, name, "loss")
    if history.status not in ("done", "running"):
        row["status"], row["reason"] = history.status, history.message
    row["learned"] = "yes" if row["final_loss"] < recorder.task.baseline_loss / 2 else "no"


def report_csv(rows: list[dict]) -> str:
    return guarded_csv(REPORT_COLUMNS, rows, ("student", "cell", "status", "reason", "location"))


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return html.escape("" if value is None else str(value))


def report_html(rows: list[dict], figures: dict[int, bytes], spec: RunSpec) -> str:
    """One self-contained page: every text escaped (it comes from submissions), figures inline."""
    head = "".join(f"<th>{html.escape(c.replace('_', ' '))}</th>" for c in REPORT_COLUMNS) + \
        "<th>gradient through time</th>"
    body = []
    for index, row in enumerate(rows):
        image = figures.get(index)
        figure = f'<img alt="gradient" src="data:image/png;base64,{base64.b64encode(image).decode()}">' \
            if image else ""
        body.append(f'<tr class="{html.escape(row["status"])}">' +
                    "".join(f"<td>{_cell(row[c])}</td>" for c in REPORT_COLUMNS) + f"<td>{figure}</td></tr>")
    options = "".join(f" {html.escape(name)} = {html.escape(str(value))},"
                      for name, value in spec.task_options.items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>GateLab grading report</title>
<style>body{{font-family:sans-serif;margin:1em}} table{{border-collapse:collapse}}
td,th{{border:1px solid #bbb;padding:4px 8px;vertical-align:top}} tr.broken td{{background:#fde8e8}}
tr.warning td{{background:#fff6dc}} img{{width:{FIGURE_WIDTH // 2}px}}</style></head><body>
<h1>GateLab grading report</h1>
<p>Each cell trained {spec.steps} steps on the {html.escape(spec.task)} task (T = {spec.length},{options}
hidden {spec.hidden}, seed {spec.seed}) next to the built-in LSTM. "Learned": final loss (mean of the
last 10 recorded steps) below half the chance baseline.</p>
<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></body></html>
"""
