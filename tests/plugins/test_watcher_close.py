"""Closing the window while plugins are being checked returns at once."""

from __future__ import annotations

import time

from gui.plugins_qt import PluginWatcher

LOOPS_AT_IMPORT = "while True:\n    pass\n"


def test_stopping_during_discovery_does_not_wait_for_the_remaining_plugins(qtbot, tmp_path):
    for index in range(4):
        (tmp_path / f"loop_{index}.py").write_text(LOOPS_AT_IMPORT)
    watcher = PluginWatcher([tmp_path], include_project_plugins=False, include_user_plugins=False,
                            include_entry_points=False)
    watcher.start()
    qtbot.waitUntil(lambda: watcher.busy, timeout=5000)
    qtbot.wait(500)  # well inside the first plugin's import (4 x 5 s would follow)
    started = time.monotonic()
    watcher.stop()
    assert time.monotonic() - started < 3.0
    assert not watcher.busy
