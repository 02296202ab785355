"""The launcher on Windows: a Start-menu shortcut and the ``.gatelab`` file type, per user.

A ``.lnk`` shortcut is a binary format that Windows writes through its shell
(COM); without pywin32, PowerShell, present on every Windows since 7, asks the
shell to write it (``WScript.Shell.CreateShortcut``). The shortcut starts the
``gatelab-gui.exe`` entry (or ``pythonw.exe main.py``), so no console window
opens. The file type is three per-user keys under
``HKEY_CURRENT_USER\\Software\\Classes`` (no administrator needed), written
with the standard library's ``winreg``; the open command passes the file
(``"%1"``) to the window.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..identity import APP_NAME, ICON
from .icons import ico_from_png
from .plan import Command, LauncherPlan, RegistryValue

EXTENSION = ".gatelab"
PROG_ID = "GateLab.Run"  # the file type's name in the registry (Vendor.Type)
CLASSES = "Software\\Classes"
DESCRIPTION = "Train recurrent cells side by side and watch the gradient flow through time"
_POWERSHELL_QUOTES = "'\u2018\u2019\u201a\u201b"  # PowerShell reads each as a single quote


def app_data(home: Path, environ: Mapping[str, str]) -> Path:
    """``%APPDATA%``, the roaming per-user folder (``~\\AppData\\Roaming``)."""
    return Path(environ.get("APPDATA") or home / "AppData" / "Roaming")


def command_line(command: list[str]) -> str:
    """A Windows command line: every part in double quotes (no path holds one)."""
    return " ".join(f'"{part}"' for part in command)


def powershell_quote(text: str) -> str:
    """A PowerShell single-quoted string: nothing inside is expanded; quotes are doubled."""
    return "'" + "".join(c * 2 if c in _POWERSHELL_QUOTES else c for c in text) + "'"


def shortcut_script(shortcut: Path, command: list[str], icon: Path, home: Path) -> str:
    """PowerShell that has the shell write the shortcut."""
    settings = {"TargetPath": command[0], "Arguments": command_line(command[1:]),
                "IconLocation": f"{icon},0", "Description": DESCRIPTION, "WorkingDirectory": str(home)}
    create = f"$s = (New-Object -ComObject WScript.Shell).CreateShortcut({powershell_quote(str(shortcut))})"
    return "; ".join([create, *(f"$s.{name} = {powershell_quote(value)}" for name, value in settings.items()),
                      "$s.Save()"])


def windows_plan(command: list[str], home: Path, environ: Mapping[str, str] = os.environ) -> LauncherPlan:
    """The icon (an .ico of GateLab's PNG) in ``%APPDATA%\\GateLab``, the
    shortcut in the user's Start menu, and the file type."""
    roaming = app_data(home, environ)
    icon = roaming / APP_NAME / "gatelab.ico"
    shortcut = roaming / "Microsoft" / "Windows" / "Start Menu" / "Programs" / f"{APP_NAME}.lnk"
    return LauncherPlan(
        files={icon: ico_from_png(ICON.read_bytes())},
        registry=(
            RegistryValue(f"{CLASSES}\\{EXTENSION}", PROG_ID),
            RegistryValue(f"{CLASSES}\\{PROG_ID}", f"{APP_NAME} run"),
            RegistryValue(f"{CLASSES}\\{PROG_ID}\\DefaultIcon", f"{icon},0"),
            RegistryValue(f"{CLASSES}\\{PROG_ID}\\shell\\open\\command", command_line([*command, "%1"])),
        ),
        commands=(Command(("powershell", "-NoProfile", "-NonInteractive", "-Command",
                           shortcut_script(shortcut, command, icon, home)),
                          "no Start-menu shortcut was made; .gatelab files still open with GateLab"),),
        made_by_commands=(shortcut,))


def set_registry(values: tuple[RegistryValue, ...]) -> None:
    """Write the values under HKEY_CURRENT_USER, then tell Explorer that file
    types changed, so icons and double-click work without signing out."""
    import ctypes
    import winreg

    for value in values:
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, value.key) as key:
            winreg.SetValueEx(key, "", 0, winreg.REG_SZ, value.value)
    shcne_assocchanged, shcnf_idlist = 0x08000000, 0
    ctypes.windll.shell32.SHChangeNotify(shcne_assocchanged, shcnf_idlist, None, None)
