"""Issue 8, class 7: a corpus of damaged and odd run folders.

Every damaged folder is refused with one ``ValueError`` (``RunFileError``)
that names the file, never another exception, and nothing is allocated
beyond a bound while finding out; folders GateLab or its older versions
could have written open.
"""

from __future__ import annotations

import io
import json
import os
import threading
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pytest
from run_folders import saved_run, write_old_format_run

from training.recorder import RunFileError, RunRecorder
from training.run_archive import load_run, pack_folder

PEAK_BYTES = 32 * 2**20  # what loading the small corpus folders may allocate at most


# ---- ways to damage a folder ----------------------------------------------------
def edit_summary(change):
    def damage(folder: Path) -> None:
        summary = json.loads((folder / "summary.json").read_text())
        change(summary)
        (folder / "summary.json").write_text(json.dumps(summary))
    return damage


def write(name: str, data: bytes | str):
    def damage(folder: Path) -> None:
        path = folder / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return damage


def remove(name: str):
    return lambda folder: (folder / name).unlink()


def grow(name: str, size: int):
    """A sparse file of ``size`` bytes: big on paper, cheap on disk."""
    def damage(folder: Path) -> None:
        with open(folder / name, "r+b") as file:
            file.truncate(size)
    return damage


def edit_csv(change):
    def damage(folder: Path) -> None:
        lines = (folder / "metrics.csv").read_text().splitlines()
        (folder / "metrics.csv").write_text("\n".join(change(lines)) + "\n")
    return damage


def replace_member(key: str, data: bytes):
    """Put ``data`` as the npz member of ``key`` (stored compressed)."""
    def damage(folder: Path) -> None:
        path = folder / "gradients.npz"
        with zipfile.ZipFile(path) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        members[f"{key}.npy"] = data
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in members.items():
                archive.writestr(name, content)
    return damage


def npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, allow_pickle=True)
    return buffer.getvalue()


def npy_header(shape: tuple[int, ...], descr: str = "<f8") -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, {"descr": descr, "fortran_order": False,
                                                  "shape": shape})
    return buffer.getvalue() + bytes(64)


def flip_compressed_bytes(folder: Path) -> None:
    path = folder / "gradients.npz"
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("LSTM.npy")
    start = info.header_offset + 30 + len(info.filename) + 8
    for offset in range(start, start + 16):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def truncate(name: str, fraction: float):
    def damage(folder: Path) -> None:
        data = (folder / name).read_bytes()
        (folder / name).write_bytes(data[:int(len(data) * fraction)])
    return damage


def fifo_summary(folder: Path) -> None:
    (folder / "summary.json").unlink()
    os.mkfifo(folder / "summary.json")


def directory_summary(folder: Path) -> None:
    (folder / "summary.json").unlink()
    (folder / "summary.json").mkdir()


def cell_without_data(summary: dict) -> None:
    summary["cells"]["Ghost"] = dict(summary["cells"]["GRU"])
    summary["spec"]["cells"].append("Ghost")


def set_in(*path_and_value):
    *path, value = path_and_value

    def change(summary: dict) -> None:
        target = summary
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


