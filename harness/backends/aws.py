"""Real AWS: the user's own credentials, only with an explicit opt-in."""

from __future__ import annotations

import os

from harness.backends.base import Backend
from harness.errors import BackendUnavailable

OPT_IN_VARIABLE = "AWSLAB_ALLOW_REAL_AWS"


class RealAwsBackend(Backend):
    name = "aws"
    emulated = False
    settle_seconds = 30.0

    def check_allowed(self) -> None:
        if os.environ.get(OPT_IN_VARIABLE) != "1":
            raise BackendUnavailable(
                f"--backend aws talks to a real AWS account and may cost money; set "
                f"{OPT_IN_VARIABLE}=1 to confirm, or use --backend moto."
            )
