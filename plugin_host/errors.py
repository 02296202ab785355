"""Plugin errors in plain words, where they happened, and the broken verdict.

One place, so that an error reads the same in the Plugins panel, in
``check-plugin`` and in a training worker: ``describe_error`` words an
exception, ``plugin_line`` / ``error_location`` find the plugin's own line in
a traceback, ``line_in_dump`` finds it in a faulthandler dump (a plugin that
hung or crashed the interpreter), and ``broken_verdict`` builds the verdict of
something that failed.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path

from .messages import BUILD, IMPORT, VALIDATE, CellVerdict
from .records import BROKEN


class ContractError(Exception):
    """The cell breaks the contract; the message says how, in plain words."""


def error_words(error: BaseException) -> str:
    """One line for an error during a validation check: a ``ContractError``'s own
    words, else ``TypeName: first line``."""
    text = (str(error).strip().splitlines() or [""])[0]
    return text if isinstance(error, ContractError) else f"{type(error).__name__}: {text}"


def describe_error(error: BaseException, during: str = IMPORT) -> str:
    """One plain line: what went wrong while importing a plugin (``IMPORT``),
    during one of its validation steps (``VALIDATE``) or while a training
    worker built its model (``BUILD``)."""
    text = str(error).strip()
    first = text.splitlines()[0] if text else ""
    if during == VALIDATE:
        if isinstance(error, SystemExit):
            return f"called sys.exit({error.code!r}) during a validation step"
        if isinstance(error, MemoryError) or "can't allocate memory" in text or "out of memory" in text:
            wanted = re.search(r"allocate (\d+) bytes", text)
            size = f" ({int(wanted.group(1)) / 2 ** 30:,.0f} GiB)" if wanted else ""
            return f"ran out of memory: it tried to allocate more than this machine has{size}"
        return f"raised {type(error).__name__}{': ' + first if first else ''} during a validation step"
    if isinstance(error, SystemExit):
        when = "while its model was being built" if during == BUILD else "while being imported"
        return f"the plugin called sys.exit({error.code!r}) {when}"
    if isinstance(error, SyntaxError):
        return f"SyntaxError: {error.msg} (line {error.lineno})"
    if isinstance(error, ModuleNotFoundError):
        return f"it imports {error.name!r}, which is not installed (ModuleNotFoundError)"
    return f"{type(error).__name__}: {first}" if first else type(error).__name__


def _same_file(a: str, b: str) -> bool:
    return a == b or str(Path(a).resolve()) == str(Path(b).resolve())


def plugin_line(error: BaseException, file: str | None) -> tuple[str, int | None] | None:
    """The innermost place in ``file`` that ``error`` passed through
    (for a SyntaxError: where the syntax is wrong), or None."""
    if isinstance(error, SyntaxError) and error.filename:
        return error.filename, error.lineno
    if file is None:
        return None
    own = [f for f in traceback.extract_tb(error.__traceback__) if _same_file(f.filename, file)]
    return (own[-1].filename, own[-1].lineno) if own else None


def error_location(error: BaseException, file: str | None) -> tuple[str | None, int | None]:
    """The file and line an error points at, preferring the plugin's own file."""
    own = plugin_line(error, file)
    if own is not None:
        return own
    frames = traceback.extract_tb(error.__traceback__)
    if frames:
        return frames[-1].filename, frames[-1].lineno
    return file, None


def line_in_dump(dump: str, file: str | None) -> int | None:
    """The innermost line of ``file`` in a faulthandler dump (where it hung or crashed)."""
    if file is None:
        return None
    path = str(Path(file).resolve())
    own = [int(number) for name, number in re.findall(r'File "(.+?)", line (\d+)', dump) if name == path]
    return own[0] if own else None  # faulthandler lists the innermost frame first


def format_traceback(error: BaseException) -> str:
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


def broken_verdict(name: str, reason: str | BaseException, file: str | None = None,
                   line: int | None = None, traceback_text: str = "", **fields) -> CellVerdict:
    """The verdict of a cell or plugin that cannot be used.

    ``reason`` may be an exception raised while importing: then the words,
    the location (preferring ``file``'s own line) and the traceback come from it.
    """
    if isinstance(reason, BaseException):
        file, line = error_location(reason, file)
        reason, traceback_text = describe_error(reason), format_traceback(reason)
    return CellVerdict(name=name, status=BROKEN, reason=reason, file=file, line=line,
                       traceback=traceback_text, **fields)
