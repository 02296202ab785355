"""The command a launcher starts: GateLab's window, from this installation.

The ``gatelab-gui`` entry that pip and pipx put beside this interpreter when
there is one (on Windows it opens no console window), else this interpreter
running ``main.py`` (``pythonw`` on Windows, for the same reason): a checkout
that was never installed, or an install whose scripts lie elsewhere
(``pip install --user``). Absolute paths, so the launcher works from anywhere.
"""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path

from gatelab_resources import MAIN_SCRIPT

GUI_ENTRY = "gatelab-gui"  # [project.gui-scripts] in pyproject.toml


def gui_command(windows: bool, scripts: Path | None = None, python: str = sys.executable) -> list[str]:
    """The window's command line, without a file to open."""
    scripts = scripts or Path(sysconfig.get_path("scripts"))
    entry = scripts / (f"{GUI_ENTRY}.exe" if windows else GUI_ENTRY)
    if entry.is_file():
        return [str(entry)]
    if windows:
        windowed = Path(python).with_name("pythonw.exe")
        python = str(windowed) if windowed.is_file() else python
    return [python, str(MAIN_SCRIPT)]
