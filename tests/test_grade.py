"""``main.py grade``: a class's submissions, each checked alone and trained
next to the LSTM; a broken or hostile file is its own row and nobody else's."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from cli_runner import gatelab

TESTS = Path(__file__).resolve().parent
CLASS = {"anna.py": TESTS / "broken_plugins" / "good_cell.py",
         "ben.py": TESTS / "broken_plugins" / "crash_at_import.py",
         "carl.py": TESTS / "hostile_plugins" / "patch_validation.py",
         "dana.py": TESTS / "broken_plugins" / "good_cell.py"}  # the same cell name as anna's


def test_a_class_report_has_one_honest_row_per_cell(tmp_path):
    submissions = tmp_path / "class"
    submissions.mkdir()
    for name, source in CLASS.items():
        shutil.copy(source, submissions / name)
    result = gatelab("grade", str(submissions), "--out", str(tmp_path / "report"), "--steps", "8",
                     "--length", "6", "--hidden", "8")
    assert result.returncode == 0, result.stderr
    rows = {row["student"]: row for row in csv.DictReader((tmp_path / "report" / "report.csv").open())}
    assert set(rows) == {"anna", "ben", "carl", "dana"}
    for trained in ("anna", "dana"):  # a name shared with a classmate is no failure
        assert rows[trained]["status"] == "ok" and rows[trained]["steps"] == "8"
        assert float(rows[trained]["final_loss"]) > 0
    assert rows["anna"]["final_loss"] == rows["dana"]["final_loss"]  # same cell, seed, steps: same result
    assert rows["ben"]["status"] == "broken" and "crashed" in rows["ben"]["reason"]
    assert rows["ben"]["location"].endswith("ben.py:3")
    assert rows["carl"]["status"] == "broken" and "replaces code" in rows["carl"]["reason"]
    assert len({row["lstm_final_loss"] for row in rows.values()}) == 1  # one yardstick for all
    page = (tmp_path / "report" / "report.html").read_text()
    assert page.count("data:image/png;base64,") == 2 and "<script" not in page


def test_grade_refuses_an_empty_folder_and_an_earlier_report_in_one_line(tmp_path):
    result = gatelab("grade", str(tmp_path), "--out", str(tmp_path / "report"))
    assert result.returncode == 2 and "holds no .py submission" in result.stderr
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "report.csv").write_text("old\n")
    result = gatelab("grade", str(tmp_path), "--out", str(tmp_path / "report"))
    assert result.returncode == 2 and "earlier report" in result.stderr
    assert (tmp_path / "report" / "report.csv").read_text() == "old\n"
