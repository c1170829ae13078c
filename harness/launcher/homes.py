"""Where the emulators that awslab installs live on this machine.

Inside the project (``.awslab/<name>``) where the clone can write, so that each
clone has its own and deleting that folder starts afresh; else in the user's
cache. A variable of the user's own always wins.
"""

from __future__ import annotations

import os
from pathlib import Path


def tool_home(variable: str, name: str) -> Path:
    """``$variable``, or ``.awslab/<name>`` in the project, or ``~/.cache/awslab/<name>``."""
    if os.environ.get(variable):
        return Path(os.environ[variable]).resolve()
    project = Path(__file__).resolve().parents[2]
    if (project / "pyproject.toml").is_file() and os.access(project, os.W_OK):
        return project / ".awslab" / name
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "awslab" / name
