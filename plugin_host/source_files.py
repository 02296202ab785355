"""Reading a plugin file without trusting the folder it sits in.

Anything can be named ``*.py`` in a plugin folder: a symbolic link that loops
or points nowhere, a folder, a named pipe (opening one for reading blocks
until someone writes: the window would hang at close), a device (``/dev/zero``
never ends), a file too big to be a cell. So a plugin file is read only when
it is a regular file after following its links, it is opened without blocking,
and the read is bounded. Every refusal is an ``UnreadablePluginError`` whose
message is the reason in plain words, shown as the plugin's broken record.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_SOURCE_BYTES = 1 << 20  # 1 MiB: a cell is a few dozen lines; a bigger file is not one

_KINDS = ((stat.S_ISDIR, "a folder, not a file"),
          (stat.S_ISFIFO, "a named pipe (FIFO), not a regular file; it is never opened"),
          (stat.S_ISCHR, "a device, not a regular file; it is never read"),
          (stat.S_ISBLK, "a device, not a regular file; it is never read"),
          (stat.S_ISSOCK, "a socket, not a regular file"))


class UnreadablePluginError(OSError):
    """A plugin file that is not read; the message says why, in plain words."""


def why(path: Path | str, error: OSError) -> str:
    """An ``OSError`` about ``path`` in plain words (a loop, a dangling link, permission)."""
    if error.errno == errno.ELOOP:
        return "a symbolic link that loops (it leads back to itself)"
    if error.errno == errno.ENOENT:
        return "a symbolic link to a missing file" if os.path.islink(path) else "no longer there"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied"
    return f"cannot be read: {error.strerror or error}"


def _refusal(mode: int, size: int) -> str | None:
    for is_kind, words in _KINDS:
        if is_kind(mode):
            return words
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return _too_big(size) if size > MAX_SOURCE_BYTES else None


def _too_big(size: int) -> str:
    return f"{size:,} bytes: bigger than the {MAX_SOURCE_BYTES >> 20} MiB a plugin file may have"


def read_source(path: Path | str) -> bytes:
    """The bytes of a plugin file, or ``UnreadablePluginError`` saying why not.

    Checks the kind with ``stat`` before opening (a pipe or device is never
    opened), opens without blocking and checks again on the open file (it may
    have been swapped in between), and reads at most ``MAX_SOURCE_BYTES``."""
    try:
        before = os.stat(path)
        refusal = _refusal(before.st_mode, before.st_size)
        if refusal:
            raise UnreadablePluginError(refusal)
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except UnreadablePluginError:
        raise
    except OSError as error:
        raise UnreadablePluginError(why(path, error)) from None
    with os.fdopen(handle, "rb") as file:
        opened = os.fstat(handle)
        refusal = _refusal(opened.st_mode, opened.st_size)
        if refusal:
            raise UnreadablePluginError(refusal)
        data = file.read(MAX_SOURCE_BYTES + 1)
    if len(data) > MAX_SOURCE_BYTES:
        raise UnreadablePluginError(_too_big(len(data)))  # it grew, or its size was not known (/proc)
    return data


def source_problem(path: Path | str) -> str | None:
    """Why a plugin file would not be read (``read_source``), or None when it can be."""
    try:
        read_source(path)
    except UnreadablePluginError as refusal:
        return str(refusal)
    return None
