"""Multi-file plugins: a file that imports helpers beside it, and a folder
plugin (a package). Both load in the checker, the workers and the CLI; a
helper is listed as one; editing a helper re-checks the plugin."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
from cli_runner import gatelab

from plugin_host import HELPER, OK, discover_cells
from plugin_host.jobs import FILE, Job

CELL = """
    import torch
    from cells import Cell
    {imports}

    class {name}(Cell):
        name = "{name}"

        def __init__(self, input_size, hidden_size):
            super().__init__(input_size, hidden_size)
            self.inp = torch.nn.Linear(input_size + hidden_size, hidden_size)

        def forward(self, x, state):
            h = squash(self.inp(torch.cat([x, state[0]], dim=1)))
            return h, (h,)
"""
HELPER_SOURCE = "import torch\n\n\ndef squash(x):\n    return torch.tanh(x)\n"


@pytest.fixture
def folder(tmp_path) -> Path:
    plugins = tmp_path / "plugins"
    (plugins / "packaged").mkdir(parents=True)
    (plugins / "wrapped.py").write_text(textwrap.dedent(CELL.format(
        imports="from .shared_maths import squash", name="Wrapped")))
    (plugins / "shared_maths.py").write_text(HELPER_SOURCE)
    (plugins / "packaged" / "__init__.py").write_text("from .core import Packaged\n")
    (plugins / "packaged" / "core.py").write_text(textwrap.dedent(CELL.format(
        imports="from .maths import squash", name="Packaged")))
    (plugins / "packaged" / "maths.py").write_text(HELPER_SOURCE)
    return plugins


def test_a_helper_beside_a_plugin_and_a_folder_plugin_are_found_and_checked(folder, checker):
    records = {r.name: r for r in discover_cells([folder], include_project_plugins=False,
                                                 include_user_plugins=False, include_entry_points=False,
                                                 checker=checker)}
    assert records["Wrapped"].status == OK and records["Packaged"].status == OK, records
    assert records["shared_maths"].status == HELPER and not records["shared_maths"].usable


def test_both_train_in_workers_from_the_cli_and_check_plugin_passes_the_helper(folder, tmp_path):
    result = gatelab("run", "--plugins", str(folder), "--cells", "Wrapped,Packaged", "--length", "6",
                     "--hidden", "4", "--steps", "3", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    cells = json.loads((tmp_path / "out" / "summary.json").read_text())["cells"]
    assert {name: info["status"] for name, info in cells.items()} == {"Wrapped": "done", "Packaged": "done"}
    checked = gatelab("check-plugin", str(folder / "wrapped.py"), str(folder / "shared_maths.py"), "--json")
    report = json.loads(checked.stdout)
    assert checked.returncode == 0 and report["passed"], report
    assert [c["status"] for c in report["cells"]] == ["ok", "helper"]


def test_editing_a_helper_changes_the_plugins_fingerprint(folder):
    wrapped, packaged = Job(FILE, str(folder / "wrapped.py")), Job(FILE, str(folder / "packaged"))
    before = wrapped.fingerprint(), packaged.fingerprint()
    (folder / "shared_maths.py").write_text(HELPER_SOURCE.replace("tanh", "sigmoid"))
    (folder / "packaged" / "maths.py").write_text(HELPER_SOURCE.replace("tanh", "sigmoid"))
    after = wrapped.fingerprint(), packaged.fingerprint()
    assert before[0] != after[0] and before[1] != after[1]


def test_relative_imports_reach_only_the_plugins_own_folder(folder):
    """Two folders with a helper of the same name: each plugin gets its own."""
    from plugin_host.source import import_file

    other = folder.parent / "other"
    other.mkdir()
    (other / "wrapped.py").write_text((folder / "wrapped.py").read_text())
    (other / "shared_maths.py").write_text(HELPER_SOURCE.replace("torch.tanh(x)", "x * 0 + 7"))
    first, second = import_file(folder / "wrapped.py"), import_file(other / "wrapped.py")
    import torch

    assert first.squash(torch.zeros(1)).item() == 0.0 and second.squash(torch.zeros(1)).item() == 7.0
    for name in [m for m in sys.modules if m.startswith("gatelab_plugin_")]:
        del sys.modules[name]  # our own test modules: leave no trace for other tests
