"""Bad input to ``run`` (issue 8, class 8: numeric flags). An unknown cell or
task, a bad value, or a number that cannot be trained (NaN, infinity, an
overflowing seed, a size too big to allocate) is one line and exit code 2
before anything is written; random flag lists give either a trainable spec or
exactly that."""

import math

import pytest
from cli_runner import SMALL_RUN, gatelab
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cli
from cli.arguments import checked_spec
from tasks import TASKS
from training.budget import memory_problem


@pytest.mark.parametrize("args, words", [
    (["--cells", "RNN,Nope"], "unknown cell 'Nope'"),
    (["--task", "nope"], "unknown task 'nope'; choose from adding"),
    (["--length", "1"], "length must be at least 2"),
    (["--lr", "-0.1"], "learning rate must be positive"),
    (["--steps", "ten"], "invalid int value"),
    (["--delay", "3"], "--delay is not an option of the adding task"),
    (["--tolerance", "nan"], "tolerance"),
    (["--tolerance", "inf"], "tolerance"),
    (["--tolerance=-inf"], "tolerance"),
    (["--seed", str(2 ** 64)], "seed"),
    (["--seed", str(2 ** 63)], "seed"),
    (["--seed", "-1"], "seed"),
    (["--hidden", "1000000"], "memory"),
    (["--hidden", "30000", "--layers", "8"], "memory"),
    (["--batch", "1000000000"], "memory"),
    (["--layers", "100000000"], "memory"),
    (["--lr", "nan"], "learning rate"),
    (["--lr", "inf"], "learning rate"),
    (["--dropout", "nan"], "dropout"),
    (["--gain", "inf"], "gain"),
    (["--clip", "nan"], "clip"),
    (["--forget-bias=-inf"], "forget bias"),
    (["--step-timeout", "nan"], "--step-timeout"),
    (["--step-timeout", "0"], "--step-timeout"),
    (["--checkpoint-every", "-1"], "--checkpoint-every"),
    (["--checkpoint-every", "nan"], "--checkpoint-every"),
])
def test_bad_input_is_one_line_and_exit_code_2_and_writes_nothing(tmp_path, args, words):
    out = tmp_path / "never"
    result = gatelab(*SMALL_RUN, "--steps", "1", "--cells", "GRU", "--out", str(out), *args)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and words in result.stderr
    assert not out.exists()


NUMBERS = st.one_of(
    st.integers(-2 ** 70, 2 ** 70), st.integers(0, 300), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["nan", "inf", "-inf", "1e400", "off", "", "x", "0x10", "1_000", "-0", "٣"]))
FLAGS = ["--length", "--steps", "--seed", "--hidden", "--layers", "--dropout", "--batch", "--lr", "--clip",
         "--gain", "--forget-bias", "--tolerance", "--delay", "--symbols", "--step-timeout",
         "--checkpoint-every"]
ARGUMENTS = st.lists(st.tuples(st.sampled_from(FLAGS), NUMBERS), max_size=6).map(
    lambda pairs: [text for flag, value in pairs for text in (flag, str(value))])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=ARGUMENTS, task=st.sampled_from(sorted(TASKS)))
def test_random_flags_give_a_trainable_spec_or_one_line_and_exit_code_2(capsys, argv, task):
    try:
        args = cli.build_parser().parse_args(["run", "--task", task, *argv])
        spec = checked_spec(args)
    except SystemExit as stop:
        assert stop.code == 2
        assert len(capsys.readouterr().err.strip().splitlines()) == 1
        return
    task_object = TASKS[spec.task](length=spec.length, **spec.task_options)
    assert all(math.isfinite(v) for v in task_object.parameters().values())
    assert 0 <= spec.seed < 2 ** 63 and memory_problem(spec, task_object.input_size) is None
    assert args.step_timeout > 0 and args.checkpoint_every > 0
