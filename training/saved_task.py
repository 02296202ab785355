"""The task of a saved run whose task cannot (or must not) be built again.

A run of a task plugin is opened without importing the plugin (the window
and ``gatelab.open`` never run plugin code), and a run of the ``csv`` task
opens where its file is gone or has changed: both read what the run saved of
its task (``summary.json``'s "task": name, settings, sequence length, metric
and baselines) instead. Every other run builds its built-in task again, as
before.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from tasks import Task, TaskFacts

from .run_files import SUMMARY_BYTES, RunFileError, read_text
from .spec import RunSpec, build_task

REBUILT_ELSEWHERE = ("csv",)  # built-ins whose facts depend on a file that may be gone


def saved_task(summary_path: Path, spec: RunSpec) -> Task | TaskFacts:
    """The run's task: built again when it is a plain built-in, else its saved
    facts; ``RunFileError`` naming the file when neither is possible."""
    if not spec.task_source and spec.task not in REBUILT_ELSEWHERE:
        try:
            return build_task(spec)
        except (ValueError, TypeError) as error:
            raise RunFileError(summary_path, f"spec: {error}") from error
    task = json.loads(read_text(summary_path, SUMMARY_BYTES)).get("task")
    if not isinstance(task, dict):
        raise RunFileError(summary_path, "task must be a JSON object (a run of a task plugin or csv)")
    numbers = {key: task.get(key) for key in ("sequence_length", "baseline_loss", "baseline_metric")}
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
               for v in numbers.values()) or not isinstance(task.get("parameters"), dict):
        raise RunFileError(summary_path, "task: its sequence_length, baselines or parameters are missing")
    return TaskFacts(name=spec.task, description=str(task.get("description", "")),
                     metric_name=str(task.get("metric_name", "metric")), many_to_one=True, input_size=0,
                     output_size=0, sequence_length=int(numbers["sequence_length"]),
                     baseline_loss=float(numbers["baseline_loss"]),
                     baseline_metric=float(numbers["baseline_metric"]), settings=dict(task["parameters"]))
