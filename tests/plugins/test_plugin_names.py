"""Plugin cell names and state names: look-alikes of taken names, bad names,
and plugin text that reaches the terminal."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from plugin_host import CellRecord, discover_cells
from tests.plugin_corpus import GOOD_CELL

GOOD_SOURCE = GOOD_CELL.read_text()
assert 'name = "Leaky"' in GOOD_SOURCE

LOOK_ALIKES = ["ＲＮＮ", "LSTM ", "gru", "ｌｓｔｍ", "\u00a0RNN", "ᴿNN"]
BAD_NAMES = {"G\u200bRU": "invisible", "A,B": "','", "a/b": "'/'", "red\x1b[31m": "control",
             "x" * 41: "40 characters", "\u202eevil": "invisible", "two\nlines": "control"}
BAD_STATES = {("h", "c\x1b"): "control", ("h", "H"): "twice", ("h", "ｈ"): "twice", ("h", "a,b"): "','",
              ("h", ""): "empty"}


def plugin_with(folder: Path, file: str, name: str, states: tuple[str, ...] | None = None) -> None:
    source = GOOD_SOURCE.replace('name = "Leaky"', f"name = {name!r}")
    if states is not None:
        source = source.replace('name = ', f"state_names = {states!r}\n    name = ", 1)
    (folder / file).write_text(source)


def discover(folder: Path) -> list[CellRecord]:
    return discover_cells([folder], include_project_plugins=False, include_entry_points=False,
                          include_user_plugins=False, isolate=False, validate=False)


def the_plugin(records: list[CellRecord]) -> CellRecord:
    found = [r for r in records if r.origin not in ("built-in",)]
    assert len(found) == 1, [(r.name, r.status, r.reason) for r in found]
    return found[0]


@pytest.mark.timeout(20, method="signal")
@pytest.mark.parametrize("name", LOOK_ALIKES, ids=repr)
def test_a_look_alike_of_a_builtin_is_a_duplicate(tmp_path, name):
    plugin_with(tmp_path, "alike.py", name)
    record = the_plugin(discover(tmp_path))
    assert record.status == "broken" and "duplicate name" in record.reason


@pytest.mark.timeout(20, method="signal")
@pytest.mark.parametrize("name", list(BAD_NAMES), ids=repr)
def test_a_bad_name_breaks_the_contract(tmp_path, name):
    plugin_with(tmp_path, "bad.py", name)
    record = the_plugin(discover(tmp_path))
    assert record.status == "broken" and "`name`" in record.reason and BAD_NAMES[name] in record.reason


@pytest.mark.timeout(20, method="signal")
@pytest.mark.parametrize("states", list(BAD_STATES), ids=repr)
def test_bad_state_names_break_the_contract(tmp_path, states):
    plugin_with(tmp_path, "states.py", "Stateful", states)
    record = the_plugin(discover(tmp_path))
    assert record.status == "broken" and "state" in record.reason and BAD_STATES[states] in record.reason


@pytest.mark.timeout(20, method="signal")
def test_two_plugins_whose_names_look_alike_keep_the_first(tmp_path):
    plugin_with(tmp_path, "a.py", "Leaky")
    plugin_with(tmp_path, "b.py", "ＬＥＡＫＹ")
    records = [r for r in discover(tmp_path) if r.origin != "built-in"]
    assert [r.status for r in records] == ["ok", "broken"]


EVIL = CellRecord(name="Evil\x1b[2J\x1b[1;1H✓ RNN", origin="x", status="broken", file="/tmp/e\x1b]0;t\x07.py",
                  line=3, reason="ValueError: \x1b[31mall good\x9b", gates=("g\x1b",))


@pytest.mark.timeout(20, method="signal")
def test_the_cells_listing_escapes_plugin_text(monkeypatch, capsys):
    import cli.commands

    monkeypatch.setattr(cli.commands, "discover_cells", lambda dirs: [EVIL])
    cli.commands.cells_command(argparse.Namespace(hidden=4, input_size=2, plugins=[]))
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out and "\\x1b[2J" in out


@pytest.mark.timeout(20, method="signal")
def test_the_check_plugin_report_escapes_plugin_text():
    from cli.check_plugin import text_report

    report = text_report(EVIL)
    assert not any(c in report for c in "\x1b\x9b\x07") and "\\x1b[31m" in report


@pytest.mark.timeout(20, method="signal")
def test_error_lines_escape_plugin_text(capsys):
    from cli.arguments import fail

    with pytest.raises(SystemExit):
        fail("cell 'x' is broken: \x1b[2J")
    err = capsys.readouterr().err
    assert "\x1b" not in err and err.count("\n") == 1


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", ["ＲＮＮ", "LSTM "], ids=repr)
def test_check_plugin_fails_a_look_alike_of_a_builtin(tmp_path, name):
    from cli.check_plugin import check_files

    plugin_with(tmp_path, "alike.py", name)
    (record,) = check_files([str(tmp_path / "alike.py")], timeout=10)
    assert record.status == "broken" and "built-in" in record.reason