REFUSED = {
    # summary.json
    "summary missing": ("summary.json", remove("summary.json")),
    "summary empty": ("summary.json", write("summary.json", "")),
    "summary not JSON": ("summary.json", write("summary.json", "{\"spec\": ")),
    "summary nested 100000 deep": ("summary.json", write("summary.json", "[" * 100_000 + "]" * 100_000)),
    "summary a list": ("summary.json", write("summary.json", "[1, 2]")),
    "summary a number": ("summary.json", write("summary.json", "12")),
    "spec a list": ("summary.json", edit_summary(set_in("spec", [1]))),
    "cells a list": ("summary.json", edit_summary(set_in("cells", ["LSTM"]))),
    "cell entry a string": ("summary.json", edit_summary(set_in("cells", "LSTM", "oops"))),
    "cell steps a string": ("summary.json", edit_summary(set_in("cells", "LSTM", "steps", "5"))),
    "cell parameters NaN": ("summary.json",
                            edit_summary(set_in("cells", "LSTM", "parameters", float("nan")))),
    "steps per second inf": ("summary.json",
                             edit_summary(set_in("cells", "LSTM", "steps_per_second", float("inf")))),
    "cell status a number": ("summary.json", edit_summary(set_in("cells", "LSTM", "status", 3))),
    "cell stride zero": ("summary.json", edit_summary(set_in("cells", "LSTM", "metrics_stride", 0))),
    "cell steps 5000 digits": ("summary.json", lambda f: (f / "summary.json").write_text(
        (f / "summary.json").read_text().replace('"steps": 5,', '"steps": ' + "9" * 5000 + ",", 1))),
    "unknown spec field": ("summary.json", edit_summary(set_in("spec", "colour", "red"))),
    "spec length a string": ("summary.json", edit_summary(set_in("spec", "length", "100"))),
    "spec cells a string": ("summary.json", edit_summary(set_in("spec", "cells", "LSTM"))),
    "spec seed a float": ("summary.json", edit_summary(set_in("spec", "seed", 1.5))),
    "spec lr a bool": ("summary.json", edit_summary(set_in("spec", "lr", True))),
    "spec steps 10**12": ("summary.json", edit_summary(set_in("spec", "steps", 10**12))),
    "spec length 10**6": ("summary.json", edit_summary(set_in("spec", "length", 10**6))),
    "spec seed 2**70": ("summary.json", edit_summary(set_in("spec", "seed", 2**70))),
    "spec unknown task": ("summary.json", edit_summary(set_in("spec", "task", "juggling"))),
    "spec task option a list": ("summary.json", edit_summary(set_in("spec", "task_options", {"x": [1]}))),
    "spec task_options a list": ("summary.json", edit_summary(set_in("spec", "task_options", [1]))),
    "cell in summary without data": ("summary.json", edit_summary(cell_without_data)),
    "cells differ from spec": ("summary.json", edit_summary(set_in("spec", "cells", ["LSTM"]))),
    "complete a string": ("summary.json", edit_summary(set_in("complete", "yes"))),
    "summary over 1 MiB": ("summary.json", edit_summary(set_in("cells", "LSTM", "message", "x" * 2**21))),
    "summary a pipe": ("summary.json", fifo_summary),
    "summary a folder": ("summary.json", directory_summary),
    "summary invalid UTF-8": ("summary.json", write("summary.json", b"{\"a\": \"\xff\xfe\"}")),
    # metrics.csv
    "metrics missing": ("metrics.csv", remove("metrics.csv")),
    "metrics wrong header": ("metrics.csv", edit_csv(lambda lines: ["a,b,c", *lines[1:]])),
    "metrics step not a number": ("metrics.csv", edit_csv(lambda lines: [
        lines[0], "x" + lines[1][1:], *lines[2:]])),
    "metrics loss not a number": ("metrics.csv", edit_csv(lambda lines: [
        *lines, "6,LSTM,abc,0.5,1.0,0.01,0.2,done"])),
    "metrics steps not increasing": ("metrics.csv", edit_csv(lambda lines: [
        *lines, "1,LSTM,0.5,0.5,1.0,0.01,0.2,done"])),
    "metrics unknown cell": ("metrics.csv", edit_csv(lambda lines: [
        *lines, "6,Nobody,0.5,0.5,1.0,0.01,0.2,done"])),
    "metrics seconds inf": ("metrics.csv", edit_csv(lambda lines: [
        *lines, "6,LSTM,0.5,0.5,1.0,inf,done"])),
    "metrics short row": ("metrics.csv", edit_csv(lambda lines: [*lines, "6,LSTM"])),
    "metrics more rows than capacity": ("metrics.csv", edit_csv(lambda lines: [
        lines[0], *(f"{s},LSTM,0.5,0.5,1.0,0.01,0.2,done" for s in range(1, 2102))])),
    "metrics over 64 MiB": ("metrics.csv", grow("metrics.csv", 65 * 2**20)),
    "metrics invalid UTF-8": ("metrics.csv", write("metrics.csv", b"step,cell\n\xff\xfe\n")),
    # gradients.npz
    "gradients missing": ("gradients.npz", remove("gradients.npz")),
    "gradients garbage": ("gradients.npz", write("gradients.npz", b"\x00garbage{")),
    "gradients truncated": ("gradients.npz", truncate("gradients.npz", 0.6)),
    "gradients bad compression": ("gradients.npz", flip_compressed_bytes),
    "gradients object array": ("gradients.npz", replace_member("LSTM", npy(np.array([{}, None]))),),
    "gradients string array": ("gradients.npz", replace_member("LSTM", npy(np.array(["a", "b"]))),),
    "gradients header 10**12 long": ("gradients.npz", replace_member("LSTM", npy_header((10**12,)))),
    "gradients header 200 MB": ("gradients.npz", replace_member("LSTM", npy_header((5000, 5000)))),
    "gradients header garbage": ("gradients.npz", replace_member("LSTM", b"\x93NUMPY\x01\x00{{{{")),
    "gradients not npy": ("gradients.npz", replace_member("LSTM", b"hello")),
    "gradients zip bomb": ("gradients.npz", replace_member("LSTM", npy(np.zeros((500, 20_000))))),
    "gradients rows over capacity": ("gradients.npz", replace_member("LSTM", npy(np.ones((501, 4))))),
    "gradients more rows than steps": ("gradients.npz", replace_member("LSTM", npy(np.ones((7, 4))))),
    "gradients matrix 1-D": ("gradients.npz", replace_member("LSTM", npy(np.ones(4)))),
    "gradients steps not increasing": ("gradients.npz",
                                       replace_member("LSTM/steps", npy(np.array([1, 3, 2, 4, 5])))),
    "gradients steps floats": ("gradients.npz", replace_member("LSTM/steps", npy(np.ones(5) / 3))),
    "gradients over 256 MiB": ("gradients.npz", grow("gradients.npz", 257 * 2**20)),
    "folder is a file": ("", lambda folder: None),
}


