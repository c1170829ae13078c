"""Names for a test's resources, all starting with one prefix of its own.

Where a backend cannot be reset (LocalStack, real AWS), the harness finds
what a test created by that prefix and deletes it after the test.
"""

from __future__ import annotations

import uuid


class UniqueNames:
    """``unique_name("orders")`` -> ``"lab1a2b3c4d-orders"``; one prefix per instance.

    Usable without pytest: ``names = UniqueNames(); names("orders")``.
    """

    def __init__(self) -> None:
        self.prefix = "lab" + uuid.uuid4().hex[:8]

    def __call__(self, stem: str) -> str:
        return f"{self.prefix}-{stem}"
