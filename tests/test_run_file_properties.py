"""Property tests (Hypothesis): run-file loading, ``RunSpec.from_dict`` and
names in run files give a valid object or the one documented error."""

from __future__ import annotations

import dataclasses
import json
import shutil

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from run_folders import recorded_run, saved_run

from plugin_host.names import name_key, name_problem
from training.recorder import RunFileError, RunRecorder
from training.run_archive import load_run, save_archive
from training.spec import _TYPE_CHECKS, RunSpec

FILES = ("summary.json", "metrics.csv", "gradients.npz")
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)
quick = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(file=st.sampled_from(FILES), cut=st.floats(0, 1), flips=st.lists(st.tuples(st.floats(0, 1),
       st.integers(1, 255)), max_size=4))
@quick
def test_truncated_or_flipped_files_load_or_are_refused(tmp_path_factory, file, cut, flips):
    folder = saved_run(tmp_path_factory.mktemp("run"))
    data = bytearray((folder / file).read_bytes())
    for where, mask in flips:
        data[int(where * (len(data) - 1))] ^= mask
    (folder / file).write_bytes(bytes(data[:max(1, int(cut * len(data)) if cut < 1 else len(data))]))
    try:
        RunRecorder.load(folder)
    except RunFileError:
        pass
    shutil.rmtree(folder)


@given(cut=st.floats(0, 1), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(1, 255)), max_size=4))
@quick
def test_truncated_or_flipped_gatelab_files_load_or_are_refused(tmp_path_factory, cut, flips):
    folder = tmp_path_factory.mktemp("archive")
    archive = save_archive(recorded_run(), folder / "run.gatelab")
    data = bytearray(archive.read_bytes())
    for where, mask in flips:
        data[int(where * (len(data) - 1))] ^= mask
    archive.write_bytes(bytes(data[:max(1, int(cut * len(data)) if cut < 1 else len(data))]))
    try:
        load_run(archive)
    except RunFileError as error:
        assert str(error).startswith("run.gatelab in ")
    shutil.rmtree(folder)


def json_paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from json_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from json_paths(item, (*path, index))


SUMMARY = recorded_run().summary()
SUMMARY_PATHS = [p for p in json_paths(SUMMARY) if p]


@given(path=st.sampled_from(SUMMARY_PATHS), value=json_values, depth=st.integers(0, 3000))
@quick
def test_summary_values_replaced_by_any_json_load_or_are_refused(tmp_path_factory, path, value, depth):
    folder = saved_run(tmp_path_factory.mktemp("run"))
    summary = json.loads((folder / "summary.json").read_text())
    target = summary
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    text = json.dumps(summary, allow_nan=True)
    (folder / "summary.json").write_text("[" * depth + text + "]" * depth)
    try:
        RunRecorder.load(folder)
    except RunFileError:
        pass
    shutil.rmtree(folder)


spec_fields = [f.name for f in dataclasses.fields(RunSpec)]


@given(data=st.dictionaries(st.sampled_from(spec_fields) | st.text(max_size=6), json_values, max_size=6)
       | json_values)
@settings(max_examples=300, deadline=None)
def test_run_spec_from_dict_gives_a_spec_or_value_error(data):
    try:
        assert isinstance(RunSpec.from_dict(data), RunSpec)
    except ValueError:
        pass


def test_every_spec_annotation_has_a_type_check():
    assert {f.type for f in dataclasses.fields(RunSpec)} <= set(_TYPE_CHECKS)


names = st.text(min_size=1, max_size=12)
# Cell names a RunSpec accepts (the name rules); the escaping must keep every one apart.
cell_names = names.filter(lambda name: name_problem(name) is None)


@given(cells=st.lists(cell_names, min_size=1, max_size=3, unique_by=name_key),
       states=st.lists(names, min_size=1, max_size=3, unique=True))
@quick
def test_any_names_round_trip_without_collision(tmp_path_factory, cells, states):
    states = ("h", *(s for s in states if s not in ("h", "x")))
    recorder = recorded_run(cells=tuple(cells), steps=3, states=states)
    folder = tmp_path_factory.mktemp("run")
    recorder.save(folder)
    loaded = RunRecorder.load(folder)
    assert list(loaded.cells) == cells
    for name, history in recorder.cells.items():
        other = loaded.cells[name]
        assert [r["cell"] for r in other.metrics.items] == [name] * 3
        for key in (*states, "x"):
            np.testing.assert_array_equal(other.gradient_matrix(key)[1], history.gradient_matrix(key)[1])
        assert set(other.latest.gradients) == set(history.latest.gradients)
    shutil.rmtree(folder)
