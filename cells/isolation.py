"""Importing and validating plugin code in a separate process first.

A plugin file is ordinary Python: importing it may loop forever, call
``sys.exit``, or crash the interpreter (``os.abort``, a segfault in an
extension). ``IsolatedChecker`` imports and validates plugins in a *checker
process* (spawned, so no Qt state is copied), one plugin at a time, with a
time limit on the import and on each cell's validation. A plugin that hangs is
killed and reported; one that crashes the checker is reported with the crash;
the checker is restarted for the rest. Only plugins that pass are later
imported into the calling process (see ``cells.registry``).

The checker stays warm between calls (importing torch takes seconds), so that
re-checking one saved file takes a fraction of a second. Results are cached
by file content, so unchanged plugins are not checked twice.

Messages are plain dicts; no Qt here.
"""

from __future__ import annotations

import atexit
import faulthandler
import hashlib
import inspect
import multiprocessing
import os
import re
import signal
import tempfile
import threading
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from multiprocessing.connection import wait
from pathlib import Path
from types import ModuleType

from .lifeline import exit_with_parent

DEFAULT_IMPORT_TIMEOUT = 5.0   # seconds for importing one plugin
DEFAULT_STEP_TIMEOUT = 5.0     # seconds for validating one cell
START_TIMEOUT = 90.0           # starting the checker (importing torch) on a busy machine
MEMORY_HEADROOM = 6 * 2 ** 30  # address space a plugin may add in the checker (Linux)
CONTEXT = multiprocessing.get_context("spawn")
ENTRY_POINT_GROUP = "gatelab.cells"


@dataclass(frozen=True)
class Job:
    """One plugin to check: a file (``location`` = path) or an entry point
    (``location`` = distribution, ``name`` = entry name, ``value`` = target)."""

    kind: str
    location: str
    name: str = ""
    value: str = ""

    @property
    def label(self) -> str:
        return self.location if self.kind == "file" else f"{self.name} = {self.value}"

    def fingerprint(self) -> str:
        """Changes when the plugin's code may have changed (file content, package version)."""
        if self.kind == "file":
            try:
                return hashlib.sha1(Path(self.location).read_bytes()).hexdigest()
            except OSError:
                return "missing"
        try:
            return metadata.version(self.location)
        except Exception:  # an odd distribution must not break discovery
            return "?"


# ---------------------------------------------------------------------------
# What the checker does for one job (also usable in-process for trusted code)
# ---------------------------------------------------------------------------

def cell_classes_in(module: ModuleType) -> list[type]:
    """Cell subclasses defined in ``module`` (not imported into it), in definition order."""
    from .base import Cell

    found = []
    for value in list(vars(module).values()):
        if (isinstance(value, type) and issubclass(value, Cell) and value is not Cell
                and value.__module__ == module.__name__ and not value.__name__.startswith("_")
                and not getattr(value, "__gatelab_abstract__", False) and not inspect.isabstract(value)):
            found.append(value)
    return found


def class_place(cls: type) -> tuple[str | None, int | None]:
    try:
        file = inspect.getsourcefile(cls)
    except TypeError:
        file = None
    try:
        line = inspect.getsourcelines(cls)[1]
    except (OSError, TypeError):
        line = None
    return file, line


def broken_payload(name: str, error: BaseException, file: str | None) -> dict:
    from .registry import describe_error, error_location

    where, line = error_location(error, file)
    return {"name": name, "status": "broken", "reason": describe_error(error), "file": where,
            "line": line,
            "traceback": "".join(traceback.format_exception(type(error), error, error.__traceback__))}


def class_payload(cls: type, validate: bool, module_name: str) -> dict:
    from .validation import contract_problem, validate_cell

    file, line = class_place(cls)
    name = getattr(cls, "name", "")
    payload = {"name": name if isinstance(name, str) and name.strip() else cls.__name__,
               "class_name": cls.__name__, "module": module_name, "file": file, "line": line,
               "description": str(getattr(cls, "description", "") or "")}
    if validate:
        result = validate_cell(cls)
        payload.update(result.to_dict())
        payload["line"] = result.line or line
    else:
        problem = contract_problem(cls)
        payload.update(status="broken" if problem else "ok", reason=problem or "")
    return payload


