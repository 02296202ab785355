"""Finding cells: the built-ins, plugin folders and installed plugin packages.

Discovery never raises. It returns one ``CellRecord`` per cell found (or per
plugin that failed), saying what it is, where it came from, whether it can be
used and why not; one broken plugin never hides the others.

Where cells come from, in this order: the built-ins; the project's
``plugins/`` folder; the per-user plugin folder (``user_plugin_dir()``);
folders given with ``--plugins DIR``; installed packages declaring the entry
point group ``gatelab.cells``. Plugin code is imported and validated only in
the checker's child processes (``plugin_host.checker``), so that a plugin
which loops forever, calls ``sys.exit``, crashes the interpreter or patches
GateLab is reported as broken within seconds. It is never imported here:
records carry what the window shows (name, description, equations, state
names, parameter counts) as data, and only the worker that trains a cell
imports it (``record.source.load()``).
"""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path

from .checker import IsolatedChecker, shared_checker
from .errors import broken_verdict
from .jobs import FILE, Job, entry_point_jobs, file_jobs, plugin_folders
from .messages import CellVerdict
from .names import name_key
from .parameters import parameter_samples
from .records import BROKEN, HELPER, NO_CELL, CellRecord, Findings
from .siblings import entry_source, imported_siblings
from .source import CellSource
from .source_files import source_problem
from .task_messages import TaskFindings, TaskVerdict
from .task_records import TaskRecord

BUILTIN_MODULES = ("cells.rnn", "cells.lstm", "cells.gru")


def discover_builtins() -> list[CellRecord]:
    """The built-in cells (trusted: imported here, not validated)."""
    from cells.base import count_parameters  # torch: imported when cells are found, not with this module

    from .inspection import cell_classes_in, class_place
    from .setting_notes import static_setting_notes

    records = []
    for module_name in BUILTIN_MODULES:
        module = importlib.import_module(module_name)
        for cls in cell_classes_in(module):
            file, line = class_place(cls)
            records.append(CellRecord(
                name=cls.name, origin="built-in", file=file, line=line,
                source=CellSource("module", module_name, cls.__name__), description=cls.description,
                equations=cls.equations, state_names=tuple(cls.state_names),
                parameters=count_parameters(cls(2, 64)), parameter_samples=parameter_samples(cls),
                settings=static_setting_notes(cls(2, 64))))
    return records


def record_from_verdict(verdict: CellVerdict | TaskVerdict, origin: str) -> CellRecord | TaskRecord:
    """The record of one verdict; usable cells get the ``source`` a worker loads them from."""
    if isinstance(verdict, TaskVerdict):
        facts = verdict.facts.facts() if verdict.facts else None
        findings = {f.name: getattr(verdict, f.name) for f in dataclasses.fields(TaskFindings)}
        return TaskRecord(**findings | {"name": verdict.name or "?"}, origin=origin, facts=facts)
    findings = {f.name: getattr(verdict, f.name) for f in dataclasses.fields(Findings)}
    return CellRecord(**findings | {"name": verdict.name or "?"}, origin=origin)


def _job_record(verdict: CellVerdict | TaskVerdict, job: Job) -> CellRecord | TaskRecord:
    record = record_from_verdict(verdict, job.location if job.kind == FILE else f"package {job.location}")
    if verdict.class_name and record.status != BROKEN:
        if job.kind == FILE:
            record.source = CellSource("file", str(Path(job.location).resolve()), verdict.class_name)
        else:
            record.source = CellSource("module", verdict.module, verdict.class_name)
    return record


def _unreadable(job: Job) -> str | None:
    """Why a plugin file is not read at all (a pipe, a looping link, a huge file …)."""
    return job.problem or (source_problem(entry_source(Path(job.location))) if job.kind == FILE else None)


def check_plugins(jobs: list[Job], isolate: bool = True, validate: bool = True,
                  checker: IsolatedChecker | None = None) -> list[CellRecord | TaskRecord]:
    """Records for the given plugins (files or entry points), in order: their
    cells' and their tasks'. A file that cannot be read as a plugin is a broken
    record naming it (no line), and is never opened."""
    problems = {job: _unreadable(job) for job in jobs}
    readable = [job for job in jobs if not problems[job]]
    if isolate:
        verdicts = (checker or shared_checker()).check(readable, validate)
    else:  # trusted callers (tests) check in this process
        from .inspection import check_job

        verdicts = {job: [m for m in check_job(job, validate) if isinstance(m, CellVerdict | TaskVerdict)]
                    for job in readable}
    verdicts |= {job: [broken_verdict(job.plugin_name, problem, job.location)]
                 for job, problem in problems.items() if problem}
    records = [_job_record(verdict, job) for job in jobs for verdict in verdicts[job]]
    _mark_helpers(records, jobs)
    return records


