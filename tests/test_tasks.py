"""Tasks: shapes, seeding, and chance baselines checked against their formulas."""

import math

import pytest
import torch
from torch.nn import functional as F

from tasks import TASKS, make_task


def generator(seed=0):
    return torch.Generator().manual_seed(seed)


SYNTHETIC = sorted(name for name in TASKS if name != "csv")  # csv needs a file: tests/test_csv_task.py


@pytest.mark.parametrize("name", SYNTHETIC)
def test_batches_are_seeded_and_shaped(name):
    task = make_task(name, 30)
    first, second = task.batch(5, generator()), task.batch(5, generator())
    assert torch.equal(first.inputs, second.inputs) and torch.equal(first.targets, second.targets)
    assert first.inputs.shape == (task.sequence_length, 5, task.input_size)
    assert first.mask.shape == (task.sequence_length, 5)
    different = task.batch(5, generator(1))
    assert not torch.equal(first.inputs, different.inputs)


def test_adding_marks_one_value_in_each_half():
    task = make_task("adding", 40)
    batch = task.batch(500, generator())
    markers = batch.inputs[..., 1]
    assert torch.equal(markers.sum(0), torch.full((500,), 2.0))
    assert torch.equal(markers[:20].sum(0), torch.ones(500))
    expected = (batch.inputs[..., 0] * markers).sum(0)
    assert torch.allclose(expected, batch.targets)


def test_adding_baseline_is_the_mse_of_always_answering_one():
    task = make_task("adding", 50)
    batch = task.batch(200_000, generator())
    answer_one = torch.ones(50, 200_000, 1)
    assert task.loss_per_example(answer_one, batch).mean().item() == pytest.approx(1 / 6, abs=3e-3)
    assert task.metric(answer_one, batch) == pytest.approx(task.baseline_metric, abs=3e-3)


def test_copy_baseline_is_blanks_then_uniform_guesses():
    task = make_task("copy", 100)
    assert task.sequence_length == 120
    assert task.baseline_loss == pytest.approx(0.1733, abs=1e-4)
    batch = task.batch(64, generator())
    logits = torch.full((120, 64, 10), -1e9)
    logits[:110, :, 0] = 0.0                 # certain of the blank
    logits[110:, :, 1:9] = 0.0               # uniform over the 8 data symbols
    loss = task.loss_per_example(logits, batch).mean().item()
    assert loss == pytest.approx(task.baseline_loss, rel=1e-6)
    assert torch.equal(batch.inputs[:10].argmax(-1), batch.targets[-10:])
    assert (batch.inputs[109].argmax(-1) == 9).all()


@pytest.mark.parametrize("name, classes", [("recall", 8), ("echo", 8), ("order", 4)])
def test_classification_baselines_match_the_target_entropy(name, classes):
    task = make_task(name, 60)
    batch = task.batch(20_000, generator())
    targets = batch.targets[batch.mask.bool()]
    frequencies = torch.bincount(targets, minlength=classes).double() / targets.numel()
    entropy = -(frequencies * frequencies.log()).sum().item()
    assert entropy == pytest.approx(task.baseline_loss, abs=0.01)
    assert task.baseline_loss == pytest.approx(math.log(classes))
    uniform = torch.zeros(60, 20_000, classes)
    assert task.loss_per_example(uniform, batch).mean().item() == pytest.approx(math.log(classes), rel=1e-6)


def test_recall_target_is_the_first_token():
    task = make_task("recall", 25, symbols=5)
    batch = task.batch(100, generator())
    assert torch.equal(batch.targets[-1], batch.inputs[0].argmax(-1))
    assert batch.mask.sum().item() == 100


def test_echo_repeats_the_input_after_the_delay():
    task = make_task("echo", 20, delay=3)
    batch = task.batch(10, generator())
    assert torch.equal(batch.targets[3:], batch.inputs[:-3].argmax(-1))
    assert batch.mask[:3].sum() == 0


def test_bad_parameters_are_refused_in_words():
    with pytest.raises(ValueError, match="at least 2"):
        make_task("adding", 1)
    with pytest.raises(ValueError, match="unknown task"):
        make_task("nope", 10)
    with pytest.raises(ValueError, match="delay"):
        make_task("echo", 10, delay=10)
    with pytest.raises(ValueError, match="no option"):
        make_task("adding", 10, delay=2)


def test_classification_loss_matches_cross_entropy_on_the_last_step():
    task = make_task("recall", 12)
    batch = task.batch(7, generator())
    logits = torch.randn(12, 7, 8)
    expected = F.cross_entropy(logits[-1], batch.targets[-1], reduction="none")
    assert torch.allclose(task.loss_per_example(logits, batch), expected)


@pytest.mark.parametrize("length, first_window, second_window", [
    (100, (10, 20), (50, 60)),  # Hochreiter & Schmidhuber 1997, exp. 6a (FACTS.md)
    (200, (20, 40), (100, 120)),  # scaled with T
    (37, (3, 7), (18, 22)),
])
def test_order_labels_are_the_order_of_two_marked_symbols_in_their_windows(
        length, first_window, second_window):
    x, y, start, end = 4, 5, 6, 7  # symbols 0-3 are the distractors a-d
    task = make_task("order", length)
    batch = task.batch(4000, generator())
    assert torch.equal(batch.inputs.sum(-1), torch.ones(length, 4000))  # one symbol per step
    symbols = batch.inputs.argmax(-1)  # [T, B]
    assert (symbols[0] == start).all() and (symbols[-1] == end).all()
    marked = (symbols == x) | (symbols == y)
    assert (marked.sum(0) == 2).all()
    middle = symbols[1:-1][~marked[1:-1]]
    assert ((middle >= 0) & (middle <= 3)).all()  # distractors are never X, Y, E or B
    first_times = marked.float().argmax(0)
    last_times = length - 1 - marked.flip(0).float().argmax(0)
    assert (int(first_times.min()), int(first_times.max())) == first_window  # every position occurs
    assert (int(last_times.min()), int(last_times.max())) == second_window
    columns = torch.arange(4000)
    first_is_y = symbols[first_times, columns] == y
    second_is_y = symbols[last_times, columns] == y
    labels = batch.targets[-1]
    assert torch.equal(labels, 2 * first_is_y.long() + second_is_y.long())  # XX 0, XY 1, YX 2, YY 3
    assert torch.equal(batch.mask, (torch.arange(length) == length - 1).float()[:, None].expand(-1, 4000))
    frequencies = torch.bincount(labels, minlength=4).float() / 4000
    assert torch.allclose(frequencies, torch.full((4,), 0.25), atol=0.03)  # chance is 25 %
