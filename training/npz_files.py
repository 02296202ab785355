"""``gradients.npz``: written without pickle, read within limits, keyed safely.

An npz is a zip of ``KEY.npy`` members. Reading trusts nothing: the archive's
size, the member count, each member's declared size and its ``.npy`` header
(shape × itemsize, a plain numeric dtype) are checked before anything is
decompressed, so a tiny file cannot ask for gigabytes (a zip bomb) and a
bad header cannot allocate an impossible array. Keys are cell and state
names percent-escaped (``escape_key``), so no name can reach into another
series or out of its member name.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, unquote

import numpy as np

from .run_files import RunFileError, check_regular_file

NPZ_BYTES = 256 * 2**20      # the archive on disk
ARRAY_BYTES = 64 * 2**20     # one array, uncompressed
ARRAYS_BYTES = 256 * 2**20   # all arrays together, uncompressed
MAX_MEMBERS = 10_000
HEADER_BYTES = 2**16         # a .npy header larger than this is not one numpy writes
NUMERIC_KINDS = "biuf"       # bool, int, unsigned, float: nothing that unpickles or nests
RESERVED = ("steps",)        # names of their own in the format; escaped when a name equals one


def escape_key(name: str) -> str:
    """A name as one npz key component: UTF-8 percent-escaped except letters,
    digits and ``_.-~@``, so it never holds ``/``; a name equal to a reserved
    word has its first character escaped too ("steps" → "%73teps")."""
    key = quote(name, safe="@", errors="surrogatepass")
    return f"%{ord(key[0]):02X}{key[1:]}" if key in RESERVED else key


def unescape_key(key: str) -> str:
    return unquote(key, errors="surrogatepass")


def write_npz(file: BinaryIO, arrays: dict[str, np.ndarray]) -> None:
    """``np.savez_compressed`` without its keyword arguments, which a key
    such as "file" would collide with."""
    with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        for key, array in arrays.items():
            with archive.open(f"{key}.npy", "w", force_zip64=True) as member:
                np.lib.format.write_array(member, np.asanyarray(array), allow_pickle=False)


def read_npz(path: Path) -> dict[str, np.ndarray]:
    """Every array of ``path``; raises RunFileError, within the limits above."""
    check_regular_file(path, NPZ_BYTES)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_members(path, members)
            return {member.filename[:-4]: _read_member(path, archive, member) for member in members}
    except (OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error, NotImplementedError) as error:
        if isinstance(error, RunFileError):
            raise
        raise RunFileError(path, f"not a readable npz archive ({error})") from error


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise RunFileError(path, f"holds {len(members):,} arrays; at most {MAX_MEMBERS:,} are read")
    total = 0
    for member in members:
        if not member.filename.endswith(".npy"):
            raise RunFileError(path, f"member {member.filename!r:.80} is not a .npy array")
        if member.file_size > ARRAY_BYTES + HEADER_BYTES:
            raise RunFileError(path, f"array {member.filename!r:.80} unpacks to {member.file_size:,} "
                                     f"bytes; at most {ARRAY_BYTES:,} are read")
        total += member.file_size
    if total > ARRAYS_BYTES:
        raise RunFileError(path, f"its arrays unpack to {total:,} bytes; at most {ARRAYS_BYTES:,} are read")


def _read_member(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> np.ndarray:
    """One array: the header first, its size checked against the limits and
    the member's size, then exactly that many bytes."""
    where = f"array {member.filename[:-4]!r:.80}"
    with archive.open(member) as stream:
        version = np.lib.format.read_magic(stream)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(stream, max_header_size=HEADER_BYTES)
        elif version == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(stream, max_header_size=HEADER_BYTES)
        else:
            raise RunFileError(path, f"{where} has an unsupported .npy version {version}")
        if dtype.kind not in NUMERIC_KINDS or dtype.fields is not None or dtype.subdtype is not None:
            raise RunFileError(path, f"{where} is of type {dtype}, not plain numbers")
        count = int(np.prod(shape, dtype=object))
        size = count * dtype.itemsize
        if size > ARRAY_BYTES:
            raise RunFileError(path, f"{where} of shape {shape} needs {size:,} bytes; "
                                     f"at most {ARRAY_BYTES:,} are read")
        if size != member.file_size - stream.tell():
            raise RunFileError(path, f"{where} of shape {shape} does not match its stored size")
        data = stream.read(size)
    if len(data) != size:
        raise RunFileError(path, f"{where} is truncated")
    return np.frombuffer(data, dtype=dtype).reshape(shape, order="F" if fortran else "C").copy()
