"""The rules for cell and state names, and escaping text for a terminal.

Names come from plugin code and from the command line, and end up as list
entries, dictionary and file keys, plot labels and terminal lines. So a name
is normalised (Unicode NFKC, surrounding spaces stripped) and must be
printable, short, and free of the separators other parts rely on: the comma
(``--cells`` is comma-separated) and the path separators. Two names that look
alike are the same name: ``name_key`` (NFKC, case-folded) is what duplicate
checks compare, so "ＲＮＮ", "rnn" and "RNN " cannot pose as the built-in RNN.

No Qt, no torch: the CLI, ``RunSpec`` and the checker process all use it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

MAX_NAME_LENGTH = 40
SEPARATORS = ",/\\"
# Categories that never belong in a name: controls, invisible formatting
# (zero-width spaces, bidirectional overrides), lone surrogates, line breaks.
_CONTROL, _INVISIBLE, _SURROGATE, _LINE_BREAKS = "Cc", "Cf", "Cs", ("Zl", "Zp")


class BadNameError(ValueError):
    """A name that breaks one of the rules; the message names the rule."""


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def broken_rule(text: str) -> str | None:
    """The rule ``text`` breaks, e.g. "is empty", or None when it is a valid name."""
    for char in unicodedata.normalize("NFKC", text):
        category, code = unicodedata.category(char), f"U+{ord(char):04X}"
        if category == _CONTROL or category in _LINE_BREAKS:
            return f"contains a control character ({code})"
        if category == _INVISIBLE:
            return f"contains an invisible formatting character ({code})"
        if category == _SURROGATE:
            return f"contains a lone surrogate ({code}), which no file or terminal can hold"
        if char in SEPARATORS:
            return f"contains {char!r}; names may not contain {', '.join(map(repr, SEPARATORS))}"
    name = _normal(text)
    if not name:
        return "is empty"
    if len(name) > MAX_NAME_LENGTH:
        return f"is longer than {MAX_NAME_LENGTH} characters"
    return None


def name_problem(text: str) -> str | None:
    """Which rule ``text`` breaks, as "the name '…' <rule>", or None when it is a valid name."""
    rule = broken_rule(text)
    return None if rule is None else f"the name {text!r} {rule}"


def normalise_name(text: str) -> str:
    """The name in its normal form (NFKC, stripped); ``BadNameError`` if it breaks a rule."""
    problem = name_problem(text)
    if problem:
        raise BadNameError(problem)
    return _normal(text)


def name_key(text: str) -> str:
    """What duplicate checks compare: NFKC, stripped and case-folded, repeated
    until stable (case folding can undo NFKC, e.g. for some ligatures)."""
    key = text
    while True:
        folded = unicodedata.normalize("NFKC", _normal(key).casefold())
        if folded == key:
            return key
        key = folded


def names_problem(names: Iterable[str], what: str) -> str | None:
    """The first rule broken by a list of names: a bad name, or one listed twice
    (after normalisation). ``what`` is the kind of name, e.g. "cell"."""
    seen: dict[str, str] = {}
    for name in names:
        if not isinstance(name, str):
            return f"{what} names must be text (got {type(name).__name__})"
        rule = broken_rule(name)
        if rule:
            return f"{what} name {name!r} {rule}"
        key = name_key(name)
        if key in seen:
            return f"a {what} is listed twice: {seen[key]!r} and {name!r}"
        seen[key] = name
    return None


def escape_for_terminal(text: str, keep_lines: bool = False) -> str:
    """``text`` with every control, invisible formatting character and lone
    surrogate written as a visible escape (``\\x1b``, ``\\u202e``), so that text
    from a plugin cannot move the cursor, recolour or rewrite what a terminal
    shows. ``keep_lines`` keeps newlines and tabs (for multi-line text)."""
    kept = "\n\t" if keep_lines else ""
    out = []
    for char in text:
        category = unicodedata.category(char)
        if char in kept or not (category in (_CONTROL, _INVISIBLE, _SURROGATE) or category in _LINE_BREAKS):
            out.append(char)
        else:
            out.append(repr(char)[1:-1] if category == _CONTROL else f"\\u{ord(char):04x}")
    return "".join(out)


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide (East Asian) characters take two,
    combining marks none. For aligning names in columns (``main.py cells``)."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def padded(text: str, width: int) -> str:
    """``text`` and spaces to fill ``width`` terminal columns."""
    return text + " " * max(0, width - display_width(text))


def declaration_problem(cls: object, base: type, missing_name: str) -> str | None:
    """Why ``cls`` can't be a plugin class of kind ``base`` (``cells.Cell``,
    ``tasks.Task``) by its declaration alone: not a subclass, or its ``name``
    missing (``missing_name`` says what to do) or not allowed; None when fine.
    The cell and the task checks share it, so both say it in the same words."""
    if not (isinstance(cls, type) and issubclass(cls, base)):
        return f"not a subclass of {base.__module__.split('.')[0]}.{base.__name__}"
    if not isinstance(cls.name, str) or not cls.name.strip():
        return f"the class attribute `name` is missing or empty ({missing_name})"
    rule = broken_rule(cls.name)
    return f"the class attribute `name` {cls.name!r} {rule}" if rule else None

