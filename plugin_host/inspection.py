"""Importing one plugin and judging its cells and tasks: the work the checker process does.

``check_job`` imports one plugin (a file or an entry point), finds its cell
and task classes and validates each, yielding typed messages as it goes. It never
raises for plugin errors. It runs plugin code in the calling process, so the
checker runs it in a child process of its own per plugin; call it directly
only for code you trust (the built-ins, ``isolate=False``).
"""

from __future__ import annotations

import importlib
import inspect
import json
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from types import ModuleType

from cells.base import Cell
from tasks.base import Task

from .errors import broken_verdict
from .jobs import ENTRY_POINT_GROUP, FILE, Job
from .messages import IMPORT, VALIDATE, CellVerdict, ClassesFound, Phase
from .parameters import parameter_samples
from .records import BROKEN, NO_CELL, OK
from .source import import_file
from .tampering import Snapshot, changed_code
from .task_messages import FactsMessage, OptionMessage, TaskVerdict
from .task_validation import task_contract_problem, validate_task
from .validation import contract_problem, validate_cell

TASK_ENTRY = "task entry"  # a Job's kind for an entry point of the ``gatelab.tasks`` group
MODULE = "module"  # a Job's kind for an importable module (a task a spec names by its module)
TASK_ENTRY_POINT_GROUP = "gatelab.tasks"


def cell_classes_in(module: ModuleType, base: type = Cell) -> list[type]:
    """Subclasses of ``base`` (cells, or ``Task`` for tasks) defined in ``module``
    (not imported into it) — or, for a folder plugin (a package), in its own
    submodules — in definition order."""
    found = []
    inside = module.__name__ + "." if hasattr(module, "__path__") else None  # a package's own submodules

    def defined_here(cls: type) -> bool:
        return cls.__module__ == module.__name__ or bool(inside and cls.__module__.startswith(inside))

    for value in list(vars(module).values()):
        if (isinstance(value, type) and issubclass(value, base) and value is not base
                and defined_here(value) and not value.__name__.startswith("_")
                and not getattr(value, "__gatelab_abstract__", False) and not inspect.isabstract(value)):
            found.append(value)
    return found


def class_place(cls: type) -> tuple[str | None, int | None]:
    """The file and line where ``cls`` is defined, where known."""
    try:
        file = inspect.getsourcefile(cls)
    except TypeError:
        file = None
    try:
        line = inspect.getsourcelines(cls)[1]
    except (OSError, TypeError):
        line = None
    return file, line


def load_entry_point(job: Job) -> object:
    """What an entry point names (a module or a class), or a ``MODULE`` job's
    module; raises what its import raises."""
    if job.kind == MODULE:
        return importlib.import_module(job.location)
    group = TASK_ENTRY_POINT_GROUP if job.kind == TASK_ENTRY else ENTRY_POINT_GROUP
    for entry in metadata.entry_points(group=group):
        if entry.name == job.name and entry.value == job.value:
            return entry.load()
    raise LookupError(f"entry point {job.name} = {job.value} is no longer installed")


def _texts(value: object) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, tuple | list) else ()


def _samples(cls: type) -> tuple[int, ...]:
    try:
        return parameter_samples(cls)
    except Exception:  # a constructor that fails is judged by validation
        return ()


def class_verdict(cls: type, validate: bool, module_name: str) -> CellVerdict:
    """Judge one cell class: run it (``validate``) or check only the static contract.
    The verdict carries what the window shows of the cell, as plain data."""
    file, line = class_place(cls)
    name = getattr(cls, "name", "")
    about = dict(name=name if isinstance(name, str) and name.strip() else cls.__name__,
                 class_name=cls.__name__, module=module_name, file=file,
                 description=str(getattr(cls, "description", "") or ""),
                 equations=str(getattr(cls, "equations", "") or ""),
                 state_names=_texts(getattr(cls, "state_names", ())))
    problem = contract_problem(cls)
    if not problem:
        about["parameter_samples"] = _samples(cls)
    if not validate:
        return CellVerdict(**about, line=line, status=BROKEN if problem else OK, reason=problem or "")
    result = validate_cell(cls)
    return CellVerdict(**about, line=result.line or line, status=result.status, reason=result.reason,
                       traceback=result.traceback, parameters=result.parameters,
                       ms_per_step=result.ms_per_step, gradient_to_previous=result.gradient_to_previous,
                       gates=tuple(result.gates), warnings=tuple(result.warnings),
                       settings=tuple(result.settings))


