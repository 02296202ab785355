"""``main.py check-plugin`` for graders: a report per cell and an honest exit code."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "broken_plugins"


def check_plugin(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "check-plugin", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=240)


def test_json_report_and_exit_code_for_a_mixed_class(tmp_path):
    result = check_plugin(str(ROOT / "plugins" / "mgu.py"), str(CORPUS / "no_gradient_to_previous.py"),
                          str(CORPUS / "wrong_state_count.py"), str(CORPUS / "exit_at_import.py"),
                          str(tmp_path / "missing.py"), "--json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    cells = {c["name"]: c for c in report["cells"]}
    assert not report["passed"]
    assert list(cells) == ["MGU", "Detached", "Wrong state count", "exit_at_import", "missing"]
    mgu = cells["MGU"]
    assert mgu["passed"] and mgu["status"] == "ok" and mgu["parameters"] == 8704
    assert mgu["gradient_to_previous_state"] is True and mgu["ms_per_step"] > 0
    assert cells["Detached"]["passed"] and cells["Detached"]["gradient_to_previous_state"] is False
    assert "state_names declares 2" in cells["Wrong state count"]["reason"]
    assert "sys.exit(3)" in cells["exit_at_import"]["reason"]
    assert cells["missing"]["reason"] == "no such file"


def test_all_good_exits_zero_and_strict_fails_warnings(capsys):
    from cli import main

    assert main(["check-plugin", str(ROOT / "plugins" / "irnn.py"), str(ROOT / "plugins" / "indrnn.py")]) == 0
    out = capsys.readouterr().out
    assert "✓ IRNN" in out and "gradient reaches h_(t-1): yes" in out and "2 of 2 cell(s) passed" in out
    assert main(["check-plugin", str(CORPUS / "no_gradient_to_previous.py"), "--strict"]) == 1
    assert "⚠ Detached" in capsys.readouterr().out


def test_bad_usage_is_one_line_and_exit_two(capsys):
    from cli import main

    with pytest.raises(SystemExit) as stop:
        main(["check-plugin"])
    assert stop.value.code == 2 and len(capsys.readouterr().err.strip().splitlines()) == 1
