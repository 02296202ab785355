"""Writing frames (RGB arrays) as MP4, GIF or a folder of PNG frames.

Why these routes: imageio-ffmpeg ships its own ffmpeg, so MP4 (H.264) and
GIF need no system tools, and ffmpeg streams: a 10 s 1080p animation never
sits in memory. Without it a GIF falls back to Pillow (which holds every
frame), and anything else to PNG frames, one file each, with one message
saying why. Frame sizes stay exact: ``macro_block_size=2`` keeps ffmpeg from
rounding 1080 up to 1088 (only even sizes are needed for yuv420p).
Only the PNG fallback uses Qt (to write PNGs without another library).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

FORMATS = (".mp4", ".gif")
NO_ENCODER = ("no video encoder is installed (pip install 'gatelab[video]' brings imageio-ffmpeg): "
              "wrote {count} PNG frames into {folder} instead")


class FrameSink(Protocol):
    def add(self, frame: np.ndarray) -> None: ...
    def close(self) -> None: ...


@dataclass
class Target:
    """Where frames go: ``path`` (the file, or the PNG folder of the fallback),
    and ``fallback`` set to why when it is PNG frames instead of the format asked for."""

    path: Path
    kind: str  # "mp4", "gif", "png"
    fallback: str = ""


def has_module(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def choose_target(out: Path) -> Target:
    """The encoder for ``out`` (.mp4 or .gif): ffmpeg, else Pillow for a GIF,
    else a folder ``<out stem>_frames`` of PNG frames. ValueError for another suffix."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{out.name}: the animation must be .mp4 or .gif")
    if has_module("imageio_ffmpeg"):
        return Target(out, suffix[1:])
    if suffix == ".gif" and has_module("PIL"):
        return Target(out, "gif-pillow")
    return Target(out.with_name(f"{out.stem}_frames"), "png", fallback=NO_ENCODER)


class FfmpegSink:
    """MP4 (H.264, yuv420p: plays everywhere) or GIF (a palette per frame) through imageio-ffmpeg."""

    def __init__(self, path: Path, size: tuple[int, int], fps: float, kind: str):
        import imageio_ffmpeg

        options = dict(codec="libx264", pix_fmt_out="yuv420p", quality=8) if kind == "mp4" else dict(
            codec="gif", pix_fmt_out="pal8",
            output_params=["-vf", "split[a][b];[a]palettegen=stats_mode=single[p];[b][p]paletteuse=new=1",
                           "-loop", "0"])
        self._writer = imageio_ffmpeg.write_frames(str(path), size, fps=fps, macro_block_size=2,
                                                   ffmpeg_log_level="error", **options)
        self._writer.send(None)

    def add(self, frame: np.ndarray) -> None:
        self._writer.send(np.ascontiguousarray(frame))

    def close(self) -> None:
        self._writer.close()


class PillowGifSink:
    """A GIF through Pillow: frames are kept (as 256-colour images) until ``close``."""

    def __init__(self, path: Path, fps: float):
        self.path, self.duration, self.frames = path, round(1000 / fps), []

    def add(self, frame: np.ndarray) -> None:
        from PIL import Image

        self.frames.append(Image.fromarray(frame).quantize(256))

    def close(self) -> None:
        if self.frames:
            self.frames[0].save(self.path, save_all=True, append_images=self.frames[1:],
                                duration=self.duration, loop=0)


class PngSink:
    """The fallback: ``frame_00001.png`` … in a folder (Qt writes PNGs; no extra library)."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("frame_*.png"):
            old.unlink()  # a folder of an earlier export must not mix its frames in
        self.folder, self.count = folder, 0

    def add(self, frame: np.ndarray) -> None:
        from PySide6.QtGui import QImage

        self.count += 1
        pixels = np.ascontiguousarray(frame)  # kept alive while the QImage (which does not copy) is saved
        height, width, _ = pixels.shape
        image = QImage(pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888)
        path = self.folder / f"frame_{self.count:05d}.png"
        if not image.save(str(path)):
            raise OSError(f"could not write {path}")

    def close(self) -> None:
        pass


def open_sink(target: Target, size: tuple[int, int], fps: float) -> FrameSink:
    if target.kind in ("mp4", "gif"):
        return FfmpegSink(target.path, size, fps, target.kind)
    if target.kind == "gif-pillow":
        return PillowGifSink(target.path, fps)
    return PngSink(target.path)
