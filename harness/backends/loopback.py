"""Refuse every connection, and every name lookup, for a host off this machine.

Standard library only, so that the Lambda runtime's workers can put the same
guard up inside a student's function without importing pytest.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


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

        # Patched on the classes, so every socket, made before or after, is guarded.
        socket.getaddrinfo = getaddrinfo
        socket.socket.connect = connect  # type: ignore[method-assign]
        socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]

    def uninstall(self) -> None:
        if self._saved is None:
            return
        getaddrinfo, connect, connect_ex = self._saved
        socket.getaddrinfo = getaddrinfo
        socket.socket.connect = connect  # type: ignore[method-assign]
        socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
        self._saved = None

    def __enter__(self) -> LoopbackOnly:
        self.install()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.uninstall()
