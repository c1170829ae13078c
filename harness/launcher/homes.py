"""Where the emulators that awslab installs live on this machine.

Inside the project (``.awslab/<name>``) where the clone can write, so that each
clone has its own and deleting that folder starts afresh; else in the user's
cache. A variable of the user's own always wins.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def tool_home(variable: str, name: str) -> Path:
    """``$variable``, or ``.awslab/<name>`` in the project, or ``~/.cache/awslab/<name>``."""
    if os.environ.get(variable):
        return Path(os.environ[variable]).resolve()
    project = Path(__file__).resolve().parents[2]
    if (project / "pyproject.toml").is_file() and os.access(project, os.W_OK):
        return project / ".awslab" / name
    return user_cache(name)


def user_cache(name: str) -> Path:
    """``$XDG_CACHE_HOME/awslab/<name>`` (``~/.cache/awslab/<name>``): kept across clones."""
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "awslab" / name


@contextmanager
def exclusive(lock_file: Path) -> Iterator[None]:
    """Hold ``lock_file`` (made if missing) against every other process, for the block."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