def check_job(job: Job, validate: bool = True) -> Iterator[tuple]:
    """Import one plugin and judge its cells; yields ("phase", what, cell) and
    ("record", payload) messages. Never raises for plugin errors."""
    from .registry import import_file

    yield ("phase", "import", "")
    try:
        if job.kind == "file":
            target = import_file(Path(job.location))
        else:
            target = load_entry_point(job)
    except BaseException as error:  # plugin code may raise anything, SystemExit included
        yield ("record", broken_payload(Path(job.location).stem if job.kind == "file" else job.name,
                                        error, job.location if job.kind == "file" else None))
        return
    if isinstance(target, ModuleType):
        classes, module_name = cell_classes_in(target), target.__name__
    else:
        classes, module_name = [target], getattr(target, "__module__", job.value.split(":")[0])
        from .base import Cell
        if not (isinstance(target, type) and issubclass(target, Cell)):
            yield ("record", {"name": job.name, "status": "broken", "file": None, "line": None,
                              "reason": f"the entry point {job.value!r} names neither a Cell subclass "
                                        "nor a module holding some"})
            return
    if not classes:
        yield ("record", {"name": Path(job.location).stem if job.kind == "file" else job.name,
                          "status": "broken", "file": job.location if job.kind == "file" else None,
                          "line": 1, "reason": "no subclass of cells.Cell is defined here"})
        return
    yield ("classes", [cls.__name__ for cls in classes])
    for cls in classes:
        yield ("phase", "validate", cls.__name__)
        yield ("record", class_payload(cls, validate, module_name))


def load_entry_point(job: Job):
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if entry.name == job.name and entry.value == job.value:
            return entry.load()
    raise LookupError(f"entry point {job.name} = {job.value} is no longer installed")


def entry_point_jobs() -> list[Job]:
    jobs = []
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = entry.dist.name if entry.dist else "?"
        jobs.append(Job("entry", dist, entry.name, entry.value))
    return jobs


# ---------------------------------------------------------------------------
# The checker process
# ---------------------------------------------------------------------------

def _limit_memory() -> None:
    """Cap the address space so that a runaway allocation fails instead of swapping."""
    try:
        import resource

        with open("/proc/self/statm") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = current + MEMORY_HEADROOM
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass  # not Linux: rely on the plugin failing by itself


def reset_torch_state(torch) -> None:
    """Undo the process-wide torch settings a plugin may change at import."""
    torch.set_default_dtype(torch.float32)
    torch.set_grad_enabled(True)
    torch.set_num_threads(1)
    torch.set_default_device(None)


def checker_main(connection, stderr_path: str, parent_pid: int) -> None:
    """Entry of the checker process: serve jobs until told to stop."""
    exit_with_parent(parent_pid)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # a plugin's prints must not reach the caller's terminal
    errors = open(stderr_path, "a", buffering=1)  # noqa: SIM115 (lives as long as the process)
    os.dup2(errors.fileno(), 2)
    faulthandler.enable(file=errors)  # a crash leaves its Python traceback here
    import torch

    from . import validation  # noqa: F401 (warm the import)

    torch.set_num_threads(1)
    _limit_memory()
    connection.send(("ready",))
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request[0] == "stop":
            return
        _, job, validate, import_timeout, step_timeout = request
        reset_torch_state(torch)  # what one plugin set must not judge the next
        for message in check_job(job, validate):
            if message[0] == "phase":  # leave a stack trace just before the caller gives up
                limit = import_timeout if message[1] == "import" else step_timeout
                faulthandler.dump_traceback_later(max(0.1, limit - 0.5), file=errors)
            connection.send(message)
        faulthandler.cancel_dump_traceback_later()
        connection.send(("done",))