def _mark_helpers(records: list[CellRecord], jobs: list[Job]) -> None:
    """A file without a cell that a plugin beside it imports is a helper, not
    a broken plugin (a vendored library, shared maths)."""
    imported = {str(p) for job in jobs if job.kind == FILE and not job.problem
                for p in imported_siblings(Path(job.location))}
    for record in records:
        if record.status == BROKEN and record.reason == NO_CELL and record.file in imported:
            record.status, record.reason = HELPER, "a helper imported by a plugin beside it (no cell here)"


def flag_duplicates(records: list[CellRecord] | list[TaskRecord]) -> None:
    """The first cell of a name wins; later ones are marked broken, not hidden."""
    first: dict[str, CellRecord] = {}
    for record in records:
        if record.status == BROKEN:
            continue
        key = name_key(record.name)  # look-alikes ("ＲＮＮ", "rnn", "RNN ") are the same name
        if key in first:
            record.status = BROKEN
            record.reason = (f"duplicate name {record.name!r}: already defined by "
                             f"{first[key].location}; rename one of them")
        else:
            first[key] = record


def discover_cells(
    plugin_dirs: list[Path] | tuple[Path, ...] = (),
    include_project_plugins: bool = True,
    include_entry_points: bool = True,
    include_user_plugins: bool = True,
    isolate: bool = True,
    validate: bool = True,
    checker: IsolatedChecker | None = None,
) -> list[CellRecord]:
    """Every cell found: built-ins, project plugins, user plugins, ``plugin_dirs``, packages.

    ``isolate`` imports and validates plugin code in the checker process
    first (set False only for code you trust: it is faster but a hanging
    plugin hangs the caller). Never raises.
    """
    records = discover_builtins()
    jobs = file_jobs(plugin_folders(plugin_dirs, include_project_plugins, include_user_plugins))
    if include_entry_points:
        try:
            jobs += entry_point_jobs()
        except Exception as error:  # broken metadata of some installed package
            records.append(record_from_verdict(broken_verdict("entry points", error), "installed packages"))
    records += [r for r in check_plugins(jobs, isolate, validate, checker) if isinstance(r, CellRecord)]
    flag_duplicates(records)
    return records


def find_cell(records: list[CellRecord], name: str) -> CellRecord | None:
    """The usable record of that name, compared as ``name_key`` (case and look-alikes)."""
    for record in records:
        if record.usable and name_key(record.name) == name_key(name):
            return record
    return None


@dataclasses.dataclass
class CellChoice:
    """The cells a run asked for, looked up once for the CLI and the API, which
    differ only in what they do with the bad ones (the CLI trains the good
    cells and reports the broken; the API raises)."""

    sources: dict[str, CellSource]  # by each record's own spelling of the name
    broken: dict[str, str]  # asked name -> "reason (where)"
    unknown: list[str]  # asked names that no record has
    usable: list[str]  # every usable cell's name, to say what there is

    def problems(self) -> dict[str, str]:
        """Each broken or unknown name and why, in words."""
        known = f"unknown; available: {', '.join(self.usable)}"
        return {**self.broken, **dict.fromkeys(self.unknown, known)}


def choose_cells(names: tuple[str, ...] | list[str], plugin_dirs: tuple[str, ...] | list[str]) -> CellChoice:
    """Discover (built-ins, ``plugin_dirs``, the user's and installed plugins)
    and look up each of ``names``; never raises."""
    records = discover_cells([Path(d) for d in plugin_dirs])
    choice = CellChoice({}, {}, [], [r.name for r in records if r.usable])
    for name in names:
        record = find_cell(records, name)
        if record is not None and record.source is not None:
            choice.sources[record.name] = record.source
            continue
        failed = [r for r in records if r.name.lower() == name.lower()]
        if failed:
            choice.broken[name] = f"{failed[0].reason} ({failed[0].location})"
        else:
            choice.unknown.append(name)
    return choice
