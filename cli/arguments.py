"""Command-line flags: one per ``RunSpec`` field, plus the tasks' own options."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, NoReturn

from plugin_host.jobs import existing_plugin_dir
from plugin_host.limits import DEFAULT_STEP_TIMEOUT
from plugin_host.names import escape_for_terminal
from tasks import TASKS
from training.budget import memory_problem
from training.spec import DEVICES, DTYPES, INITS, OPTIMIZERS, RunSpec, task_facts

DEFAULTS = RunSpec()
CHECKPOINT_SECONDS = 10.0
EXIT_CODES = """exit codes:
  0    every cell trained to the end (a cell whose loss diverged counts: that is a result)
  1    a cell failed: its plugin is broken, or its code raised, crashed or hung
  2    bad input (flags, cell names, the output folder); nothing was written
  3    the results could not be written completely (disk full, folder removed)
  130  interrupted by Ctrl-C (SIGINT); 143 by SIGTERM: the files hold every step so far"""


class OneLineParser(argparse.ArgumentParser):
    """Bad input gets one clear line and exit code 2 (not a usage dump)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def optional_float(text: str) -> float | None:
    return None if text.lower() in ("off", "none") else float(text)


def task_option_flags() -> dict[str, tuple[type, str]]:
    """Every task option except ``length``, with its type and help, by flag name."""
    flags: dict[str, tuple[type, str]] = {}
    for task in TASKS.values():
        for spec in task.options():
            if spec.name != "length":
                kind = type(spec.default)
                text = flags.get(spec.name, (kind, ""))[1]
                entry = f"{task.name}: {spec.metadata['help']} (default {spec.default})"
                flags[spec.name] = (kind, f"{text}; {entry}" if text else entry)
    return flags


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    d = DEFAULTS
    parser.add_argument("--task", default=d.task,
                        help="the task: a built-in or a task plugin's name, see `main.py tasks` "
                             "(default %(default)s)")
    parser.add_argument("--task-option", action="append", default=[], metavar="NAME=VALUE",
                        help="an option of a task plugin, e.g. --task-option marked=3 (repeatable)")
    parser.add_argument("--length", type=int, default=d.length,
                        help="sequence length T (default %(default)s)")
    parser.add_argument("--cells", default=",".join(d.cells),
                        help="comma-separated cell names (default %(default)s); see `main.py cells`")
    parser.add_argument("--steps", type=int, default=d.steps,
                        help="training steps (default %(default)s; run: 0 trains until Ctrl-C)")
    parser.add_argument("--seed", type=int, default=d.seed, help="random seed (default %(default)s)")
    parser.add_argument("--plugins", action="append", default=[], metavar="DIR", type=existing_plugin_dir,
                        help="an extra folder of plugin cells (repeatable)")
    parser.add_argument("--hidden", type=int, default=d.hidden, help="hidden size H (default %(default)s)")
    parser.add_argument("--layers", type=int, default=d.layers, help="stacked layers (default %(default)s)")
    parser.add_argument("--bidirectional", action="store_true", help="run a second layer backwards in time")
    parser.add_argument("--dropout", type=float, default=d.dropout,
                        help="dropout between layers (default %(default)s)")
    parser.add_argument("--batch", type=int, default=d.batch, help="batch size B (default %(default)s)")
    parser.add_argument("--optimizer", default=d.optimizer, choices=OPTIMIZERS, help="(default %(default)s)")
    parser.add_argument("--lr", type=float, default=d.lr, help="learning rate (default %(default)s)")
    parser.add_argument("--clip", type=optional_float, default=d.clip,
                        help="clip the global gradient norm at this value, or 'off' (default %(default)s)")
    parser.add_argument("--init", default=d.init, choices=INITS,
                        help="recurrent weight initialisation: torch's default U(±1/√H), orthogonal, "
                             "or identity (IRNN) (default %(default)s)")
    parser.add_argument("--gain", type=float, default=d.recurrent_gain, dest="recurrent_gain",
                        help="multiplies the recurrent weights (default %(default)s)")
    parser.add_argument("--forget-bias", type=optional_float, default=d.forget_bias,
                        help="summed forget-gate bias of cells that have one; 'off' keeps torch's "
                             "initialisation (default %(default)s, Keras' practice)")
    parser.add_argument("--device", default=d.device, choices=DEVICES, help="(default %(default)s)")
    parser.add_argument("--dtype", default=d.dtype, choices=DTYPES,
                        help="float64 shows how far gradients really fall (slower; default %(default)s)")
    parser.add_argument("--no-gates", action="store_true", help="do not record gate activations")
    for name, (kind, text) in task_option_flags().items():
        parser.add_argument(f"--{name}", type=kind, default=None, help=text)
    parser.add_argument("--step-timeout", type=float, default=DEFAULT_STEP_TIMEOUT, metavar="SECONDS",
                        help="a cell whose step takes longer than this is stopped with an error while "
                             "the others go on; grows with the model's size, as in the window "
                             "(default %(default)s)")
    parser.add_argument("--checkpoint-every", type=float, default=CHECKPOINT_SECONDS, metavar="SECONDS",
                        help="save the run this often while it trains (default %(default)s)")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace an earlier run in --out (refused without this flag)")


