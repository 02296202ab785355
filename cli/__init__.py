"""GateLab's headless command line: ``python main.py run|cells|tasks|check-plugin``.

Thin on purpose: it parses flags into a ``RunSpec`` (``arguments``), calls
training and the plugin host, and writes the same run folders the window
opens (``commands``); ``check-plugin`` grades plugin files for a lecturer.
Figures come from ``plots``, imported only when they are written, so the
command line itself never loads Qt."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping

from plugin_host.jobs import existing_plugin_dir

from .animate import SceneFactory, add_animate_parser
from .arguments import EXIT_CODES, OneLineParser, add_run_arguments
from .check_plugin import add_check_plugin_parser
from .commands import cells_command, run_command, tasks_command
from .executors import add_cluster_arguments
from .grade import add_grade_parser
from .pack import add_pack_parser
from .sweep import sweep_command

COMMANDS = ("run", "cells", "tasks", "check-plugin", "sweep", "grade", "animate", "pack")


def build_parser() -> OneLineParser:
    parser = OneLineParser(prog="gatelab", description="Train recurrent cells side by side and "
                           "watch the gradient flow through time.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    run = commands.add_parser("run", help="train cells headless and write data and figures",
                              epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_run_arguments(run)
    run.add_argument("--out", metavar="DIR", help="output folder (default runs/TASK-TLENGTH-TIME)")
    run.set_defaults(handler=run_command)
    cells = commands.add_parser("cells", help="list every cell found, with its parameters")
    cells.add_argument("--plugins", action="append", default=[], metavar="DIR", type=existing_plugin_dir,
                       help="an extra folder of plugins (repeatable)")
    cells.add_argument("--hidden", type=int, default=64, help="hidden size for the count (default 64)")
    cells.add_argument("--input-size", type=int, default=2, help="input size for the count (default 2)")
    cells.set_defaults(handler=cells_command)
    tasks = commands.add_parser("tasks", help="list tasks with their options and baselines")
    tasks.add_argument("--length", type=int, default=100, help="T for the baselines (default 100)")
    tasks.add_argument("--plugins", action="append", default=[], metavar="DIR", type=existing_plugin_dir,
                       help="an extra folder of plugins (repeatable)")
    tasks.set_defaults(handler=tasks_command)
    sweep = commands.add_parser("sweep", help="final metric against sequence length over seeds: "
                                "one run folder per (cell, T, seed), sweep.csv, sweep.md, figures",
                                epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_run_arguments(sweep)
    sweep.add_argument("--lengths", required=True, metavar="T,T,…",
                       help="comma-separated sequence lengths (replaces --length), e.g. 25,50,100,200")
    sweep.add_argument("--seeds", type=int, default=3, help="seeds 0 … N-1 per length (replaces --seed; "
                       "default %(default)s)")
    sweep.add_argument("--out", metavar="DIR", help="output folder (default runs/TASK-TLENGTH-TIME)")
    add_cluster_arguments(sweep, "(T, seed) jobs", "cores ÷ cells for the pool, 2 for a local cluster")
    sweep.set_defaults(handler=sweep_command)
    add_check_plugin_parser(commands)
    add_grade_parser(commands)
    add_animate_parser(commands)
    add_pack_parser(commands)
    return parser


def main(argv: list[str], scenes: Mapping[str, SceneFactory] | None = None) -> int:
    """Run one command. ``scenes``: animations that layers above the CLI can
    draw (main.py passes the window's whole plot area for ``animate --what
    plots``; the CLI itself never imports the window)."""
    args = build_parser().parse_args(argv)
    args.scenes = dict(scenes or {})
    try:
        return args.handler(args)
    except KeyboardInterrupt:  # training turns Ctrl-C into a clean stop; before it, this does
        print("gatelab: interrupted (Ctrl-C) before training started; nothing was written",
              file=sys.stderr)
        return 130
