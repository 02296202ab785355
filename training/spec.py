"""``RunSpec``: everything that defines a comparison, as one JSON-able value."""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field
from typing import Any

from plugin_host.names import names_problem
from plugin_host.source import CellSource
from tasks import Task, TaskFacts, make_task

OPTIMIZERS = ("adam", "sgd", "rmsprop")
INITS = ("default", "orthogonal", "identity")
DEVICES = ("cpu", "cuda")
DTYPES = ("float32", "float64")
MAX_SEED = 2 ** 63 - 1  # torch and numpy take seeds as signed 64-bit integers


@dataclass(frozen=True)
class RunSpec:
    """A comparison: one task, several cells, one training recipe, one seed.

    Every cell is trained on the same batches; the same spec gives the same
    numbers. ``clip`` is the global gradient-norm limit (None: off).
    ``forget_bias`` sets the summed forget-gate bias of cells that have one
    (None keeps torch's initialisation). ``steps`` 0 means "until stopped".
    """

    task: str = "adding"
    length: int = 100
    task_options: dict[str, Any] = field(default_factory=dict)
    cells: tuple[str, ...] = ("RNN", "LSTM", "GRU")
    steps: int = 2000
    hidden: int = 64
    layers: int = 1
    bidirectional: bool = False
    dropout: float = 0.0
    batch: int = 32
    optimizer: str = "adam"
    lr: float = 0.03  # with Adam and clipping at 1, the LSTM solves adding (T=100) in ~550 steps
    clip: float | None = 1.0
    init: str = "default"
    recurrent_gain: float = 1.0
    forget_bias: float | None = 1.0
    seed: int = 0
    device: str = "cpu"
    dtype: str = "float32"
    record_gates: bool = True
    plugins: tuple[str, ...] = ()
    task_source: tuple[str, ...] = ()  # a plugin task: its CellSource (kind, location, class name)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cells", tuple(self.cells))
        object.__setattr__(self, "plugins", tuple(str(p) for p in self.plugins))
        object.__setattr__(self, "task_source", tuple(self.task_source))
        object.__setattr__(self, "task_options", dict(self.task_options))
        problem = self.problem()
        if problem:
            raise ValueError(problem)

    def problem(self) -> str | None:
        """The first thing wrong with this spec, in words, or None."""
        cells_problem = names_problem(self.cells, "cell")  # bad names, look-alikes listed twice
        checks = [
            (self.length >= 2, f"length must be at least 2 (got {self.length})"),
            (len(self.cells) > 0, "choose at least one cell"),
            (cells_problem is None, cells_problem),
            (self.steps >= 0, f"steps must be 0 (until stopped) or more (got {self.steps})"),
            (self.hidden >= 1, f"hidden size must be at least 1 (got {self.hidden})"),
            (self.layers >= 1, f"layers must be at least 1 (got {self.layers})"),
            (0.0 <= self.dropout < 1.0, f"dropout must be in [0, 1) (got {self.dropout})"),
            (self.batch >= 1, f"batch size must be at least 1 (got {self.batch})"),
            (self.optimizer in OPTIMIZERS, f"optimizer must be one of {', '.join(OPTIMIZERS)}"),
            (math.isfinite(self.lr) and self.lr > 0, f"learning rate must be positive (got {self.lr})"),
            (self.clip is None or (math.isfinite(self.clip) and self.clip > 0),
             f"clip must be positive or off (got {self.clip})"),
            (self.init in INITS, f"init must be one of {', '.join(INITS)}"),
            (math.isfinite(self.recurrent_gain) and self.recurrent_gain > 0,
             f"recurrent gain must be positive (got {self.recurrent_gain})"),
            (self.forget_bias is None or math.isfinite(self.forget_bias), "forget bias must be finite"),
            (self.device in DEVICES, f"device must be one of {', '.join(DEVICES)}"),
            (self.dtype in DTYPES, f"dtype must be one of {', '.join(DTYPES)}"),
            (0 <= self.seed <= MAX_SEED, f"seed must be in 0 … 2**63 - 1 (got {self.seed})"),
            (len(self.task_source) in (0, 3), "task_source must be (kind, location, class name) or empty"),
        ]
        return next((message for ok, message in checks if not ok), None)

    def replace(self, **changes: Any) -> RunSpec:
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["cells"] = list(self.cells)
        data["plugins"] = list(self.plugins)
        data["task_source"] = list(self.task_source)
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunSpec:
        """The spec ``data`` describes (JSON from a file, say); raises ValueError,
        and only ValueError, naming the first setting that is unknown or of the
        wrong type, so that no file can make it fail another way."""
        if not isinstance(data, dict):
            raise ValueError(f"run settings must be a mapping, not {type(data).__name__}")
        types = {f.name: f.type for f in dataclasses.fields(cls)}
        unknown = set(data) - set(types)
        if unknown:
            raise ValueError(f"unknown run settings: {', '.join(sorted(map(str, unknown)))}")
        for name, value in data.items():
            if not _TYPE_CHECKS[types[name]](value):
                raise ValueError(f"run setting {name} must be {types[name]} (got {value!r:.60})")
        return cls(**data)

    @classmethod
    def from_json(cls, text: str) -> RunSpec:
        return cls.from_dict(json.loads(text))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_option(value: Any) -> bool:
    return isinstance(value, bool | int | float | str)


# One check per annotation in RunSpec (a test keeps the two in step).
_TYPE_CHECKS = {
    "str": lambda value: isinstance(value, str),
    "int": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "float": _is_number,
    "float | None": lambda value: value is None or _is_number(value),
    "bool": lambda value: isinstance(value, bool),
    "tuple[str, ...]": lambda value: isinstance(value, list | tuple)
    and all(isinstance(item, str) for item in value),
    "dict[str, Any]": lambda value: isinstance(value, dict)
    and all(isinstance(key, str) and _is_option(item) for key, item in value.items()),
}


def build_task(spec: RunSpec) -> Task:
    """The task a spec trains on; raises ValueError in words. A plugin task
    (``task_source``) is imported here: call this only where its code may run
    (a training worker), and ``task_facts`` elsewhere."""
    if not spec.task_source:
        return make_task(spec.task, spec.length, **spec.task_options)
    task_class = CellSource(*spec.task_source).load()
    if not (isinstance(task_class, type) and issubclass(task_class, Task)):
        raise ValueError(f"{spec.task_source[2]} in {spec.task_source[1]} is not a task")
    return task_class(length=spec.length, **spec.task_options)


def task_facts(spec: RunSpec) -> TaskFacts:
    """What the caller needs of the spec's task (sizes, baselines, metric),
    without running a plugin task's code in this process: the isolated
    checker measures it. Raises ValueError in words."""
    if not spec.task_source:
        return build_task(spec).facts()
    from plugin_host.task_discovery import plugin_task_facts

    return plugin_task_facts(CellSource(*spec.task_source), spec.length, spec.task_options)