def old_format(folder: Path) -> None:
    for name in ("summary.json", "metrics.csv", "gradients.npz"):
        (folder / name).unlink()
    write_old_format_run(folder)


def stopped_cell_without_steps(folder: Path) -> None:
    edit_summary(set_in("cells", "Ghost", {"parameters": 0, "final_loss": None, "final_metric": None,
                                           "steps": 0, "steps_per_second": 0.0, "status": "error",
                                           "message": "constructor raised"}))(folder)
    edit_summary(lambda summary: summary["spec"]["cells"].append("Ghost"))(folder)


OPENED = {
    "old format (raw keys, no strides)": old_format,
    "a cell that failed before its first step": stopped_cell_without_steps,
    "diverged cell: NaN loss": edit_csv(lambda lines: [*lines, "6,LSTM,nan,nan,inf,0.01,0.2,diverged"]),
    "negative numbers stay numbers": edit_csv(lambda lines: [*lines, "6,LSTM,-0.5,-1e-3,1.0,0.01,0.2,done"]),
    "a CLI run longer than the window's T": edit_summary(set_in("spec", "length", 5000)),
    "a seed beyond the window's range": edit_summary(set_in("spec", "seed", 2**62)),
    "a partial (checkpointed) run": edit_summary(set_in("complete", False)),
}


