"""The window's command-line flags (``python main.py --help``) and the RunSpec they describe.

Kept apart from the entry module so that the Qt application can turn flags
into a spec without importing the module that starts it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from plugin_host.jobs import existing_plugin_dir
from plugin_host.limits import DEFAULT_STEP_TIMEOUT

from .identity import LANGUAGES, THEME_NAMES


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
    parser = FlagParser(prog="main.py", description="GateLab: open the window. The commands run, cells, "
                        "tasks, check-plugin, sweep, grade, animate and pack are the headless CLI "
                        "(python main.py COMMAND --help).")
    parser.add_argument("--task", help="task to show first (default adding)")
    parser.add_argument("--length", type=int, help="sequence length T (2..1000)")
    parser.add_argument("--cells", help="comma-separated cells to tick, e.g. RNN,LSTM,GRU")
    parser.add_argument("--plugins", action="append", default=[], metavar="DIR", type=existing_plugin_dir,
                        help="also load plugin cells from DIR (repeatable)")
    parser.add_argument("--start", action="store_true", help="start training at once")
    parser.add_argument("--screenshot", type=Path, metavar="PATH",
                        help="save a PNG of the window when quitting (see --quit-after)")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS",
                        help="quit after SECONDS (with --start: SECONDS of training, counted from the "
                             "first report; with --screenshot: take it then; default 5 s)")
    parser.add_argument("--save-run", type=Path, metavar="DIR",
                        help="when the window quits (closed, or --quit-after), save the run into DIR "
                             "as Save run does; DIR must not hold a run already")
    parser.add_argument("run", nargs="?", type=Path, metavar="RUN",
                        help="a saved run to open: a .gatelab file (what a double-click passes) or a "
                             "run folder; the same as --open RUN")
    parser.add_argument("--open", type=Path, metavar="PATH",
                        help="open a saved run: a run folder or a .gatelab file")
    parser.add_argument("--at", type=int, metavar="STEP",
                        help="with a run to open: show it at training step STEP (the nearest recorded one)")
    parser.add_argument("--size", type=parse_size, metavar="WxH", help="window size, e.g. 1920x1080")
    parser.add_argument("--scale", type=float,
                        help="font and line scale, e.g. 1.5 on a projector (default: the last "
                             "one given, remembered; else 1)")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="interface language (default: the last one given, remembered; else the "
                             "system's; en = English)")
    parser.add_argument("--theme", choices=THEME_NAMES,
                        help="projector theme (default: the last one chosen, remembered; else light; "
                             "View > Dark theme switches it while running)")
    parser.add_argument("--presentation", action="store_true",
                        help="open in presentation mode: full screen, plots only (F11 leaves it)")
    parser.add_argument("--step-timeout", type=float, default=DEFAULT_STEP_TIMEOUT, metavar="SECONDS",
                        help="stop a cell whose training step takes longer than this; it grows "
                             "with big models and slow cells (default %(default)s)")
    parser.add_argument("--install-launcher", action="store_true",
                        help="install a menu entry (Linux), Start-menu shortcut (Windows) or app in "
                             "~/Applications (macOS) that starts GateLab, and open .gatelab files "
                             "with it on double-click")
    return parser


def initial_spec(args: argparse.Namespace):
    """The RunSpec the flags describe; raises FlagError in words. A task that
    is not a built-in is looked for among the task plugins once they are
    checked (the window says so if none has that name)."""
    from plugin_host.names import broken_rule
    from training.spec import RunSpec

    changes = {}
    if args.task is not None:
        rule = broken_rule(args.task)
        if rule:
            raise FlagError(f"--task {args.task!r} {rule}")
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


def run_to_open(args: argparse.Namespace) -> Path | None:
    """The run named by ``--open`` or the bare RUN argument (not both), and
    ``--at`` only with one; raises FlagError."""
    if args.run is not None and args.open is not None:
        raise FlagError("give the run to open once: --open PATH or PATH, not both")
    path = args.open if args.open is not None else args.run
    if args.at is not None and path is None:
        raise FlagError("--at needs a run to open (--open PATH, or PATH.gatelab)")
    return path


def check_save_folder(folder: Path) -> None:
    """``--save-run``'s folder must be new or hold no run (a run is a folder
    with summary.json): a lecture's recording never replaces an earlier one.
    A ``.gatelab`` name saves one file, which must not exist yet."""
    from training.run_archive import is_archive

    if is_archive(folder):
        if folder.exists():
            raise FlagError(f"--save-run: {folder} exists already; choose another file")
        return
    if (folder / "summary.json").exists():
        raise FlagError(f"--save-run: {folder} holds a run already; choose another folder")
    if folder.exists() and not folder.is_dir():
        raise FlagError(f"--save-run: {folder} is not a folder")
