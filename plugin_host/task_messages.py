"""What checking a task class sends back: ``TaskVerdict``, as plain data.

A task plugin's code runs only in the checker's child and in the training
workers, so what the window, the CLI and a saved run need of it (its options
with their defaults and limits, its baselines and sizes at some settings)
travels as these messages, through ``wire`` like every checker message.
Option defaults and settings are JSON text, as the wire carries only a few
plain types.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from tasks.base import TaskFacts

from .records import OK


@dataclass(frozen=True)
class OptionMessage:
    """One task option: its default (JSON), help, limits and choices (``tasks.base.option``)."""

    name: str
    default_json: str
    help: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()

    @classmethod
    def of(cls, option: dataclasses.Field) -> OptionMessage:
        meta = option.metadata
        bound = [float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None
                 for v in (meta.get("min"), meta.get("max"))]
        return cls(option.name, json.dumps(option.default), str(meta.get("help", "")), bound[0], bound[1],
                   tuple(str(c) for c in meta.get("choices") or ()))

    @property
    def default(self) -> Any:
        return json.loads(self.default_json)


@dataclass(frozen=True)
class FactsMessage:
    """``tasks.base.TaskFacts`` on the wire (settings as JSON)."""

    name: str
    description: str
    metric_name: str
    many_to_one: bool
    input_size: int
    output_size: int
    sequence_length: int
    baseline_loss: float
    baseline_metric: float
    settings_json: str

    @classmethod
    def of(cls, facts: TaskFacts) -> FactsMessage:
        fields = {f.name: getattr(facts, f.name) for f in dataclasses.fields(facts) if f.name != "settings"}
        return cls(**fields, settings_json=json.dumps(facts.settings))

    def facts(self) -> TaskFacts:
        fields = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        settings = json.loads(fields.pop("settings_json"))
        return TaskFacts(**fields, settings=settings)


@dataclass(kw_only=True)
class TaskFindings:
    """What checking one task class found; shared by the checker's
    ``TaskVerdict`` and discovery's ``TaskRecord`` (as ``Findings`` is by the
    cells'), so a field is added in one place."""

    name: str
    status: str = OK
    reason: str = ""
    file: str | None = None
    line: int | None = None
    traceback: str = ""
    description: str = ""
    warnings: tuple[str, ...] = ()
    metric_name: str = ""
    options: tuple[OptionMessage, ...] = ()


@dataclass(kw_only=True)
class TaskVerdict(TaskFindings):
    """What checking found about one task class. ``facts``: at the settings
    asked for (or the defaults), when the task could be built there."""

    class_name: str = ""
    module: str = ""
    facts: FactsMessage | None = None

    @classmethod
    def failure(cls, verdict: object) -> TaskVerdict:
        """A plugin-level failure (a ``CellVerdict`` from ``errors.broken_verdict``) said of a task."""
        return cls(**{name: getattr(verdict, name) for name in ("name", "status", "reason", "file", "line",
                                                                 "traceback")})


def settings_json(length: int, options: dict[str, Any]) -> str:
    """The settings a facts request carries (``CheckRequest.task_settings``)."""
    return json.dumps({"length": length, "options": options}, sort_keys=True)
