"""The csv task: the user's own sequences, read from a real file, checked with
one clear line per problem, and trained on through the command line."""

import json
import math

import pytest
import torch
from cli_runner import gatelab
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks import csv_data, make_task
from tasks.csv_data import CLASSIFICATION, REGRESSION, CsvDataError, SequenceData, parse_sequences
from training.recorder import RunRecorder

GOOD = """sequence,t,x,y,target
a,0,1,0.5,up
a,1,2,0.5,
a,2,3,0.5,up
b,1,5,1,down
b,0,4,1,
c,0,1,2,up
"""


def write(tmp_path, text, name="data.csv"):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def problems(text, kind=CLASSIFICATION):
    with pytest.raises(CsvDataError) as error:
        parse_sequences(text, kind, "data.csv")
    assert str(error.value).startswith("data.csv: ")
    return error.value.problems


def test_sequences_are_sorted_by_t_and_answered_by_their_last_row():
    data = parse_sequences(GOOD, CLASSIFICATION)
    assert data.feature_names == ("x", "y")
    assert data.features[1] == ((4.0, 1.0), (5.0, 1.0))  # b's rows came out of order
    assert data.classes == ("down", "up") and data.targets == (1.0, 0.0, 1.0)


@pytest.mark.parametrize("text, words", [
    ("", "the file is empty"),
    ("sequence,x,target\na,1,0\n", "lacks the column(s) t"),
    ("sequence,t,target\na,0,1\n", "no feature column"),
    ("sequence,t,x,x,target\na,0,1,1,0\n", "'x' appear more than once"),
    ("sequence,t,x,target\n", "a header but no rows"),
    ("sequence,t,x,target\na,0,1,0\na,0,2,1\nb,0,1,1\n", "t = 0 appears twice (lines 2 and 3)"),
    ("sequence,t,x,target\na,0,1,0\na,1,2\nb,0,1,1\n", "line 3: 3 value(s), but the header names 4 columns"),
    ("sequence,t,x,target\na,0,1,0\na,1,oops,0\nb,0,1,1\n", "line 3: 'x' is not a finite number ('oops')"),
    ("sequence,t,x,target\na,0,1,0\na,1,nan,0\nb,0,1,1\n", "line 3: 'x' is not a finite number ('nan')"),
    ("sequence,t,x,target\na,0,1,0\na,1,2,\nb,0,1,1\n", "sequence 'a': no target on its last row (line 3)"),
    ("sequence,t,x,target\na,0,1,0\n", "only 1 sequence"),
    ("sequence,t,x,target\na,0,1,0\nb,0,1,0\n", "a classification needs at least 2 classes"),
])
def test_each_problem_is_one_clear_line(text, words):
    found = problems(text)
    assert any(words in line for line in found), found
    assert all("\n" not in line for line in found)


def test_every_bad_row_is_listed_not_only_the_first():
    text = "sequence,t,x,target\n" + "".join(f"s{i},0,bad,0\n" for i in range(3))
    assert [line.split(":")[0] for line in problems(text)] == ["line 2", "line 3", "line 4"]


def test_a_regression_target_must_be_a_number_and_vary():
    assert "for labels choose kind classification" in problems(GOOD, REGRESSION)[0]
    same = "sequence,t,x,target\na,0,1,2\nb,0,1,2\n"
    assert "nothing to learn" in problems(same, REGRESSION)[0]


def test_a_file_that_is_too_big_missing_or_not_utf8_is_refused_in_words(tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)
    monkeypatch.setattr(csv_data, "MAX_BYTES", 50)
    with pytest.raises(CsvDataError, match="at most 50 are read"):
        csv_data.read_sequences(path, CLASSIFICATION)
    with pytest.raises(CsvDataError, match="cannot be read"):
        csv_data.read_sequences(tmp_path / "missing.csv", CLASSIFICATION)
    (tmp_path / "latin.csv").write_bytes("sequence,t,x,target\nä,0,1,0\n".encode("latin-1"))
    with pytest.raises(CsvDataError, match="not UTF-8"):
        csv_data.read_sequences(tmp_path / "latin.csv", CLASSIFICATION)
    with pytest.raises(CsvDataError, match="no file given"):
        make_task("csv", 5)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300), kind=st.sampled_from([CLASSIFICATION, REGRESSION]))
def test_any_text_gives_sequences_or_one_clear_error(text, kind):
    try:
        data = parse_sequences(text, kind)
    except CsvDataError as error:
        assert error.problems and all(line and "\n" not in line for line in error.problems)
        return
    assert isinstance(data, SequenceData) and len(data.features) >= 2


