"""main.py's window flags: screenshot automation, bad flags (the launcher: tests/test_launchers.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from gui.app import main

ROOT = Path(__file__).resolve().parents[2]


def test_screenshot_and_save_run_flags_write_a_png_and_the_run_and_exit_0(tmp_path):
    from training.recorder import RunRecorder

    shot, run = tmp_path / "shot.png", tmp_path / "run"
    result = subprocess.run(
        [sys.executable, "main.py", "--task", "adding", "--length", "10", "--cells", "RNN",
         "--start", "--screenshot", str(shot), "--quit-after", "3", "--size", "1280x800",
         "--save-run", str(run)],
        cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    saved = RunRecorder.load(run)  # quit mid-run: marked stopped and not complete; or finished
    assert saved.cells["RNN"].steps > 0
    assert saved.cells["RNN"].status == ("done" if saved.complete else "stopped")
    elapsed, seconds = (saved.cells["RNN"].series(column)[1] for column in ("elapsed", "seconds"))
    assert 0 < elapsed[0] and (np.diff(elapsed) > 0).all()
    assert elapsed[-1] >= seconds.sum()  # wall time since Start covers the training time


def test_save_run_never_replaces_an_earlier_run(tmp_path, capsys):
    (tmp_path / "summary.json").write_text("{}")
    assert main(["--save-run", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"main.py: error: --save-run: {tmp_path} holds a run already; choose another folder")


def test_a_bad_flag_is_one_line_and_exit_2(capsys):
    assert main(["--length", "abc"]) == 2
    assert main(["--size", "huge"]) == 2
    assert main(["--no-such-flag"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("main.py: error:") for line in lines)


def test_the_window_help_names_every_headless_command():
    from cli import COMMANDS
    from gui.flags import build_parser

    description = build_parser().description
    assert all(f" {command}," in description or f" {command} " in description for command in COMMANDS)


def test_without_a_display_the_window_says_so_instead_of_aborting():
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == ("main.py: error: no display found: run GateLab in a desktop "
                                     "session, or use the headless commands (python main.py run --help)")


def test_without_the_x11_plugins_libraries_the_window_names_their_packages(monkeypatch, capsys):
    """Qt 6.5+ aborts with a core dump when its X11 plugin lacks a library
    (libxcb-cursor0 on Ubuntu 22.04): GateLab says what to install instead."""
    import gui.app

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    absent = ("libgatelab-absent.so.0", "libgatelab-x11.so.1")  # the real loader fails on these
    monkeypatch.setattr(gui.app, "X11_LIBRARIES", ("libc.so.6", *absent))
    assert gui.app.missing_x11_libraries() == list(absent)
    assert main([]) == 2
    assert capsys.readouterr().err.strip() == (
        "main.py: error: Qt cannot open a window here: missing system libraries libgatelab-absent.so.0, "
        "libgatelab-x11.so.1; install them (Debian, Ubuntu: sudo apt install libgatelab-absent0 "
        "libgatelab-x11-1) and start GateLab again")
    gui.app.choose_platform(gui.app.build_parser().parse_args(["--screenshot", "shot.png"]))
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"  # a screenshot needs no screen


def test_debian_package_names_follow_the_soname_rule():
    from gui.app import debian_package

    assert [debian_package(name) for name in ("libxcb-icccm.so.4", "libxkbcommon-x11.so.0",
                                              "libX11-xcb.so.1", "libxcb-render-util.so.0")] == [
        "libxcb-icccm4", "libxkbcommon-x11-0", "libx11-xcb1", "libxcb-render-util0"]


def test_a_screenshot_needs_no_display(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    shot = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "main.py", "--cells", "RNN", "--screenshot", str(shot),
                             "--quit-after", "1"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000


WINDOW_WITHOUT_TORCH = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.application import make_application
from gui.main_window import MainWindow
from gui.plugin_panel import PluginPanel
from gui.plugin_watcher import PluginWatcher
from training.spec import RunSpec
window = MainWindow(RunSpec(), [])
window.show()
app.processEvents()
print("torch" in sys.modules, flush=True)
# Delete the window while the application exists, as the application itself does:
# left to the interpreter's teardown, the order is arbitrary (Qt crashed there now and then).
from PySide6.QtCore import QCoreApplication, QEvent
window.close()
window.deleteLater()
QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
"""


def test_the_window_shows_before_torch_is_imported():
    """Importing torch takes seconds: the window's modules and its first show
    must not wait for it (torch comes with the workers and the discovery thread)."""
    result = subprocess.run([sys.executable, "-c", WINDOW_WITHOUT_TORCH], cwd=ROOT,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "False"
