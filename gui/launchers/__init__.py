"""``--install-launcher``: start GateLab from the desktop's menu, and open a
``.gatelab`` file by double-clicking it, on Linux (and other freedesktop
systems), Windows and macOS.

Each platform's module describes what it would write (``launcher_plan``); the
platform is an argument, so tests check all three anywhere. ``plan.write_plan``
writes it, per user, never needing an administrator.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from .command import gui_command
from .freedesktop import freedesktop_plan
from .macos import macos_plan
from .plan import LauncherPlan, write_plan
from .windows import set_registry, windows_plan


def launcher_plan(platform: str = sys.platform, home: Path | None = None,
                  environ: Mapping[str, str] = os.environ, scripts: Path | None = None,
                  python: str = sys.executable) -> LauncherPlan:
    """What the launcher for ``platform`` (a ``sys.platform`` value) writes for
    the user whose home is ``home``, starting this installation's window."""
    home = home or Path.home()
    command = gui_command(platform == "win32", scripts, python)
    if platform == "win32":
        return windows_plan(command, home, environ)
    if platform == "darwin":
        return macos_plan(command, home)
    return freedesktop_plan(command, home, environ)


def install_launcher() -> list[str]:
    """Install the launcher for this platform and user; one line per thing done."""
    return write_plan(launcher_plan(), set_registry if sys.platform == "win32" else None)