class CheckerProcess:
    """One running checker process and its pipe."""

    def __init__(self) -> None:
        handle, self.stderr_path = tempfile.mkstemp(prefix="gatelab-checker-", suffix=".log")
        os.close(handle)
        self.connection, child = CONTEXT.Pipe()
        self.process = CONTEXT.Process(target=checker_main, name="gatelab-plugin-checker", daemon=True,
                                       args=(child, self.stderr_path, os.getpid()))
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> str | None:
        """None once the checker is ready, else why it is not."""
        if self.ready:
            return None
        message = self.receive(timeout)
        if isinstance(message, tuple) and message and message[0] == "ready":
            self.ready = True
            return None
        return message if isinstance(message, str) else "the plugin checker did not start"

    def receive(self, timeout: float):
        """The next message, or a string: "timeout" or why the process is gone."""
        ready: list = []
        try:
            ready = wait([self.connection, self.process.sentinel], max(0.0, timeout))
            if self.connection in ready or self.connection.poll():
                return self.connection.recv()
        except (EOFError, OSError):
            pass
        if not ready:
            return "timeout"
        self.process.join(0.5)
        return crash_words(self.process.exitcode)

    def stderr_tail(self, offset: int) -> str:
        try:
            with open(self.stderr_path, errors="replace") as stream:
                stream.seek(offset)
                return stream.read()[-8000:]
        except OSError:
            return ""

    def stderr_size(self) -> int:
        try:
            return os.path.getsize(self.stderr_path)
        except OSError:
            return 0

    def close(self) -> None:
        try:
            if self.process.is_alive() and self.ready:
                self.connection.send(("stop",))
                self.process.join(0.5)
        except (OSError, ValueError):
            pass
        if self.process.is_alive():
            self.process.kill()
            self.process.join(1.0)
        self.connection.close()
        try:
            os.unlink(self.stderr_path)
        except OSError:
            pass


def line_in_dump(dump: str, job: Job) -> int | None:
    """The last line of the plugin's file in a faulthandler dump (where it hung or crashed)."""
    if job.kind != "file":
        return None
    path = str(Path(job.location).resolve())
    lines = re.findall(r'File "(.+?)", line (\d+)', dump)
    own = [int(number) for file, number in lines if file == path]
    return own[0] if own else None  # faulthandler lists the innermost frame first


def crash_words(exitcode: int | None) -> str:
    if exitcode is None:
        return "the plugin checker stopped answering"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"the Python interpreter crashed ({name})"
    return f"the Python interpreter exited (exit code {exitcode}, e.g. os._exit)"


