"""The files of a saved run: one error for every bad one, limits, atomic writes.

``RunRecorder.save`` and ``RunRecorder.load`` use this module for
``summary.json`` and ``metrics.csv`` (``npz_files`` does ``gradients.npz``).
A run folder may come from anyone, so reading trusts nothing: each file is
size-checked before it is read, every value is type- and range-checked
before it reaches a plot or a control, and whatever is wrong is raised as
one ``RunFileError`` that names the file and the problem, so the window
can show it in words and stay usable.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .history import METRICS_CAPACITY
from .spec import RunSpec

SUMMARY_BYTES = 2**20
METRICS_BYTES = 64 * 2**20
# Beyond these a spec is no run GateLab could have trained and recorded (the
# seed's bound is RunSpec's own check, which from_dict applies first).
SPEC_LIMITS = {"length": 100_000, "steps": 10**9, "hidden": 2**16, "layers": 64, "batch": 2**16}
METRIC_COLUMNS = ("step", "cell", "loss", "metric", "grad_norm", "seconds", "elapsed", "status")
# Before ``elapsed`` (wall seconds since Start); such files read with elapsed NaN.
METRIC_COLUMNS_WITHOUT_ELAPSED = tuple(c for c in METRIC_COLUMNS if c != "elapsed")
FLOAT_COLUMNS = ("loss", "metric", "grad_norm", "seconds", "elapsed")
# A spreadsheet runs a cell starting with these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


SWEEP_SUMMARY = "sweep.csv"  # a sweep's table, beside its run folders (cli.sweep writes it)


def is_sweep_folder(folder: Path) -> bool:
    """A folder that ``main.py sweep`` wrote: its table, and no run of its own.
    Here, torch-free, so that the window can tell at launch (``--open``)."""
    return (folder / SWEEP_SUMMARY).is_file() and not (folder / "summary.json").exists()


class RunFileError(ValueError):
    """A run folder's file is missing, damaged, too big, or says something impossible."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path.name} in {path.parent} is not a readable GateLab run file: {problem}")
        self.path, self.problem = path, problem


class RunWriteError(OSError):
    """A run file could not be written (disk full, no permission …); names the file."""


@dataclass(frozen=True)
class SavedSummary:
    """summary.json, checked. ``escaped_keys``: gradients.npz keys are
    percent-escaped names (False: a run saved before, keyed by raw names)."""

    spec: RunSpec
    cells: dict[str, dict[str, Any]]
    complete: bool
    escaped_keys: bool


def check_regular_file(path: Path, limit: int) -> None:
    """A regular file of at most ``limit`` bytes: never a pipe or device that
    would block the reader, never a file too big to read whole."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise RunFileError(path, f"cannot be read ({error.strerror or error})") from error
    if not stat.S_ISREG(info.st_mode):
        raise RunFileError(path, "is not a regular file")
    if info.st_size > limit:
        raise RunFileError(path, f"is {info.st_size:,} bytes; at most {limit:,} are read")


def read_text(path: Path, limit: int) -> str:
    check_regular_file(path, limit)
    try:
        with open(path, "rb") as file:
            data = file.read()  # read(limit) would set aside all of limit at once
        if len(data) > limit:
            raise RunFileError(path, f"is over {limit:,} bytes")
        return data.decode("utf-8")
    except OSError as error:
        raise RunFileError(path, f"cannot be read ({error.strerror or error})") from error
    except UnicodeDecodeError as error:
        raise RunFileError(path, f"is not UTF-8 text ({error})") from error


def read_summary(path: Path) -> SavedSummary:
    text = read_text(path, SUMMARY_BYTES)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise RunFileError(path, f"is not JSON ({error})") from error
    if not isinstance(data, dict):
        raise RunFileError(path, f"must hold a JSON object, not {type(data).__name__}")
    try:
        spec = RunSpec.from_dict(data.get("spec"))
    except ValueError as error:
        raise RunFileError(path, f"spec: {error}") from error
    for name, limit in SPEC_LIMITS.items():
        if getattr(spec, name) > limit:
            raise RunFileError(path, f"spec: {name} {getattr(spec, name)} is over {limit:,}")
    cells = data.get("cells")
    if not isinstance(cells, dict):
        raise RunFileError(path, "cells must be a JSON object")
    for name, info in cells.items():
        if name not in spec.cells:
            raise RunFileError(path, f"cell {name!r:.80} is not among the spec's cells")
        problem = cell_problem(info)
        if problem:
            raise RunFileError(path, f"cell {name!r:.80}: {problem}")
    complete = data.get("complete", True)
    if not isinstance(complete, bool):
        raise RunFileError(path, "complete must be true or false")
    return SavedSummary(spec, cells, complete, data.get("array_keys") == "escaped")


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


_CELL_CHECKS: dict[str, tuple[bool, Callable[[Any], bool], str]] = {
    # field: (required, check, what it must be)
    "parameters": (True, _count, "a count"),
    "steps": (True, _count, "a count"),
    "steps_per_second": (True, lambda v: _finite(v) and v >= 0, "a finite number ≥ 0"),
    "status": (True, lambda v: isinstance(v, str), "text"),
    "message": (True, lambda v: isinstance(v, str), "text"),
    "final_loss": (False, lambda v: v is None or _finite(v), "a finite number or null"),
    "final_metric": (False, lambda v: v is None or _finite(v), "a finite number or null"),
    "metrics_stride": (False, lambda v: _count(v) and v >= 1, "a count ≥ 1"),
    "gradients_stride": (False, lambda v: _count(v) and v >= 1, "a count ≥ 1"),
}


def cell_problem(info: Any) -> str | None:
    """What is wrong with one cell's summary entry, or None."""
    if not isinstance(info, dict):
        return "must be a JSON object"
    for name, (required, check, what) in _CELL_CHECKS.items():
        if name in info and not check(info[name]) or required and name not in info:
            return f"{name} must be {what}"
    return None


