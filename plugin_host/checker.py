"""``IsolatedChecker``: imports and validates plugins in a separate process first.

A plugin file is ordinary Python: importing it may loop forever, call
``sys.exit``, or crash the interpreter (``os.abort``, a segfault in an
extension), patch GateLab or torch, start threads, fork, or write forged
messages into its pipe. The checker imports and validates each plugin in a
child process of its own, forked from a warm template that never runs plugin
code (``checker_template``), with a time limit on the import and on each
cell's validation. A plugin that hangs is killed and reported, with every
process it started; one that crashes is reported with the crash. The caller
never imports plugin code: it reads typed JSON messages (``wire``) and
accepts them only in honest order (``conversation``), so no plugin can
speak for another, and nothing a plugin sends is unpickled.

The template stays warm between calls (importing torch takes seconds), so
that checking one plugin costs a fork and its own work; after the first
plugin that kills a template a warm spare is kept. Results are cached by
content, so unchanged plugins are not checked twice.
"""

from __future__ import annotations

import atexit
import dataclasses
import os
import threading
import time

from .checker_process import CheckerProcess, Gone, Malformed, TimedOut, crash_words
from .conversation import TAMPERED, Conversation
from .errors import broken_verdict, line_in_dump
from .jobs import Job
from .limits import DEFAULT_IMPORT_TIMEOUT, DEFAULT_STEP_TIMEOUT, START_TIMEOUT
from .messages import CHILD_MESSAGES, IMPORT, CellVerdict, CheckRequest, Exited, Phase
from .task_messages import TaskVerdict

NO_FORK = ("plugins are checked in forked processes, which this system lacks; "
           "run GateLab under Linux or macOS (on Windows: WSL)")


class IsolatedChecker:
    """Checks plugins, each in a fresh child of a warm template; thread-safe; cached by content."""

    def __init__(self, import_timeout: float = DEFAULT_IMPORT_TIMEOUT,
                 step_timeout: float = DEFAULT_STEP_TIMEOUT, start_timeout: float = START_TIMEOUT):
        self.import_timeout = import_timeout
        self.step_timeout = step_timeout
        self.start_timeout = start_timeout
        self.settle_timeout = 3.0  # for the template to end a killed child and all it started
        self._process: CheckerProcess | None = None
        self._standby: CheckerProcess | None = None  # started after the first plugin that kills one
        self._lock = threading.RLock()
        self._cache: dict[tuple, list[CellVerdict | TaskVerdict]] = {}
        self._cancelled = threading.Event()
        self.restarts = 0  # checker processes started

    def cancel(self) -> None:
        """Abandon a check in progress at once (from any thread, e.g. when the
        window closes): the plugin being checked is killed, the rest skipped."""
        self._cancelled.set()
        process = self._process
        if process is not None:
            process.kill()

    def check(self, jobs: list[Job], validate: bool = True,
              task_settings: str = "") -> dict[Job, list[CellVerdict | TaskVerdict]]:
        """The verdicts per job, in order; never raises for plugin errors.
        ``task_settings`` (``task_messages.settings_json``): judge only the
        jobs' tasks, with their facts at those settings."""
        with self._lock:
            self._cancelled.clear()
            results: dict[Job, list[CellVerdict]] = {}
            for job in jobs:
                if self._cancelled.is_set():
                    results[job] = [self._failure(job, "not checked: checking was cancelled", "")]
                    continue
                key = (job, job.fingerprint(), validate, task_settings)
                if key not in self._cache:
                    self._cache[key] = self._check_one(job, validate, task_settings)
                results[job] = list(self._cache[key])
            return results

    def _check_one(self, job: Job, validate: bool, task_settings: str) -> list[CellVerdict | TaskVerdict]:
        checker = self._running()
        if isinstance(checker, str):
            return [self._failure(job, f"could not be checked: {checker}", "")]
        offset = checker.stderr_size()
        request = CheckRequest(job, validate, self.import_timeout, self.step_timeout, task_settings)
        problem = checker.start(request, self.start_timeout)
        if problem:
            self._discard()
            return [self._failure(job, f"could not be checked: {problem}", "")]
        conversation = Conversation(job)
        deadline = time.monotonic() + self.import_timeout
        while True:
            message = checker.receive(deadline - time.monotonic())
            if isinstance(message, Phase):
                deadline = time.monotonic() + request.time_limit(message.step)
            if isinstance(message, CHILD_MESSAGES) and conversation.take(message):
                continue
            if isinstance(message, Exited):
                checker.finish()
                if conversation.complete:
                    return conversation.verdicts
                ending = crash_words(message.status)
            elif isinstance(message, (Malformed, *CHILD_MESSAGES)):  # out of order or not ours: forged
                checker.kill_child()
                self._settle(checker)
                return [self._failure(job, TAMPERED, "")]
            elif isinstance(message, TimedOut):
                checker.kill_child()
                self._settle(checker)
                ending = None
            else:  # Gone: the template itself was killed (e.g. by the plugin)
                self._discard()
                ending = message.words
            return self._unfinished(job, conversation, ending, checker.stderr_tail(offset), request)

    def _settle(self, checker: CheckerProcess) -> None:
        """Wait for the template to report the killed child; discard it if it does not."""
        while True:
            message = checker.receive(self.settle_timeout)
            if isinstance(message, Exited):
                checker.finish()
                return
            if isinstance(message, TimedOut | Gone):
                self._discard()
                return

    def _unfinished(self, job: Job, conversation: Conversation, ending: str | None, tail: str,
                    request: CheckRequest) -> list[CellVerdict | TaskVerdict]:
        """The verdicts so far, and why the rest were not given."""
        phase = conversation.phase
        importing = phase.step == IMPORT
        if ending is None:
            limit = request.time_limit(phase.step)
            what = (f"importing it took longer than {limit:g} s (an endless loop at import?)"
                    if importing else
                    f"validating cell class {phase.cell} took longer than {limit:g} s "
                    "(an endless loop in forward or __init__?); it was stopped")
        else:
            what = f"{ending} while {'importing it' if importing else 'validating ' + phase.cell}"
        verdicts = conversation.verdicts
        if not conversation.classes:
            return verdicts or [self._failure(job, what, tail, line_in_dump(tail, job.file))]
        done = {v.class_name for v in verdicts}
        for name in conversation.classes:
            if name in done:
                continue
            reason = what if importing or name == phase.cell else \
                f"not validated: {phase.cell} in the same plugin {what}"
            line = line_in_dump(tail, job.file) if name == phase.cell else None
            failure = self._failure(job, reason, tail, line)
            if name in conversation.tasks:
                failure = TaskVerdict.failure(failure)
            verdicts.append(dataclasses.replace(failure, name=name, class_name=name))
        return verdicts

    @staticmethod
    def _failure(job: Job, reason: str, tail: str, line: int | None = None) -> CellVerdict:
        return broken_verdict(job.plugin_name, reason, job.file, line, tail.strip())

    def _running(self) -> CheckerProcess | str:
        if not hasattr(os, "fork"):  # Windows: no way to give each plugin a clean copy of a warm process
            return NO_FORK
        if self._process is None or not self._process.alive:
            self._discard()
            standby, self._standby = self._standby, None
            alive = standby is not None and standby.alive
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
