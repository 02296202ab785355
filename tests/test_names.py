"""Name rules: normalisation, the duplicate key, the rules, terminal escaping;
property-based with Hypothesis, plus the corpus of look-alikes and bad names."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from training.spec import RunSpec

# name -> words the reason must contain
BAD_NAMES = {
    "": "empty",
    "   ": "empty",
    "x" * 41: "40 characters",
    "RNN,LSTM": "','",
    "a/b": "'/'",
    "a\\b": "'\\\\'",
    "red\x1b[31m": "control",
    "tab\tname": "control",
    "two\nlines": "control",
    "nul\x00": "control",
    "c1\x9b": "control",
    "G\u200bRU": "invisible",
    "\u202eevil": "invisible",
    "soft\u00adhyphen": "invisible",
    "line\u2028sep": "control",
    "lone\ud800": "surrogate",
}
LOOK_ALIKES = [("RNN", "ＲＮＮ"), ("LSTM", "LSTM "), ("GRU", "gru"), ("LSTM", "ｌｓｔｍ"),
               ("RNN", "\u00a0RNN"), ("Straße", "STRASSE"), ("ﬁlter", "filter"), ("RNN", "ᴿNN")]


def rules():
    from plugin_host import names as module

    return module


@pytest.mark.timeout(20, method="signal")
@pytest.mark.parametrize("name", list(BAD_NAMES), ids=[repr(n)[:20] for n in BAD_NAMES])
def test_a_bad_name_is_refused_naming_the_rule(name):
    module = rules()
    problem = module.name_problem(name)
    assert problem is not None and BAD_NAMES[name] in problem, problem
    with pytest.raises(module.BadNameError, match="name"):
        module.normalise_name(name)


@pytest.mark.timeout(20, method="signal")
@pytest.mark.parametrize(("first", "second"), LOOK_ALIKES)
def test_look_alikes_share_one_key(first, second):
    module = rules()
    assert module.name_key(first) == module.name_key(second)


@pytest.mark.timeout(20, method="signal")
@pytest.mark.parametrize("name", ["RNN", "Peephole LSTM", "minGRU", "LSTM (no forget)", "ünïcødé 셀",
                                  "x" * 40])
def test_good_names_pass_unchanged(name):
    assert rules().normalise_name(name) == name


@given(st.text())
@example("\u202e")
@example(" \u0301a ")
@example("\x1fRNN")
def test_any_string_gives_a_valid_name_or_the_one_error(text):
    module = rules()
    try:
        name = module.normalise_name(text)
    except module.BadNameError as error:
        assert module.name_problem(text) is not None and str(error)
        return
    assert module.name_problem(name) is None
    assert module.normalise_name(name) == name  # idempotent
    assert unicodedata.is_normalized("NFKC", name) and name == name.strip()
    assert 0 < len(name) <= module.MAX_NAME_LENGTH


@given(st.text())
def test_the_key_is_idempotent(text):
    module = rules()
    assert module.name_key(module.name_key(text)) == module.name_key(text)


@given(st.text(max_size=12))
@example("ß")
@example("ﬁ")
def test_names_that_look_the_same_collide(text):
    module = rules()
    look_alikes = [unicodedata.normalize("NFKC", text).casefold(), unicodedata.normalize("NFKD", text),
                   text.casefold(), f" {text}\u3000"]
    assert {module.name_key(v) for v in look_alikes} == {module.name_key(text)}


@given(st.text())
def test_escaped_text_has_no_control_characters(text):
    module = rules()
    one_line = module.escape_for_terminal(text)
    unsafe = ("Cc", "Cf", "Cs", "Zl", "Zp")
    assert not any(unicodedata.category(c) in unsafe for c in one_line)
    kept = module.escape_for_terminal(text, keep_lines=True)
    assert not any(unicodedata.category(c) in unsafe and c not in "\n\t" for c in kept)


@pytest.mark.timeout(20, method="signal")
def test_escapes_are_visible():
    module = rules()
    assert module.escape_for_terminal("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert module.escape_for_terminal("\x9b\u202e\u200b") == "\\x9b\\u202e\\u200b"
    assert module.escape_for_terminal("one\ntwo\tx") == "one\\ntwo\\tx"
    assert module.escape_for_terminal("one\ntwo\tx", keep_lines=True) == "one\ntwo\tx"
    assert module.escape_for_terminal("plain ✓ 셀 ünï") == "plain ✓ 셀 ünï"


@pytest.mark.timeout(20, method="signal")
@pytest.mark.parametrize("cells", [("RNN", "rnn"), ("LSTM", "ＬＳＴＭ"), ("GRU", "GRU "),
                                   ("RNN", "\u00a0RNN")])
def test_a_cell_listed_twice_after_normalisation_is_refused(cells):
    with pytest.raises(ValueError, match="a cell is listed twice"):
        RunSpec(cells=cells)


@pytest.mark.timeout(20, method="signal")
@pytest.mark.parametrize("cell", ["G\u200bRU", "a,b", "bad\x1b", "x" * 41, "\u202eRNN"])
def test_a_bad_cell_name_is_refused_by_the_spec(cell):
    with pytest.raises(ValueError, match="cell name"):
        RunSpec(cells=("RNN", cell))


@given(st.lists(st.text(max_size=8), max_size=4))
def test_the_spec_gives_a_valid_spec_or_the_one_error(cells):
    try:
        spec = RunSpec(cells=tuple(cells))
    except ValueError as error:
        assert str(error)
        return
    module = rules()
    keys = [module.name_key(c) for c in spec.cells]
    assert len(set(keys)) == len(keys) and all(module.name_problem(c) is None for c in spec.cells)


def test_columns_line_up_for_long_and_wide_names():
    from plugin_host.names import display_width, padded

    assert display_width("GRU") == 3 and display_width("게이트") == 6 and display_width("é") == 1
    names = ["RNN", "A very long plugin cell name (v2)", "망각 게이트 셀"]
    width = max(display_width(n) for n in names)
    assert {display_width(padded(n, width)) for n in names} == {width}


def test_the_cells_command_keeps_its_columns_with_a_long_name(tmp_path):
    from cli_runner import gatelab
    from plugin_corpus import GOOD_CELL

    long_name = "A rather long cell name for the columns"
    source = GOOD_CELL.read_text().replace('name = "Leaky"', f'name = "{long_name}"')
    (tmp_path / "long.py").write_text(source)
    lines = [line for line in gatelab("cells", "--plugins", str(tmp_path)).stdout.splitlines()
             if "parameters  " in line]
    assert any(long_name in line for line in lines) and len(lines) >= 4
    assert len({line.index(" parameters") for line in lines}) == 1  # one column for every count
