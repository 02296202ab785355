"""What the layer contracts (import-linter, ``[tool.importlinter]`` in
pyproject.toml, run by ``make test``) can't say: that *importing* the command
line loads no Qt. The CLI imports ``plots`` (Qt, pyqtgraph) inside the function
that writes figures, and a static import graph can't tell that from an import
at the top, so the contracts allow cli → plots; this test holds the rest."""

import subprocess
import sys


def test_importing_the_command_line_leaves_qt_out():
    code = ("import sys, cli, cli.commands, cli.check_plugin, training.worker, plugin_host.checker; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
