"""Hostile plugins (tests/hostile_plugins) cannot change anyone else's verdict,
leak into other plugins or the built-ins, or leave processes behind.

Every hostile file is checked first, before a good and a broken neighbour:
the neighbours' verdicts must stay right, the report must stay honest, and no
process started for the check may outlive ``check-plugin``. Everything runs in
subprocesses, so that a hostile file imported by an old, leaky GateLab could
never patch the test process itself.
"""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "hostile_plugins"
NEIGHBOURS = {"good_neighbour.py": "ok", "broken_neighbour.py": "broken"}
# A hostile file's own verdict: "broken" where it tampers with GateLab, torch,
# the report or the pipe (a forged "ok" would be a lie), None where either is fair.
HOSTILE = {
    "patch_validation.py": "broken",
    "patch_report.py": "broken",
    "patch_torch.py": "broken",
    "patch_cell_base.py": "broken",
    "forge_pipe.py": "broken",
    "kill_checker.py": "broken",
    "recursion_limit.py": None,
    "tiny_rlimits.py": None,
    "endless_thread.py": "ok",
    "fork_sleeper.py": "ok",
}


def marked_processes(marker: str) -> list[int]:
    """Processes of this user whose environment carries ``marker`` (a plugin's
    forked child keeps it, even in a session of its own)."""
    found = []
    needle = f"GATELAB_HOSTILE_MARKER={marker}".encode()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if needle in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def run_marked(command: list[str], tmp_path: Path, timeout: float = 150) -> subprocess.CompletedProcess:
    """Run ``command`` with a marker in its environment; afterwards, no process may
    carry the marker (after a short grace for children still being reaped)."""
    marker = uuid.uuid4().hex
    env = os.environ | {"GATELAB_HOSTILE_MARKER": marker, "XDG_CONFIG_HOME": str(tmp_path / "config"),
                        "GATELAB_HOSTILE_MARKER_FILE": str(tmp_path / "pwned")}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    deadline = time.monotonic() + 3
    while marked_processes(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = marked_processes(marker)
    for pid in left:  # clean up before failing
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    assert not left, f"processes left behind: {left}"
    assert not (tmp_path / "pwned").exists(), "a forged pickle ran code in the grader"
    return result


@pytest.mark.timeout(200)
@pytest.mark.parametrize("hostile", sorted(HOSTILE))
def test_check_plugin_verdicts_survive_a_hostile_file(hostile, tmp_path):
    files = [CORPUS / hostile] + [CORPUS / name for name in NEIGHBOURS]
    result = run_marked([sys.executable, "main.py", "check-plugin", *map(str, files), "--json",
                          "--timeout", "20"], tmp_path)
    report = json.loads(result.stdout)
    by_file = {}
    for cell in report["cells"]:
        by_file.setdefault(Path(cell["file"]).name, []).append(cell)
    assert set(by_file) == {hostile, *NEIGHBOURS}, report
    for name, status in NEIGHBOURS.items():
        (cell,) = by_file[name]
        assert cell["status"] == status, (name, cell["reason"])
        assert cell["passed"] == (status == "ok")
    expected = HOSTILE[hostile]
    if expected is not None:
        assert [c["status"] for c in by_file[hostile]] == [expected], by_file[hostile]
    assert report["passed"] is False and result.returncode == 1


TRAIN_BUILTINS = textwrap.dedent("""
    import sys
    from pathlib import Path
    from plugin_host import IsolatedChecker, discover_cells, find_cell
    from training import RunSpec, Trainer
    folders = [Path(p) for p in sys.argv[1:]]
    checker = IsolatedChecker(import_timeout=20, step_timeout=20)  # a loaded machine is no failure
    records = discover_cells(folders, include_project_plugins=False, include_entry_points=False,
                             checker=checker)
    checker.close()
    leaked = sorted(m for m in sys.modules if m.startswith("gatelab_plugin_"))
    cells = [find_cell(records, n).source.load() for n in ("RNN", "LSTM", "GRU")]
    spec = RunSpec(task="adding", length=8, cells=("RNN", "LSTM", "GRU"), hidden=6, batch=4, seed=3)
    trainer = Trainer(spec, cells)
    losses = [r.loss.hex() for _ in range(4) for r in trainer.step()]
    print(" ".join(leaked) or "-")
    print(" ".join(losses))
""")


@pytest.mark.timeout(300)
def test_builtins_train_identically_after_discovering_the_hostile_folder(tmp_path):
    """The window's path: discovery (as the window does it), then the built-ins
    train; no plugin module may be imported here, and the losses are bit-identical."""
    runs = [run_marked([sys.executable, "-c", TRAIN_BUILTINS, *folders], tmp_path, timeout=250)
            for folders in ([], [str(CORPUS)])]
    for run in runs:
        assert run.returncode == 0, run.stderr[-3000:]
    (clean_leaked, clean_losses), (hostile_leaked, hostile_losses) = (
        run.stdout.strip().splitlines()[-2:] for run in runs)
    assert hostile_leaked == "-", f"plugin modules imported into the calling process: {hostile_leaked}"
    assert hostile_losses == clean_losses