def load_measuring(folder: Path) -> tuple[object, int]:
    """Load ``folder``; the outcome (a recorder or the error) and the peak allocation."""
    tracemalloc.start()
    try:
        outcome = RunRecorder.load(folder)
    except Exception as error:  # noqa: BLE001 (the test inspects what escaped)
        outcome = error
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return outcome, peak


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_damaged_folder_is_refused_naming_the_file(tmp_path, case):
    file_name, damage = REFUSED[case]
    folder = saved_run(tmp_path / "run")
    if case == "folder is a file":
        folder = folder / "metrics.csv"
    damage(folder)
    unblocker = _unblock_pipe(folder / "summary.json") if case == "summary a pipe" else None
    outcome, peak = load_measuring(folder)
    if unblocker is not None:
        assert not unblocker(), "loading opened a named pipe and waited on it"
    assert isinstance(outcome, ValueError), f"{type(outcome).__name__}: {outcome}"
    assert file_name in str(outcome)
    assert peak < PEAK_BYTES, f"allocated {peak / 2**20:.0f} MiB"


@pytest.mark.parametrize("case", OPENED, ids=list(OPENED))
def test_folders_gatelab_could_have_written_open(tmp_path, case):
    folder = saved_run(tmp_path / "run")
    OPENED[case](folder)
    outcome, _ = load_measuring(folder)
    assert isinstance(outcome, RunRecorder), f"{type(outcome).__name__}: {outcome}"
    assert outcome.complete is (case != "a partial (checkpointed) run")


def _unblock_pipe(path: Path):
    """Feed a named pipe from a thread, so that a loader that waits on it
    does not hang the test; the returned check says whether it was opened."""
    opened = threading.Event()

    def feed() -> None:
        with open(path, "wb"):
            opened.set()

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()

    def was_opened() -> bool:
        if opened.wait(timeout=0.2):
            return True
        reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # releases the feeder
        thread.join(timeout=5)
        os.close(reader)
        return False

    return was_opened


# ---- .gatelab archives -------------------------------------------------------------
def zipped(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED):
    """An archive of ``members`` (name → bytes), written as given."""
    def build(path: Path) -> None:
        with zipfile.ZipFile(path, "w", compression) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
    return build


def run_members(folder: Path, prefix: str = "") -> dict[str, bytes]:
    return {prefix + name: (folder / name).read_bytes()
            for name in ("summary.json", "metrics.csv", "gradients.npz")}


def with_members(change):
    """An archive of a good run's files after ``change(members)``."""
    return lambda folder: zipped(change(run_members(folder)))


def patched_headers(folder: Path, member: str, local: int, central: int, value: bytes):
    """An archive of a good run whose ``member`` has ``value`` at byte ``local``
    of its local header and ``central`` of its central-directory entry."""
    def build(path: Path) -> None:
        zipped(run_members(folder))(path)
        data = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as archive:
            offset = archive.getinfo(member).header_offset
        entry = data.find(b"PK\x01\x02")
        while data[entry + 46:entry + 46 + len(member)] != member.encode():
            entry = data.find(b"PK\x01\x02", entry + 4)
        data[offset + local:offset + local + len(value)] = value
        data[entry + central:entry + central + len(value)] = value
        path.write_bytes(bytes(data))
    return build


def lying_size(folder: Path):
    """summary.json declares 10 bytes but holds more."""
    return patched_headers(folder, "summary.json", 22, 24, (10).to_bytes(4, "little"))


def encrypted(folder: Path):
    """metrics.csv marked encrypted (a password would be needed)."""
    return patched_headers(folder, "metrics.csv", 6, 8, (1).to_bytes(2, "little"))


def raw(data: bytes):
    return lambda folder: lambda path: path.write_bytes(data)


def cut_archive(fraction: float):
    def make(folder: Path):
        def build(path: Path) -> None:
            zipped(run_members(folder))(path)
            data = path.read_bytes()
            path.write_bytes(data[:int(len(data) * fraction)])
        return build
    return make


def sparse_archive(size: int):
    def make(folder: Path):
        def build(path: Path) -> None:
            zipped(run_members(folder))(path)
            with open(path, "r+b") as file:
                file.truncate(size)
        return build
    return make


