"""Task plugins: found where cells are, checked in isolation, usable by name
(CLI, API), and a broken or hostile one reported with file:line, never
affecting the cells or the other tasks."""

import json
import math
import re
import textwrap
from pathlib import Path

import pytest
from cli_runner import gatelab

from plugin_host import IsolatedChecker, discover_cells
from plugin_host.discovery import check_plugins
from plugin_host.jobs import FILE, Job
from plugin_host.records import BROKEN, OK, WARNING
from plugin_host.task_discovery import discover_tasks, find_task, plugin_task_facts, task_problem
from plugin_host.task_records import TaskRecord
from tasks import TaskFacts
from training.recorder import RunRecorder

PARITY = Path(__file__).resolve().parent.parent / "plugins" / "parity.py"

# A task whose pieces the broken variants below replace, one at a time.
TEMPLATE = '''
import math
import re
from dataclasses import dataclass
import torch
from tasks import Batch, Task
from tasks.base import last_step_mask, option


@dataclass(frozen=True)
class Sign(Task):
    name = "{name}"
    description = "the sign of the first value"
    input_size = 1
    output_size = 1

    @property
    def baseline_loss(self):
        return {baseline}

    @property
    def baseline_metric(self):
        return 0.5

    def batch(self, batch_size, generator):
        values = {values}
        targets = (values[0, :, 0] > 0).float()
        return Batch(values, targets, last_step_mask(self.length, batch_size))

    def loss_per_example(self, outputs, batch):
        return (outputs[-1, :, 0] - batch.targets) ** 2

    def metric(self, outputs, batch):
        return {metric}
'''
SEEDED = "torch.randn(self.length, batch_size, 1, generator=generator)"
GOOD = dict(name="sign", baseline="0.25", values=SEEDED,
            metric="float(((outputs[-1, :, 0] > 0.5).float() == batch.targets).float().mean())")


def task_file(folder: Path, file: str, **changes: str) -> Path:
    path = folder / file
    path.write_text(textwrap.dedent(TEMPLATE.format(**(GOOD | changes))))
    return path


def records_of(path: Path) -> list:
    return check_plugins([Job(FILE, str(path))], isolate=False)


def test_the_example_plugin_keeps_the_contract_and_carries_its_facts():
    (record,) = [r for r in records_of(PARITY) if isinstance(r, TaskRecord)]
    assert record.status == OK, record.reason
    assert record.name == "parity" and record.source.class_name == "ParityTask"
    assert [option.name for option in record.options] == ["length", "marked"]
    assert record.facts.input_size == 2 and record.facts.baseline_metric == 0.5


def test_a_good_task_file_is_a_task_not_a_broken_cell_plugin(tmp_path):
    task_file(tmp_path, "sign.py")
    (record,) = records_of(tmp_path / "sign.py")
    assert isinstance(record, TaskRecord) and record.status == OK
    cells = discover_cells([tmp_path], include_project_plugins=False, include_entry_points=False,
                           include_user_plugins=False, isolate=False)
    assert all(cell.origin == "built-in" for cell in cells)  # no "no cell here" failure for it


BROKEN_VARIANTS = [
    (dict(values="torch.randn(self.length, batch_size, 1)"), "seeded alike gave different batches"),
    (dict(values=SEEDED.replace(", 1,", ", 3,")), "[steps, batch, input_size]"),
    (dict(values=SEEDED + ".int()"), "float tensor"),
    (dict(baseline="float('nan')"), "baseline_loss must be a positive finite number"),
    (dict(baseline="0.0"), "baseline_loss must be a positive finite number"),
    (dict(metric="3.0"), "metric must return a number in [0, 1]"),
    (dict(metric="1 / 0"), "ZeroDivisionError"),
    (dict(name=""), "`name` is missing or empty"),
]


@pytest.mark.parametrize("changes, words", BROKEN_VARIANTS)
def test_a_broken_task_is_reported_with_its_reason(tmp_path, changes, words):
    path = task_file(tmp_path, "bad.py", **changes)
    (record,) = records_of(path)
    assert isinstance(record, TaskRecord) and record.status == BROKEN
    assert words in record.reason
    assert record.file == str(path) and record.line  # where: the class, or the line that raised


def test_an_error_points_at_the_plugin_line_that_raised(tmp_path):
    path = task_file(tmp_path, "bad.py", metric="1 / 0")
    (record,) = records_of(path)
    line = path.read_text().splitlines()[record.line - 1]
    assert "1 / 0" in line and record.location == f"{path}:{record.line}"


def test_a_task_that_ignores_its_seed_gets_a_warning(tmp_path):
    path = task_file(tmp_path, "same.py", values="torch.ones(self.length, batch_size, 1)")
    (record,) = records_of(path)
    assert record.status == WARNING and "ignores its generator" in record.reason


@pytest.fixture(scope="module")
def isolated():
    checker = IsolatedChecker(import_timeout=20.0, step_timeout=3.0)
    yield checker
    checker.close()


