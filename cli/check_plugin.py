"""``python main.py check-plugin FILE… [--json]``: validate plugin files headless.

For grading a class's cells: each file is imported and validated in the
isolated checker process (a file that hangs or crashes is reported, not
obeyed), one report per cell (and per task: a task plugin is judged by the
same check), and the exit code is 0 only if every cell and task passes
(``--strict``: warnings fail too). Files are judged independently of each
other; a name that clashes with a built-in cell or task fails.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from plugin_host import (
    BROKEN,
    HELPER,
    OK,
    WARNING,
    CellRecord,
    IsolatedChecker,
    Job,
    check_plugins,
    discover_builtins,
)
from plugin_host.jobs import FILE
from plugin_host.limits import DEFAULT_STEP_TIMEOUT
from plugin_host.names import escape_for_terminal, name_key
from plugin_host.task_records import TaskRecord
from plugin_host.validation import TIMING_BATCH, TIMING_HIDDEN, TIMING_INPUT
from tasks import TASKS


def add_check_plugin_parser(commands) -> None:
    parser = commands.add_parser(
        "check-plugin", help="validate plugin files headless (exit 0 only if every cell passes)")
    parser.add_argument("files", nargs="+", metavar="FILE", help="plugin .py files")
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of text")
    parser.add_argument("--strict", action="store_true", help="count warnings as failures too")
    parser.add_argument("--timeout", type=float, default=DEFAULT_STEP_TIMEOUT,
                        help="seconds allowed for importing a file and for validating a cell "
                             "(default %(default)s)")
    parser.set_defaults(handler=check_plugin_command)


def check_files(files: list[str], timeout: float = DEFAULT_STEP_TIMEOUT) -> list[CellRecord]:
    """One record per cell in each file (or per file that failed), in order."""
    return [record for record in check_files_and_tasks(files, timeout) if isinstance(record, CellRecord)]


def check_files_and_tasks(files: list[str],
                          timeout: float = DEFAULT_STEP_TIMEOUT) -> list[CellRecord | TaskRecord]:
    """One record per cell and per task in each file (or per file that failed), in order."""
    builtin_names = {name_key(r.name): "cell" for r in discover_builtins()}
    builtin_names |= {name_key(name): "task" for name in TASKS}
    records: list[CellRecord | TaskRecord] = []
    checker = IsolatedChecker(import_timeout=timeout, step_timeout=timeout)
    try:  # checked together, so that a helper file the others import is known as one
        jobs = [Job(FILE, str(Path(text).resolve())) for text in files if Path(text).is_file()]
        checked = iter(check_plugins(jobs, checker=checker))
        by_file: dict[str, list[CellRecord | TaskRecord]] = {}
        for record in checked:
            by_file.setdefault(record.file or record.origin, []).append(record)
        for text in files:
            path = Path(text)
            if path.is_file():
                records += by_file.get(os.path.realpath(path), [])
            else:
                records.append(CellRecord(name=path.stem, origin=text, status=BROKEN, file=text,
                                          reason="no such file"))
    finally:
        checker.close()
    for record in records:
        kind = "task" if isinstance(record, TaskRecord) else "cell"
        if record.status != BROKEN and builtin_names.get(name_key(record.name)) == kind:
            record.status = BROKEN
            record.reason = f"the name {record.name!r} is taken by the built-in {kind}; rename it"
    return records


def passed(record: CellRecord | TaskRecord, strict: bool) -> bool:
    """A helper (no cell, imported by a plugin beside it) is no failure."""
    return record.status in (OK, HELPER) or (record.status == WARNING and not strict)


def as_dict(record: CellRecord, strict: bool) -> dict:
    return {
        "name": record.name, "file": record.file, "line": record.line, "status": record.status,
        "passed": passed(record, strict), "reason": record.reason, "parameters": record.parameters,
        "ms_per_step": None if record.ms_per_step is None else round(record.ms_per_step, 4),
        "gradient_to_previous_state": record.gradient_to_previous, "gates": list(record.gates),
        "settings": {note.setting: {"applies": note.applies, "detail": note.detail}
                     for note in record.settings},
        "traceback": record.traceback,
    }


def setting_lines(record: CellRecord) -> list[str]:
    """Which run settings act on the cell, one aligned line each (``plugin_host.setting_notes``)."""
    if not record.settings:
        return []
    width = max(len(note.setting) for note in record.settings)
    answers = max(len(note.applies) for note in record.settings)
    return ["    settings:"] + [f"      {note.setting:<{width}}  {note.applies:<{answers}}  {note.detail}"
                                for note in record.settings]


def task_dict(record: TaskRecord, strict: bool) -> dict:
    facts = record.facts
    return {
        "name": record.name, "file": record.file, "line": record.line, "status": record.status,
        "passed": passed(record, strict), "reason": record.reason,
        "baseline_loss": facts.baseline_loss if facts else None,
        "baseline_metric": facts.baseline_metric if facts else None,
        "options": {option.name: option.default for option in record.options}, "traceback": record.traceback,
    }


def task_lines(record: TaskRecord) -> list[str]:
    """What a task that passed is: its baselines at its defaults, its options."""
    facts, lines = record.facts, []
    if facts is not None:
        lines.append(f"    task: chance baseline at T = {facts.length}: loss {facts.baseline_loss:.4f}, "
                     f"{facts.metric_name} {facts.baseline_metric:.4f}")
    if record.options:
        lines.append("    options: " + ", ".join(f"{o.name}={o.default}" for o in record.options))
    return lines


def text_report(record: CellRecord | TaskRecord) -> str:
    lines = [f"{record.mark} {record.name}  ({record.location})", f"    status: {record.status}"]
    if record.reason:
        lines.append(f"    reason: {record.reason}")
    if isinstance(record, TaskRecord):
        return "\n".join(escape_for_terminal(line) for line in lines + task_lines(record))
    if record.parameters is not None:
        lines.append(f"    parameters: {record.parameters:,} (input {TIMING_INPUT}, hidden {TIMING_HIDDEN})")
    if record.ms_per_step is not None:
        lines.append(f"    ms/step: {record.ms_per_step:.3f} (one time step, forward + backward, "
                     f"batch {TIMING_BATCH})")
    if record.gradient_to_previous is not None:
        lines.append(f"    gradient reaches h_(t-1): {'yes' if record.gradient_to_previous else 'no'}")
    if record.gates:
        lines.append(f"    records: {', '.join(record.gates)}")
    lines += setting_lines(record)
    return "\n".join(escape_for_terminal(line) for line in lines)  # plugin text may hold escapes


def check_plugin_command(args: argparse.Namespace) -> int:
    records = check_files_and_tasks(args.files, args.timeout)
    cells = [r for r in records if isinstance(r, CellRecord)]
    tasks = [r for r in records if isinstance(r, TaskRecord)]
    failures = sum(not passed(r, args.strict) for r in records)
    if args.json:
        document = {"passed": failures == 0, "cells": [as_dict(r, args.strict) for r in cells]}
        if tasks:
            document["tasks"] = [task_dict(r, args.strict) for r in tasks]
        print(json.dumps(document, indent=2))
    else:
        for record in records:
            print(text_report(record))
        for found, kind in ((cells, "cell"), (tasks, "task")):
            if found or kind == "cell":
                fine = sum(passed(r, args.strict) for r in found)
                print(f"{fine} of {len(found)} {kind}(s) passed")
    return 0 if failures == 0 else 1
