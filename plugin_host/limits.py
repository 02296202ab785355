"""The time and memory limits of plugin code, defined once.

A plugin cell gets the same few seconds per step wherever it runs: while the
checker validates it and while a training worker trains it, so the training
supervisor, the window's ``--step-timeout`` and ``check-plugin --timeout``
all start from these numbers.
"""

from __future__ import annotations

DEFAULT_IMPORT_TIMEOUT = 5.0   # seconds for importing one plugin
DEFAULT_STEP_TIMEOUT = 5.0     # seconds for one step of a cell (validation or training)
START_TIMEOUT = 90.0           # starting the checker (importing torch) on a busy machine
MEMORY_HEADROOM = 6 * 2 ** 30  # address space a plugin may add in the checker (Linux)
