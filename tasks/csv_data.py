"""Reading the user's own sequences from a CSV file, for the ``csv`` task.

The layout (docs/PLUGINS.md, "Your own sequences"): a header row naming the
columns ``sequence`` (any text: which sequence a row belongs to), ``t`` (a
number: the row's place in its sequence), ``target``, and one or more feature
columns (numbers) in any order; one row per time step. Rows may come in any
order: each sequence is sorted by ``t``. Only the target of a sequence's
last row (its largest ``t``) counts; the column may be empty elsewhere.

The file is checked whole before anything trains, and every problem found
is one line naming the row (the file's line number) or the sequence: every
bad row at once, then, once the rows are right, every sequence's problem
(``CsvDataError.problems``; the first 12 are listed, the rest counted). Nothing here
raises anything else, whatever the text (a property test feeds it any).
Never imports torch: the task turns the numbers into tensors when it needs
batches.
"""

from __future__ import annotations

import csv
import io
import math
import os
import stat
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

SEQUENCE, TIME, TARGET = "sequence", "t", "target"
CLASSIFICATION, REGRESSION = "classification", "regression"
MAX_BYTES = 64 * 2 ** 20  # a teaching data set; more would sit in every worker's memory
MAX_CLASSES = 100  # more labels than this is a number read as a label, most likely
MAX_PROBLEMS = 12  # listed; the rest are counted
csv.field_size_limit(1 << 20)


class CsvDataError(ValueError):
    """The file cannot be trained on; ``problems`` holds one line each."""

    def __init__(self, source: str, problems: list[str]):
        self.problems = problems[:MAX_PROBLEMS]
        more = len(problems) - len(self.problems)
        lines = self.problems + ([f"… and {more} more problem(s)"] if more > 0 else [])
        super().__init__(f"{source}: " + "\n".join(lines))


@dataclass(frozen=True)
class SequenceData:
    """The sequences of one file, each sorted by t: ``features[i]`` is a list
    of rows (one list of floats per time step). ``targets`` are floats
    (regression) or class indices into ``classes`` (classification)."""

    feature_names: tuple[str, ...]
    features: tuple[tuple[tuple[float, ...], ...], ...]
    targets: tuple[float, ...]
    kind: str
    classes: tuple[str, ...] = ()

    @property
    def longest(self) -> int:
        return max(len(rows) for rows in self.features)

    @property
    def shortest(self) -> int:
        return min(len(rows) for rows in self.features)


