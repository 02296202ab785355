"""The author is told which run settings act on each cell: init and gain (which
parameters), forget bias, float64 and CUDA, in ``check-plugin`` (text and JSON)
and in the Plugins panel, from real plugin files checked in the isolated checker."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from unittest import mock

import pytest
import torch
from cli_runner import gatelab

from gui.plugin_panel import PluginPanel
from gui.plugin_watcher import PluginWatcher
from plugin_host import PROJECT_PLUGIN_DIR, import_file, setting_notes
from plugin_host.records import CUDA, FLOAT64, FORGET_BIAS, INIT_GAIN
from plugin_host.validation import validate_cell

GPU = torch.cuda.is_available()
ODD_CELLS = """
    import torch
    from cells import Cell


    class Misnamed(Cell):
        # Recurrent weights as a published module names them: --init/--gain cannot find them.
        name = "Misnamed"

        def __init__(self, input_size, hidden_size):
            super().__init__(input_size, hidden_size)
            self.inp = torch.nn.Linear(input_size, hidden_size)
            self.rec = torch.nn.Linear(hidden_size, hidden_size)
            self.weight_hh_scale = torch.nn.Parameter(torch.ones(hidden_size))  # weight_hh*, but 1-D

        def set_forget_bias(self, value):
            raise RuntimeError("no forget gate here")

        def forward(self, x, state):
            h = torch.tanh(self.inp(x) + self.rec(state[0]) * self.weight_hh_scale)
            return h, (h,)


    class Float32Only(Cell):
        name = "Float32 only"

        def __init__(self, input_size, hidden_size):
            super().__init__(input_size, hidden_size)
            self.inp = torch.nn.Linear(input_size + hidden_size, hidden_size)

        def set_forget_bias(self, value):
            return True  # says so, changes nothing

        def forward(self, x, state):
            h = torch.tanh(self.inp(torch.cat([x, state[0]], dim=1))).float()
            return h, (h,)
