"""The core never imports Qt: it must run headless, in workers and in tests."""

import subprocess
import sys


def test_core_packages_leave_qt_out():
    code = ("import sys, cells, tasks, training, training.supervisor, training.worker, "
            "training.recorder, cli; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
