"""Finding tasks: the built-ins, and task plugins where cells are found.

A task plugin is found, checked and reported exactly as a cell plugin is
(``discovery``): files in the same folders, checked in the same isolated
children (one check per file judges its cells and its tasks), and installed
packages' ``gatelab.tasks`` entry points. ``discover_tasks`` returns one
``TaskRecord`` per task and never raises. What a process that must not run
plugin code needs of a plugin task at some settings (its sizes and baselines
at the spec's length and options) comes from the checker too:
``plugin_task_facts``.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path
from typing import Any

from tasks import TASKS
from tasks.base import TaskFacts

from .checker import IsolatedChecker, shared_checker
from .discovery import check_plugins, discover_cells, flag_duplicates, record_from_verdict
from .errors import broken_verdict
from .inspection import MODULE, TASK_ENTRY, TASK_ENTRY_POINT_GROUP, class_place
from .jobs import FILE, Job, entry_point_jobs, file_jobs, plugin_folders
from .names import name_key
from .records import BROKEN
from .source import CellSource
from .task_messages import OptionMessage, TaskVerdict, settings_json
from .task_records import BUILT_IN, TaskRecord


def builtin_tasks() -> list[TaskRecord]:
    """The built-in tasks (trusted: described from their classes, no torch needed)."""
    records = []
    for task_class in TASKS.values():
        file, line = class_place(task_class)
        records.append(TaskRecord(
            name=task_class.name, origin=BUILT_IN, file=file, line=line,
            source=CellSource(MODULE, task_class.__module__, task_class.__name__),
            description=task_class.description, metric_name=task_class.metric_name,
            options=tuple(OptionMessage.of(option) for option in task_class.options())))
    return records


def task_entry_point_jobs() -> list[Job]:
    """One job per installed ``gatelab.tasks`` entry point."""
    return [Job(TASK_ENTRY, entry.dist.name if entry.dist else "?", entry.name, entry.value)
            for entry in metadata.entry_points(group=TASK_ENTRY_POINT_GROUP)]


def discover_tasks(plugin_dirs: list[Path] | tuple[Path, ...] = (), include_project_plugins: bool = True,
                   include_entry_points: bool = True, include_user_plugins: bool = True,
                   isolate: bool = True, checker: IsolatedChecker | None = None) -> list[TaskRecord]:
    """Every task found: built-ins, then plugin tasks from the folders and
    packages that cells come from (same order, same isolation). Never raises."""
    records = builtin_tasks()
    jobs = file_jobs(plugin_folders(plugin_dirs, include_project_plugins, include_user_plugins))
    if include_entry_points:
        try:
            jobs += entry_point_jobs() + task_entry_point_jobs()
        except Exception as error:  # broken metadata of some installed package
            failure = TaskVerdict.failure(broken_verdict("entry points", error))
            records.append(record_from_verdict(failure, "installed packages"))
    records += [r for r in check_plugins(jobs, isolate, True, checker) if isinstance(r, TaskRecord)]
    flag_duplicates(records)
    return records


def find_task(records: list[TaskRecord], name: str) -> TaskRecord | None:
    """The usable task of that name, compared as ``name_key`` (case and look-alikes)."""
    return next((r for r in records if r.usable and name_key(r.name) == name_key(name)), None)


def task_problem(name: str, plugin_dirs: list[Path] | tuple[Path, ...] = ()) -> str:
    """Why no usable task is called ``name``, in one line: a task plugin of that
    name that failed its check, a plugin file of that name that failed to
    import, or simply an unknown name with the choices."""
    records = discover_tasks(plugin_dirs)
    failed = [r for r in records if r.status == BROKEN and name_key(r.name) == name_key(name)]
    failed += [r for r in discover_cells(plugin_dirs) if r.status == BROKEN and r.source is None
               and r.file and name_key(Path(r.file).stem) == name_key(name)]
    if failed:
        return f"task {name!r} cannot be used: {failed[0].location}: {failed[0].reason}"
    usable = ", ".join(r.name for r in records if r.usable)
    return f"unknown task {name!r}; choose from {usable}"


def source_job(source: CellSource) -> Job:
    """A job that checks the plugin ``source`` names (a file, or an importable module)."""
    if source.kind == FILE:
        return Job(FILE, source.location)
    return Job(MODULE, source.location, source.class_name)


def plugin_task_facts(source: CellSource, length: int, options: dict[str, Any],
                      checker: IsolatedChecker | None = None) -> TaskFacts:
    """A plugin task's facts at ``length`` and ``options``, measured in the
    isolated checker (this process never imports it); ValueError in words
    when the task cannot be built or used there."""
    job = source_job(source)
    verdicts = (checker or shared_checker()).check([job], True, settings_json(length, options))[job]
    mine = [v for v in verdicts if isinstance(v, TaskVerdict) and v.class_name == source.class_name]
    verdict = mine[0] if mine else (verdicts[0] if verdicts else None)
    if verdict is None or verdict.status == BROKEN or not isinstance(verdict, TaskVerdict) \
            or not verdict.facts:
        reason = verdict.reason if verdict else "it was not found again"
        where = f"{verdict.file}:{verdict.line}" if verdict and verdict.file and verdict.line \
            else source.location
        raise ValueError(f"task plugin {source.class_name} ({where}): {reason}")
    return verdict.facts.facts()


def task_source_for(name: str, plugin_dirs: list[Path] | tuple[Path, ...] = ()) -> tuple[str, ...]:
    """What a ``RunSpec`` carries for the task called ``name``: () for a built-in,
    a plugin task's source as (kind, location, class name); ValueError in one
    line (``task_problem``) when no usable task has that name."""
    if name in TASKS:
        return ()
    record = find_task(discover_tasks(plugin_dirs), name)
    if record is None or record.source is None:
        raise ValueError(task_problem(name, plugin_dirs))
    return record.spec_source


def parse_option(record: TaskRecord, text: str) -> tuple[str, Any]:
    """``NAME=VALUE`` for one of ``record``'s options, as the option's type; ValueError in words."""
    name, equals, value = text.partition("=")
    options = {option.name: option for option in record.options if option.name != "length"}
    if not equals or name.strip() not in options:
        raise ValueError(f"--task-option {text!r}: the {record.name} task's options are "
                         f"{', '.join(f'{n}=…' for n in options) or '(none)'}")
    default = options[name.strip()].default
    try:
        if isinstance(default, bool):
            if value.strip().lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError(value)
            return name.strip(), value.strip().lower() in ("true", "1", "yes")
        return name.strip(), type(default)(value.strip())
    except ValueError:
        raise ValueError(f"--task-option {text!r}: {name.strip()} must be a "
                         f"{type(default).__name__}") from None
