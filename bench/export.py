"""Exporting a run as a video: a 10 s 1080p MP4 of a 2000-step run (issue 11).

Make the run once with the CLI, then time the export:

    python main.py run --task adding --length 100 --cells RNN,LSTM,GRU --steps 2000 --out /tmp/run2000
    python bench/export.py /tmp/run2000 [--seconds 10] [--fps 30] [--size 1920x1080] [--what both]

Both animations of File ▸ Export animation… are timed, as the window makes
them (the GUI thread renders, imageio-ffmpeg encodes H.264 in its own process):

    gradients   the gradient through time over training (also ``main.py animate``)
    plots       the whole plot area: every registered panel (the window's third
                row, View ▸ More timeline views, included) stepped through the timeline

Printed per animation: frames, wall time from start to the closed file (the
run already loaded), ms per frame, and the file's size. Offscreen Qt.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import ui_common  # noqa: F401  (offscreen Qt, the repository on the path)
from PySide6.QtWidgets import QApplication

from gui.plot_area_animation import PlotAreaAnimation
from plots.animation import SIZES, GradientAnimation, parse_size, write_animation
from training.run_archive import load_run

SCENES = {"gradients": GradientAnimation, "plots": PlotAreaAnimation}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("run", type=Path, help="a saved run folder or .gatelab file")
    parser.add_argument("--seconds", type=float, default=10.0, help="video length (default 10)")
    parser.add_argument("--fps", type=float, default=30.0, help="frames per second (default 30)")
    parser.add_argument("--size", default="1920x1080", choices=SIZES, help="frame size (default 1920x1080)")
    parser.add_argument("--what", default="both", choices=(*SCENES, "both"),
                        help="which animation (default both)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the videos in DIR (default: removed)")
    args = parser.parse_args()
    _app = QApplication([])
    started = time.perf_counter()
    recorder = load_run(args.run)
    loaded = time.perf_counter() - started
    cells = ", ".join(f"{name} {h.steps} steps" for name, h in recorder.cells.items())
    print(f"run {args.run}: T={recorder.task.sequence_length}, {cells}; loaded in {loaded:.2f} s")
    size = parse_size(args.size)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for what in (SCENES if args.what == "both" else [args.what]):
            out = folder / f"{what}.mp4"
            started = time.perf_counter()
            result = write_animation(recorder, out, size, args.fps, args.seconds, scene=SCENES[what])
            seconds = time.perf_counter() - started
            print(f"{what:9s}: {args.seconds:g} s {args.size} MP4 at {args.fps:g} fps, "
                  f"{result.frames} frames in {seconds:.1f} s "
                  f"({1000 * seconds / result.frames:.0f} ms per frame), "
                  f"{out.stat().st_size / 2**20:.2f} MiB")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
