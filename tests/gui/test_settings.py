"""What GateLab remembers between launches: typed reads, the round trip, the
window's layout, the last preset and folder, and Reset settings.

Every test here runs on its own settings file (the ``isolated_settings``
fixture of conftest), never the user's."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from window_helpers import small_spec

from gui.settings import Settings, open_settings

CELLS = ("RNN", "LSTM")


def test_the_settings_file_is_the_tests_own(isolated_settings):
    assert Path(open_settings().fileName()).is_relative_to(isolated_settings)


def test_round_trip(tmp_path):
    settings = Settings()
    assert (settings.language(), settings.scale(), settings.geometry(), settings.window_state(),
            settings.last_preset(), settings.last_folder(), settings.hint_seen(),
            settings.time_axis()) == (None, None, None, None, None, None, False, "step")
    settings.set_language("ko")
    settings.set_scale(1.5)
    settings.set_geometry(QByteArray(b"\x01geometry"))
    settings.set_window_state(QByteArray(b"\x02state"))
    settings.set_last_preset("6-lstm-vs-gru.json")
    settings.set_last_folder(tmp_path)
    settings.set_hint_seen()
    settings.set_time_axis("seconds")
    again = Settings()  # a new launch reads the file
    assert again.language() == "ko"
    assert again.scale() == 1.5 and isinstance(again.scale(), float)
    assert again.geometry() == QByteArray(b"\x01geometry")
    assert again.window_state() == QByteArray(b"\x02state")
    assert again.last_preset() == "6-lstm-vs-gru.json"
    assert again.last_folder() == tmp_path
    assert again.hint_seen() is True
    assert again.time_axis() == "seconds"
    again.reset()
    assert Settings().language() is None and not Settings().hint_seen()


@pytest.mark.parametrize(("key", "junk", "read"), [
    ("interface/language", "xx", Settings.language),
    ("interface/language", 3, Settings.language),
    ("interface/scale", "big", Settings.scale),
    ("interface/scale", "nan", Settings.scale),
    ("interface/scale", 40.0, Settings.scale),
    ("window/geometry", "not bytes", Settings.geometry),
    ("run/last_preset", ["a", "b"], Settings.last_preset),
    ("files/last_folder", "/no/such/folder/at/all", Settings.last_folder),
])
def test_a_damaged_value_reads_as_nothing(key, junk, read):
    store = open_settings()
    store.setValue(key, junk)
    store.sync()
    assert read(Settings()) is None


def test_bad_values_are_refused_when_written():
    settings = Settings()
    for write, value in ((settings.set_language, "xx"), (settings.set_scale, math.inf),
                         (settings.set_scale, 0.1), (settings.set_time_axis, "hours")):
        with pytest.raises(ValueError):
            write(value)


def test_flags_win_and_are_remembered_else_the_remembered_values_apply():
    settings = Settings()
    assert settings.adopt_flags(None, None) == (None, 1.0)  # nothing given, nothing remembered
    assert settings.adopt_flags("ko", 1.5) == ("ko", 1.5)
    assert Settings().adopt_flags(None, None) == ("ko", 1.5)  # the next launch, without flags
    assert Settings().adopt_flags("en", None) == ("en", 1.5)
    assert Settings().language() == "en"


# ---- the window ---------------------------------------------------------------------
def test_dock_layout_and_geometry_survive_a_restart(qtbot, make_window):
    window = make_window(small_spec(CELLS))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.controls_dock)
    window.table_dock.hide()
    window.resize(760, 560)  # within the offscreen screen (800x600), which restoring clamps to
    window.close()
    assert Settings().window_state() is not None and Settings().geometry() is not None

    again = make_window(small_spec(CELLS))  # the fixture resizes it to 1280x800, like the flags
    assert again.dockWidgetArea(again.controls_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert again.table_dock.isHidden()
    assert again.restore_geometry()
    qtbot.waitUntil(lambda: (again.width(), again.height()) == (window.width(), window.height()))


def test_presentation_mode_remembers_the_layout_it_left(qtbot, make_window):
    window = make_window(small_spec(CELLS))
    window.presentation.set_active(True)
    window.close()
    again = make_window(small_spec(CELLS))
    assert not again.controls_dock.isHidden() and not again.table_dock.isHidden()


def test_the_last_preset_comes_back_in_the_controls(qtbot, make_window, monkeypatch):
    window = make_window(small_spec(CELLS))
    assert not window.restore_last_preset()  # none yet
    longer = next(p for p in window.presets if p.file == "2-longer.json")
    monkeypatch.setattr(window, "_start", lambda running: False)  # no workers needed
    window.run_preset(longer)
    assert Settings().last_preset() == "2-longer.json"
    again = make_window(small_spec(CELLS))
    assert again.restore_last_preset()
    assert again.controls.spec().length == longer.spec.length == 200


def test_file_dialogs_start_in_the_last_folder(qtbot, make_window, monkeypatch, tmp_path):
    asked: list[str] = []

    def choose(parent, title, start=""):
        asked.append(start)
        return str(tmp_path)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    window = make_window(small_spec(CELLS))
    window.file_dialogs.open_run()  # tmp_path holds no run: a warning, nothing opened
    window.file_dialogs.open_run()
    assert asked[0] == "" and asked[1] == str(tmp_path)
    assert Settings().last_folder() == tmp_path


def test_reset_settings_forgets_everything(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = make_window(small_spec(CELLS))
    Settings().set_language("ko")
    window.hint.dismiss()
    assert window.reset_settings_action in window.menuBar().actions()[0].menu().actions()
    window.reset_settings_action.trigger()
    assert Settings().language() is None and not Settings().hint_seen()
    window.close()  # closing does not write the layout back
    assert open_settings().allKeys() == []


def test_settings_round_trip_with_a_store_of_its_own(tmp_path):
    store = QSettings(str(tmp_path / "own.ini"), QSettings.Format.IniFormat)
    Settings(store).set_scale(2.0)
    assert Settings(QSettings(str(tmp_path / "own.ini"), QSettings.Format.IniFormat)).scale() == 2.0
    assert Settings().scale() is None
