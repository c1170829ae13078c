"""The one error the LocalStack tools raise for something the user can fix."""

from __future__ import annotations


class LauncherError(Exception):
    """LocalStack cannot be started, stopped or found; the message says what to do (one line)."""
