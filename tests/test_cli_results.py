"""Issue 8, class 4: results are never lost. A run is checkpointed while it
trains; SIGTERM leaves a consistent folder; a write error is one line and a
non-zero exit, with nothing claiming to be complete; an earlier run is never
overwritten without --overwrite."""

import csv
import json
import resource
import signal
import time

import pytest
from cli_runner import SMALL_RUN, gatelab, interrupted_run, start_run, wait_for_step

from training.recorder import RunRecorder

PNG_END = b"IEND\xaeB`\x82"


def assert_consistent(out, statuses, complete):
    summary = json.loads((out / "summary.json").read_text())
    assert summary["complete"] is complete
    rows = list(csv.DictReader((out / "metrics.csv").open()))
    for name, info in summary["cells"].items():
        assert info["status"] in statuses
        steps = [int(r["step"]) for r in rows if r["cell"] == name]
        assert steps == list(range(1, len(steps) + 1)) and len(steps) >= info["steps"]
    assert RunRecorder.load(out).complete is complete
    return summary


def test_sigterm_leaves_a_consistent_folder_with_the_cells_stopped(tmp_path):
    out = tmp_path / "out"
    result = interrupted_run(out, lambda process: process.send_signal(signal.SIGTERM))
    assert result.returncode == 143, result.stderr
    assert "Traceback" not in result.stderr
    summary = assert_consistent(out, {"stopped"}, complete=False)
    assert all(info["steps"] >= 3 for info in summary["cells"].values())


def test_a_killed_run_keeps_its_last_checkpoint(tmp_path):
    out = tmp_path / "out"
    process = start_run(out, "--checkpoint-every", "0.5")
    try:
        wait_for_step(process)
        deadline = time.monotonic() + 60
        while not (out / "summary.json").exists():
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.1)
        time.sleep(0.7)
        process.kill()  # SIGKILL: no chance to write anything more
        process.wait()
    finally:
        process.kill()
        process.wait()
    summary = assert_consistent(out, {"running"}, complete=False)
    assert summary["cells"]["GRU"]["steps"] >= 1


def test_an_earlier_run_is_not_overwritten_without_overwrite(tmp_path):
    for earlier in ("summary.json", "metrics.csv"):
        out = tmp_path / earlier
        out.mkdir()
        (out / earlier).write_text("precious")
        result = gatelab(*SMALL_RUN, "--cells", "GRU", "--steps", "1", "--out", str(out))
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1 and "--overwrite" in result.stderr
        assert (out / earlier).read_text() == "precious" and len(list(out.iterdir())) == 1


def test_overwrite_replaces_an_earlier_run_and_an_empty_folder_is_fine(tmp_path):
    earlier, empty = tmp_path / "earlier", tmp_path / "empty"
    earlier.mkdir()
    empty.mkdir()
    (earlier / "summary.json").write_text("old")
    for out, extra in ((earlier, ["--overwrite"]), (empty, [])):
        result = gatelab(*SMALL_RUN, "--cells", "GRU", "--steps", "2", "--out", str(out), *extra)
        assert result.returncode == 0, result.stderr
        assert_consistent(out, {"done"}, complete=True)


def limited_file_size(limit):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes fail with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.parametrize("limit", [200, 6000, 60_000], ids=["nothing fits", "csv fits", "data fits"])
def test_a_full_disk_is_one_line_and_nothing_claims_to_be_complete(tmp_path, limit):
    out = tmp_path / "out"
    result = gatelab(*SMALL_RUN, "--length", "40", "--cells", "RNN,GRU", "--steps", "40", "--out", str(out),
                     preexec_fn=limited_file_size(limit))
    assert result.returncode == 3, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("gatelab: error: ") and "Traceback" not in result.stderr
    assert sum(line.startswith("gatelab: error") for line in lines) == 1
    if (out / "summary.json").exists() and json.loads((out / "summary.json").read_text())["complete"]:
        assert limit == 60_000, "only the figures may be missing from a complete run"
        assert RunRecorder.load(out).cells["GRU"].steps == 40
    for figure in out.glob("*.png"):
        assert figure.read_bytes().endswith(PNG_END), f"{figure.name} is truncated"
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temporary files left behind"


def test_ctrl_c_while_plugins_are_checked_is_one_line_and_writes_nothing(tmp_path):
    """Before training, Ctrl-C ends the run at once with exit code 130 and
    one line, not a traceback, and leaves no run folder behind."""
    plugins, marker, out = tmp_path / "plugins", tmp_path / "importing", tmp_path / "out"
    plugins.mkdir()
    (plugins / "slow_import.py").write_text(
        "import pathlib, time\n"
        f"pathlib.Path({str(marker)!r}).touch()\n"
        "time.sleep(120)\n")
    process = start_run(out, "--plugins", str(plugins))
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():  # the checker is importing the plugin now
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == 130
    assert "Traceback" not in stderr.decode()
    assert "interrupted" in stderr.decode()
    assert not out.exists()
