"""The run's own clients hand their requests to moto's app in this process, not its socket.

A call to the embedded moto server costs about 4 ms over loopback HTTP: botocore
writes the request, a new server thread parses it, and the answer goes back the
same way. Handed to moto's WSGI app directly, on the caller's thread, the same
call costs about 2 ms, and the first call after a reset about 4 ms instead of 12.
A lab makes some ten calls per test, so this is most of what a test costs.

The request meets the same app the server runs (``ServedSinceReset`` around
moto's dispatcher), with the environ the server would have built, so moto
answers exactly as it does over HTTP. Only requests for the server's own
address come here; everything else (a Lambda worker, a ``urllib`` call to an
API Gateway URL, a student's own ``boto3.Session``) still goes over the
socket, and the server keeps serving it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from botocore.awsrequest import AWSPreparedRequest, AWSResponse

log = logging.getLogger(__name__)

WsgiApp = Callable[..., Iterable[bytes]]

# What HTTP carries but a WSGI call has no use for: the body is handed over whole.
_TRANSPORT_HEADERS = frozenset({"expect", "transfer-encoding", "connection", "content-length"})
_BODYLESS = frozenset({"GET", "HEAD", "OPTIONS"})


class _Body:
    """An answer's body, as botocore reads a urllib3 response: ``read`` and ``stream``."""

    def __init__(self, data: bytes) -> None:
        self._data = memoryview(data)
        self._at = 0

    def read(self, amt: int | None = None, **_: Any) -> bytes:
        end = len(self._data) if amt is None else min(len(self._data), self._at + amt)
        chunk, self._at = bytes(self._data[self._at : end]), end
        return chunk

    def stream(self, amt: int = 2**16, **_: Any) -> Iterable[bytes]:
        while chunk := self.read(amt):
            yield chunk

    def close(self) -> None:
        pass


def answer(app: WsgiApp, request: AWSPreparedRequest) -> AWSResponse:
    """moto's answer to ``request``, as the server would have sent it."""
    from werkzeug.exceptions import InternalServerError
    from werkzeug.test import run_wsgi_app

    environ = _environ(request)
    try:
        body, status, headers = run_wsgi_app(app, environ, buffered=True)
        data = b"".join(body)
    except Exception:
        # What werkzeug's server does with an exception that escapes the app.
        log.exception("awslab: moto failed on %s %s", request.method, request.url)
        body, status, headers = run_wsgi_app(InternalServerError(), environ, buffered=True)
        data = b"".join(body)
    return AWSResponse(request.url, int(status.split()[0]), _merged(headers.items()), _Body(data))


def _merged(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """One value per header name, a repeated header's joined as urllib3 joins them."""
    merged: dict[str, str] = {}
    spelling: dict[str, str] = {}
    for name, value in headers:
        first = spelling.setdefault(name.lower(), name)
        merged[first] = f"{merged[first]}, {value}" if first in merged else value
    return merged


def _environ(request: AWSPreparedRequest) -> dict[str, Any]:
    from moto.core.request import (
        PRESERVED_HEADER_NAMES_ENVIRON_KEY,
        environ_key_for_header,
        should_preserve_original_header_name,
    )
    from werkzeug.test import EnvironBuilder

    url = urlsplit(request.url)
    # What moto's request handler does with werkzeug's server's environ: a header
    # spelled with an underscore, which WSGI's keys cannot tell from a dash, is dropped,
    # unless it is S3 metadata that no dashed header of the request folds to; then
    # moto keeps its spelling beside the environ.
    dashed = {environ_key_for_header(name) for name in request.headers if "_" not in name}
    headers: dict[str, str] = {}
    spelled: dict[str, str] = {}
    for name, value in request.headers.items():
        if name.lower() in _TRANSPORT_HEADERS:
            continue
        if "_" in name:
            key = environ_key_for_header(name)
            if not should_preserve_original_header_name(name) or key in dashed:
                continue
            spelled.setdefault(key, name)
        headers[name] = value.decode("latin-1") if isinstance(value, bytes) else value
    body = request.body
    if hasattr(body, "read"):
        body = body.read()
    if isinstance(body, str):
        body = body.encode("utf-8")
    body = body or b""
    environ = EnvironBuilder(
        method=request.method,
        base_url=f"{url.scheme}://{url.netloc}",
        path=url.path,
        query_string=url.query,
        headers=list(headers.items()),
        data=body,
        # botocore gives every request but a GET, HEAD or OPTIONS a length, 0 included
        # (S3 refuses an empty PUT without one); a chunked body was read whole above.
        content_length=len(body) if body or request.method not in _BODYLESS else None,
    ).get_environ()
    environ[PRESERVED_HEADER_NAMES_ENVIRON_KEY] = spelled
    return environ
