"""Special files in a plugin folder: each is one broken record with a reason,
nothing blocks, and the built-ins and the good plugins are always listed.

Tests run as root here, where chmod 000 does not stop reading: an unreadable
file is simulated by making ``os.open`` and ``Path.read_bytes`` refuse it.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from plugin_host import discover_cells, find_cell
from tests.plugin_corpus import GOOD_CELL

BUILT_INS = {"RNN", "LSTM", "GRU"}
HANG = 20  # seconds: a read that blocks on a pipe fails the test instead of the run


def release(fifo: Path) -> None:
    """Unblock a reader stuck on ``fifo`` (the old code's hang), so a failure stays a failure."""
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass  # nobody is reading it


def discover(folder: Path, checker, **options) -> list:
    options = {"include_project_plugins": False, "include_entry_points": False,
               "include_user_plugins": False, "checker": checker} | options
    return discover_cells([folder], **options)


def odd_record(records: list, folder: Path, entry: str):
    """The one record that names ``entry`` (by its path, not resolved)."""
    found = [r for r in records if r.file and Path(r.file).name == entry and Path(r.file).parent == folder]
    assert len(found) == 1, [(r.name, r.file, r.reason) for r in records]
    return found[0]


def assert_reported(records: list, folder: Path, entry: str, *words: str) -> None:
    record = odd_record(records, folder, entry)
    assert record.status == "broken" and record.line is None
    assert all(word in record.reason for word in words), record.reason
    assert BUILT_INS <= {r.name for r in records if r.usable}


@pytest.fixture
def plugins(tmp_path) -> Path:
    folder = tmp_path / "plugins"
    folder.mkdir()
    return folder


@pytest.mark.timeout(HANG, method="signal")
def test_a_symlink_loop_is_a_record(plugins, checker):
    (plugins / "a.py").symlink_to(plugins / "b.py")
    (plugins / "b.py").symlink_to(plugins / "a.py")
    records = discover(plugins, checker)
    assert_reported(records, plugins, "a.py", "loop")
    assert_reported(records, plugins, "b.py", "loop")


def _folder_elsewhere(entry: Path) -> None:
    (entry.parent.parent / "elsewhere").mkdir()
    entry.symlink_to(entry.parent.parent / "elsewhere")


# (entry, how to make it, words its reason must hold)
ODD_ENTRIES = [
    ("self.py", lambda entry: entry.symlink_to(entry), ["loop"]),
    ("device.py", lambda entry: entry.symlink_to("/dev/null"), ["device"]),
    ("folder.py", lambda entry: entry.mkdir(), ["not a file"]),
    ("linked.py", _folder_elsewhere, ["not a file"]),
    ("dangling.py", lambda entry: entry.symlink_to(entry.parent / "gone.py"), ["missing"]),
    ("huge.py", lambda entry: entry.write_bytes(b"# padding\n" * 300_000), ["MiB"]),  # 3 MB of comments
]


@pytest.mark.timeout(HANG, method="signal")
@pytest.mark.parametrize("entry, make, words", ODD_ENTRIES, ids=[e[0] for e in ODD_ENTRIES])
def test_an_odd_entry_is_a_record(plugins, checker, entry, make, words):
    """A link to itself, a device, a folder or a link to one, a dangling link,
    a file too big to be a plugin: each is read never or within bounds."""
    make(plugins / entry)
    assert_reported(discover(plugins, checker), plugins, entry, *words)


@pytest.mark.timeout(HANG, method="signal")
def test_a_fifo_is_never_opened(plugins, checker):
    fifo = plugins / "pipe.py"
    os.mkfifo(fifo)
    try:
        records = discover(plugins, checker)
    finally:
        release(fifo)
    assert_reported(records, plugins, "pipe.py", "pipe")


@pytest.mark.timeout(HANG, method="signal")
def test_a_nul_byte_is_a_record(plugins, checker):
    (plugins / "nul.py").write_bytes(GOOD_CELL.read_bytes() + b"\n\x00\n")
    record = odd_record(discover(plugins, checker), plugins, "nul.py")
    assert record.status == "broken" and "null" in record.reason


@pytest.mark.timeout(HANG, method="signal")
def test_non_utf8_bytes_are_a_record(plugins, checker):
    (plugins / "latin.py").write_bytes(b"name = '\xe9\xff'\n")
    record = odd_record(discover(plugins, checker), plugins, "latin.py")
    assert record.status == "broken" and "SyntaxError" in record.reason


@pytest.mark.timeout(HANG, method="signal")
def test_an_unreadable_file_is_a_record(plugins, monkeypatch):
    unreadable = plugins / "secret.py"
    unreadable.write_text(GOOD_CELL.read_text())
    real_open, real_read = os.open, Path.read_bytes

    def refuse(path, *args, **kwargs):
        if Path(path).name == unreadable.name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def refuse_read(path):
        if path.name == unreadable.name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_read(path)

    monkeypatch.setattr(os, "open", refuse)
    monkeypatch.setattr(Path, "read_bytes", refuse_read)
    records = discover(plugins, None, isolate=False)  # in this process, where the patch holds
    assert_reported(records, plugins, "secret.py", "ermission")


@pytest.mark.timeout(HANG, method="signal")
def test_a_folder_that_loops_is_a_record(tmp_path, checker):
    looping = tmp_path / "looping"
    looping.symlink_to(looping)
    records = discover(looping, checker)
    assert BUILT_INS <= {r.name for r in records if r.usable}
    assert any(r.status == "broken" and r.file == str(looping) and "loop" in r.reason for r in records)


@pytest.mark.timeout(HANG, method="signal")
def test_all_at_once_the_builtins_and_the_good_cell_stay(plugins, checker, tmp_path):
    (plugins / "good.py").write_text(GOOD_CELL.read_text())
    (plugins / "a.py").symlink_to(plugins / "b.py")
    (plugins / "b.py").symlink_to(plugins / "a.py")
    (plugins / "dir.py").mkdir()
    (plugins / "dangling.py").symlink_to(tmp_path / "nothing")
    (plugins / "also_good.py").symlink_to(plugins / "good.py")  # the same file twice: listed once
    fifo = plugins / "pipe.py"
    os.mkfifo(fifo)
    try:
        records = discover(plugins, checker)
    finally:
        release(fifo)
    assert find_cell(records, "Leaky") is not None
    assert sum(r.name == "Leaky" for r in records) == 1
    assert BUILT_INS <= {r.name for r in records if r.usable}
    assert len([r for r in records if r.status == "broken"]) == 5


@pytest.mark.timeout(HANG, method="signal")
def test_a_fifo_in_the_user_folder_does_not_hide_the_builtins(private_config, checker):
    private_config.mkdir(parents=True)
    fifo = private_config / "pipe.py"
    os.mkfifo(fifo)
    try:
        records = discover_cells(include_project_plugins=False, include_entry_points=False, checker=checker)
    finally:
        release(fifo)
    assert BUILT_INS <= {r.name for r in records if r.usable}
    assert_reported(records, private_config, "pipe.py", "pipe")


@pytest.mark.timeout(HANG, method="signal")
def test_a_file_that_turns_into_a_fifo_is_refused_when_loaded(plugins, checker):
    """Checked, then swapped for a pipe before a worker loads it."""
    good = plugins / "good.py"
    good.write_text(GOOD_CELL.read_text())
    source = find_cell(discover(plugins, checker), "Leaky").source
    good.unlink()
    os.mkfifo(good)
    try:
        with pytest.raises(OSError, match="pipe"):
            source.load()
    finally:
        release(good)


@pytest.mark.timeout(HANG, method="signal")
def test_a_missing_plugins_folder_is_one_line_for_the_cli(capsys, tmp_path):
    from cli import build_parser

    for command in ("cells", "run"):
        with pytest.raises(SystemExit) as stopped:
            build_parser().parse_args([command, "--plugins", str(tmp_path / "nope")])
        assert stopped.value.code == 2
        error = capsys.readouterr().err
        assert error.count("\n") == 1 and "nope" in error and "no such folder" in error


@pytest.mark.timeout(HANG, method="signal")
def test_a_missing_plugins_folder_is_one_line_for_the_window(tmp_path):
    from gui.flags import FlagError, build_parser

    with pytest.raises(FlagError, match="no such folder"):
        build_parser().parse_args(["--plugins", str(tmp_path / "nope")])


@pytest.mark.timeout(60)
def test_the_window_closes_at_once_with_a_fifo_in_the_user_folder(qtbot, private_config):
    from gui.plugin_watcher import PluginWatcher

    private_config.mkdir(parents=True)
    fifo = private_config / "pipe.py"
    os.mkfifo(fifo)
    watcher = PluginWatcher(include_project_plugins=False, include_entry_points=False)
    try:
        watcher.start()
        qtbot.waitUntil(lambda: not watcher.busy, timeout=HANG * 1000)
        assert BUILT_INS <= {r.name for r in watcher.records if r.usable}
    finally:
        begun = time.monotonic()
        release(fifo)  # the old code blocks on the pipe: let it go before stop() waits for it
        watcher.stop()
    assert time.monotonic() - begun < 10
