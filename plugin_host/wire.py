"""The checker's wire format: typed messages as JSON, checked field by field.

A checker child runs plugin code, so whatever reaches the caller from it may
be forged. ``Connection.recv`` unpickles, and unpickling runs code: a hostile
plugin could write a pickle into the pipe that runs a command in the grader.
So messages travel as JSON bytes (``send_bytes``/``recv_bytes``), and
``decode`` accepts only the message types it is told to expect, with exactly
their dataclass fields, each of its declared type. Anything else is a
``WireError``, never a message.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Iterable

MAX_MESSAGE_BYTES = 1 << 20  # a verdict with a long traceback is a few kB
MAX_TEXT = 64_000  # characters in one string field


class WireError(ValueError):
    """Bytes that are not one of the expected messages."""


def encode(message: object) -> bytes:
    """A message dataclass as JSON bytes."""
    fields = {f.name: getattr(message, f.name) for f in dataclasses.fields(message)}
    return json.dumps({"type": type(message).__name__, "fields": _plain(fields)}).encode()


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def decode(data: bytes, expected: Iterable[type]) -> object:
    """The message in ``data`` if it is one of the ``expected`` types, else ``WireError``."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise WireError(f"not JSON: {error}") from None
    if not isinstance(document, dict) or set(document) != {"type", "fields"}:
        raise WireError("not a message")
    kinds = {kind.__name__: kind for kind in expected}
    kind = kinds.get(document["type"]) if isinstance(document["type"], str) else None
    if kind is None:
        raise WireError(f"unexpected message type {str(document['type'])[:40]!r}")
    return _build(kind, document["fields"])


def _build(kind: type, fields: object) -> object:
    hints = _hints(kind)
    if not isinstance(fields, dict) or set(fields) != set(hints):
        raise WireError(f"{kind.__name__} with the wrong fields")
    return kind(**{name: _value(value, hints[name], name) for name, value in fields.items()})


@functools.cache
def _hints(kind: type) -> dict[str, object]:
    names = {f.name for f in dataclasses.fields(kind)}
    return {name: hint for name, hint in typing.get_type_hints(kind).items() if name in names}


def _value(value: object, hint: object, name: str) -> object:
    """``value`` as the type ``hint`` names (str, int, float, bool, X | None,
    tuple[str, ...] or a dataclass), or ``WireError``."""
    if isinstance(hint, types.UnionType):
        if value is None and type(None) in hint.__args__:
            return None
        (hint,) = [arg for arg in hint.__args__ if arg is not type(None)]
    if dataclasses.is_dataclass(hint):
        return _build(hint, value)
    if typing.get_origin(hint) is tuple:
        if not isinstance(value, list):
            raise WireError(f"field {name!r} is not a list")
        return tuple(_value(item, hint.__args__[0], name) for item in value)
    if hint is float and type(value) is int:
        value = float(value)
    if type(value) is not hint:  # bool is not int here, and no subclasses
        raise WireError(f"field {name!r} is not of type {getattr(hint, '__name__', hint)}")
    if isinstance(value, str) and len(value) > MAX_TEXT:
        return value[:MAX_TEXT] + " …"
    return value
