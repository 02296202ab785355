"""``.gatelab`` files: a saved run folder as one zip, for lecturers to hand around.

Why a zip of the folder and not a format of its own: the folder stays the one
definition of a saved run (``summary.json``, ``metrics.csv``,
``gradients.npz``), and an archive is read by unpacking exactly those three
members into a private temporary folder and handing it to the folder reader
(``RunRecorder.load``), so there is one parser and one set of checks.

A ``.gatelab`` may come from anyone (a download, an e-mail), so unpacking
trusts nothing: the archive's size, its member count and each member's
declared size are checked before a byte is decompressed (a small file cannot
ask for gigabytes), the bytes written are counted against the same limits, a
member name that reaches out of the archive (``..``, an absolute path) refuses
the whole file, and member names never become paths (the three files are
written under their own names). Every problem is one ``RunFileError`` naming
the archive, and the member when it is one of the run's files.
"""

from __future__ import annotations

import tempfile
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from .npz_files import NPZ_BYTES
from .recorder import RunRecorder
from .run_files import METRICS_BYTES, SUMMARY_BYTES, RunFileError, check_regular_file, write_atomically

ARCHIVE_SUFFIX = ".gatelab"
# The run's files and the most each may unpack to (the folder reader's own limits).
MEMBER_LIMITS = {"summary.json": SUMMARY_BYTES, "metrics.csv": METRICS_BYTES, "gradients.npz": NPZ_BYTES}
ARCHIVE_BYTES = sum(MEMBER_LIMITS.values()) + 2**20  # the run's files, stored, plus zip headers
MAX_MEMBERS = 64  # the three files, a folder entry, figures a CLI run writes beside them …
CHUNK = 2**20

__all__ = ["ARCHIVE_SUFFIX", "is_archive", "load_run", "pack_folder", "save_archive"]


def is_archive(path: Path) -> bool:
    """Whether ``path`` names a ``.gatelab`` file (by its suffix, any case)."""
    return path.suffix.lower() == ARCHIVE_SUFFIX


def load_run(path: Path) -> RunRecorder:
    """A saved run from a folder, from its ``summary.json``, or from a
    ``.gatelab`` file; raises ``RunFileError`` (a ValueError) in words."""
    if path.name == "summary.json" and path.is_file():
        return RunRecorder.load(path.parent)
    if (is_archive(path) or path.is_file()) and not path.is_dir():
        return _load_archive(path)
    return RunRecorder.load(path)


def save_archive(recorder: RunRecorder, path: Path, complete: bool = True) -> Path:
    """Write ``recorder`` as one ``.gatelab`` file (whole or not at all)."""
    with tempfile.TemporaryDirectory(prefix="gatelab-save-") as folder:
        recorder.save(Path(folder), complete=complete)
        return _zip_folder(Path(folder), path)


def pack_folder(folder: Path, path: Path) -> Path:
    """Pack a run folder into ``path`` byte for byte, after checking that it
    opens (a ``.gatelab`` of a damaged folder would only pass the problem on)."""
    RunRecorder.load(folder)
    return _zip_folder(folder, path)


def _zip_folder(folder: Path, path: Path) -> Path:
    """The run's three files at the top of a zip; the npz is stored as it is
    (it is compressed already), the text files deflated."""
    def write(file) -> None:
        with zipfile.ZipFile(file, "w", allowZip64=True) as archive:
            for name in MEMBER_LIMITS:
                compression = zipfile.ZIP_STORED if name.endswith(".npz") else zipfile.ZIP_DEFLATED
                archive.write(folder / name, name, compress_type=compression)

    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(path, write)


def _load_archive(path: Path) -> RunRecorder:
    check_regular_file(path, ARCHIVE_BYTES)
    with tempfile.TemporaryDirectory(prefix="gatelab-open-") as folder:
        try:
            with zipfile.ZipFile(path) as archive:
                for name, member in _run_members(path, archive).items():
                    _unpack(path, archive, member, Path(folder) / name)
        except RunFileError:
            raise
        except (OSError, EOFError, ValueError, RuntimeError, NotImplementedError, zipfile.BadZipFile,
                zlib.error) as error:  # RuntimeError: an encrypted member
            raise RunFileError(path, f"is not a readable {ARCHIVE_SUFFIX} archive ({error})") from error
        try:
            return RunRecorder.load(Path(folder))
        except RunFileError as error:  # name the archive and the member, never the temporary folder
            raise RunFileError(path, f"{error.path.name}: {error.problem}") from error


def _run_members(path: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The run's files in ``archive``, at its top or in one folder (a zipped
    run folder), each within its limit; anything else is left packed."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise RunFileError(path, f"holds {len(members):,} entries; a run has {len(MEMBER_LIMITS)} files")
    found: dict[str, zipfile.ZipInfo] = {}
    for member in members:
        name = PurePosixPath(member.filename)
        if member.filename.startswith(("/", "\\")) or "\\" in member.filename or ".." in name.parts \
                or ":" in member.filename:
            raise RunFileError(path, f"entry {member.filename!r:.80} points outside the archive")
        if member.is_dir() or name.name not in MEMBER_LIMITS or len(name.parts) > 2:
            continue
        if name.name in found:
            twice = PurePosixPath(found[name.name].filename).parent == name.parent
            raise RunFileError(path, f"holds {name.name} twice" if twice
                               else "holds the files of more than one run")
        limit = MEMBER_LIMITS[name.name]
        if member.file_size > limit:
            raise RunFileError(path, f"{name.name} unpacks to {member.file_size:,} bytes; "
                                     f"at most {limit:,} are read")
        found[name.name] = member
    if len({PurePosixPath(member.filename).parent for member in found.values()}) > 1:
        raise RunFileError(path, "holds the files of more than one run")
    missing = [name for name in MEMBER_LIMITS if name not in found]
    if missing:
        raise RunFileError(path, f"is not a GateLab run: {', '.join(missing)} missing")
    return found


def _unpack(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path) -> None:
    """Copy one member out, counting: a member that unpacks to more than it
    declared (a lying header) is refused at its declared size."""
    written = 0
    with archive.open(member) as source, open(target, "wb") as sink:
        while chunk := source.read(CHUNK):
            written += len(chunk)
            if written > member.file_size:
                raise RunFileError(path, f"{target.name} unpacks to more than it declares")
            sink.write(chunk)

