"""``main.py animate RUN_DIR|FILE.gatelab --out FILE.mp4|.gif``: a saved run's gradient
through time over training (``--what gradients``) or the window's whole plot
area (``--what plots``), as a video for slides.

Thin like the other commands: it checks its flags and the run folder, then
hands over to ``plots.animation`` (Qt offscreen, imported only here, so
``run`` and the rest never load Qt). The whole plot area is the window's
panels, a layer above the CLI: main.py hands that scene in (``cli.main``'s
``scenes``), so the CLI never imports the window.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from training.recorder import RunRecorder
from training.run_archive import load_run

from .arguments import fail

SIZES = ("1920x1080", "1280x720")  # as plots.animation.SIZES, without importing Qt for --help
WHAT = ("gradients", "plots")
SceneFactory = Callable[[RunRecorder, tuple[int, int]], object]  # plots.animation's ``scene``


def add_animate_parser(commands: argparse._SubParsersAction) -> None:
    animate = commands.add_parser(
        "animate", help="export a saved run's gradient through time over training as MP4 or GIF")
    animate.add_argument("run_dir", metavar="RUN_DIR",
                         help="a folder written by run, --save-run or Save run, or a .gatelab file")
    animate.add_argument("--out", required=True, metavar="FILE.mp4|FILE.gif",
                         help="the video to write; without an encoder (pip install 'gatelab[video]') "
                              "PNG frames go into FILE_frames/ instead")
    animate.add_argument("--what", default=WHAT[0], choices=WHAT,
                         help="the gradient through time, or the whole plot area of the window "
                              "(every panel, as File > Export animation shows it) (default %(default)s)")
    animate.add_argument("--size", default=SIZES[0], choices=SIZES, help="frame size (default %(default)s)")
    animate.add_argument("--fps", type=float, default=30.0, help="frames per second (default %(default)s)")
    animate.add_argument("--seconds", type=float, default=10.0,
                         help="length of the video; the recorded steps are spread over it "
                              "(default %(default)s)")
    animate.add_argument("--overwrite", action="store_true", help="replace an existing FILE")
    animate.set_defaults(handler=animate_command)


def animate_command(args: argparse.Namespace) -> int:
    """0 when written (as asked, or as PNG frames with a line saying why),
    2 on bad input, 3 if it could not be written."""
    out = Path(args.out)
    if out.suffix.lower() not in (".mp4", ".gif"):
        fail(f"--out {out}: the animation must be a .mp4 or .gif file")
    if not (0 < args.fps <= 120) or not (0 < args.seconds <= 600):
        fail("--fps must be in (0, 120] and --seconds in (0, 600]")
    if out.exists() and not args.overwrite:
        fail(f"{out} exists; choose another --out or pass --overwrite")
    scenes = getattr(args, "scenes", {})
    if args.what != "gradients" and args.what not in scenes:
        fail(f"--what {args.what} draws the window's panels: run it as main.py animate or gatelab animate")
    try:
        recorder = load_run(Path(args.run_dir))
    except ValueError as error:
        fail(str(error))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from plots.animation import GradientAnimation, parse_size, write_animation

    _app = QApplication.instance() or QApplication([])
    scene = scenes.get(args.what, GradientAnimation)
    try:
        result = write_animation(recorder, out, parse_size(args.size), args.fps, args.seconds,
                                 progress=_progress, scene=scene)
    except ValueError as error:
        print(file=sys.stderr)
        fail(str(error))
    except OSError as error:
        print(f"\ngatelab: error: could not write {out}: {error.strerror or error}", file=sys.stderr)
        return 3
    print(file=sys.stderr)
    if result.target.fallback:
        print(f"gatelab: {result.target.fallback.format(count=result.frames, folder=result.target.path)}",
              file=sys.stderr)
    else:
        print(f"wrote {result.target.path} ({result.frames} frames, {args.size}, {args.fps:g} fps)")
    return 0


def _progress(done: int, total: int) -> bool:
    if done == total or done % 10 == 0:
        sys.stderr.write(f"\rrendering frame {done}/{total}\x1b[K")
        sys.stderr.flush()
    return True