def plugin_task_choice(task: str, option_texts: list[str], plugins: tuple[str, ...]
                       ) -> tuple[tuple[str, ...], dict[str, Any]]:
    """``--task`` and ``--task-option``: a task plugin's source and its options,
    each checked against its record; ((), {}) for a built-in. Raises ValueError
    in one line (an unknown or broken task, a bad option). The plugin is
    found (and checked) here; its code runs only in the checker and workers."""
    from plugin_host.task_discovery import discover_tasks, find_task, parse_option, task_source_for

    task_source = task_source_for(task, plugins)
    record = find_task(discover_tasks(plugins), task) if task_source else None
    if option_texts and not record:
        raise ValueError(f"--task-option is for task plugins; the {task} task takes flags (see --help)")
    return task_source, dict(parse_option(record, text) for text in option_texts) if record else {}


def spec_from_args(args: argparse.Namespace) -> RunSpec:
    """Build the spec; raises ValueError with a readable message. A task
    plugin is found (and checked) here, and its source goes into the spec."""
    task_source, task_options = plugin_task_choice(args.task, args.task_option, tuple(args.plugins))
    task_fields = {f.name for f in TASKS[args.task].options()} if not task_source else set()
    for name in task_option_flags():
        value = getattr(args, name)
        if value is not None:
            if name not in task_fields:
                raise ValueError(f"--{name} is not an option of the {args.task} task")
            # a file's path as the workers (started elsewhere, on a cluster say) can find it
            task_options[name] = os.path.abspath(value) if name == "path" else value
    cells = tuple(c.strip() for c in args.cells.split(",") if c.strip())
    return RunSpec(
        task=args.task, length=args.length, task_options=task_options, cells=cells,
        steps=args.steps, hidden=args.hidden, layers=args.layers, bidirectional=args.bidirectional,
        dropout=args.dropout, batch=args.batch, optimizer=args.optimizer, lr=args.lr, clip=args.clip,
        init=args.init, recurrent_gain=args.recurrent_gain, forget_bias=args.forget_bias,
        seed=args.seed, device=args.device, dtype=args.dtype, record_gates=not args.no_gates,
        plugins=tuple(args.plugins), task_source=task_source)


def checked_spec(args: argparse.Namespace) -> RunSpec:
    """The spec of ``run``'s flags, or one line and exit code 2 for anything
    that cannot be trained: a bad value, a task option out of range or not
    finite, a run too big for this machine's memory, a time limit that is
    not positive."""
    for flag, seconds in (("--step-timeout", args.step_timeout),
                          ("--checkpoint-every", args.checkpoint_every)):
        if not seconds > 0:  # NaN too
            fail(f"{flag} must be a positive number of seconds (got {seconds})")
    try:
        spec = spec_from_args(args)
        task = task_facts(spec)
    except (ValueError, TypeError) as error:
        fail(str(error))
    problem = memory_problem(spec, task.input_size)
    if problem:
        fail(problem)
    return spec


def fail(message: str) -> NoReturn:
    print(f"gatelab: error: {escape_for_terminal(message)}", file=sys.stderr)
    raise SystemExit(2)
