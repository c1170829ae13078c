"""How the labs' LocalStack is configured, in host mode and in Docker alike.

LocalStack's defaults favour convenience over fidelity (it skips S3 signature
checks, keeps SQS messages forever). The labs prove claims about AWS, so the
launcher and ``docker-compose.yml`` both turn on every switch that makes
LocalStack behave more like AWS; a test checks that the two agree.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_PORT = 4566

#: LocalStack settings that make it answer as AWS does, each with what it changes.
AWS_LIKE_SETTINGS: dict[str, str] = {
    # Pre-signed URLs expire, and a URL changed after signing is refused (403).
    "S3_SKIP_SIGNATURE_VALIDATION": "0",
    # SSE-KMS with a key that does not exist is refused.
    "S3_SKIP_KMS_KEY_VALIDATION": "0",
    # A message nobody deletes is dropped when MessageRetentionPeriod ends.
    "SQS_ENABLE_MESSAGE_RETENTION_PERIOD": "1",
    # A second PurgeQueue within 60 s is refused with PurgeQueueInProgress.
    "SQS_DELAY_PURGE_RETRY": "1",
    # A queue name cannot be reused within 60 s of deleting the queue.
    "SQS_DELAY_RECENTLY_DELETED": "1",
    # Items whose TTL attribute is in the past are deleted.
    "DYNAMODB_REMOVE_EXPIRED_ITEMS": "1",
}

#: Settings that keep LocalStack quiet and offline: no analytics, no certificate download.
OFFLINE_SETTINGS: dict[str, str] = {
    "DISABLE_EVENTS": "1",
    "SKIP_SSL_CERT_DOWNLOAD": "1",
}


def host_environment(
    port: int, filesystem: Path, services: list[str] | None = None
) -> dict[str, str]:
    """The variables, beyond the user's own, that start LocalStack on this machine.

    ``services``: the only services to load (the others report ``disabled``),
    or None for all of them.
    """
    environment = {
        **AWS_LIKE_SETTINGS,
        **OFFLINE_SETTINGS,
        # Loopback only: nothing off this machine reaches the emulator.
        "GATEWAY_LISTEN": f"127.0.0.1:{port}",
        # The names LocalStack puts in queue URLs and the like: "localhost" needs no
        # DNS (LocalStack's default, localhost.localstack.cloud, does), and the
        # harness's loopback guard lets it through.
        "LOCALSTACK_HOST": f"localhost:{port}",
        # LocalStack thinks it runs in its own container whenever this machine is
        # a container (CI runners often are) and would then write to /var/lib/localstack.
        "OVERRIDE_IN_DOCKER": "0",
        "FILESYSTEM_ROOT": str(filesystem),
        # Its DNS server wants port 53 and an upstream resolver; the labs need neither.
        "DNS_ADDRESS": "0",
        # DynamoDB Local keeps its tables in memory, not in SQLite files under FILESYSTEM_ROOT.
        "DYNAMODB_IN_MEMORY": "1",
    }
    if services is not None:
        environment["SERVICES"] = ",".join(services)
    return environment