"""


@pytest.fixture
def odd_file(tmp_path) -> Path:
    path = tmp_path / "odd_cells.py"
    path.write_text(textwrap.dedent(ODD_CELLS))
    return path


def settings_block(text: str, cell: str) -> dict[str, str]:
    """setting -> "applies  detail" from the text report of one cell."""
    report = text.split(f" {cell}  (", 1)[1].split("\n✓ ")[0].split("\n⚠ ")[0]
    lines = report.split("    settings:\n", 1)[1].splitlines()
    found = {}
    for line in lines:
        match = re.match(r"      (init & gain|forget bias|float64|CUDA)\s+(\S+)\s+(.*)", line)
        if not match:
            break
        found[match.group(1)] = f"{match.group(2)}  {match.group(3)}"
    return found


def test_check_plugin_says_per_cell_which_settings_apply_and_which_parameters(odd_file):
    result = gatelab("check-plugin", str(PROJECT_PLUGIN_DIR / "cho_gru.py"),
                     str(PROJECT_PLUGIN_DIR / "cifg_lstm.py"), str(odd_file))
    assert result.returncode == 0, result.stdout + result.stderr
    wrapped, cifg = settings_block(result.stdout, "Cho GRU (wrapped)"), settings_block(result.stdout, "CIFG")
    assert wrapped[INIT_GAIN] == "no  none: no weight_hh* parameter, so --init and --gain change nothing"
    assert wrapped[FORGET_BIAS].startswith("no  no forget gate")
    assert cifg[INIT_GAIN] == "yes  act on weight_hh (3 H×H blocks)"
    assert cifg[FORGET_BIAS] == "yes  sets the forget gate's bias in bias_ih, bias_hh"
    assert wrapped[FLOAT64] == cifg[FLOAT64] == "yes  one step ran in float64"
    misnamed, float32 = (settings_block(result.stdout, name) for name in ("Misnamed", "Float32 only"))
    assert misnamed[INIT_GAIN] == ("no  none: weight_hh_scale not of shape [k·H, H], "
                                   "so --init and --gain change nothing")
    assert misnamed[FORGET_BIAS] == "no  set_forget_bias raised RuntimeError: no forget gate here"
    assert "--forget-bias would stop the run" in result.stdout  # a warning, not only a note
    assert float32[FORGET_BIAS] == "no  set_forget_bias returns True but changed no parameter"
    assert float32[FLOAT64] == ("no  fails: the output has dtype torch.float32, "
                                "expected torch.float64 like the input")
    for cell in (wrapped, cifg, misnamed):
        if GPU:
            assert "no GPU" not in cell[CUDA]  # there is one: never say otherwise
        else:
            assert cell[CUDA] == "untested  untested here: no GPU"


def test_check_plugin_json_carries_the_settings(odd_file):
    result = gatelab("check-plugin", str(odd_file), "--json")
    cells = {cell["name"]: cell for cell in json.loads(result.stdout)["cells"]}
    assert cells["Misnamed"]["status"] == "warning" and cells["Float32 only"]["status"] == "warning"
    settings = cells["Misnamed"]["settings"]
    assert list(settings) == [INIT_GAIN, FORGET_BIAS, FLOAT64, CUDA]
    assert settings[INIT_GAIN]["applies"] == "no" and settings[FLOAT64]["applies"] == "yes"
    assert settings[CUDA]["applies"] == ("yes" if GPU else "untested")


@pytest.mark.skipif(GPU, reason="checks what is said where CUDA cannot start")
def test_a_gpu_that_does_not_start_is_untested_not_a_fault_of_the_cell():
    cls = import_file(PROJECT_PLUGIN_DIR / "mgu.py").MGU
    with mock.patch.object(setting_notes, "gpu_present", return_value=True):
        result = validate_cell(cls, timing=False)
    (cuda,) = [note for note in result.settings if note.setting == CUDA]
    assert result.status == "ok" and cuda.applies == "untested"
    assert cuda.detail.startswith("untested: CUDA did not start in the checker (")


@pytest.mark.cuda
@pytest.mark.skipif(not GPU, reason="no CUDA GPU")
def test_one_step_runs_on_the_gpu_where_there_is_one():
    result = validate_cell(import_file(PROJECT_PLUGIN_DIR / "cho_gru.py").ChoGRU, timing=False)
    (cuda,) = [note for note in result.settings if note.setting == CUDA]
    assert cuda.applies == "yes" and cuda.detail.startswith("one step ran on ")


def test_the_plugins_panel_shows_which_settings_apply(qtbot, tmp_path, checker):
    folder = tmp_path / "plugins"
    folder.mkdir()
    for name in ("cho_gru.py", "published_cho_gru.py"):
        (folder / name).write_text((PROJECT_PLUGIN_DIR / name).read_text())
    watcher = PluginWatcher([folder], include_project_plugins=False, include_entry_points=False,
                            checker=checker, debounce_ms=100)
    panel = PluginPanel(watcher)
    qtbot.addWidget(panel)
    watcher.start()
    try:
        qtbot.waitUntil(lambda: any(r.name == "Cho GRU (wrapped)" for r in panel.records)
                        and not watcher.busy, timeout=60_000)
        assert panel.select("Cho GRU (wrapped)")
        text = panel.details.text()
        assert "Settings for this cell:" in text
        assert ("initialisation and gain: does not apply (none: no weight_hh* parameter, "
                "so --init and --gain change nothing)") in text
        assert "forget bias: does not apply (no forget gate" in text
        assert "float64: applies (one step ran in float64)" in text
        assert ("CUDA: applies (one step ran on" if GPU else "CUDA: untested (untested here: no GPU)") in text
        assert panel.select("LSTM")  # a built-in: the settings found without running it
        text = panel.details.text()
        assert "forget bias: applies (sets the forget gate's bias in bias_ih, bias_hh)" in text
        assert "initialisation and gain: applies (act on weight_hh (4 H×H blocks))" in text
    finally:
        watcher.stop()
