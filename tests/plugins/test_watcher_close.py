"""Closing the window while plugins are being checked returns at once."""

from __future__ import annotations

import time

from gui.plugin_watcher import PluginWatcher

IMPORT_LIMIT = 60.0  # seconds per plugin import: waiting for even one would show


def loops_at_import(started) -> str:
    """A plugin that says (with a file) that its import has begun, then spins."""
    return f"import pathlib\npathlib.Path({str(started)!r}).touch()\nwhile True:\n    pass\n"


def test_stopping_during_discovery_does_not_wait_for_the_remaining_plugins(qtbot, tmp_path):
    plugins, started = tmp_path / "plugins", tmp_path / "started"
    plugins.mkdir()
    for index in range(4):
        (plugins / f"loop_{index}.py").write_text(loops_at_import(started / str(index)))
    started.mkdir()
    watcher = PluginWatcher([plugins], include_project_plugins=False, include_user_plugins=False,
                            include_entry_points=False)
    watcher.checker.import_timeout = IMPORT_LIMIT
    said = []
    watcher.busyChanged.connect(said.append)
    watcher.start()
    qtbot.waitUntil(lambda: any(started.iterdir()), timeout=60_000)  # inside the first plugin's import
    begun = time.monotonic()
    watcher.stop()
    # No "discovery done" for a discovery cut short: the window, quitting,
    # read the partial records as final and reported the built-ins unknown.
    assert said == [True]
    # Waiting for the plugin being imported would take 60 s, for all of them
    # 4 x 60 s; stopping at once takes well under a second. 10 s is slack
    # for a loaded machine, far below the first.
    assert time.monotonic() - begun < 10
    assert not watcher.busy
    assert len(list(started.iterdir())) == 1  # the other three were never imported
