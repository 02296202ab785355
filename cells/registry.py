"""Finding cells: the built-ins, plugin folders and installed plugin packages.

Discovery never raises. It returns one ``CellRecord`` per cell found (or per
plugin that failed), saying what it is, where it came from, whether it can be
used and why not; one broken plugin never hides the others.

Where cells come from, in this order: the built-ins; the project's
``plugins/`` folder; the per-user plugin folder (``user_plugin_dir()``);
folders given with ``--plugins DIR``; installed packages declaring the entry
point group ``gatelab.cells``. Plugin code is first imported and validated in
a separate checker process (``cells.isolation``), so that a plugin which
loops forever, calls ``sys.exit`` or crashes the interpreter is reported as
broken within seconds; only plugins that pass are imported here.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from .base import Cell, count_parameters
from .isolation import ENTRY_POINT_GROUP, IsolatedChecker, Job, check_job, entry_point_jobs, shared_checker
from .validation import BROKEN, OK, WARNING, contract_problem  # noqa: F401 (OK, WARNING: re-exported)

__all__ = [
    "ENTRY_POINT_GROUP", "PROJECT_PLUGIN_DIR", "CellRecord", "CellSource", "discover_cells",
    "find_cell", "user_plugin_dir", "import_file", "contract_problem", "OK", "WARNING", "BROKEN",
]

PROJECT_PLUGIN_DIR = Path(__file__).resolve().parent.parent / "plugins"
BUILTIN_MODULES = ("cells.rnn", "cells.lstm", "cells.gru")


@dataclass(frozen=True)
class CellSource:
    """How to import a cell class again, e.g. in a worker process (picklable).

    kind: "module" (an importable module name) or "file" (a path).
    """

    kind: str
    location: str
    class_name: str

    def load(self) -> type[Cell]:
        """Import the class; raises whatever the plugin raises."""
        if self.kind == "file":
            module = import_file(Path(self.location))
        else:
            module = importlib.import_module(self.location)
        return getattr(module, self.class_name)


@dataclass
class CellRecord:
    """What discovery learned about one cell or one failed plugin.

    status: "ok", "warning" (usable, but see ``reason``) or "broken".
    The validation figures (parameters at input 2 / hidden 64, ms per time
    step forward + backward at batch 32, whether the gradient reaches
    h_{t-1}, the recorded gate names) are None/empty when not measured.
    """

    name: str
    origin: str
    status: str = OK
    reason: str = ""
    file: str | None = None
    line: int | None = None
    traceback: str = ""
    source: CellSource | None = None
    cell_class: type[Cell] | None = field(default=None, repr=False, compare=False)
    description: str = ""
    parameters: int | None = None
    ms_per_step: float | None = None
    gradient_to_previous: bool | None = None
    gates: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def usable(self) -> bool:
        return self.status != BROKEN and self.cell_class is not None

    @property
    def location(self) -> str:
        """``file:line`` where known, for messages."""
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or self.origin

    @property
    def mark(self) -> str:
        return {OK: "✓", WARNING: "⚠"}.get(self.status, "✗")


# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------

def user_plugin_dir(create: bool = False) -> Path:
    """The per-user plugin folder, in the platform's standard config location.

    Linux: ``$XDG_CONFIG_HOME/gatelab/plugins`` (default ``~/.config``);
    macOS: ``~/Library/Application Support/GateLab/plugins``;
    Windows: ``%APPDATA%\\GateLab\\plugins``. ``create`` makes it if missing.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "GateLab"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "GateLab"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "gatelab"
    folder = base / "plugins"
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def plugin_files(folder: Path) -> list[Path]:
    """The plugin files of a folder: ``*.py`` not starting with ``_`` or ``.``, sorted."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith(("_", ".")))


def plugin_folders(plugin_dirs=(), include_project_plugins: bool = True,
                   include_user_plugins: bool = True) -> list[Path]:
    """The folders discovery looks in, in order."""
    folders = [PROJECT_PLUGIN_DIR] if include_project_plugins else []
    if include_user_plugins:
        folders.append(user_plugin_dir())
    return folders + [Path(d) for d in plugin_dirs]


# ---------------------------------------------------------------------------
# Importing and explaining errors
# ---------------------------------------------------------------------------

def import_file(path: Path) -> ModuleType:
    """Import a plugin file under a module name unique to its path.

    The source is compiled afresh every time (no ``__pycache__``), so a file
    saved twice within a second is never served from a stale bytecode cache.
    """
    path = Path(path).resolve()
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:10]
    module_name = f"gatelab_plugin_{path.stem}_{digest}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    code = compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
    sys.modules[module_name] = module
    try:
        exec(code, module.__dict__)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module


def error_location(error: BaseException, file: str | None) -> tuple[str | None, int | None]:
    """The file and line an error points at, preferring the plugin's own file."""
    if isinstance(error, SyntaxError) and error.filename:
        return error.filename, error.lineno
    frames = traceback.extract_tb(error.__traceback__)
    if file is not None:
        resolved = str(Path(file).resolve())
        own = [f for f in frames if str(Path(f.filename).resolve()) == resolved]
        if own:
            return own[-1].filename, own[-1].lineno
    if frames:
        return frames[-1].filename, frames[-1].lineno
    return file, None


