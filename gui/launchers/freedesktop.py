"""The launcher on Linux and other freedesktop systems: a menu entry, its
icon, and the ``.gatelab`` file type, all per user under ``$XDG_DATA_HOME``.

The entry passes the double-clicked file (``%f``) to the window; the
shared-mime-info package names ``*.gatelab`` ``application/x-gatelab`` and
the entry's ``MimeType`` claims it. The caches that desktops read are rebuilt
after writing, where their tools are installed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..identity import ASSETS, DESKTOP_FILE_NAME, ICON
from .icons import png_size
from .plan import Command, LauncherPlan

DESKTOP_TEMPLATE = ASSETS / "gatelab.desktop.in"
MIME_PACKAGE = ASSETS / "gatelab-mime.xml"
MIME_TYPE = "application/x-gatelab"


def data_home(home: Path, environ: Mapping[str, str]) -> Path:
    """``$XDG_DATA_HOME``, by default ``~/.local/share``."""
    return Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share")


def exec_quote(argument: str) -> str:
    """Quote one argument of a desktop entry's Exec key (freedesktop rules, not
    the shell's): double quotes, with \\ " ` $ escaped by a backslash."""
    if not any(c in argument for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def desktop_entry(command: list[str]) -> str:
    """The .desktop text: the command (absolute paths) and the icon by its theme name."""
    return (DESKTOP_TEMPLATE.read_text(encoding="utf-8")
            .replace("@EXEC@", " ".join(exec_quote(part) for part in command))
            .replace("@ICON@", DESKTOP_FILE_NAME))


def freedesktop_plan(command: list[str], home: Path, environ: Mapping[str, str] = os.environ) -> LauncherPlan:
    """The entry, named like the app's desktop file name so that Wayland matches
    window and icon, marked executable as desktops expect; the icon in the hicolor
    theme at its own size; the file type."""
    data = data_home(home, environ)
    applications, mime = data / "applications", data / "mime"
    entry = applications / f"{DESKTOP_FILE_NAME}.desktop"
    png = ICON.read_bytes()
    width, height = png_size(png)
    icon = data / "icons" / "hicolor" / f"{width}x{height}" / "apps" / f"{DESKTOP_FILE_NAME}.png"
    return LauncherPlan(
        files={entry: desktop_entry(command).encode(), icon: png,
               mime / "packages" / f"{DESKTOP_FILE_NAME}.xml": MIME_PACKAGE.read_bytes()},
        executable=(entry,),
        commands=(
            Command(("update-mime-database", str(mime)),
                    "the desktop knows .gatelab files once it runs (package shared-mime-info)"),
            Command(("update-desktop-database", str(applications)),
                    "the menu entry works; the desktop offers it for .gatelab files after its next scan"),
            Command(("xdg-mime", "default", entry.name, MIME_TYPE),
                    "GateLab is not set as the default for .gatelab files, but it is their only application"),
        ))