ARCHIVES_REFUSED = {
    # case: (words the message holds, how the archive is made from a good run folder)
    "not a zip": ("not a readable .gatelab archive", raw(b"hello, not a zip")),
    "empty file": ("not a readable .gatelab archive", raw(b"")),
    "truncated": ("not a readable .gatelab archive", cut_archive(0.5)),
    "path traversal": ("points outside the archive",
                       with_members(lambda m: {**m, "../../evil.sh": b"rm -rf ~"})),
    "absolute path": ("points outside the archive",
                      with_members(lambda m: {**m, "/etc/summary.json": b"{}"})),
    "backslash path": ("points outside the archive",
                       with_members(lambda m: {**m, "..\\..\\evil.bat": b"del"})),
    "gradients missing": ("gradients.npz missing",
                          with_members(lambda m: {k: v for k, v in m.items() if k != "gradients.npz"})),
    "no run at all": ("summary.json, metrics.csv, gradients.npz missing",
                      with_members(lambda m: {"a.txt": b""})),
    "summary zip bomb": ("summary.json unpacks to",
                         with_members(lambda m: {**m, "summary.json": bytes(3 * 2**20)})),
    "lying declared size": ("not a readable .gatelab archive", lying_size),
    "summary twice": ("holds summary.json twice", lambda folder: zipped(
        {**run_members(folder), "./summary.json": b"{}"})),
    "two runs": ("more than one run", lambda folder: zipped({**run_members(folder, "a/"),
                                                            **run_members(folder, "b/")})),
    "encrypted": ("not a readable .gatelab archive", encrypted),
    "too many entries": ("entries", with_members(lambda m: {**m, **{f"x{i}": b"" for i in range(100)}})),
    "archive over its limit": ("at most", sparse_archive(400 * 2**20)),
    "damaged summary inside": ("summary.json: is not JSON",
                               with_members(lambda m: {**m, "summary.json": b"{\"spec\": "})),
    "damaged npz inside": ("gradients.npz: not a readable npz archive",
                           with_members(lambda m: {**m, "gradients.npz": b"\x00garbage"})),
}
ARCHIVES_OPENED = {
    "packed by GateLab": lambda folder: lambda path: pack_folder(folder, path),
    "a zipped run folder (one top folder)": lambda folder: zipped(run_members(folder, "lecture-3/")),
    "figures beside the files": with_members(lambda m: {**m, "gradients.png": b"\x89PNG", "notes/": b""}),
    "everything stored": lambda folder: zipped(run_members(folder), zipfile.ZIP_STORED),
}


@pytest.mark.parametrize("case", ARCHIVES_REFUSED, ids=list(ARCHIVES_REFUSED))
def test_a_bad_gatelab_file_is_refused_in_one_message_naming_it(tmp_path, case):
    words, make = ARCHIVES_REFUSED[case]
    folder = saved_run(tmp_path / "run")
    archive = tmp_path / "lecture.gatelab"
    make(folder)(archive)
    before = sorted(p.name for p in tmp_path.iterdir())
    tracemalloc.start()
    try:
        load_run(archive)
    except Exception as error:  # noqa: BLE001 (the test inspects what escaped)
        outcome = error
    else:
        outcome = None
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert isinstance(outcome, RunFileError), f"{type(outcome).__name__}: {outcome}"
    assert str(outcome).startswith("lecture.gatelab in ") and words in str(outcome), str(outcome)
    assert "\n" not in str(outcome)
    assert peak < PEAK_BYTES, f"allocated {peak / 2**20:.0f} MiB"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing unpacked beside it
    assert not (tmp_path.parent / "evil.sh").exists()


@pytest.mark.parametrize("case", ARCHIVES_OPENED, ids=list(ARCHIVES_OPENED))
def test_gatelab_files_as_people_make_them_open(tmp_path, case):
    folder = saved_run(tmp_path / "run")
    archive = tmp_path / "lecture.gatelab"
    ARCHIVES_OPENED[case](folder)(archive)
    opened, original = load_run(archive), RunRecorder.load(folder)
    assert opened.summary() == original.summary()
    assert opened.metrics_csv() == original.metrics_csv()
    assert opened.gradient_arrays().keys() == original.gradient_arrays().keys()
