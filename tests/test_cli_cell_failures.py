"""Issue 8, class 3: a cell's failure is that cell's. Whatever a plugin cell
raises or however slow it becomes, the other cells train, the summary names
what went wrong, and the exit code says that something failed."""

import json
import shutil
import time

import pytest
from cli_runner import SMALL_RUN, gatelab
from plugin_corpus import CORPUS, moody_plugins


def run_with(plugins, out, *extra, cells="Moody,GRU"):
    return gatelab(*SMALL_RUN, "--cells", cells, "--steps", "3", "--plugins", str(plugins),
                   "--out", str(out), *extra)


def assert_only_the_bad_cell_failed(result, out, bad, words):
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    cells = json.loads((out / "summary.json").read_text())["cells"]
    assert cells[bad]["status"] == "error"
    assert words in cells[bad]["message"]
    assert cells["GRU"]["status"] == "done" and cells["GRU"]["steps"] == 3


@pytest.mark.parametrize("when, action, words", [
    ("step", "raise SystemExit(0)", "SystemExit"),
    ("step", "raise SystemExit(3)", "SystemExit"),
    ("step", "raise KeyboardInterrupt('from the cell')", "KeyboardInterrupt"),
    ("step", "raise GeneratorExit()", "GeneratorExit"),
    ("step", "raise RuntimeError('plain error')", "plain error"),
    ("step", "os._exit(0)", "ended unexpectedly"),
    ("build", "raise SystemExit(0)", "sys.exit(0) while its model was being built"),
    ("build", "raise KeyboardInterrupt()", "KeyboardInterrupt"),
], ids=lambda value: value if isinstance(value, str) and len(value) < 30 else None)
def test_anything_a_cell_raises_is_that_cells_error(tmp_path, when, action, words):
    plugins = moody_plugins(tmp_path / "plugins", when, action)
    result = run_with(plugins, tmp_path / "out")
    assert_only_the_bad_cell_failed(result, tmp_path / "out", "Moody", words)


def test_a_cells_message_reaches_the_terminal_escaped(tmp_path):
    """An exception text with terminal escapes (clear the screen, rewrite the
    line) is shown as text in the summary, never obeyed by the terminal."""
    plugins = moody_plugins(tmp_path / "plugins", "step", "raise RuntimeError('\\x1b[2J\\rall passed')")
    result = run_with(plugins, tmp_path / "out")
    assert result.returncode == 1, result.stderr
    assert "\x1b" not in result.stdout and "\r" not in result.stdout
    assert "\\x1b[2J" in result.stdout


def test_a_cell_that_hangs_after_validation_is_stopped_by_the_step_timeout(tmp_path):
    plugins = moody_plugins(tmp_path / "plugins", "step", "time.sleep(3600)")
    started = time.monotonic()
    result = run_with(plugins, tmp_path / "out", "--step-timeout", "1")
    assert time.monotonic() - started < 90
    assert_only_the_bad_cell_failed(result, tmp_path / "out", "Moody", "took longer than")


def test_a_cell_that_fails_validation_is_reported_and_the_others_train(tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    shutil.copy(CORPUS / "wrong_output_shape.py", plugins)
    out = tmp_path / "out"
    result = run_with(plugins, out, cells="Wrong shape,GRU")
    assert_only_the_bad_cell_failed(result, out, "Wrong shape", "shape")


def test_run_help_states_the_exit_codes():
    text = gatelab("run", "--help").stdout
    assert "exit code" in text.lower()
    for code in ("0", "1", "2", "3", "130", "143"):
        assert f" {code} " in text.replace("\n", " ")
    assert "--step-timeout" in text and "--overwrite" in text
