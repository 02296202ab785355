"""Animation export: `main.py animate` writes a playable MP4 and a GIF of the
frames and size asked for (read back with imageio), PNG frames without an
encoder, nothing when cancelled."""

from __future__ import annotations

import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from run_folders import recorded_run, saved_run  # noqa: E402

from cli import main as cli_main  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


@pytest.fixture
def run_dir(tmp_path) -> Path:
    return saved_run(tmp_path / "run", steps=8)


def test_animate_writes_an_mp4_with_the_frames_and_size_asked_for(app, run_dir, tmp_path, capsys):
    imageio = pytest.importorskip("imageio.v2")
    out = tmp_path / "clip.mp4"
    assert cli_main(["animate", str(run_dir), "--out", str(out), "--size", "1280x720",
                     "--fps", "12", "--seconds", "1.5"]) == 0
    assert "wrote" in capsys.readouterr().out
    reader = imageio.get_reader(str(out), format="FFMPEG")
    assert reader.count_frames() == 18
    assert tuple(reader.get_meta_data()["size"]) == (1280, 720)
    assert reader.get_meta_data()["fps"] == pytest.approx(12)
    first, last = reader.get_data(0), reader.get_data(17)
    assert first.shape == (720, 1280, 3) and not np.array_equal(first, last)  # the curves moved
    reader.close()


def test_animate_writes_a_gif_at_1080p(app, run_dir, tmp_path):
    imageio = pytest.importorskip("imageio.v3")
    out = tmp_path / "clip.gif"
    assert cli_main(["animate", str(run_dir), "--out", str(out), "--fps", "4", "--seconds", "1"]) == 0
    frames = imageio.imread(out, index=None)
    assert frames.shape[:3] == (4, 1080, 1920)


def test_without_an_encoder_png_frames_are_written_and_it_says_why(app, run_dir, tmp_path, capsys,
                                                                     monkeypatch):
    from PySide6.QtGui import QImage

    import plots.video

    monkeypatch.setattr(plots.video, "has_module", lambda name: False)
    out = tmp_path / "clip.mp4"
    assert cli_main(["animate", str(run_dir), "--out", str(out), "--size", "1280x720",
                     "--fps", "3", "--seconds", "1"]) == 0
    assert not out.exists()
    frames = sorted((tmp_path / "clip_frames").glob("frame_*.png"))
    assert [p.name for p in frames] == ["frame_00001.png", "frame_00002.png", "frame_00003.png"]
    image = QImage(str(frames[0]))
    assert (image.width(), image.height()) == (1280, 720)
    assert "no video encoder is installed" in capsys.readouterr().err


def test_a_cancelled_export_leaves_nothing(app, tmp_path):
    from plots.animation import write_animation

    out = tmp_path / "clip.mp4"
    seen = []
    result = write_animation(recorded_run(steps=8), out, (1280, 720), fps=10, seconds=1,
                             progress=lambda done, total: seen.append(done) or done < 3)
    assert result.cancelled and result.frames == 3 and seen == [1, 2, 3]
    assert not out.exists()


def test_frames_spread_over_the_recorded_steps():
    from plots.animation import frame_steps

    assert frame_steps([1, 2, 4, 8], 4) == [1, 2, 4, 8]
    held = frame_steps([1, 2, 4, 8], 7)  # a short run is held, not sped up
    assert held == sorted(held) and set(held) == {1, 2, 4, 8} and held[-1] == 8
    spread = frame_steps(list(range(1, 101)), 5)
    assert spread[0] == 1 and spread[-1] == 100 and spread == sorted(spread)
    assert frame_steps([], 5) == [] and frame_steps([3, 9], 1) == [9]


@pytest.mark.parametrize("flags, words", [
    (["--out", "clip.avi"], "must be a .mp4 or .gif"),
    (["--out", "clip.mp4", "--fps", "0"], "--fps"),
])
def test_bad_flags_are_one_line_and_exit_2(run_dir, tmp_path, capsys, flags, words, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        cli_main(["animate", str(run_dir), *flags])
    assert exit_.value.code == 2 and words in capsys.readouterr().err


def test_an_existing_file_is_kept_unless_overwrite(run_dir, tmp_path, capsys):
    out = tmp_path / "clip.mp4"
    out.write_bytes(b"mine")
    with pytest.raises(SystemExit):
        cli_main(["animate", str(run_dir), "--out", str(out)])
    assert out.read_bytes() == b"mine" and "--overwrite" in capsys.readouterr().err


def test_main_animates_the_whole_plot_area(app, run_dir, tmp_path, capsys):
    """``--what plots`` draws the window's panels: main.py hands that scene to the CLI."""
    imageio = pytest.importorskip("imageio.v2")
    import main

    out = tmp_path / "plots.mp4"
    assert main.main(["animate", str(run_dir), "--what", "plots", "--out", str(out), "--size", "1280x720",
                      "--fps", "4", "--seconds", "1"]) == 0
    reader = imageio.get_reader(str(out), format="FFMPEG")
    assert reader.count_frames() == 4 and tuple(reader.get_meta_data()["size"]) == (1280, 720)
    reader.close()


def test_animating_the_plot_area_ends_the_process_cleanly(run_dir, tmp_path):
    """The panels outlived the QApplication (``deleteLater`` with no event loop
    after it), and the process crashed on exit, status 139, after writing the file."""
    out = tmp_path / "plots.gif"
    result = subprocess.run([sys.executable, "main.py", "animate", str(run_dir), "--what", "plots",
                             "--out", str(out), "--size", "1280x720", "--fps", "2", "--seconds", "1"],
                            cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.stat().st_size > 0 and f"wrote {out}" in result.stdout


def test_the_cli_alone_says_where_the_plot_area_is_drawn(run_dir, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli_main(["animate", str(run_dir), "--what", "plots", "--out", str(tmp_path / "p.mp4")])
    assert exit_.value.code == 2 and "main.py animate" in capsys.readouterr().err
