"""Launch to visible window: from starting ``python main.py`` to the main window shown.

The child is the real ``main.py``; a tiny wrapper notes the moment the main
window's first show event is handled and exits at once. The splash (shown
before torch is imported) is timed the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3

CHILD = """
import os, sys, time
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QMainWindow, QSplashScreen
watched = {cls}
original = watched.showEvent
def shown(self, event):
    original(self, event)
    print("torch" in sys.modules, time.time(), flush=True)
    os._exit(0)
watched.showEvent = shown
sys.argv = ["main.py"]
import main
main.main([])
"""


def launch_seconds(cls: str, torch_loaded: list[bool] | None = None) -> float:
    """Seconds from starting main.py to the first show of ``cls``; appends to
    ``torch_loaded`` whether torch was imported by then."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    output = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), cls=cls)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120).stdout
    loaded, shown = output.split()[-2:]
    if torch_loaded is not None:
        torch_loaded.append(loaded == "True")
    return float(shown) - started


def main() -> None:
    splash = [launch_seconds("QSplashScreen") for _ in range(RUNS)]
    torch_loaded: list[bool] = []
    window = [launch_seconds("QMainWindow", torch_loaded) for _ in range(RUNS)]
    print(f"launch to visible splash: median {np.median(splash):.2f} s; to visible main window: "
          f"median {np.median(window):.2f} s (runs: {', '.join(f'{w:.2f}' for w in window)}); "
          f"torch imported before the window showed: {'yes' if any(torch_loaded) else 'no'}")


if __name__ == "__main__":
    main()