def task_verdict(cls: type, validate: bool, module_name: str, settings: str = "") -> TaskVerdict:
    """Judge one task class: run it (``validate``; at ``settings``, JSON, else its
    defaults) or check only the static contract. The verdict carries its
    options, and its facts when it could be built, as plain data."""
    file, line = class_place(cls)
    name = getattr(cls, "name", "")
    about = dict(name=name if isinstance(name, str) and name.strip() else cls.__name__,
                 class_name=cls.__name__, module=module_name, file=file,
                 description=str(getattr(cls, "description", "") or ""),
                 metric_name=str(getattr(cls, "metric_name", "") or ""))
    problem = task_contract_problem(cls)
    if problem:
        return TaskVerdict(**about, line=line, status=BROKEN, reason=problem)
    about["options"] = tuple(OptionMessage.of(option) for option in cls.options())
    if not validate:
        return TaskVerdict(**about, line=line)
    result = validate_task(cls, json.loads(settings) if settings else None)
    return TaskVerdict(**about, line=result.line or line, status=result.status, reason=result.reason,
                       traceback=result.traceback, warnings=tuple(result.warnings),
                       facts=FactsMessage.of(result.facts) if result.facts else None)


def _classes(target: object, job: Job, settings: str) -> tuple[list[type], list[type], str] | str:
    """The cell and task classes a plugin holds (only its tasks when ``settings``
    asks for a task's facts) and their module's name, or why there are none usable."""
    if isinstance(target, ModuleType):
        cells = [] if settings else cell_classes_in(target)
        return cells, cell_classes_in(target, Task), target.__name__
    module_name = getattr(target, "__module__", job.value.split(":")[0])
    if isinstance(target, type) and issubclass(target, Task):
        return [], [target], module_name
    if isinstance(target, type) and issubclass(target, Cell) and not settings:
        return [target], [], module_name
    return f"the entry point {job.value!r} names neither a Cell or Task subclass nor a module holding some"


def check_job(job: Job, validate: bool = True, before: Snapshot | None = None,
              settings: str = "") -> Iterator[Phase | ClassesFound | CellVerdict | TaskVerdict]:
    """Import one plugin and judge its cells and tasks, announcing each ``Phase``
    first (with ``settings``: only its tasks, with their facts at those settings).
    With ``before`` (a ``tampering.snapshot()``), a plugin that replaced code
    outside its own file at import is judged broken without running it further.
    Never raises for plugin errors."""
    yield Phase(IMPORT)
    file = job.location if job.kind == FILE else None
    try:
        target = import_file(Path(job.location)) if job.kind == FILE else load_entry_point(job)
    except BaseException as error:  # plugin code may raise anything, SystemExit included
        yield broken_verdict(job.plugin_name, error, file)
        return
    replaced = changed_code(before) if before is not None else []
    if replaced:
        yield broken_verdict(job.plugin_name, "it replaces code outside its own file at import ("
                             f"{', '.join(replaced)}); a cell must not patch GateLab, torch or Python",
                             file, 1)
        return
    found = _classes(target, job, settings)
    if isinstance(found, str):
        yield broken_verdict(job.name, found)
        return
    cells, tasks, module_name = found
    if not cells and not tasks:
        yield broken_verdict(job.plugin_name, NO_CELL, file, 1)
        return
    yield ClassesFound(tuple(cls.__name__ for cls in cells + tasks), tuple(cls.__name__ for cls in tasks))
    for cls in cells + tasks:
        yield Phase(VALIDATE, cls.__name__)
        yield class_verdict(cls, validate, module_name) if cls in cells else \
            task_verdict(cls, validate, module_name, settings)
