"""The control panel shows every RunSpec field and gives it back unchanged:
a run saved elsewhere, opened in the window and started again, trains with
its own settings, not the panel's defaults."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from gui.controls import ControlPanel
from gui.spec_fields import CARRIED, FIELDS, SPECIAL
from plugin_host import CellSource, discover_builtins
from plugin_host.task_messages import OptionMessage
from plugin_host.task_records import TaskRecord
from training.spec import RunSpec

ROOT = Path(__file__).resolve().parents[2]

# (field, the changes that give it a value other than its default): at least
# one case per RunSpec field, so a new field fails here until it has a control.
CASES = [
    ("task", {"task": "recall"}),
    ("length", {"length": 37}),
    ("task_options", {"task": "echo", "task_options": {"delay": 3, "symbols": 5}}),
    ("task_options", {"task": "adding", "task_options": {"tolerance": 0.1}}),
    ("cells", {"cells": ("LSTM", "GRU")}),
    ("steps", {"steps": 0}),
    ("hidden", {"hidden": 16}),
    ("layers", {"layers": 3}),
    ("bidirectional", {"bidirectional": True}),
    ("dropout", {"dropout": 0.3, "layers": 2}),
    ("dropout", {"dropout": 0.2}),  # kept even while one layer leaves it nothing to do
    ("batch", {"batch": 8}),
    ("optimizer", {"optimizer": "sgd"}),
    ("lr", {"lr": 0.001}),
    ("clip", {"clip": None}),
    ("clip", {"clip": 2.5}),
    ("init", {"init": "orthogonal"}),
    ("recurrent_gain", {"recurrent_gain": 2.0}),
    ("recurrent_gain", {"recurrent_gain": 0.5}),
    ("forget_bias", {"forget_bias": None}),
    ("forget_bias", {"forget_bias": -2.0}),
    ("seed", {"seed": 1234}),
    ("device", {"device": "cuda"}),  # kept on a machine without a GPU too
    ("dtype", {"dtype": "float64"}),
    ("record_gates", {"record_gates": False}),
    ("plugins", {"plugins": ("some/plugin/folder",)}),
    ("task_options", {"task": "csv", "task_options": {"path": "/no/such/file.csv", "kind": "regression"}}),
    ("task_source", {"task": "parity", "task_options": {"marked": 3},
                     "task_source": ("file", str(ROOT / "plugins" / "parity.py"), "ParityTask")}),
]
FIELD_NAMES = [f.name for f in dataclasses.fields(RunSpec)]
# The example task plugin's record, as discovery makes it (written out: no checker here).
PARITY = TaskRecord(name="parity", origin=str(ROOT / "plugins" / "parity.py"),
                    source=CellSource("file", str(ROOT / "plugins" / "parity.py"), "ParityTask"),
                    description="parity of marked bits",
                    options=(OptionMessage("length", "100", "T", 2, 100_000),
                             OptionMessage("marked", "2", "K", 1, 16)))


@pytest.fixture
def panel(qtbot) -> ControlPanel:
    panel = ControlPanel(RunSpec())
    qtbot.addWidget(panel)
    panel.set_cell_records(discover_builtins())
    panel.set_task_records([PARITY])
    panel.set_spec(RunSpec())
    return panel


def test_a_spec_of_a_task_plugin_shown_before_discovery_gets_its_task_when_it_comes(qtbot):
    spec = RunSpec(task="parity", task_source=PARITY.spec_source, task_options={"marked": 4})
    panel = ControlPanel(spec)
    qtbot.addWidget(panel)
    panel.set_cell_records(discover_builtins())
    assert panel.spec().task == "adding"  # not offered yet
    panel.set_task_records([PARITY])
    assert panel.spec() == spec


def test_the_table_accounts_for_every_runspec_field_once():
    names = [f.name for f in FIELDS] + list(SPECIAL) + list(CARRIED)
    assert sorted(names) == sorted(FIELD_NAMES)
    assert len(set(names)) == len(names)


def test_every_field_has_a_case():
    assert {name for name, _ in CASES} == set(FIELD_NAMES)


@pytest.mark.parametrize(("field", "changes"), CASES, ids=[f"{n}={c[n]}" for n, c in CASES])
def test_a_non_default_value_survives_the_controls(panel, field, changes):
    spec = RunSpec().replace(**changes)
    assert getattr(spec, field) != getattr(RunSpec(), field)
    panel.set_spec(spec)
    assert panel.spec() == spec


def test_defaults_survive_the_controls(panel):
    assert panel.spec() == RunSpec()


def test_cells_ticked_before_discovery_stay_ticked_when_it_reports(qtbot):
    panel = ControlPanel(RunSpec(cells=("LSTM",)))  # the window builds it before cells are found
    qtbot.addWidget(panel)
    panel.set_cell_records(discover_builtins())
    assert panel.cells.checked_names() == ["LSTM"]


def test_lr_and_clip_apply_live_the_rest_asks_for_reset(panel, qtbot):
    with qtbot.waitSignal(panel.lr_changed), qtbot.assertNotEmitted(panel.spec_edited):
        panel.lr.set_value(0.001)
    with qtbot.waitSignal(panel.clip_changed), qtbot.assertNotEmitted(panel.spec_edited):
        panel.clip.set_value(None)
    with qtbot.waitSignal(panel.spec_edited):
        panel.recurrent_gain.setValue(1.5)
    with qtbot.waitSignal(panel.spec_edited):
        panel.record_gates.setChecked(False)


def test_dropout_is_enabled_only_between_stacked_layers(panel):
    assert not panel.dropout.isEnabled()
    panel.layers.setValue(2)
    assert panel.dropout.isEnabled()
    panel.set_spec(RunSpec(layers=1, dropout=0.4))
    assert not panel.dropout.isEnabled() and panel.spec().dropout == 0.4


def device_row_visible(panel: ControlPanel) -> bool:
    return panel.forms[panel.editors["device"].field.group].isRowVisible(panel.device)


def test_device_row_shows_where_a_gpu_is_or_a_spec_asks_for_one(qtbot, monkeypatch):
    from gui.gpu_probe import GpuProbe

    without_gpu = ControlPanel(RunSpec())
    qtbot.addWidget(without_gpu)
    assert not device_row_visible(without_gpu)
    without_gpu.set_spec(RunSpec(device="cuda"))  # a run saved on a GPU machine
    assert device_row_visible(without_gpu) and without_gpu.device.currentText() == "cuda"
    monkeypatch.setattr("torch.cuda.is_available", lambda: True)
    with_gpu = ControlPanel(RunSpec())
    qtbot.addWidget(with_gpu)
    assert not device_row_visible(with_gpu)  # not known until torch has been asked
    probe = GpuProbe()
    probe.answered.connect(with_gpu.show_gpu)
    with qtbot.waitSignal(probe.answered, timeout=30_000):
        probe.start()
    probe.wait()
    assert device_row_visible(with_gpu)


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory) -> Path:
    """A run saved by the command line with settings the panel once dropped."""
    out = tmp_path_factory.mktemp("cli") / "run"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "run", "--task", "adding", "--length", "10",
         "--cells", "RNN", "--steps", "3", "--gain", "2", "--dropout", "0.2", "--layers", "2",
         "--no-gates", "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    return out


def test_a_cli_run_reopened_keeps_its_settings(panel, cli_run):
    from training.recorder import RunRecorder

    saved = RunRecorder.load(cli_run).spec
    assert (saved.recurrent_gain, saved.dropout, saved.layers, saved.record_gates) == (2.0, 0.2, 2, False)
    panel.set_spec(saved)
    assert panel.spec() == saved


def test_a_cli_run_opened_in_the_window_starts_with_its_settings(make_window, cli_run):
    from training.recorder import RunRecorder

    window = make_window(RunSpec(length=20, steps=10))
    window.open_run(cli_run)
    assert window.controls.spec() == RunRecorder.load(cli_run).spec  # what Start trains


def test_the_learning_rate_slider_keeps_an_exact_value_until_moved(qtbot):
    from gui.widgets import LogSlider

    slider = LogSlider(1e-5, 1.0, 0.03)  # the default: between the slider's tenth-decade marks
    qtbot.addWidget(slider)
    assert slider.value() == 0.03
    slider.slider.setValue(slider.slider.value() + 1)
    assert slider.value() == 0.0398  # moved: the grid's value
    slider.slider.setValue(slider.slider.value() - 1)
    assert slider.value() == 0.0316
