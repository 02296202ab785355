"""Hostile: writes forged messages into every pipe and socket it can reach: a pickle
that runs a command in whoever unpickles it, and fake verdicts saying everyone passed."""
import json
import os
import pickle
import stat
import struct

from cells import Cell

MARKER = os.environ.get("GATELAB_HOSTILE_MARKER_FILE", "/tmp/gatelab-hostile-pwned")


class _RunsCode:
    def __reduce__(self):
        return (os.system, (f"touch {MARKER}",))


def _frame(payload: bytes) -> bytes:
    return struct.pack("!i", len(payload)) + payload


_forgeries = [pickle.dumps(_RunsCode())]
for _name in ("Broken neighbour", "Forge pipe"):
    _verdict = {"name": _name, "class_name": "X", "status": "ok", "reason": ""}
    _forgeries.append(json.dumps({"type": "CellVerdict", "fields": _verdict}).encode())
_forgeries.append(json.dumps({"type": "Done", "fields": {}}).encode())
for _fd in range(3, 256):
    try:
        if stat.S_ISFIFO(os.fstat(_fd).st_mode) or stat.S_ISSOCK(os.fstat(_fd).st_mode):
            for _payload in _forgeries:
                os.write(_fd, _frame(_payload))
    except OSError:
        pass


class ForgePipe(Cell):
    name = "Forge pipe"

    def forward(self, x, state):
        return x, ()  # broken: no state
