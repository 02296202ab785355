"""GUI tests run offscreen; the platform must be chosen before Qt is imported."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from window_helpers import end_of_children  # noqa: E402

from plugin_host import discover_cells  # noqa: E402
from training.spec import RunSpec  # noqa: E402
from training.supervisor import RunSupervisor  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory):
    """Every test reads and writes its own, empty settings file, never the user's."""
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def make_window(qtbot):
    """Build a MainWindow for a spec; every window's workers are stopped afterwards."""
    from gui.main_window import MainWindow

    windows = []

    def build(spec: RunSpec, step_timeout: float = 5.0) -> MainWindow:
        # In-process and unvalidated: the test plugins are trusted to import,
        # and their misbehaviour at run time is what the tests are about.
        records = discover_cells([Path(p) for p in spec.plugins], include_project_plugins=False,
                                 include_entry_points=False, include_user_plugins=False,
                                 isolate=False, validate=False)
        window = MainWindow(spec, records, step_timeout=step_timeout)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        with qtbot.waitActive(window):  # window shortcuts (Space, →, R) need an active window
            window.show()
            window.activateWindow()
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.session.stop()
    end_of_children(timeout=5)  # the window's stop has asked, terminated and killed already


@pytest.fixture
def worker_news(monkeypatch):
    """Everything the workers said, in order, as the window's session polled it."""
    heard: list = []
    poll = RunSupervisor.poll

    def listening_poll(self, *args, **kwargs):
        news = poll(self, *args, **kwargs)
        heard.extend(news)
        return news

    monkeypatch.setattr(RunSupervisor, "poll", listening_poll)
    return heard
