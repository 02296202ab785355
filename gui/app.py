"""``python main.py [flags]``: parse the window's flags, show the window.

A splash appears before torch is imported (importing it takes ~3 s here), so
the user sees GateLab at once. ``--screenshot``/``--quit-after`` make the
window scriptable for documentation and tests.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import sys
from pathlib import Path

APP_NAME = "GateLab"
DESKTOP_FILE_NAME = "gatelab"
ASSETS = Path(__file__).resolve().parent.parent / "assets"
ICON = ASSETS / "gatelab.png"


class FlagError(Exception):
    """A bad command-line flag: reported in one line, exit status 2."""


class FlagParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print usage and exit
        raise FlagError(message)


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800 (got {text!r})") from None
    if width < 320 or height < 240:
        raise argparse.ArgumentTypeError(f"size {text} is too small (at least 320x240)")
    return width, height


def build_parser() -> FlagParser:
    parser = FlagParser(prog="main.py", description="GateLab: open the window. Commands "
                        "run/cells/tasks are the headless CLI (python main.py run --help).")
    parser.add_argument("--task", help="task to show first (default adding)")
    parser.add_argument("--length", type=int, help="sequence length T (2..1000)")
    parser.add_argument("--cells", help="comma-separated cells to tick, e.g. RNN,LSTM,GRU")
    parser.add_argument("--plugins", action="append", default=[], metavar="DIR",
                        help="also load plugin cells from DIR (repeatable)")
    parser.add_argument("--start", action="store_true", help="start training at once")
    parser.add_argument("--screenshot", type=Path, metavar="PATH",
                        help="save a PNG of the window when quitting (see --quit-after)")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS",
                        help="quit after SECONDS (with --screenshot: take it then; default 5 s)")
    parser.add_argument("--size", type=parse_size, metavar="WxH", help="window size, e.g. 1920x1080")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="font and line scale, e.g. 1.5 on a projector (default 1)")
    parser.add_argument("--lang", choices=("ko", "en"),
                        help="interface language (default: the system's; en = English)")
    parser.add_argument("--step-timeout", type=float, default=5.0, metavar="SECONDS",
                        help="stop a cell whose training step takes longer than this; it grows "
                             "with big models and slow cells (default %(default)s)")
    parser.add_argument("--install-launcher", action="store_true",
                        help="install a desktop/menu entry that starts GateLab from this checkout")
    return parser


def initial_spec(args: argparse.Namespace):
    """The RunSpec the flags describe; raises FlagError in words."""
    from tasks import TASKS
    from training.spec import RunSpec

    changes = {}
    if args.task is not None:
        if args.task not in TASKS:
            raise FlagError(f"unknown task {args.task!r}; choose from {', '.join(TASKS)}")
        changes["task"] = args.task
    if args.length is not None:
        if not 2 <= args.length <= 1000:
            raise FlagError(f"--length must be between 2 and 1000 (got {args.length})")
        changes["length"] = args.length
    if args.cells is not None:
        changes["cells"] = tuple(c.strip() for c in args.cells.split(",") if c.strip())
    changes["plugins"] = tuple(args.plugins)
    try:
        return RunSpec(**changes)
    except ValueError as error:
        raise FlagError(str(error)) from None


def choose_platform(args: argparse.Namespace) -> None:
    """Pick Qt's platform before Qt starts, or say in one line why a window
    cannot open (without a display Qt aborts the process with a core dump)."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform != "linux":
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        if args.screenshot is not None:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
            return
        raise FlagError("no display found: run GateLab in a desktop session, or use the headless "
                        "commands (python main.py run --help)")


def main(argv: list[str]) -> int:
    """Open the window; returns the process exit status."""
    try:
        args = build_parser().parse_args(argv)
        if args.quit_after is not None and args.quit_after < 0:
            raise FlagError("--quit-after must not be negative")
        if args.scale <= 0:
            raise FlagError("--scale must be positive")
        if args.step_timeout <= 0:
            raise FlagError("--step-timeout must be positive")
        if not args.install_launcher:
            choose_platform(args)
    except FlagError as error:
        print(f"main.py: error: {error}", file=sys.stderr)
        return 2
    if args.install_launcher:
        from .launcher import install_launcher

        print(f"installed {install_launcher()}")
        return 0

    faulthandler.enable()  # a crash in Qt or a plugin still says where it happened
    from .application import run_window

    return run_window(args)