def test_hostile_and_hanging_tasks_are_reported_and_never_touch_cells_or_other_tasks(tmp_path, isolated):
    task_file(tmp_path, "a_good.py")
    task_file(tmp_path, "hangs.py", name="hangs", values="[None for _ in iter(int, 1)]")
    (tmp_path / "exits.py").write_text("import os\nos._exit(3)\n")
    task_file(tmp_path, "patches.py", name="patches")
    with open(tmp_path / "patches.py", "a") as file:
        file.write("\ntorch.tanh = lambda x: x * 0.0\n")
    where = dict(include_project_plugins=False, include_entry_points=False, include_user_plugins=False,
                 checker=isolated)
    tasks = {Path(r.file).stem: r for r in discover_tasks([tmp_path], **where) if r.origin != "built-in"}
    assert tasks["a_good"].status == OK and tasks["a_good"].name == "sign"
    hangs = tasks["hangs"]  # named by its class: its name was never read back
    assert hangs.status == BROKEN and "took longer than 3 s" in hangs.reason and not hangs.usable
    assert hangs.location.startswith(str(tmp_path / "hangs.py") + ":")
    cells = discover_cells([tmp_path], **where)
    exits = [r for r in cells if r.file == str(tmp_path / "exits.py")]
    assert exits and "exit code 3" in exits[0].reason
    patches = [r for r in cells if r.file == str(tmp_path / "patches.py")]
    assert patches and "replaces code outside its own file" in patches[0].reason
    assert {"RNN", "LSTM", "GRU"} <= {r.name for r in cells if r.usable}


def test_facts_at_a_specs_settings_are_measured_in_isolation(isolated):
    record = find_task(discover_tasks(checker=isolated), "parity")
    facts = plugin_task_facts(record.source, 12, {"marked": 3}, isolated)
    assert facts.sequence_length == 12 and facts.settings == {"length": 12, "marked": 3}
    with pytest.raises(ValueError, match=r"parity.py:\d+\): parity: marked must be at most half the length"):
        plugin_task_facts(record.source, 4, {"marked": 3}, isolated)


def test_an_unknown_or_broken_task_name_is_one_line_with_where(tmp_path):
    assert task_problem("nosuch", [tmp_path]).startswith("unknown task 'nosuch'; choose from adding")
    (tmp_path / "typo.py").write_text("from tasks import Task\nclass Typo(Task:\n    pass\n")
    problem = task_problem("typo", [tmp_path])
    assert f"{tmp_path / 'typo.py'}:2" in problem and "SyntaxError" in problem


def test_the_cli_lists_and_trains_a_task_plugin_in_its_workers(tmp_path):
    listing = gatelab("tasks", "--length", "20")
    assert listing.returncode == 0 and "parity: is the number of marked 1-bits odd?" in listing.stdout
    assert "--task-option marked" in listing.stdout
    out = tmp_path / "run"
    done = gatelab("run", "--task", "parity", "--task-option", "marked=3", "--length", "12", "--hidden", "8",
                   "--steps", "4", "--cells", "RNN,GRU", "--out", str(out))
    assert done.returncode == 0, done.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["spec"]["task_source"] == ["file", str(PARITY), "ParityTask"]
    assert summary["task"]["parameters"] == {"length": 12, "marked": 3}
    assert all(cell["steps"] == 4 and cell["status"] == "done" for cell in summary["cells"].values())
    opened = RunRecorder.load(out).task  # from what the run saved: the plugin is not imported to open it
    assert isinstance(opened, TaskFacts) and opened.baseline_loss == pytest.approx(math.log(2))


def test_the_cli_refuses_a_broken_task_plugin_in_one_line_and_cells_still_train(tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    task_file(plugins, "bad.py", name="bad", metric="1 / 0")
    refused = gatelab("run", "--task", "bad", "--plugins", str(plugins), "--steps", "2", "--out",
                      str(tmp_path / "no"))
    assert refused.returncode == 2 and not (tmp_path / "no").exists()
    (line,) = refused.stderr.strip().splitlines()
    assert f"{plugins / 'bad.py'}:" in line and "ZeroDivisionError" in line
    fine = gatelab("run", "--task", "adding", "--length", "8", "--hidden", "8", "--steps", "2",
                   "--cells", "RNN", "--plugins", str(plugins), "--out", str(tmp_path / "fine"))
    assert fine.returncode == 0, fine.stderr


def test_check_plugin_judges_task_plugins_too(tmp_path):
    bad = task_file(tmp_path, "bad.py", name="bad", baseline="-1.0")
    result = gatelab("check-plugin", str(PARITY), str(bad), "--json")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["cells"] == []
    parity, broken = document["tasks"]
    assert parity["passed"] and parity["options"] == {"length": 100, "marked": 2}
    assert parity["baseline_loss"] == pytest.approx(math.log(2))
    assert not broken["passed"] and broken["file"] == str(bad) and broken["line"]
    assert "baseline_loss must be a positive finite number" in broken["reason"]


def test_the_api_trains_a_task_plugin_by_name_and_lists_it():
    import gatelab

    assert "parity" in gatelab.available_tasks()
    run = gatelab.train(task="parity", length=8, cells=["RNN"], steps=2, hidden=8,
                        task_options={"marked": 2}, progress=False)
    assert run.recorder.spec.task_source == ("file", str(PARITY), "ParityTask")
    assert run.recorder.cells["RNN"].steps == 2
    with pytest.raises(ValueError, match="unknown task 'nosuch'"):
        gatelab.train(task="nosuch", steps=1, progress=False)


@pytest.mark.parametrize("changes, words", BROKEN_VARIANTS)
def test_the_korean_window_words_each_reason_in_korean(qapp, tmp_path, changes, words):
    """Issue 10: validation reasons in Korean too (gui/reason_words.py); a
    plugin's own exception ("ZeroDivisionError: …") stays as it came."""
    from gui.i18n import install_translators, remove_translators
    from gui.reason_words import reason_text

    (record,) = records_of(task_file(tmp_path, "bad.py", **changes))
    translators = install_translators(qapp, "ko")
    try:
        korean = reason_text(record.reason)
    finally:
        remove_translators(qapp, translators)
    if record.reason.startswith("ZeroDivisionError"):
        assert korean == record.reason
    else:
        assert re.search(r"[\uac00-\ud7a3]", korean) and korean != record.reason, korean
