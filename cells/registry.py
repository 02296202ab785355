"""Finding cells: the built-ins, plugin files and installed plugin packages.

Discovery never raises. It returns one ``CellRecord`` per cell found (or per
plugin that failed), saying what it is, where it came from, and whether it can
be used; one broken plugin never hides the others.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import sys
import traceback
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import ModuleType

from .base import Cell

ENTRY_POINT_GROUP = "gatelab.cells"
PROJECT_PLUGIN_DIR = Path(__file__).resolve().parent.parent / "plugins"
BUILTIN_MODULES = ("cells.rnn", "cells.lstm", "cells.gru")

OK, WARNING, BROKEN = "ok", "warning", "broken"


@dataclass(frozen=True)
class CellSource:
    """How to import a cell class again, e.g. in a worker process (picklable).

    kind: "module" (an importable module name), "file" (a path) or
    "entry_point" (``"distribution:entry point name"``).
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
    """What discovery learned about one cell or one failed plugin."""

    name: str
    origin: str
    status: str = OK
    reason: str = ""
    file: str | None = None
    line: int | None = None
    traceback: str = ""
    source: CellSource | None = None
    cell_class: type[Cell] | None = field(default=None, repr=False, compare=False)

    @property
    def usable(self) -> bool:
        return self.status != BROKEN and self.cell_class is not None

    @property
    def location(self) -> str:
        """``file:line`` where known, for messages."""
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or self.origin


def import_file(path: Path) -> ModuleType:
    """Import a plugin file under a module name unique to its path."""
    path = path.resolve()
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:10]
    module_name = f"gatelab_plugin_{path.stem}_{digest}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
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
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def broken_record(name: str, origin: str, error: BaseException, file: str | None) -> CellRecord:
    where, line = error_location(error, file)
    return CellRecord(
        name=name, origin=origin, status=BROKEN, reason=describe_error(error),
        file=where, line=line,
        traceback="".join(traceback.format_exception(type(error), error, error.__traceback__)),
    )


def contract_problem(cls: type) -> str | None:
    """Why a class cannot be a cell, or None when the static contract holds."""
    if not (isinstance(cls, type) and issubclass(cls, Cell)):
        return "not a subclass of cells.Cell"
    if not isinstance(cls.name, str) or not cls.name.strip():
        return "the class attribute `name` is missing or empty"
    names = cls.state_names
    if not isinstance(names, tuple) or not names or not all(isinstance(n, str) for n in names):
        return "`state_names` must be a non-empty tuple of strings, e.g. ('h',) or ('h', 'c')"
    try:
        inspect.signature(cls).bind(1, 1)
    except TypeError:
        return "the constructor must accept (input_size, hidden_size)"
    return None


def class_line(cls: type) -> int | None:
    try:
        return inspect.getsourcelines(cls)[1]
    except (OSError, TypeError):
        return None


def records_from_module(module: ModuleType, origin: str, source_of) -> list[CellRecord]:
    """One record per Cell subclass defined in ``module``."""
    records = []
    for _, cls in inspect.getmembers(module, inspect.isclass):
        if cls.__module__ != module.__name__ or not issubclass(cls, Cell) or cls is Cell:
            continue
        if getattr(cls, "__gatelab_abstract__", False) or inspect.isabstract(cls):
            continue
        records.append(record_for_class(cls, origin, source_of(cls)))
    return records


def record_for_class(cls: type, origin: str, source: CellSource) -> CellRecord:
    file = inspect.getsourcefile(cls) if isinstance(cls, type) else None
    problem = contract_problem(cls)
    display = getattr(cls, "name", "") or getattr(cls, "__name__", "?")
    if problem:
        return CellRecord(name=str(display), origin=origin, status=BROKEN, reason=problem,
                          file=file, line=class_line(cls), source=source)
    return CellRecord(name=cls.name, origin=origin, file=file, line=class_line(cls),
                      source=source, cell_class=cls)


def discover_builtins() -> list[CellRecord]:
    records = []
    for module_name in BUILTIN_MODULES:
        module = importlib.import_module(module_name)
        records += records_from_module(
            module, "built-in", lambda cls, m=module_name: CellSource("module", m, cls.__name__))
    return records


def discover_file(path: Path) -> list[CellRecord]:
    origin = str(path)
    try:
        module = import_file(path)
    except BaseException as error:  # a plugin may raise anything, SystemExit included
        return [broken_record(path.stem, origin, error, str(path))]
    records = records_from_module(
        module, origin, lambda cls: CellSource("file", str(path.resolve()), cls.__name__))
    if not records:
        return [CellRecord(name=path.stem, origin=origin, status=BROKEN, file=str(path), line=1,
                           reason="no subclass of cells.Cell is defined in this file")]
    return records


def plugin_files(folder: Path) -> list[Path]:
    """The plugin files of a folder: ``*.py`` not starting with ``_``, sorted."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))


def discover_entry_points() -> list[CellRecord]:
    records = []
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = entry.dist.name if entry.dist else "?"
        origin = f"package {dist}"
        try:
            target = entry.load()
        except BaseException as error:
            records.append(broken_record(entry.name, origin, error, None))
            continue
        if inspect.ismodule(target):
            records += records_from_module(
                target, origin, lambda cls, m=target.__name__: CellSource("module", m, cls.__name__))
        else:
            module_name = getattr(target, "__module__", entry.module)
            records.append(record_for_class(
                target, origin, CellSource("module", module_name, getattr(target, "__name__", "?"))))
    return records


def flag_duplicates(records: list[CellRecord]) -> None:
    """The first cell of a name wins; later ones are marked broken, not hidden."""
    first: dict[str, CellRecord] = {}
    for record in records:
        if record.status == BROKEN:
            continue
        if record.name in first:
            record.status = BROKEN
            record.reason = (f"duplicate name {record.name!r}: already defined by "
                             f"{first[record.name].location}")
        else:
            first[record.name] = record


def discover_cells(
    plugin_dirs: list[Path] | tuple[Path, ...] = (),
    include_project_plugins: bool = True,
    include_entry_points: bool = True,
) -> list[CellRecord]:
    """Every cell found, built-ins first, then plugin folders, then packages."""
    records = discover_builtins()
    folders = ([PROJECT_PLUGIN_DIR] if include_project_plugins else []) + [Path(d) for d in plugin_dirs]
    seen: set[Path] = set()
    for folder in folders:
        for path in plugin_files(folder):
            if path.resolve() not in seen:
                seen.add(path.resolve())
                records += discover_file(path)
    if include_entry_points:
        records += discover_entry_points()
    flag_duplicates(records)
    return records


def find_cell(records: list[CellRecord], name: str) -> CellRecord | None:
    """The usable record of that name, case-insensitively."""
    for record in records:
        if record.usable and record.name.lower() == name.lower():
            return record
    return None
