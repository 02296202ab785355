"""The layers hold: the core never imports Qt (it must run headless, in
workers and in tests), and ``cells`` never imports the plugin host above it."""

import subprocess
import sys


def imported_after(statement: str, prefixes: tuple[str, ...]) -> subprocess.CompletedProcess:
    code = (f"import sys; {statement}; "
            f"bad = [m for m in sys.modules if m.startswith({prefixes!r})]; "
            "print(bad); sys.exit(1 if bad else 0)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_core_packages_leave_qt_out():
    result = imported_after("import cells, tasks, plugin_host, plugin_host.discovery, plugin_host.checker, "
                            "training, training.supervisor, training.worker, training.recorder, cli",
                            ("PySide6", "pyqtgraph", "shiboken"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_cells_leave_the_plugin_host_out():
    result = imported_after("import cells, cells.rnn, cells.lstm, cells.gru", ("plugin_host", "training"))
    assert result.returncode == 0, result.stdout + result.stderr
