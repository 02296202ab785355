"""``--install-launcher``: a desktop/menu entry that starts GateLab from this
checkout's environment (its Python, its main.py), with GateLab's icon."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .identity import ASSETS, DESKTOP_FILE_NAME, ICON

TEMPLATE = ASSETS / "gatelab.desktop.in"
REPOSITORY = ASSETS.parent


def applications_folder() -> Path:
    """Where the freedesktop menu looks for user entries."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "applications"


def exec_quote(argument: str) -> str:
    """Quote one argument of a desktop entry's Exec key (freedesktop rules, not
    the shell's): double quotes, with \\ " ` $ escaped by a backslash."""
    if not any(c in argument for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def desktop_entry(python: str = sys.executable) -> str:
    """The .desktop text for this checkout (absolute paths: it runs from anywhere)."""
    command = " ".join(exec_quote(part) for part in (python, str(REPOSITORY / "main.py")))
    return (TEMPLATE.read_text()
            .replace("@EXEC@", command)
            .replace("@PATH@", str(REPOSITORY))
            .replace("@ICON@", str(ICON)))


def install_launcher(folder: Path | None = None) -> Path:
    """Write the entry (named like the app's desktop file name, so Wayland
    matches window and icon) and mark it executable, as desktops expect."""
    folder = folder or applications_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{DESKTOP_FILE_NAME}.desktop"
    path.write_text(desktop_entry())
    path.chmod(0o755)
    return path
