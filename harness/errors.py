"""The mistakes a user can make and fix, as one family of exceptions.

A student's malformed region, an author's malformed marker or questions
file, a notes file that is not there, a backend that is down: each is an
``AwslabError`` whose message says what was wrong and what to do. The
command line and the pytest plugin each catch the family in one place and
print that message as one line, never a traceback.
"""

from __future__ import annotations


class AwslabError(Exception):
    """Something the user can fix; the message says what to do."""


class MarkerError(AwslabError):
    """A ``claim`` or ``emulator_gap`` marker written wrongly."""


class SolutionMarkupError(AwslabError):
    """Solution-region markers that do not pair up, or stand where no test is."""


class LabError(AwslabError):
    """A lab module that cannot be read, or a lab path outside any lab project."""


class QuizError(AwslabError):
    """A questions file or score file that cannot be used."""


class HandoutError(AwslabError):
    """A student folder that cannot be written, or reset, as asked."""


class BackendUnavailable(AwslabError):
    """The chosen backend cannot be used (not running, not allowed)."""


class LauncherError(AwslabError):
    """LocalStack cannot be started, stopped or found."""


class CommandError(AwslabError):
    """A command line that names something that is not there."""


class AuthoringError(AwslabError):
    """A topic that cannot be scaffolded, or a README whose generated parts cannot be written."""
