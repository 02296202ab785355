"""Starting GateLab's child processes from any script, with or without a main guard.

Workers and the plugin checker are spawned (never forked from a process that
may run Qt). A spawned child normally re-runs the parent's main script, to
find functions defined there; in a script without
``if __name__ == "__main__":`` that re-runs the training itself, and Python
refuses with a ``RuntimeError``. GateLab's children run only GateLab's own
functions, so the script is hidden from them while they start.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

_HIDDEN = ("__file__", "__spec__")  # what multiprocessing reads to re-run the main module


@contextmanager
def main_script_hidden() -> Iterator[None]:
    """Within this block a process started with the spawn method does not
    import the parent's ``__main__`` (its file or module name)."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved = {name: main.__dict__[name] for name in _HIDDEN if name in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__spec__ = None
    try:
        yield
    finally:
        main.__dict__.update(saved)
        if "__spec__" not in saved:
            main.__dict__.pop("__spec__", None)
