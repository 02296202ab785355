"""``main.py pack RUN_DIR [--out FILE.gatelab]``: a saved run folder as one
``.gatelab`` file, to mail to a colleague or bundle with a preset.

The folder is checked first (it must open), then its three files are zipped
as they are (``training.run_archive``), so opening the file shows exactly what
opening the folder showed; ``--records``/``--rows`` thin it first
(``training.run_thinning``) for a file small enough to bundle with a preset.
``run`` itself writes a folder (checkpoints and figures go there while it
trains): pack it afterwards.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from training.history import GRADIENTS_CAPACITY, METRICS_CAPACITY
from training.recorder import RunRecorder
from training.run_archive import ARCHIVE_SUFFIX, is_archive, pack_folder, save_archive
from training.run_thinning import thin_run

from .arguments import fail
from .run_folder import RESULTS_NOT_WRITTEN


def add_pack_parser(commands: argparse._SubParsersAction) -> None:
    pack = commands.add_parser("pack", help="pack a saved run folder into one .gatelab file")
    pack.add_argument("run_dir", metavar="RUN_DIR", help="a folder written by run, --save-run or Save run")
    pack.add_argument("--out", metavar="FILE.gatelab",
                      help="the file to write (default: RUN_DIR.gatelab beside the folder)")
    pack.add_argument("--records", type=int, metavar="N",
                      help="keep at most N gradient records per cell (every 2nd, 4th, … step, as the "
                           "recorder thins a long run): a smaller file, e.g. to bundle with a preset")
    pack.add_argument("--rows", type=int, metavar="N",
                      help="keep at most N loss/metric rows per cell, thinned the same way")
    pack.add_argument("--overwrite", action="store_true", help="replace an existing FILE")
    pack.set_defaults(handler=pack_command)


def default_archive(folder: Path) -> Path:
    """``runs/lecture`` → ``runs/lecture.gatelab``."""
    folder = folder.resolve()
    return folder.with_name(folder.name + ARCHIVE_SUFFIX)


def pack_command(args: argparse.Namespace) -> int:
    """0 when written, 2 on bad input (nothing written), 3 if it could not be written."""
    folder = Path(args.run_dir)
    out = Path(args.out) if args.out else default_archive(folder)
    if not is_archive(out):
        fail(f"--out {out}: the file must end in {ARCHIVE_SUFFIX}")
    if out.exists() and not args.overwrite:
        fail(f"{out} exists; choose another --out or pass --overwrite")
    if not folder.is_dir():
        fail(f"{folder} is not a run folder")
    thin = args.records is not None or args.rows is not None
    if thin and min(args.records or 2, args.rows or 2) < 2:
        fail("--records and --rows must be at least 2")
    try:
        if thin:
            recorder = RunRecorder.load(folder)
            thin_run(recorder, args.records or GRADIENTS_CAPACITY, args.rows or METRICS_CAPACITY)
            save_archive(recorder, out, complete=recorder.complete)
        else:
            pack_folder(folder, out)
    except ValueError as error:
        fail(str(error))
    except OSError as error:
        print(f"gatelab: error: could not write {out}: {error.strerror or error}", file=sys.stderr)
        return RESULTS_NOT_WRITTEN
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")
    return 0