def read_sequences(path: str | Path, kind: str) -> SequenceData:
    """The sequences in the file at ``path``; ``CsvDataError`` when it cannot be
    read or breaks the layout (a missing file, a pipe, a huge file, not UTF-8)."""
    source = str(path)
    if not source:
        raise CsvDataError("csv", ["no file given: set the option path to your CSV file"])
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise CsvDataError(source, ["not a regular file"])
        if info.st_size > MAX_BYTES:
            raise CsvDataError(source, [f"the file is {info.st_size:,} bytes; at most {MAX_BYTES:,} are read "
                                        "(use fewer or shorter sequences)"])
        with open(path, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise CsvDataError(source, [f"cannot be read ({error.strerror or error})"]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvDataError(source, [f"not UTF-8 text (byte {error.start}); save it as UTF-8 CSV"]) from None
    return parse_sequences(text, kind, source)


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _header(rows: csv.reader, source: str) -> tuple[list[str], dict[str, int]]:
    try:
        header = next(rows)
    except StopIteration:
        raise CsvDataError(source, [f"the file is empty: expected a header row such as "
                                    f"{SEQUENCE},{TIME},x,{TARGET}"]) from None
    names = [name.strip() for name in header]
    problems = []
    missing = [name for name in (SEQUENCE, TIME, TARGET) if name not in names]
    if missing:
        problems.append(f"line 1: the header lacks the column(s) {', '.join(missing)} (it names: "
                        f"{', '.join(repr(n) for n in names[:8])}); the layout is {SEQUENCE},{TIME},"
                        f"feature…,{TARGET}")
    repeated = sorted(name for name, count in Counter(names).items() if count > 1)
    if repeated:
        problems.append(f"line 1: the column(s) {', '.join(repr(n) for n in repeated)} appear more than once")
    if not missing and len(names) - 3 < 1:
        problems.append("line 1: no feature column: add at least one column of numbers besides "
                        f"{SEQUENCE}, {TIME} and {TARGET}")
    if problems:
        raise CsvDataError(source, problems)
    return names, {name: index for index, name in enumerate(names)}


def parse_sequences(text: str, kind: str, source: str = "csv") -> SequenceData:
    """The sequences in CSV ``text`` (see the module's layout); ``CsvDataError``
    listing every problem, one line each, when it breaks the layout."""
    if kind not in (CLASSIFICATION, REGRESSION):
        raise CsvDataError(source, [f"kind must be {CLASSIFICATION} or {REGRESSION} (got {kind!r})"])
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        names, column = _header(rows, source)
        feature_names = tuple(name for name in names if name not in (SEQUENCE, TIME, TARGET))
        steps, problems = _rows(rows, names, column, feature_names)
    except csv.Error as error:
        raise CsvDataError(source, [f"line {rows.line_num}: not CSV ({error})"]) from None
    if not steps and not problems:
        problems.append("the file has a header but no rows")
    sequences = _sequences(steps, problems)
    if problems:
        raise CsvDataError(source, problems)
    return _dataset(sequences, feature_names, kind, source)


Step = tuple[float, int, tuple[float, ...], str]  # t, line, features, target text


def _rows(rows: csv.reader, names: list[str], column: dict[str, int],
          feature_names: tuple[str, ...]) -> tuple[dict[str, list[Step]], list[str]]:
    """Each row's numbers, by sequence; one problem per bad row."""
    steps: dict[str, list[Step]] = {}
    problems: list[str] = []
    for values in rows:
        line = rows.line_num
        if not values or all(not value.strip() for value in values):
            continue  # blank lines are not rows
        if len(values) != len(names):
            problems.append(f"line {line}: {len(values)} value(s), but the header names {len(names)} columns")
            continue
        bad = [f"{name!r} is not a finite number ({values[column[name]].strip()[:20]!r})"
               for name in (TIME, *feature_names) if _number(values[column[name]]) is None]
        if bad:
            problems.append(f"line {line}: " + "; ".join(bad[:3]) + (" …" if len(bad) > 3 else ""))
            continue
        features = tuple(float(values[column[name]]) for name in feature_names)
        step = (float(values[column[TIME]]), line, features, values[column[TARGET]].strip())
        steps.setdefault(values[column[SEQUENCE]].strip(), []).append(step)
    return steps, problems


def _sequences(steps: dict[str, list[Step]], problems: list[str]) -> dict[str, list[Step]]:
    """Each sequence sorted by t; a t given twice is a problem."""
    for name, rows in steps.items():
        rows.sort(key=lambda step: step[0])
        for before, after in zip(rows, rows[1:], strict=False):
            if before[0] == after[0]:
                problems.append(f"sequence {name[:40]!r}: t = {after[0]:g} appears twice "
                                f"(lines {before[1]} and {after[1]})")
                break
    return steps


def _dataset(sequences: dict[str, list[Step]], feature_names: tuple[str, ...], kind: str,
             source: str) -> SequenceData:
    answers = [(name, rows[-1][1], rows[-1][3]) for name, rows in sequences.items()]
    problems = [f"sequence {name[:40]!r}: no target on its last row (line {line})"
                for name, line, target in answers if not target]
    if kind == REGRESSION:
        problems += [f"line {line}: the target {target[:20]!r} is not a finite number (a regression target "
                     f"must be; for labels choose kind {CLASSIFICATION})"
                     for _, line, target in answers if target and _number(target) is None]
    if len(sequences) < 2:
        problems.append(f"only {len(sequences)} sequence: batches are drawn from at least 2 "
                        f"(the {SEQUENCE} column says which sequence a row belongs to)")
    if problems:
        raise CsvDataError(source, problems)
    labels = [target for _, _, target in answers]
    features = tuple(tuple(step[2] for step in rows) for rows in sequences.values())
    if kind == REGRESSION:
        values = tuple(float(label) for label in labels)
        if len(set(values)) < 2:
            raise CsvDataError(source, [f"every sequence has the target {values[0]:g}: nothing to learn"])
        return SequenceData(feature_names, features, values, kind)
    classes = tuple(sorted(set(labels), key=_label_order))
    if len(classes) < 2:
        raise CsvDataError(source, [f"every sequence has the target {classes[0][:40]!r}: a classification "
                                    "needs at least 2 classes"])
    if len(classes) > MAX_CLASSES:
        raise CsvDataError(source, [f"the target has {len(classes)} different values, over {MAX_CLASSES} "
                                    f"classes: for a number to predict choose kind {REGRESSION}"])
    index = {label: position for position, label in enumerate(classes)}
    targets = tuple(float(index[label]) for label in labels)
    return SequenceData(feature_names, features, targets, kind, classes)


def _label_order(label: str) -> tuple[int, float, str]:
    """Numbers in numeric order (2 before 10), then text in alphabetical order."""
    number = _number(label)
    return (0, number, "") if number is not None else (1, 0.0, label)