def describe_error(error: BaseException) -> str:
    """One plain line: the exception's type and message."""
    if isinstance(error, SystemExit):
        return f"the plugin called sys.exit({error.code!r}) while being imported"
    if isinstance(error, SyntaxError):
        return f"SyntaxError: {error.msg} (line {error.lineno})"
    if isinstance(error, ModuleNotFoundError):
        return f"it imports {error.name!r}, which is not installed (ModuleNotFoundError)"
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def broken_record(name: str, origin: str, error: BaseException, file: str | None) -> CellRecord:
    where, line = error_location(error, file)
    return CellRecord(
        name=name, origin=origin, status=BROKEN, reason=describe_error(error),
        file=where, line=line,
        traceback="".join(traceback.format_exception(type(error), error, error.__traceback__)),
    )


# ---------------------------------------------------------------------------
# Discovery
# ---------------------------------------------------------------------------

def discover_builtins() -> list[CellRecord]:
    """The built-in cells (trusted: imported here, not validated)."""
    from .isolation import cell_classes_in, class_place

    records = []
    for module_name in BUILTIN_MODULES:
        module = importlib.import_module(module_name)
        for cls in cell_classes_in(module):
            file, line = class_place(cls)
            records.append(CellRecord(
                name=cls.name, origin="built-in", file=file, line=line,
                source=CellSource("module", module_name, cls.__name__), cell_class=cls,
                description=cls.description, parameters=count_parameters(cls(2, 64))))
    return records


def _record_from_payload(payload: dict, job: Job) -> CellRecord:
    origin = job.location if job.kind == "file" else f"package {job.location}"
    record = CellRecord(
        name=str(payload.get("name") or "?"), origin=origin, status=payload.get("status", BROKEN),
        reason=payload.get("reason", ""), file=payload.get("file"), line=payload.get("line"),
        traceback=payload.get("traceback", ""), description=payload.get("description", ""),
        parameters=payload.get("parameters"), ms_per_step=payload.get("ms_per_step"),
        gradient_to_previous=payload.get("gradient_to_previous"),
        gates=tuple(payload.get("gates", ())), warnings=tuple(payload.get("warnings", ())))
    class_name = payload.get("class_name")
    if class_name and record.status != BROKEN:
        if job.kind == "file":
            record.source = CellSource("file", str(Path(job.location).resolve()), class_name)
        else:
            record.source = CellSource("module", payload.get("module", ""), class_name)
    return record


def _attach_classes(records: list[CellRecord], job: Job) -> None:
    """Import a plugin that passed into this process and attach its classes."""
    wanted = [r for r in records if r.source is not None]
    if not wanted:
        return
    try:
        module = import_file(Path(job.location)) if job.kind == "file" else None
    except BaseException as error:  # it passed in the checker, but plugins can be fickle
        for record in wanted:
            broken = broken_record(record.name, record.origin, error, job.location)
            record.status, record.reason, record.traceback = BROKEN, broken.reason, broken.traceback
            record.source = None
        return
    for record in wanted:
        try:
            cls = getattr(module, record.source.class_name) if module else record.source.load()
        except BaseException as error:
            record.status, record.reason = BROKEN, describe_error(error)
            record.traceback = traceback.format_exc()
            record.source = None
            continue
        record.cell_class = cls


def check_plugins(jobs: list[Job], isolate: bool = True, validate: bool = True,
                  checker: IsolatedChecker | None = None) -> list[CellRecord]:
    """Records for the given plugins (files or entry points), in order."""
    if isolate:
        payloads = (checker or shared_checker()).check(jobs, validate)
    else:
        payloads = {job: [m[1] for m in check_job(job, validate) if m[0] == "record"] for job in jobs}
    records: list[CellRecord] = []
    for job in jobs:
        job_records = [_record_from_payload(p, job) for p in payloads[job]]
        _attach_classes(job_records, job)
        records += job_records
    return records


def flag_duplicates(records: list[CellRecord]) -> None:
    """The first cell of a name wins; later ones are marked broken, not hidden."""
    first: dict[str, CellRecord] = {}
    for record in records:
        if record.status == BROKEN:
            continue
        key = record.name.lower()
        if key in first:
            record.status = BROKEN
            record.reason = (f"duplicate name {record.name!r}: already defined by "
                             f"{first[key].location}; rename one of them")
            record.cell_class = None
        else:
            first[key] = record


def file_jobs(folders: list[Path]) -> list[Job]:
    jobs, seen = [], set()
    for folder in folders:
        for path in plugin_files(folder):
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                jobs.append(Job("file", str(resolved)))
    return jobs


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
            records.append(broken_record("entry points", "installed packages", error, None))
    records += check_plugins(jobs, isolate, validate, checker)
    flag_duplicates(records)
    return records


def find_cell(records: list[CellRecord], name: str) -> CellRecord | None:
    """The usable record of that name, case-insensitively."""
    for record in records:
        if record.usable and record.name.lower() == name.lower():
            return record
    return None
