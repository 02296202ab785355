"""Child processes (training workers, the plugin checker) end with their parent."""

from __future__ import annotations

import os
import threading
import time


def exit_with_parent(parent_pid: int, interval: float = 0.5) -> None:
    """End this process as soon as its parent is gone, even if the main thread
    is stuck in a plugin's infinite loop: no orphan trains or checks forever."""

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent_pid:
                os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