def claims_complete(path: Path) -> bool:
    """Whether a summary.json on disk says its run is complete (an unreadable one might)."""
    try:
        return json.loads(read_text(path, SUMMARY_BYTES)).get("complete", True) is not False
    except (ValueError, RecursionError, AttributeError):
        return True


def guard_text(value: str) -> str:
    """A CSV text cell a spreadsheet will not run as a formula: a leading ' when needed."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def guarded_csv(columns: Sequence[str], rows: Iterable[dict], text_columns: Sequence[str]) -> str:
    """CSV of ``rows`` with a header, every ``text_columns`` cell passed through
    ``guard_text`` (names and messages may come from plugins or submissions).
    RFC 4180's line end, so that the writer also quotes a lone \\r in a name."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({**row, **{k: guard_text(str(row[k])) for k in text_columns}} for row in rows)
    return buffer.getvalue()


def unguard_text(value: str) -> str:
    return value[1:] if value.startswith("'") else value


def read_metric_rows(path: Path, cells: Mapping[str, Any]) -> dict[str, list[dict]]:
    """metrics.csv's rows by cell, each cell's steps increasing, within capacity."""
    reader = csv.DictReader(io.StringIO(read_text(path, METRICS_BYTES), newline=""))
    rows: dict[str, list[dict]] = {name: [] for name in cells}
    try:
        if tuple(reader.fieldnames or ()) not in (METRIC_COLUMNS, METRIC_COLUMNS_WITHOUT_ELAPSED):
            raise ValueError(f"the columns must be {', '.join(METRIC_COLUMNS)}")
        for row in reader:
            if None in row or None in row.values():
                raise ValueError("wrong number of fields")
            row = {"elapsed": "nan", **row, "step": int(row["step"]),
                   "cell": unguard_text(row["cell"]), "status": unguard_text(row["status"])}
            row.update({k: float(row[k]) for k in FLOAT_COLUMNS})
            kept = rows.get(row["cell"])
            if kept is None:
                raise ValueError(f"cell {row['cell']!r:.80} is not in summary.json")
            if kept and row["step"] <= kept[-1]["step"] or row["step"] < 0:
                raise ValueError(f"step {row['step']} does not follow step {kept[-1]['step'] if kept else 0}")
            if not (math.isfinite(row["seconds"]) and row["seconds"] >= 0):
                raise ValueError(f"seconds must be finite and ≥ 0 (got {row['seconds']})")
            if len(kept) == METRICS_CAPACITY:
                raise ValueError(f"more than {METRICS_CAPACITY} rows for cell {row['cell']!r:.80}")
            kept.append(row)
    except (ValueError, csv.Error) as error:
        raise RunFileError(path, f"line {reader.line_num}: {error}") from error
    return rows


def write_atomically(path: Path, writer: Callable[[BinaryIO], object]) -> Path:
    """Write through a temporary file in the same folder, flushed to disk,
    then rename: ``path`` is the old file or the whole new one, never half.
    A failure removes the temporary file and raises RunWriteError naming ``path``."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            writer(file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise RunWriteError(error.errno, f"could not write: {error.strerror or error}",
                                str(path)) from error
        raise
    return path
