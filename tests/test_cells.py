"""The built-in cells equal torch's own cells, values and gradients."""

import pytest
import torch

from cells import GRU, LSTM, RNN, count_parameters

STEPS, BATCH, INPUT, HIDDEN = 50, 4, 3, 6

PAIRS = [
    (RNN, torch.nn.RNNCell),
    (LSTM, torch.nn.LSTMCell),
    (GRU, torch.nn.GRUCell),
]


def unroll_ours(cell, xs):
    state = cell.initial_state(xs.shape[1])
    outputs = []
    for x in xs:
        output, state = cell(x, state)
        outputs.append(output)
    return torch.stack(outputs)


def unroll_torch(cell, xs, two_states):
    h = torch.zeros(xs.shape[1], cell.hidden_size, dtype=xs.dtype)
    c = torch.zeros_like(h)
    outputs = []
    for x in xs:
        if two_states:
            h, c = cell(x, (h, c))
        else:
            h = cell(x, h)
        outputs.append(h)
    return torch.stack(outputs)


@pytest.mark.parametrize("ours_class, torch_class", PAIRS, ids=["RNN", "LSTM", "GRU"])
def test_builtin_matches_torch_over_50_steps(ours_class, torch_class):
    torch.manual_seed(1)
    reference = torch_class(INPUT, HIDDEN).double()
    ours = ours_class(INPUT, HIDDEN).double()
    ours.load_state_dict(reference.state_dict())
    xs = torch.randn(STEPS, BATCH, INPUT, dtype=torch.double)
    weights = torch.randn(STEPS, BATCH, HIDDEN, dtype=torch.double)

    ours_out = unroll_ours(ours, xs)
    torch_out = unroll_torch(reference, xs, ours_class is LSTM)
    assert (ours_out - torch_out).abs().max() <= 1e-12

    (ours_out * weights).sum().backward()
    (torch_out * weights).sum().backward()
    for name, parameter in ours.named_parameters():
        other = dict(reference.named_parameters())[name]
        assert parameter.grad is not None
        assert (parameter.grad - other.grad).abs().max() <= 1e-12, name


def test_relu_rnn_matches_torch():
    torch.manual_seed(2)
    reference = torch.nn.RNNCell(INPUT, HIDDEN, nonlinearity="relu").double()
    ours = RNN(INPUT, HIDDEN, nonlinearity="relu").double()
    ours.load_state_dict(reference.state_dict())
    xs = torch.randn(10, BATCH, INPUT, dtype=torch.double)
    assert (unroll_ours(ours, xs) - unroll_torch(reference, xs, False)).abs().max() <= 1e-12


def test_parameter_counts_are_exact():
    lstm, gru, rnn = LSTM(7, 32), GRU(7, 32), RNN(7, 32)
    assert count_parameters(lstm) == 4 * (32 * 7 + 32 * 32 + 2 * 32)
    assert count_parameters(gru) * 4 == count_parameters(lstm) * 3
    assert count_parameters(rnn) == count_parameters(torch.nn.RNNCell(7, 32))


def test_forget_bias_sets_the_sum_of_both_biases():
    cell = LSTM(2, 8)
    assert cell.set_forget_bias(1.0)
    total = cell.bias_ih + cell.bias_hh
    assert torch.allclose(total[8:16], torch.ones(8))
    assert not GRU(2, 8).set_forget_bias(1.0)


def test_gates_are_recorded_only_when_asked():
    cell = LSTM(2, 4)
    state = cell.initial_state(3)
    cell(torch.randn(3, 2), state)
    with cell.recording() as trace:
        cell(torch.randn(3, 2), state)
        cell(torch.randn(3, 2), state)
    assert set(trace) == {"input i", "forget f", "output o"}
    assert all(len(values) == 2 for values in trace.values())
    assert all(0.0 < float(v) < 1.0 for values in trace.values() for v in values)
    with cell.recording(False) as trace:
        cell(torch.randn(3, 2), state)
    assert trace == {}
