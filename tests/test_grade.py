"""``main.py grade``: a class's submissions, each checked alone and trained
next to the LSTM on the executor (a local pool, or a Dask cluster); a broken or
hostile file is its own row and nobody else's."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from cli_runner import gatelab

TESTS = Path(__file__).resolve().parent
CLASS = {"anna.py": TESTS / "broken_plugins" / "good_cell.py",
         "ben.py": TESTS / "broken_plugins" / "crash_at_import.py",
         "carl.py": TESTS / "hostile_plugins" / "patch_validation.py",
         "dana.py": TESTS / "broken_plugins" / "good_cell.py",  # the same cell name as anna's
         "erik.py": TESTS / "grading_plugins" / "kill_supervisor_in_training.py"}
TINY = ("--steps", "8", "--length", "6", "--hidden", "8", "--timeout", "60")  # a loaded machine is no failure


def grade_class(tmp_path, students: dict[str, Path], *options: str) -> dict[str, dict]:
    """Grade copies of ``students`` (file name: source); the report's rows by student."""
    submissions = tmp_path / "class"
    submissions.mkdir(parents=True, exist_ok=True)
    for name, source in students.items():
        shutil.copy(source, submissions / name)
    result = gatelab("grade", str(submissions), "--out", str(tmp_path / "report"), "--overwrite", *TINY,
                     *options)
    assert result.returncode == 0, result.stderr
    assert "cells trained" in result.stderr and "ETA" in result.stderr  # the progress bar
    return {row["student"]: row for row in csv.DictReader((tmp_path / "report" / "report.csv").open())}


@pytest.mark.timeout(600)
def test_a_class_report_has_one_honest_row_per_cell(tmp_path):
    rows = grade_class(tmp_path, CLASS)
    assert set(rows) == {"anna", "ben", "carl", "dana", "erik"}
    for trained in ("anna", "dana"):  # a name shared with a classmate is no failure
        assert rows[trained]["status"] == "ok" and rows[trained]["steps"] == "8"
        assert float(rows[trained]["final_loss"]) > 0
    assert rows["anna"]["final_loss"] == rows["dana"]["final_loss"]  # same cell, seed, steps: same result
    assert rows["anna"]["parameters"] == str(2 * 8 + 8 + 8 * 8 + 8)  # Leaky as it trained: input 2, hidden 8
    assert rows["ben"]["status"] == "broken" and "crashed" in rows["ben"]["reason"]
    assert rows["ben"]["location"].endswith("ben.py:3")
    assert rows["carl"]["status"] == "broken" and "replaces code" in rows["carl"]["reason"]
    # passed the check, then killed the process that supervised its training: its row alone says so
    assert rows["erik"]["status"] == "error" and "ended unexpectedly" in rows["erik"]["reason"]
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


@pytest.mark.timeout(600)
def test_grading_on_a_local_dask_cluster_equals_the_local_pool(tmp_path):
    pytest.importorskip("distributed")
    students = {name: CLASS[name] for name in ("anna.py", "ben.py", "erik.py")}
    # not timings; the losses to the last digit: a run with an end captures a fixed grid of steps
    columns = ("cell", "status", "reason", "steps", "learned", "final_loss", "lstm_final_loss")

    def results(rows):
        return {student: [row[c] for c in columns] for student, row in rows.items()}

    pool = grade_class(tmp_path / "pool", students)
    cluster = grade_class(tmp_path / "cluster", students, "--cluster", "local", "--workers", "2")
    assert results(pool) == results(cluster)
    assert pool["anna"]["status"] == "ok" and pool["erik"]["status"] == "error"


@pytest.mark.timeout(600)
def test_a_class_is_graded_on_a_task_plugin_with_its_option(tmp_path):
    rows = grade_class(tmp_path, {"anna.py": CLASS["anna.py"]}, "--task", "parity",
                       "--task-option", "marked=3")
    assert rows["anna"]["status"] == "ok" and rows["anna"]["steps"] == "8"
    assert float(rows["anna"]["baseline_loss"]) == pytest.approx(0.6931471805599453)  # parity's ln 2
    assert "the parity task (T = 6, marked = 3," in (tmp_path / "report" / "report.html").read_text()


@pytest.mark.parametrize("options, words", [
    (("--task", "parity", "--task-option", "marked=99"), "marked"),
    (("--task", "nosuchtask"), "unknown task 'nosuchtask'"),
    (("--task", "adding", "--task-option", "marked=3"), "is for task plugins"),
])
def test_grade_refuses_a_bad_task_in_one_line_before_training(tmp_path, options, words):
    (tmp_path / "anna.py").write_text(CLASS["anna.py"].read_text())
    result = gatelab("grade", str(tmp_path), "--out", str(tmp_path / "report"), *TINY, *options)
    assert result.returncode == 2 and words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "report").exists()
