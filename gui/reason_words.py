"""Plugin and training reasons in the interface's language.

The core (plugin host, training) never imports Qt, so it words its verdicts
in English: ``check-plugin``, the logs and the saved runs read the same
everywhere. The window shows them in Korean too. Each English sentence the
core builds is listed here once as a template with named fields; the
template is both the pattern that recognises a reason and the key of its
translation (context "Reason" in the catalogue). Fields keep what the core
put there (a file name, a shape, an exception's own words), translated in
turn when they are themselves a known phrase ("the output", "state 'c'").

What no template matches (a plugin's own exception text) stays as it came:
a reason is never lost or made up.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Reason"


# Sentences of plugin_host (validation, errors, checker, discovery, records) and of
# training (supervisor, run), with their variable parts as {fields}. Keep in step
# with the core: tests/plugins/test_broken_corpus.py words the broken corpus through it.
TEMPLATES: tuple[str, ...] = (
    # plugin_host/validation.py
    QT_TRANSLATE_NOOP("Reason", "not a subclass of cells.Cell"),
    QT_TRANSLATE_NOOP("Reason", "the class attribute `name` is missing or empty (give the cell a display "
                                "name)"),
    QT_TRANSLATE_NOOP("Reason", "`state_names` must be a non-empty tuple of strings, e.g. ('h',) or ('h', "
                                "'c')"),
    QT_TRANSLATE_NOOP("Reason", "the constructor must accept (input_size, hidden_size)"),
    QT_TRANSLATE_NOOP("Reason", "forward must return (output, state), but returned {what}"),
    QT_TRANSLATE_NOOP("Reason", "forward must return the state as a tuple, but returned {what}"),
    QT_TRANSLATE_NOOP("Reason", "forward returned {count} state tensor(s), but state_names declares "
                                "{declared}"),
    QT_TRANSLATE_NOOP("Reason", "{label} must be a tensor, but is {what}"),
    QT_TRANSLATE_NOOP("Reason", "{label} has shape {shape}, expected [batch, hidden_size] = {expected} "
                                "(input size {inputs}, hidden size {hidden})"),
    QT_TRANSLATE_NOOP("Reason", "{label} has dtype {dtype}, expected {expected} like the input"),
    QT_TRANSLATE_NOOP("Reason", "{label} contains {bad} after step {step} of a small random batch"),
    QT_TRANSLATE_NOOP("Reason", "initial_state returned {what}, expected a tuple of {count} tensor(s) "
                                "{names}"),
    QT_TRANSLATE_NOOP("Reason", "the output does not depend on anything trainable (no gradient at all: a "
                                ".detach() or torch.no_grad() in forward?)"),
    QT_TRANSLATE_NOOP("Reason", "the backward pass produced NaN or Inf gradients"),
    QT_TRANSLATE_NOOP("Reason", "no gradient reaches the previous state {state}_(t-1): the output does not "
                                "depend on it differentiably (a .detach()?), so the gradient-through-time "
                                "plot stays empty"),
    QT_TRANSLATE_NOOP("Reason", "no gradient reaches {count} parameter(s): {names}; they will never be "
                                "trained"),
    QT_TRANSLATE_NOOP("Reason", "the output is not the returned state {name} nor computed from it, so the "
                                "gradient-through-time plot (read off the returned {name}) misses the "
                                "readout's path and shows 0 at the last step; return the state tensor "
                                "itself as the output (return {name}, ({name}, …)) — see docs/PLUGINS.md, "
                                "'Output and state'"),
    QT_TRANSLATE_NOOP("Reason", "a step on {device} returned a tensor on {other}"),
    QT_TRANSLATE_NOOP("Reason", "fails in float64 (the window's float64 option): {error}"),
    QT_TRANSLATE_NOOP("Reason", "the output"),
    QT_TRANSLATE_NOOP("Reason", "state {name}"),
    QT_TRANSLATE_NOOP("Reason", "a tensor of shape {shape}"),
    # plugin_host/task_validation.py
    QT_TRANSLATE_NOOP("Reason", "not a subclass of tasks.Task"),
    QT_TRANSLATE_NOOP("Reason", "the class attribute `name` is missing or empty (give the task a name to "
                                "choose it by)"),
    QT_TRANSLATE_NOOP("Reason", "a task must be a frozen dataclass: put @dataclass(frozen=True) above the "
                                "class"),
    QT_TRANSLATE_NOOP("Reason", "option {name} has no default: declare it with option(default, help)"),
    QT_TRANSLATE_NOOP("Reason", "option {name} has a default of type {kind}; options are bool, int, float "
                                "or str"),
    QT_TRANSLATE_NOOP("Reason", "a {dtype} tensor of shape {shape}"),
    QT_TRANSLATE_NOOP("Reason", "{name} must be a positive integer (got {value})"),
    QT_TRANSLATE_NOOP("Reason", "baseline_loss must be a positive finite number: the loss of the best answer "
                                "that remembers nothing (got {value})"),
    QT_TRANSLATE_NOOP("Reason", "baseline_metric must be a number in [0, 1] (got {value})"),
    QT_TRANSLATE_NOOP("Reason", "batch() must return a tasks.Batch, but returned {what}"),
    QT_TRANSLATE_NOOP("Reason", "the batch's {label} must be a tensor, but is {what}"),
    QT_TRANSLATE_NOOP("Reason", "the batch's inputs are {what}, expected a float tensor of shape [steps, "
                                "batch, input_size] = {expected} (T = {length})"),
    QT_TRANSLATE_NOOP("Reason", "the batch's inputs contain NaN or Inf (T = {length})"),
    QT_TRANSLATE_NOOP("Reason", "the batch's mask is {what}, expected shape [steps, batch] = {expected}"),
    QT_TRANSLATE_NOOP("Reason", "the batch's targets are {what}: the batch ({size}) must be their first or "
                                "second dimension"),
    QT_TRANSLATE_NOOP("Reason", "two generators seeded alike gave different batches (T = {length}): draw "
                                "every random number from the `generator` argument (torch.rand(..., "
                                "generator=generator)), so that every cell sees the same data"),
    QT_TRANSLATE_NOOP("Reason", "every seed gives the same batch: the task ignores its generator, so the "
                                "cells see one batch over and over"),
    QT_TRANSLATE_NOOP("Reason", "loss_per_example must return one loss per example, shape [batch] = "
                                "{expected}, but returned {what}"),
    QT_TRANSLATE_NOOP("Reason", "loss_per_example gave NaN or Inf for random outputs"),
    QT_TRANSLATE_NOOP("Reason", "the loss does not depend on the outputs (no gradient would reach the "
                                "cells)"),
    QT_TRANSLATE_NOOP("Reason", "the loss's gradient does not reach the outputs, or is NaN or Inf"),
    QT_TRANSLATE_NOOP("Reason", "metric must return a number, but returned {what}"),
    QT_TRANSLATE_NOOP("Reason", "metric must return a number in [0, 1] (got {value})"),
    # plugin_host/errors.py
    QT_TRANSLATE_NOOP("Reason", "called sys.exit({code}) during a validation step"),
    QT_TRANSLATE_NOOP("Reason", "ran out of memory: it tried to allocate more than this machine has{size}"),
    QT_TRANSLATE_NOOP("Reason", "raised {error} during a validation step"),
    QT_TRANSLATE_NOOP("Reason", "the plugin called sys.exit({code}) while its model was being built"),
    QT_TRANSLATE_NOOP("Reason", "the plugin called sys.exit({code}) while being imported"),
    QT_TRANSLATE_NOOP("Reason", "it imports {module}, which is not installed (ModuleNotFoundError)"),
    # plugin_host/records.py, discovery.py, checker.py
    QT_TRANSLATE_NOOP("Reason", "no subclass of cells.Cell is defined here"),
    QT_TRANSLATE_NOOP("Reason", "duplicate name {name}: already defined by {where}; rename one of them"),
    QT_TRANSLATE_NOOP("Reason", "plugins are checked in forked processes, which this system lacks; run "
                                "GateLab under Linux or macOS (on Windows: WSL)"),
    QT_TRANSLATE_NOOP("Reason", "not checked: checking was cancelled"),
    QT_TRANSLATE_NOOP("Reason", "could not be checked: {problem}"),
    QT_TRANSLATE_NOOP("Reason", "importing it took longer than {limit} s (an endless loop at import?)"),
    QT_TRANSLATE_NOOP("Reason", "validating cell class {cell} took longer than {limit} s (an endless loop "
                                "in forward or __init__?); it was stopped"),
    QT_TRANSLATE_NOOP("Reason", "{ending} while importing it"),
    QT_TRANSLATE_NOOP("Reason", "{ending} while validating {cell}"),
    QT_TRANSLATE_NOOP("Reason", "the Python interpreter crashed ({signal})"),
    QT_TRANSLATE_NOOP("Reason", "the Python interpreter exited (exit code {code}, e.g. os._exit)"),
    QT_TRANSLATE_NOOP("Reason", "the plugin checker stopped answering"),
    QT_TRANSLATE_NOOP("Reason", "SyntaxError: {message} (line {line})"),
    QT_TRANSLATE_NOOP("Reason", "not validated: {cell} in the same plugin {what}"),
    # training/run.py and supervisor.py
    QT_TRANSLATE_NOOP("Reason", "{what} became {value} at step {step}"),
    QT_TRANSLATE_NOOP("Reason", "loss"),
    QT_TRANSLATE_NOOP("Reason", "gradient norm"),
    QT_TRANSLATE_NOOP("Reason", "the worker process ended unexpectedly (exit code {code})"),
    QT_TRANSLATE_NOOP("Reason", "step {step} took longer than {limit} s; the cell was stopped"),
)

FIELD = re.compile(r"\{(\w+)\}")


def _regex(template: str) -> str:
    """The template as a regular expression: a field matches any text, and
    again the same text where the template repeats it."""
    parts, seen, regex = FIELD.split(template), set(), []  # text, field, text, field, …
    for i, part in enumerate(parts):
        if i % 2 == 0:
            regex.append(re.escape(part))
        else:
            regex.append(f"(?P={part})" if part in seen else f"(?P<{part}>.*?)")
            seen.add(part)
    return "".join(regex)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    """(template, the whole text, the text's first "; "-part and the rest)."""
    return tuple((t, re.compile(f"^{_regex(t)}$", re.DOTALL), re.compile(f"^{_regex(t)}; (?P<rest_>.*)$",
                                                                           re.DOTALL))
                 for t in TEMPLATES)


def _translated(template: str, match: re.Match[str]) -> str:
    fields = {name: _whole(value) or value for name, value in match.groupdict().items() if name != "rest_"}
    return QCoreApplication.translate(CONTEXT, template).format(**fields)


def _whole(text: str) -> str | None:
    """``text`` translated when one template matches all of it, else None."""
    for template, whole, _ in _patterns():
        match = whole.match(text)
        if match:
            return _translated(template, match)
    return None


def reason_text(reason: str) -> str:
    """``reason`` in the interface's language. The core joins several
    warnings with "; ", and some sentences hold "; " themselves, so each
    sentence is matched from the front: the whole rest first, else a template
    followed by "; " and more; text no template matches (a plugin's own
    exception) stays as it came, up to the next "; "."""
    if not reason:
        return reason
    whole = _whole(reason)
    if whole is not None:
        return whole
    for template, _, first in _patterns():
        match = first.match(reason)
        if match:
            return f"{_translated(template, match)}; {reason_text(match.group('rest_'))}"
    head, separator, rest = reason.partition("; ")
    return head + separator + reason_text(rest) if separator else reason
