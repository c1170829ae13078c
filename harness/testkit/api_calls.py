"""The AWS API calls a test made, to show beside its failure.

"SendMessage, ReceiveMessage ×2" next to a failed assertion tells a student
what their code actually asked AWS, and what it never asked (no DeleteMessage).
"""

from __future__ import annotations

import itertools

import boto3

#: Operations that only read: a service a test only read from holds nothing of its
#: to delete (on LocalStack, a sweep of IAM or EC2 costs some 150 ms).
READS = ("Get", "List", "Describe", "Head", "Query", "Scan", "BatchGet", "Lookup", "Search")


class ApiCalls:
    """Records every operation called through clients of one boto3 session, and the
    services in which a call may have made something (what a clean-up sweeps)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.services_written: set[str] = set()  # what a clean-up sweeps

    def attach(self, session: boto3.Session) -> None:
        # Clients copy the session's event hooks when made, so attach before any client.
        session.events.register("before-call", self._record)

    def _record(self, model, **kwargs) -> None:
        self.names.append(model.name)  # list.append is atomic: calls from threads are safe
        if not model.name.startswith(READS):
            self.services_written.add(model.service_model.service_name)  # so is set.add

    def clear(self) -> None:
        self.names.clear()
        self.services_written.clear()

    def summary(self) -> str:
        """``"SendMessage, ReceiveMessage ×2"``: in order, repeats folded."""
        runs = [(name, len(list(group))) for name, group in itertools.groupby(self.names)]
        return ", ".join(name if count == 1 else f"{name} ×{count}" for name, count in runs)
