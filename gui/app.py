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

# What Qt's X11 platform plugin (PySide6 6.11: libqxcb.so and libQt6XcbQpa.so.6,
# ``readelf -d``) loads besides libX11, libGL and glib, which every X11 desktop
# has. Minimal desktops lack some (Ubuntu 22.04 lacks libxcb-cursor0), and then
# Qt aborts the process with a core dump.
X11_LIBRARIES = (
    "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-image.so.0", "libxcb-keysyms.so.1",
    "libxcb-randr.so.0", "libxcb-render-util.so.0", "libxcb-render.so.0", "libxcb-shape.so.0",
    "libxcb-shm.so.0", "libxcb-sync.so.1", "libxcb-util.so.1", "libxcb-xfixes.so.0",
    "libxcb-xkb.so.1", "libxcb.so.1", "libxkbcommon-x11.so.0", "libxkbcommon.so.0",
)


def missing_x11_libraries() -> list[str]:
    """The libraries of ``X11_LIBRARIES`` that the dynamic loader cannot find."""
    missing = []
    for name in X11_LIBRARIES:
        try:
            ctypes.CDLL(name)
        except OSError:
            missing.append(name)
    return missing


def debian_package(library: str) -> str:
    """Debian's package for a library, by its naming rule: libxcb-icccm.so.4 ->
    libxcb-icccm4, libxkbcommon-x11.so.0 -> libxkbcommon-x11-0."""
    name, version = library.split(".so.")
    return f"{name}{'-' if name[-1].isdigit() else ''}{version}".lower()


def choose_platform(args: argparse.Namespace) -> None:
    """Pick Qt's platform before Qt starts, or say in one line why a window
    cannot open (without a display, or without the X11 plugin's libraries, Qt
    aborts the process with a core dump)."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform != "linux":
        return
    if os.environ.get("WAYLAND_DISPLAY"):  # Qt takes Wayland there: no X11 plugin
        return
    display = os.environ.get("DISPLAY")
    missing = missing_x11_libraries() if display else []
    if display and not missing:
        return
    if args.screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
        return
    if missing:
        raise FlagError(f"Qt cannot open a window here: missing system libraries {', '.join(missing)}; "
                        "install them (Debian, Ubuntu: sudo apt install "
                        f"{' '.join(map(debian_package, missing))}) and start GateLab again")
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
