"""Keep emulator runs away from real AWS accounts.

Two guards, both undone when the run ends:

- ``emulator_environment`` replaces whatever AWS identity the user's shell
  carries (keys, profile, config files) with fake credentials, so a stray
  client can never sign a request as the user.
- ``LoopbackOnly`` refuses any connection, and any name lookup, for a host
  that is not on this machine. A lab or a student that builds a client with
  an explicit real endpoint gets a clear error instead of a request to AWS.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import pytest

FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
    # Point botocore's config and credential files at nothing, so a profile
    # in ~/.aws cannot lend its keys, role or SSO session to a lab.
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    "AWS_EC2_METADATA_DISABLED": "true",
}

REAL_IDENTITY_VARIABLES = (
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_SESSION_TOKEN",
    "AWS_SECURITY_TOKEN",
    "AWS_ROLE_ARN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_ENDPOINT_URL",
)

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


@contextmanager
def emulator_environment() -> Iterator[pytest.MonkeyPatch]:
    """Fake credentials in, the user's real AWS identity out, for the duration."""
    with pytest.MonkeyPatch.context() as patch:
        for name in REAL_IDENTITY_VARIABLES:
            patch.delenv(name, raising=False)
        for name, value in FAKE_CREDENTIALS.items():
            patch.setenv(name, value)
        yield patch


class NetworkRefused(RuntimeError):
    """A connection to a host off this machine, refused in emulator mode.

    Not an ``OSError`` on purpose: HTTP libraries wrap those in generic
    "could not connect" errors and retry them, which would hide the reason.
    """


def is_loopback(host: str | bytes | None) -> bool:
    """Whether ``host`` names this machine (a loopback address or name)."""
    if host is None:
        return True  # getaddrinfo(None, port) asks for a local bind address
    if isinstance(host, bytes):
        host = host.decode()
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


class LoopbackOnly:
    """Refuse connections and name lookups for hosts that are not loopback.

    Usable on its own (``with LoopbackOnly(backend="moto"): ...``) and
    nestable: each instance restores exactly what it replaced.
    """

    def __init__(self, backend: str, allowed_hosts: Iterable[str] = ()) -> None:
        self.backend = backend
        self.allowed_hosts = {h.lower() for h in allowed_hosts}
        self._saved: tuple | None = None

    def allows(self, host: str | bytes | None) -> bool:
        if isinstance(host, bytes):
            host = host.decode()
        return is_loopback(host) or (host or "").lower() in self.allowed_hosts

    def refuse(self, host: object, port: object) -> NetworkRefused:
        return NetworkRefused(
            f"awslab refused a connection to {host}:{port}: with --backend {self.backend} only "
            "this machine is reachable, so no lab can touch a real AWS account. Use the `aws` "
            "fixture or a plain boto3.client(...) without endpoint_url (AWS_ENDPOINT_URL points "
            "at the emulator); real AWS needs --backend aws and AWSLAB_ALLOW_REAL_AWS=1."
        )

    def install(self) -> None:
        original_getaddrinfo = socket.getaddrinfo
        original_connect = socket.socket.connect
        original_connect_ex = socket.socket.connect_ex
        self._saved = (original_getaddrinfo, original_connect, original_connect_ex)
        guard = self

        def getaddrinfo(host, port, *args, **kwargs):
            if not guard.allows(host):
                raise guard.refuse(host, port)
            return original_getaddrinfo(host, port, *args, **kwargs)

        def checked(address) -> None:
            # AF_UNIX addresses are paths (the Docker socket, for one): local by nature.
            if isinstance(address, tuple) and not guard.allows(address[0]):
                raise guard.refuse(address[0], address[1])

        def connect(sock, address):
            checked(address)
            return original_connect(sock, address)

        def connect_ex(sock, address):
            checked(address)
            return original_connect_ex(sock, address)

        socket.getaddrinfo = getaddrinfo
        socket.socket.connect = connect
        socket.socket.connect_ex = connect_ex

    def uninstall(self) -> None:
        if self._saved is None:
            return
        socket.getaddrinfo, socket.socket.connect, socket.socket.connect_ex = self._saved
        self._saved = None

    def __enter__(self) -> LoopbackOnly:
        self.install()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.uninstall()
