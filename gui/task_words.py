"""The words that ``tasks/`` and ``cells/`` show in the window, translated here.

The core packages know no Qt (they run headless in workers and the CLI), so
their task names, descriptions, option labels, metric names and the
built-in cells' gate names are English data. The window translates them at
display time with ``task_text``, in the fixed "Tasks" context; ``WORDS``
marks every known string with ``QT_TRANSLATE_NOOP`` so that lupdate puts
them in the catalogue. A string not listed (a plugin's gate, a future
task) is shown as it is, in English, never as an error; tests/gui/test_i18n
fails until a new built-in string is listed and translated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Tasks"

TASK_NAMES = (
    QT_TRANSLATE_NOOP("Tasks", "adding"),
    QT_TRANSLATE_NOOP("Tasks", "copy"),
    QT_TRANSLATE_NOOP("Tasks", "recall"),
    QT_TRANSLATE_NOOP("Tasks", "echo"),
    QT_TRANSLATE_NOOP("Tasks", "order"),
    QT_TRANSLATE_NOOP("Tasks", "csv"),
)
DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("Tasks", "sum the two marked numbers of a long sequence (MSE at the last step)"),
    QT_TRANSLATE_NOOP("Tasks", "remember 10 symbols across T blanks and repeat them "
                               "(cross-entropy, all steps)"),
    QT_TRANSLATE_NOOP("Tasks", "name the first token after T−1 distractors (cross-entropy at the last step)"),
    QT_TRANSLATE_NOOP("Tasks", "repeat each token d steps later (cross-entropy on every step from d on)"),
    QT_TRANSLATE_NOOP("Tasks", "classify the order of two X/Y symbols hidden among distractors (4 classes)"),
    QT_TRANSLATE_NOOP("Tasks", "your own sequences from a CSV file (sequence, t, features…, target; "
                               "answered at the end)"),
)
METRICS = (
    QT_TRANSLATE_NOOP("Tasks", "accuracy"),
    QT_TRANSLATE_NOOP("Tasks", "accuracy (|error| < tolerance)"),
    QT_TRANSLATE_NOOP("Tasks", "accuracy on the recalled symbols"),
)
OPTIONS = (  # labels as spec_fields.task_option_field makes them, then the options' help
    QT_TRANSLATE_NOOP("Tasks", "Length"),
    QT_TRANSLATE_NOOP("Tasks", "Tolerance"),
    QT_TRANSLATE_NOOP("Tasks", "Symbols"),
    QT_TRANSLATE_NOOP("Tasks", "Delay"),
    QT_TRANSLATE_NOOP("Tasks", "sequence length T (time steps that carry the dependency)"),
    QT_TRANSLATE_NOOP("Tasks", "an answer within this of the target counts as correct"),
    QT_TRANSLATE_NOOP("Tasks", "K, the number of distinct tokens"),
    QT_TRANSLATE_NOOP("Tasks", "d, how many steps back to echo"),
    QT_TRANSLATE_NOOP("Tasks", "Path"),
    QT_TRANSLATE_NOOP("Tasks", "Kind"),
    QT_TRANSLATE_NOOP("Tasks", "the CSV file: columns sequence, t, features…, target (docs/PLUGINS.md)"),
    QT_TRANSLATE_NOOP("Tasks", "classification (the target is a label) or regression (a number)"),
    QT_TRANSLATE_NOOP("Tasks", "regression: an answer within this many standard deviations counts "
                               "as correct"),
)
GATES = (  # what the built-in cells record (cells/lstm.py, cells/gru.py)
    QT_TRANSLATE_NOOP("Tasks", "input i"),
    QT_TRANSLATE_NOOP("Tasks", "forget f"),
    QT_TRANSLATE_NOOP("Tasks", "output o"),
    QT_TRANSLATE_NOOP("Tasks", "reset r"),
    QT_TRANSLATE_NOOP("Tasks", "update z"),
)
WORDS = frozenset((*TASK_NAMES, *DESCRIPTIONS, *METRICS, *OPTIONS, *GATES))


def task_text(text: str) -> str:
    """``text`` from tasks/ or cells/ in the interface's language (as it is if unknown)."""
    return QCoreApplication.translate(CONTEXT, text) if text else ""


def short_metric(metric_name: str) -> str:
    """A metric's name without its parenthesis, for an axis ("accuracy")."""
    return task_text(metric_name.split(" (")[0])
