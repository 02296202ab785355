"""Recording gates of a wrapped module through forward hooks (``cells.record_outputs``):
the gates reach the checker's verdict, the in-process trainer's reports and a
run saved by the CLI's training workers, with the values the module computed."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from cli_runner import gatelab

from cells import Cell, record_outputs
from plugin_host import PROJECT_PLUGIN_DIR, check_plugins, import_file
from plugin_host.jobs import FILE, Job
from plugin_host.validation import validate_cell
from training import RunSpec, Trainer
from training.npz_files import escape_key

CHO = "Cho GRU (wrapped)"
GATES = {"reset r", "update z"}


@pytest.fixture(scope="module")
def cho_gru() -> type[Cell]:
    return import_file(PROJECT_PLUGIN_DIR / "cho_gru.py").ChoGRU


class Published(torch.nn.Module):
    """Third-party style: the gate's sigmoid is applied inline, its Linear is a submodule."""

    def __init__(self, size: int):
        super().__init__()
        self.gate = torch.nn.Linear(2 * size, size)
        self.pair = torch.nn.Identity()

    def forward(self, x, h):
        g = torch.sigmoid(self.gate(torch.cat([x, h], dim=1)))
        self.pair((g, h))  # a submodule whose output is a tuple
        return g * h + (1 - g) * torch.tanh(x)


def wrapper(gates: dict) -> type[Cell]:
    class Wrapped(Cell):
        name = "Wrapped"

        def __init__(self, input_size, hidden_size):
            super().__init__(input_size, hidden_size)
            self.core = Published(hidden_size)
            record_outputs(self, gates)

        def forward(self, x, state):
            h = self.core(torch.nn.functional.pad(x, (0, self.hidden_size - x.shape[1])), state[0])
            return h, (h,)

    return Wrapped


def test_a_hook_records_the_transformed_output_of_its_submodule_only_while_recording():
    calls = []

    def sigmoid(output):
        calls.append(1)
        return torch.sigmoid(output)

    cell = wrapper({"gate g": ("core.gate", sigmoid), "old h": ("core.pair", lambda out: out[1])})(2, 4)
    x, h = torch.randn(3, 2), torch.randn(3, 4)
    cell(x, (h,))
    assert calls == []  # nothing recorded, nothing computed
    with cell.recording() as trace:
        cell(x, (h,))
        cell(x, (h,))
    expected = torch.sigmoid(cell.core.gate(torch.cat([torch.nn.functional.pad(x, (0, 2)), h], dim=1))).mean()
    assert list(trace) == ["gate g", "old h"] and len(trace["gate g"]) == 2
    assert torch.allclose(trace["gate g"][0], expected) and torch.allclose(trace["old h"][0], h.mean())


def test_a_wrong_path_or_a_tuple_without_transform_is_broken_with_the_reason_in_plain_words():
    typo = validate_cell(wrapper({"gate g": "core.gates"}))
    assert typo.status == "broken" and "no submodule 'core.gates'" in typo.reason
    assert "core.gate" in typo.reason  # the paths it has
    untransformed = validate_cell(wrapper({"pair": "core.pair"}))
    assert untransformed.status == "broken" and "returned tuple, not a tensor" in untransformed.reason


def test_recording_through_hooks_shows_gates_in_the_checker_and_in_the_trainers_reports(cho_gru):
    (record,) = [r for r in check_plugins([Job(FILE, str(PROJECT_PLUGIN_DIR / "cho_gru.py"))])
                 if r.name == CHO]
    assert record.status == "ok" and set(record.gates) == GATES, record.reason
    spec = RunSpec(task="adding", length=8, cells=(CHO,), steps=2, hidden=6, batch=4)
    report = Trainer(spec, [cho_gru]).step()[0]
    assert set(report.gates) == GATES
    for means in report.gates.values():
        assert means.shape == (8,) and np.all((means > 0) & (means < 1))  # sigmoids, one mean per step


def test_the_training_workers_record_hooked_gates_into_the_saved_run(tmp_path):
    result = gatelab("run", "--cells", CHO, "--length", "6", "--hidden", "4", "--steps", "2",
                     "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    with np.load(tmp_path / "out" / "gradients.npz") as arrays:
        for gate in GATES:
            means = arrays[f"{escape_key(CHO)}/gates/{escape_key(gate)}"]
            assert means.shape == (6,) and np.isfinite(means).all()
