"""Exporting a comparison: PNG per plot, and the data in the CLI's formats (CSV, NPZ).

Save run / Open run use ``RunRecorder.save`` / ``RunRecorder.load`` directly."""

from __future__ import annotations

from pathlib import Path

from training.npz_files import write_npz
from training.recorder import RunRecorder, write_atomically

from .panels import PlotPanel


def export_data(recorder: RunRecorder, csv_path: Path) -> list[Path]:
    """The metrics as CSV at ``csv_path`` and the gradients as NPZ beside it."""
    npz_path = csv_path.with_suffix(".npz")
    return [write_atomically(csv_path, lambda f: f.write(recorder.metrics_csv().encode())),
            write_atomically(npz_path, lambda f: write_npz(f, recorder.gradient_arrays()))]


def export_plots(panels: list[PlotPanel], folder: Path, width: int) -> list[Path]:
    """One PNG per panel, ``width`` pixels wide, named after the panel."""
    folder.mkdir(parents=True, exist_ok=True)
    return [panel.export_png(folder / f"{panel.export_name}.png", width) for panel in panels]