CELLS = st.sampled_from(["a", "b", "1", "-2.5", "", "x y", "nan", "inf", "0", "3", '"q,1"', "1e3"])
ROWS = st.lists(st.lists(CELLS, min_size=3, max_size=5).map(",".join), max_size=12)


@settings(max_examples=300, deadline=None)
@given(header=st.permutations(["sequence", "t", "x", "target"]), rows=ROWS,
       kind=st.sampled_from([CLASSIFICATION, REGRESSION]))
def test_near_valid_files_give_sequences_or_one_clear_error(header, rows, kind):
    try:
        data = parse_sequences("\n".join([",".join(header), *rows]), kind)
    except CsvDataError as error:
        assert error.problems and all("\n" not in line for line in error.problems)
        return
    assert all(math.isfinite(value) for steps in data.features for step in steps for value in step)
    if kind == CLASSIFICATION:
        assert len(data.classes) >= 2 and all(0 <= t < len(data.classes) for t in data.targets)


def test_batches_pad_short_sequences_in_front_and_keep_the_end_of_long_ones(tmp_path):
    rows = ["sequence,t,x,target", *(f"long,{t},{t},1" for t in range(6)), "short,0,100,0", "short,1,200,0"]
    task = make_task("csv", 4, path=write(tmp_path, "\n".join(rows)))
    batch = task.batch(64, torch.Generator().manual_seed(0))
    assert batch.inputs.shape == (4, 64, 1) and batch.mask[-1].all() and not batch.mask[:-1].any()
    short = batch.inputs[:, batch.targets == 0, 0]
    assert (short[:2] == 0).all() and (short[2] < short[3]).all()  # padding first, then its 2 steps
    long_ = batch.inputs[:, batch.targets == 1, 0]
    assert torch.allclose(long_[:, 0], long_[:, -1]) and (long_[:-1] < long_[1:]).all()  # t = 2 … 5
    again = task.batch(64, torch.Generator().manual_seed(0))
    assert torch.equal(batch.inputs, again.inputs) and torch.equal(batch.targets, again.targets)


def test_baselines_are_the_majority_class_and_the_mean(tmp_path):
    task = make_task("csv", 3, path=write(tmp_path, GOOD))
    assert task.output_size == 2 and task.input_size == 2
    assert task.baseline_metric == pytest.approx(2 / 3)
    assert task.baseline_loss == pytest.approx(-(2 / 3) * math.log(2 / 3) - (1 / 3) * math.log(1 / 3))
    numbers = "sequence,t,x,target\na,0,1,1\nb,0,2,2\nc,0,3,3\nd,0,4,10\n"
    regression = make_task("csv", 3, path=write(tmp_path, numbers, "n.csv"), kind="regression")
    assert regression.output_size == 1 and regression.baseline_loss == 1.0
    batch = regression.batch(200, torch.Generator().manual_seed(0))
    mean_answer = torch.zeros(3, 200, 1)  # standardised targets: the mean is 0
    assert regression.loss_per_example(mean_answer, batch).mean() == pytest.approx(1.0, rel=0.25)


def test_the_cli_trains_on_a_csv_file_and_refuses_a_bad_one_with_its_line(tmp_path):
    # the class is the first step's x, four steps before the answer
    rows = ["sequence,t,x,target",
            *(f"s{i},{t},{(i % 2) * (t == 0)},{i % 2}" for i in range(20) for t in range(5))]
    out = tmp_path / "run"
    done = gatelab("run", "--task", "csv", "--path", write(tmp_path, "\n".join(rows)), "--length", "5",
                   "--hidden", "8", "--steps", "3", "--cells", "RNN", "--out", str(out))
    assert done.returncode == 0, done.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["task"]["baseline_metric"] == 0.5 and summary["cells"]["RNN"]["steps"] == 3
    (tmp_path / "data.csv").unlink()
    assert RunRecorder.load(out).task.baseline_metric == 0.5  # the run opens without its file
    bad = write(tmp_path, "sequence,t,x,target\na,0,1,0\na,1,oops,0\n", "bad.csv")
    refused = gatelab("run", "--task", "csv", "--path", bad, "--steps", "2", "--out", str(tmp_path / "no"))
    assert refused.returncode == 2 and not (tmp_path / "no").exists()
    assert "line 3: 'x' is not a finite number ('oops')" in refused.stderr