class IsolatedChecker:
    """Checks plugins in a warm checker process; thread-safe; results cached by content."""

    def __init__(self, import_timeout: float = DEFAULT_IMPORT_TIMEOUT,
                 step_timeout: float = DEFAULT_STEP_TIMEOUT, start_timeout: float = START_TIMEOUT):
        self.import_timeout = import_timeout
        self.step_timeout = step_timeout
        self.start_timeout = start_timeout
        self._process: CheckerProcess | None = None
        self._standby: CheckerProcess | None = None  # started after the first plugin that kills one
        self._lock = threading.RLock()
        self._cache: dict[tuple, list[dict]] = {}
        self._cancelled = threading.Event()
        self.restarts = 0  # checker processes started

    def cancel(self) -> None:
        """Abandon a check in progress at once (from any thread, e.g. when the
        window closes): the plugin being checked is killed, the rest skipped."""
        self._cancelled.set()
        process = self._process
        if process is not None:
            process.process.kill()

    def check(self, jobs: list[Job], validate: bool = True) -> dict[Job, list[dict]]:
        """Record payloads per job, in order; never raises for plugin errors."""
        with self._lock:
            self._cancelled.clear()
            results: dict[Job, list[dict]] = {}
            for job in jobs:
                if self._cancelled.is_set():
                    results[job] = [self._failure(job, "not checked: checking was cancelled", "")]
                    continue
                key = (job, job.fingerprint(), validate)
                if key not in self._cache:
                    self._cache[key] = self._check_one(job, validate)
                results[job] = [dict(payload) for payload in self._cache[key]]
            return results

    def _check_one(self, job: Job, validate: bool) -> list[dict]:
        checker = self._running()
        if isinstance(checker, str):
            return [self._failure(job, f"could not be checked: {checker}", "")]
        offset = checker.stderr_size()
        checker.connection.send(("check", job, validate, self.import_timeout, self.step_timeout))
        records: list[dict] = []
        classes: list[str] = []
        phase, cell = "import", ""
        deadline = time.monotonic() + self.import_timeout
        while True:
            message = checker.receive(deadline - time.monotonic())
            if isinstance(message, tuple):
                kind = message[0]
                if kind == "done":
                    return records
                if kind == "phase":
                    phase, cell = message[1], message[2]
                    limit = self.import_timeout if phase == "import" else self.step_timeout
                    deadline = time.monotonic() + limit
                elif kind == "classes":
                    classes = list(message[1])
                elif kind == "record":
                    records.append(message[1])
                continue
            # The plugin hung or took the interpreter down with it.
            tail = checker.stderr_tail(offset)
            self._discard()
            if message == "timeout":
                limit = self.import_timeout if phase == "import" else self.step_timeout
                what = (f"importing it took longer than {limit:g} s (an endless loop at import?)"
                        if phase == "import" else
                        f"validating cell class {cell} took longer than {limit:g} s "
                        "(an endless loop in forward or __init__?); it was stopped")
            else:
                what = f"{message} while {'importing it' if phase == 'import' else 'validating ' + cell}"
            return records + self._unfinished(job, classes, records, cell, what, tail)

    def _unfinished(self, job: Job, classes: list[str], records: list[dict], cell: str, what: str,
                    tail: str) -> list[dict]:
        if not classes:
            return [self._failure(job, what, tail, line_in_dump(tail, job))]
        done = {r.get("class_name") for r in records}
        out = []
        for name in classes:
            if name in done:
                continue
            reason = what if name == cell else f"not validated: {cell} in the same plugin {what}"
            failure = self._failure(job, reason, tail, line_in_dump(tail, job) if name == cell else None)
            failure.update(name=name, class_name=name)
            out.append(failure)
        return out

    @staticmethod
    def _failure(job: Job, reason: str, tail: str, line: int | None = None) -> dict:
        name = Path(job.location).stem if job.kind == "file" else job.name
        return {"name": name, "status": "broken", "reason": reason,
                "file": str(Path(job.location).resolve()) if job.kind == "file" else None,
                "line": line, "traceback": tail.strip()}

    def _running(self) -> CheckerProcess | str:
        if self._process is None or not self._process.process.is_alive():
            self._discard()
            standby, self._standby = self._standby, None
            alive = standby is not None and standby.process.is_alive()
            self._process = standby if alive else CheckerProcess()
            if standby is not None and not alive:
                standby.close()
            self.restarts += 1
            if self.restarts > 1:  # a plugin killed one: keep a warm spare for the next
                self._standby = CheckerProcess()
        problem = self._process.wait_ready(self.start_timeout)
        if problem:
            tail = self._process.stderr_tail(0)
            self._discard()
            return problem + (f": {tail.strip().splitlines()[-1]}" if tail.strip() else "")
        return self._process

    def _discard(self) -> None:
        if self._process is not None:
            self._process.close()
            self._process = None

    def forget(self) -> None:
        """Drop cached results and the checker (the next check imports
        everything again, in a fresh process that no plugin has touched)."""
        with self._lock:
            self._cache.clear()
            self._discard()

    def close(self) -> None:
        with self._lock:
            self._discard()
            if self._standby is not None:
                self._standby.close()
                self._standby = None


_shared: IsolatedChecker | None = None
_shared_lock = threading.Lock()


def shared_checker() -> IsolatedChecker:
    """The process-wide checker, created on first use and closed at exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = IsolatedChecker()
            atexit.register(_shared.close)
        return _shared
