"""``python main.py [flags]``: parse the window's flags, show the window.

A splash appears before torch is imported (importing it takes ~3 s here), so
the user sees GateLab at once. ``--screenshot``/``--quit-after`` make the
window scriptable for documentation and tests.
"""

from __future__ import annotations

import argparse
import ctypes
import faulthandler
import os
import sys

from .flags import FlagError, build_parser, check_save_folder, run_to_open

# Qt's X11 platform plugin loads this since Qt 6.5, and many desktops lack it
# (Ubuntu 22.04's among them): without it Qt aborts with a core dump.
XCB_CURSOR = "libxcb-cursor.so.0"


def x11_ready() -> bool:
    """True when Qt's X11 plugin can load the library it most often lacks."""
    try:
        ctypes.CDLL(XCB_CURSOR)
    except OSError:
        return False
    return True


def choose_platform(args: argparse.Namespace) -> None:
    """Pick Qt's platform before Qt starts, or say in one line why a window
    cannot open (without a display, or without the X11 plugin's library, Qt
    aborts the process with a core dump)."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform != "linux":
        return
    wayland = bool(os.environ.get("WAYLAND_DISPLAY"))  # Qt takes Wayland there: no X11 plugin
    if wayland or (os.environ.get("DISPLAY") and x11_ready()):
        return
    if args.screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
        return
    if os.environ.get("DISPLAY"):
        raise FlagError(f"Qt cannot open a window here: the system library {XCB_CURSOR} is missing; "
                        "install it (Debian, Ubuntu: sudo apt install libxcb-cursor0; Fedora: "
                        "sudo dnf install xcb-util-cursor) and start GateLab again")
    raise FlagError("no display found: run GateLab in a desktop session, or use the headless "
                    "commands (python main.py run --help)")


def main(argv: list[str]) -> int:
    """Open the window; returns the process exit status."""
    try:
        args = build_parser().parse_args(argv)
        if args.quit_after is not None and args.quit_after < 0:
            raise FlagError("--quit-after must not be negative")
        if args.scale is not None and args.scale <= 0:
            raise FlagError("--scale must be positive")
        if args.step_timeout <= 0:
            raise FlagError("--step-timeout must be positive")
        if args.save_run is not None:
            check_save_folder(args.save_run)
        run_to_open(args)
        if not args.install_launcher:
            choose_platform(args)
    except FlagError as error:
        print(f"main.py: error: {error}", file=sys.stderr)
        return 2
    if args.install_launcher:
        from .launchers import install_launcher

        print("\n".join(install_launcher()))
        return 0

    if sys.stderr is not None:  # None under pythonw (gatelab-gui on Windows): no console to write to
        faulthandler.enable()  # a crash in Qt or a plugin still says where it happened
    from .application import run_window

    return run_window(args)
