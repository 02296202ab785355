"""The control panel's table: one entry per ``RunSpec`` field a user edits.

The panel builds its widgets, wires their signals, reads ``spec()`` and
writes ``set_spec()`` by walking this table (as Orange widgets declare their
settings once), so a field cannot be shown but not saved, or saved but not
shown. Every ``RunSpec`` field is accounted for here: a control in
``FIELDS``, a control with its own code in ``SPECIAL``, or carried through
unseen in ``CARRIED``; a test checks that nothing is left out.

Labels and tooltips are English source strings marked for lupdate in the
"ControlPanel" context; the panel translates them when it builds a widget.
Defaults are ``RunSpec``'s own.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from plugin_host.task_messages import OptionMessage
from training.spec import DEVICES, DTYPES, INITS, OPTIMIZERS, RunSpec

MAX_LENGTH = 1000  # longer sequences make a lecture wait; the CLI allows them
DEFAULTS = RunSpec()

TASK = QT_TRANSLATE_NOOP("ControlPanel", "Task")
MODEL = QT_TRANSLATE_NOOP("ControlPanel", "Model")
TRAINING = QT_TRANSLATE_NOOP("ControlPanel", "Training")


class Kind(Enum):
    """Which widget edits a field."""

    INT = "integer spin box"
    FLOAT = "decimal spin box"
    LOG = "slider on a log scale"
    OPTIONAL = "number that can be switched off"
    CHOICE = "combo box of choices"
    CHECK = "check box"
    TEXT = "line of text"
    FILE = "line of text with a file chooser (a file's path)"


@dataclass(frozen=True)
class SpecField:
    """One control. ``label`` names its row (a check box carries it itself);
    ``switch`` is the text of an optional number's on/off box; ``special`` is
    what an integer box shows at its minimum (steps 0: "until stopped")."""

    name: str
    kind: Kind
    group: str
    label: str
    tooltip: str
    low: float = 0.0
    high: float = 0.0
    choices: tuple[str, ...] = ()
    switch: str = ""
    special: str = ""
    step: float = 0.1
    decimals: int = 2
    default: Any = None

    def __post_init__(self) -> None:
        if self.default is None and hasattr(DEFAULTS, self.name):
            object.__setattr__(self, "default", getattr(DEFAULTS, self.name))


FIELDS: tuple[SpecField, ...] = (
    SpecField("length", Kind.INT, TASK, QT_TRANSLATE_NOOP("ControlPanel", "Length T"),
              QT_TRANSLATE_NOOP("ControlPanel", "Sequence length T: how far back the answer lies"),
              2, MAX_LENGTH),
    SpecField("hidden", Kind.INT, MODEL, QT_TRANSLATE_NOOP("ControlPanel", "Hidden size"),
              QT_TRANSLATE_NOOP("ControlPanel", "Hidden units per layer"), 1, 1024),
    SpecField("layers", Kind.INT, MODEL, QT_TRANSLATE_NOOP("ControlPanel", "Layers"),
              QT_TRANSLATE_NOOP("ControlPanel", "Stacked recurrent layers"), 1, 4),
    SpecField("bidirectional", Kind.CHECK, MODEL, QT_TRANSLATE_NOOP("ControlPanel", "bidirectional"),
              QT_TRANSLATE_NOOP("ControlPanel", "Also run each layer backwards in time")),
    SpecField("dropout", Kind.FLOAT, MODEL, QT_TRANSLATE_NOOP("ControlPanel", "Dropout"),
              QT_TRANSLATE_NOOP("ControlPanel", "Dropout between stacked layers, while training "
                                                "(needs 2 or more layers; 0: off)"),
              0.0, 0.9),
    SpecField("batch", Kind.INT, MODEL, QT_TRANSLATE_NOOP("ControlPanel", "Batch size"),
              QT_TRANSLATE_NOOP("ControlPanel", "Sequences per training step"), 1, 1024),
    SpecField("steps", Kind.INT, MODEL, QT_TRANSLATE_NOOP("ControlPanel", "Steps"),
              QT_TRANSLATE_NOOP("ControlPanel", "Training steps; 0 trains until you stop"),
              0, 10_000_000, special=QT_TRANSLATE_NOOP("ControlPanel", "until stopped")),
    SpecField("optimizer", Kind.CHOICE, TRAINING, QT_TRANSLATE_NOOP("ControlPanel", "Optimizer"),
              QT_TRANSLATE_NOOP("ControlPanel", "The optimizer every cell uses"), choices=OPTIMIZERS),
    SpecField("lr", Kind.LOG, TRAINING, QT_TRANSLATE_NOOP("ControlPanel", "Learning rate"),
              QT_TRANSLATE_NOOP("ControlPanel", "Learning rate (log scale); applies at once"), 1e-5, 1.0),
    SpecField("clip", Kind.OPTIONAL, TRAINING, QT_TRANSLATE_NOOP("ControlPanel", "Clipping"),
              QT_TRANSLATE_NOOP("ControlPanel", "Global gradient-norm clipping; applies at once"),
              0.01, 100.0, switch=QT_TRANSLATE_NOOP("ControlPanel", "clip at")),
    SpecField("init", Kind.CHOICE, TRAINING, QT_TRANSLATE_NOOP("ControlPanel", "Init"),
              QT_TRANSLATE_NOOP("ControlPanel", "Initialisation of the recurrent weights"), choices=INITS),
    SpecField("recurrent_gain", Kind.FLOAT, TRAINING, QT_TRANSLATE_NOOP("ControlPanel", "Recurrent gain"),
              QT_TRANSLATE_NOOP("ControlPanel", "Multiplies the recurrent weights after initialisation "
                                                "(1: unchanged; above 1 gradients tend to explode)"),
              0.01, 10.0),
    SpecField("forget_bias", Kind.OPTIONAL, TRAINING, QT_TRANSLATE_NOOP("ControlPanel", "Forget gate"),
              QT_TRANSLATE_NOOP("ControlPanel", "Summed forget-gate bias of cells that have one "
                                                "(off: torch's default initialisation)"),
              -5.0, 5.0, switch=QT_TRANSLATE_NOOP("ControlPanel", "bias")),
    SpecField("seed", Kind.INT, TRAINING, QT_TRANSLATE_NOOP("ControlPanel", "Seed"),
              QT_TRANSLATE_NOOP("ControlPanel", "Same seed, same batches, same numbers"), 0, 2**31 - 1),
    SpecField("dtype", Kind.CHOICE, TRAINING, QT_TRANSLATE_NOOP("ControlPanel", "Precision"),
              QT_TRANSLATE_NOOP("ControlPanel", "float32 flushes values below ~1e-38 to 0; float64 shows "
                                                "how far the gradient really falls (slower)"),
              choices=DTYPES),
    SpecField("device", Kind.CHOICE, TRAINING, QT_TRANSLATE_NOOP("ControlPanel", "Device"),
              QT_TRANSLATE_NOOP("ControlPanel", "Where the cells train: cuda is a GPU "
                                                "(shown when PyTorch finds one)"),
              choices=DEVICES),
    SpecField("record_gates", Kind.CHECK, TRAINING, QT_TRANSLATE_NOOP("ControlPanel", "record gates"),
              QT_TRANSLATE_NOOP("ControlPanel", "Record gate activations for the gates plot "
                                                "(training is a little faster without)")),
)

# Choices that are words rather than names (adam, float32, cuda stay as they are).
CHOICE_WORDS = (QT_TRANSLATE_NOOP("ControlPanel", "default"),
                QT_TRANSLATE_NOOP("ControlPanel", "orthogonal"),
                QT_TRANSLATE_NOOP("ControlPanel", "identity"),
                QT_TRANSLATE_NOOP("ControlPanel", "classification"),  # the csv task's kinds
                QT_TRANSLATE_NOOP("ControlPanel", "regression"))

SPECIAL = {
    "task": "a combo box of the tasks, first in the Task group",
    "task_options": "one control per option of the chosen task, built from its options()",
    "cells": "the checklist of discovered cells, in its own group",
    "task_source": "where the chosen task plugin lives, from its record (empty for a built-in)",
}
CARRIED = ("plugins",)  # no control: kept from the last set_spec, given back unchanged
GROUPS = (TASK, MODEL, TRAINING)


def task_option_field(option: OptionMessage) -> SpecField:
    """A task's option (see ``tasks.base.option``; a plugin's, from its record)
    as a control: its help is the tooltip, its limits the range (lengths capped
    like ``length``); text with choices is a combo box, a path (an option named
    ``path``, ``file`` or ending so) a line with a file chooser, other text a line."""
    low, high = option.minimum, option.maximum
    if isinstance(option.default, str):
        names_a_file = option.name in ("path", "file") or option.name.endswith(("_path", "_file"))
        kind = Kind.CHOICE if option.choices else Kind.FILE if names_a_file else Kind.TEXT
        low, high = 0, 0
    elif isinstance(option.default, bool):
        kind, low, high = Kind.CHECK, 0, 0
    elif isinstance(option.default, int):
        kind = Kind.INT
        low, high = low if low is not None else -10**9, min(high, MAX_LENGTH) if high is not None else 10**9
    else:
        kind = Kind.FLOAT
        low, high = low if low is not None else -1e9, high if high is not None else 1e9
    return SpecField(option.name, kind, TASK, option.name.replace("_", " ").capitalize(),
                     option.help, low, high, choices=option.choices, step=0.01, decimals=3,
                     default=option.default)
