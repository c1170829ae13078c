"""Spare workers forked from a process that has the SDK imported already.

A worker started on its own (``python -I worker.py``) pays Python's start-up and
the worker's imports, some 40 ms of CPU, and a handler that imports boto3 pays
some 0.2 s more at its init. The fork server (``worker.py --fork-server``) pays
both once; each spare forked from it starts in a few milliseconds with boto3
imported, as if the SDK came with the runtime, which is what Lambda's Python
runtime promises. Everything else about a worker is as before: its own process
and session, its own pipes, the function's environment, folder and output.

A forked worker is the server's child, not ours: the server reports each one's
pid, and its exit status when it ends. ``ForkedWorker`` stands for it where a
``subprocess.Popen`` stood.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

WORKER_SCRIPT = Path(__file__).with_name("worker.py")


def start_worker_script(*arguments: str, **popen: Any) -> subprocess.Popen:
    """``worker.py ARGUMENTS`` in a new interpreter, isolated (``-I``: no user site, no
    PYTHONPATH) and in a session of its own: a Ctrl-C in the terminal reaches the test
    run, which stops workers itself, and ``killpg`` reaches anything a handler started.
    ``popen``: the pipes, folder and environment, as ``subprocess.Popen`` takes them."""
    command = [sys.executable, "-I", str(WORKER_SCRIPT), *arguments]
    return subprocess.Popen(command, start_new_session=True, **popen)


class ForkServer:
    """The process that forks spare workers; started at once, ready when its imports are.

    Usable from several threads: one of them at a time talks to the server.
    """

    def __init__(self, folder: Path, environment: dict[str, str]) -> None:
        ours, theirs = socket.socketpair()
        self.process = start_worker_script(
            "--fork-server",
            str(theirs.fileno()),
            pass_fds=(theirs.fileno(),),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=folder,
            env=environment,
        )
        theirs.close()
        self._channel = ours
        self._lock = threading.Lock()
        self._unread = b""
        self._requested = 0  # forks asked for; the server answers them in order
        self._forked: list[int] = []  # their pids, as reported
        self._exits: dict[int, int] = {}  # pid -> exit status (negative: a signal)
        self._gone = False  # the server has ended: nothing more will be reported

    def fork(self) -> ForkedWorker | None:
        """A new spare worker, or None if the server is gone. Its pipes work at once:
        what is written to it waits in the pipe until the server has forked it."""
        stdin_read, stdin_write = os.pipe()
        stdout_read, stdout_write = os.pipe()
        try:
            with self._lock:
                socket.send_fds(self._channel, [b"f"], [stdin_read, stdout_write])
                self._requested += 1
                ticket = self._requested
        except OSError:
            for descriptor in (stdin_write, stdout_read):
                os.close(descriptor)
            return None
        finally:
            os.close(stdin_read)  # the worker's ends: the server has its own copies
            os.close(stdout_write)
        return ForkedWorker(self, ticket, open(stdin_write, "wb"), open(stdout_read, "rb"))

    def pid(self, ticket: int, timeout: float | None) -> int | None:
        """The pid of the ``ticket``-th fork; None if not reported within ``timeout``."""
        with self._lock:
            self._read_until(lambda: len(self._forked) >= ticket, timeout)
            return self._forked[ticket - 1] if len(self._forked) >= ticket else None

    def exit_status(self, pid: int, timeout: float | None) -> int | None:
        """How the worker ``pid`` ended (as ``Popen.returncode``); None if it has not
        within ``timeout``. A worker whose server is gone counts as killed."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            self._read_until(lambda: pid in self._exits, timeout)
        while pid not in self._exits and self._gone:
            # Its server ended: nobody reports it any more; it ends with its server.
            if not _alive(pid):
                self._exits[pid] = -signal.SIGKILL
            elif deadline is not None and time.monotonic() >= deadline:
                break
            else:
                time.sleep(0.01)
        return self._exits.get(pid)

    def _read_until(self, done: Callable[[], bool], timeout: float | None) -> None:
        """Read the server's reports until ``done()``, the server ends, or ``timeout``."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not done() and not self._gone:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self._channel], [], [], remaining)
            if not ready:
                return
            chunk = self._channel.recv(65536)
            if not chunk:
                self._gone = True
                return
            self._unread += chunk
            *lines, self._unread = self._unread.split(b"\n")
            for line in lines:
                message = json.loads(line)
                if "forked" in message:
                    self._forked.append(message["forked"])
                else:
                    self._exits[message["exited"]] = message["status"]

    def close(self) -> None:
        """End the server; spares it forked and nobody took end with it."""
        with self._lock:
            self._gone = True  # nothing is read from it any more
            self._channel.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class ForkedWorker:
    """A worker forked by a ``ForkServer``, used as the ``subprocess.Popen`` of a worker
    started on its own is: ``pid``, ``stdin``, ``stdout``, ``poll``, ``wait``, ``kill``."""

    def __init__(self, server: ForkServer, ticket: int, stdin: IO[bytes], stdout: IO[bytes]):
        self._server = server
        self._ticket = ticket
        self.stdin: IO[bytes] = stdin
        self.stdout: IO[bytes] = stdout
        self.returncode: int | None = None

    @property
    def pid(self) -> int:
        """Waits for the server to have forked it; -1 if the server ended before."""
        pid = self._server.pid(self._ticket, timeout=None)
        return -1 if pid is None else pid

    def poll(self) -> int | None:
        if self.returncode is None:
            pid = self._server.pid(self._ticket, timeout=0)
            if pid is None:  # not forked yet: alive, for all anyone can tell
                return -signal.SIGKILL if self._server.process.poll() is not None else None
            self.returncode = self._server.exit_status(pid, timeout=0)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        pid = self._server.pid(self._ticket, timeout)
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        status = None if pid is None else self._server.exit_status(pid, remaining)
        if status is None:
            if pid is None and self._server.process.poll() is not None:
                status = -signal.SIGKILL  # never forked: the server ended first
            else:
                raise subprocess.TimeoutExpired(["worker.py", "--fork-server"], timeout or 0)
        self.returncode = status
        return status

    def kill(self) -> None:
        if self.returncode is None:
            kill_worker(self.pid)

    def __enter__(self) -> ForkedWorker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for stream in (self.stdin, self.stdout):
            stream.close()
        self.wait()


def kill_worker(pid: int) -> None:
    """Kill the worker ``pid`` and anything it started (its process group)."""
    if pid <= 0:
        return  # a worker never forked (``ForkedWorker.pid``): and kill(-1) means all
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        # A worker forked a moment ago may not lead its own group yet.
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
