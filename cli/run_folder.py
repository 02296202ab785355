"""The output folder of ``run``: chosen and checked before training, written
whole or reported as not written.

Every file appears whole or not at all (``write_atomically``), and
``summary.json`` is written last, so a folder never claims more than it holds.
A write error becomes ``RunWriteError``, which ``run`` reports in one line with
exit code 3 (``RESULTS_NOT_WRITTEN``).
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from training.recorder import RunRecorder, write_atomically
from training.run_archive import is_archive
from training.spec import RunSpec

from .arguments import fail

RESULTS_NOT_WRITTEN = 3
RUN_FILES = ("summary.json", "metrics.csv", "gradients.npz")
FIGURES = ("gradients.png", "loss.png")


class RunWriteError(Exception):
    """The run's files could not be written (disk full, folder gone, …)."""


def output_folder(text: str | None, spec: RunSpec, overwrite: bool) -> Path:
    """The folder to write into: created and probed for writing, or one line
    and exit code 2. An earlier run there is refused unless ``overwrite``, and
    then its files are removed first, so none of them outlives a failed run."""
    if text and is_archive(Path(text)):
        fail(f"--out {text}: run writes a folder (checkpoints and figures go into it while it trains); "
             "give a folder, then pack it: main.py pack FOLDER")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = Path(text) if text else Path("runs") / f"{spec.task}-T{spec.length}-{stamp}"
    earlier = [name for name in RUN_FILES if (folder / name).exists()]
    if earlier and not overwrite:
        fail(f"{folder} holds an earlier run ({', '.join(earlier)}); "
             "choose another --out or pass --overwrite")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
        for name in RUN_FILES + FIGURES:
            (folder / name).unlink(missing_ok=True)
    except OSError as error:
        fail(f"cannot write to {folder}: {error.strerror or error}")
    return folder


def save_run(recorder: RunRecorder, folder: Path, complete: bool) -> None:
    """Save the data files: a checkpoint or an interrupted run is saved as not
    ``complete``, a run that reached its end as complete."""
    try:
        recorder.save(folder, complete=complete)
    except OSError as error:
        raise RunWriteError(f"could not save the run in {folder}: {error.strerror or error}") from error


def write_figures(recorder: RunRecorder, folder: Path) -> None:
    """PNG figures via pyqtgraph offscreen (Qt is imported only here), each
    checked whole (``plots.rendering``) before it is moved in."""
    from plots.rendering import figure_png

    try:
        for name in FIGURES:
            rendered = figure_png(name.removesuffix(".png"), recorder)
            write_atomically(folder / name, lambda file, data=rendered: file.write(data))
    except OSError as error:
        raise RunWriteError(f"could not write the figures in {folder}: {error.strerror or error}") from error
