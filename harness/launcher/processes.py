"""The processes a launcher starts and finds again: alive, signalled, named.

A LocalStack started by an earlier ``awslab localstack up`` is not this
process's child: it is found by its pid file and told apart from an unrelated
process that reused the pid by its command line.
"""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (reaping it first if it is our own exited child)."""
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False  # our own child, which had exited: now reaped
    except ChildProcessError:
        pass  # not our child (started by an earlier `awslab localstack up`)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def group_alive(pid: int) -> bool:
    """Whether ``pid`` or any process of its group runs."""
    if alive(pid):
        return True
    try:
        os.killpg(pid, 0)  # the processes LocalStack started (DynamoDB Local, ...)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def signal_group(pid: int, signal_number: int) -> None:
    """Signal ``pid``, and the whole session it leads if it leads one."""
    try:
        if os.getpgid(pid) == pid:  # it leads its own session: signal everything in it
            os.killpg(pid, signal_number)
        else:
            os.kill(pid, signal_number)
    except ProcessLookupError:
        pass


def command_line(pid: int) -> str | None:
    """The command line ``pid`` runs, or None if it is gone."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        pass
    try:  # no /proc (macOS)
        answer = subprocess.run(
            ["ps", "-o", "command=", "-p", str(pid)], capture_output=True, text=True, timeout=5
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return answer.stdout.strip() or None


def port_taken(port: int) -> bool:
    """Whether something answers on ``port`` of this machine."""
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0
