"""The ``aws`` fixture's object: boto3 clients for the chosen backend, by name."""

from __future__ import annotations

import difflib
import functools
import keyword
import math
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError, WaiterError
from tenacity import Retrying, retry_if_exception, stop_after_attempt, stop_any, wait_fixed

from harness.testkit.eventually import UntilQuiet


def error_code(call, *args, **kwargs) -> str | None:
    """The AWS error code a call answers (``"NoSuchKey"``), or None if it worked."""
    try:
        call(*args, **kwargs)
    except ClientError as error:
        return error.response["Error"]["Code"]
    return None


def _on_the_emulator(endpoint_url: str):
    """A before-send hook that keeps requests on the emulator's own host name.

    Some APIs put a prefix in front of the endpoint's host (S3 Control sends
    to ``<account-id>.<endpoint>``); in front of 127.0.0.1 that names no host.
    The Host header keeps the prefixed name: LocalStack reads the account ID from it.
    """
    host = urlsplit(endpoint_url).netloc

    def before_send(request, **kwargs) -> None:
        parts = urlsplit(request.url)
        if parts.netloc != host and parts.netloc.endswith("." + host):
            request.headers["Host"] = parts.netloc
            request.url = urlunsplit(parts._replace(netloc=host))

    return before_send


#: A bounded waiter's longest pause between polls.
WAITER_POLL_SECONDS = 0.1


def _waiting_within(
    get_waiter: Callable, seconds: float, quiet: Callable[[], bool] = lambda: False
) -> Callable:
    """``client.get_waiter`` whose waiters poll for ``seconds`` at most, often.

    A lab asks a waiter for what AWS may take (``{"Delay": 1, "MaxAttempts": 60}``);
    on a backend that changes state inside the call, the first poll finds it and the
    rest would only make a failing test (a student's blank solution) wait a minute.
    As ``eventually`` does, a waiter also stops after the poll that follows the backend
    going ``quiet`` (nothing under way that could still change the answer).
    """

    def bounded_get_waiter(name: str):
        waiter = get_waiter(name)
        wait = waiter.wait

        def bounded_wait(**kwargs) -> None:
            asked = kwargs.pop("WaiterConfig", None) or {}
            # A Delay of 0 polls as often as a bounded waiter may, never more.
            delay = min(asked.get("Delay", waiter.config.delay), WAITER_POLL_SECONDS)
            delay = delay or WAITER_POLL_SECONDS
            polls = max(1, math.ceil(seconds / delay))
            retrying = Retrying(
                stop=stop_any(stop_after_attempt(polls), UntilQuiet(quiet)),
                wait=wait_fixed(delay),
                # A terminal state or an error ends the wait at once, as botocore's does.
                retry=retry_if_exception(_still_waiting),
                reraise=True,
            )
            # One poll at a time, so that a quiet backend can end the wait.
            retrying(wait, **kwargs, WaiterConfig={**asked, "MaxAttempts": 1})

        waiter.wait = bounded_wait
        return waiter

    return bounded_get_waiter


def _still_waiting(error: BaseException) -> bool:
    """A waiter's poll that found the state not reached yet (not a terminal one)."""
    return isinstance(error, WaiterError) and str(error.kwargs["reason"]).startswith("Max attempts")


@functools.cache
def available_services(session: boto3.Session) -> frozenset[str]:
    # Listing botocore's data folders costs ~10 ms: once per session, not per attribute.
    return frozenset(session.get_available_services())


def service_named(attribute: str, available: frozenset[str]) -> str:
    """The service ``aws.<attribute>`` stands for: ``aws.lambda_`` for the keyword,
    ``aws.cognito_idp`` for a dashed name."""
    service = attribute
    if attribute.endswith("_") and keyword.iskeyword(attribute[:-1]):
        service = attribute[:-1]
    return service if service in available else service.replace("_", "-")


class AwsClients:
    """``aws.sqs``, ``aws.s3``, ``aws.client("cognito-idp")``: one client per service.

    Clients are made on first use and kept in ``clients``, which the plugin
    shares across a run's tests: a botocore client holds no per-test state,
    and making one costs more than most emulator calls.
    """

    def __init__(
        self,
        session: boto3.Session,
        endpoint_url: str | None,
        config: Config,
        clients: dict[str, object] | None = None,
        missing_service: Callable[[str], str | None] = lambda service: None,
        waiter_seconds: float | None = None,
        quiet: Callable[[], bool] = lambda: False,
    ) -> None:
        self.session = session
        self.endpoint_url = endpoint_url
        self.region = session.region_name or "us-east-1"
        self._config = config
        self._clients = {} if clients is None else clients
        self._missing_service = missing_service
        self._waiter_seconds = waiter_seconds  # None: waiters poll as the lab asks
        self._quiet = quiet  # the backend has nothing under way: a bounded waiter stops

    def client(self, service: str):
        """The client for ``service`` (boto3's name: ``"sqs"``, ``"lambda"``, ``"cognito-idp"``)."""
        if service not in self._clients:
            self._clients[service] = self._make(service, self._config)
        return self._clients[service]

    def unvalidated(self, service: str):
        """A client for ``service`` that sends what botocore would refuse before sending.

        For a limit proven from both sides: a value past the limit must be refused
        by the service, with AWS's error code. botocore checks the ranges it knows
        (Lambda's ``MemorySize`` below 128, a name too long...) in the client, and a
        refusal there proves nothing about the service.
        """
        key = f"{service} (unvalidated)"
        if key not in self._clients:
            config = self._config.merge(Config(parameter_validation=False))
            self._clients[key] = self._make(service, config)
        return self._clients[key]

    def _make(self, service: str, config: Config):
        if service not in available_services(self.session):
            raise AttributeError(self._unknown(service))
        missing = self._missing_service(service)
        if missing:
            # Skipped, with the backend's own words: not a failure of the claim.
            pytest.skip(f"{service} is not available: {missing}")
        if service == "s3":  # pre-signed URLs with Signature Version 4; SigV2 is deprecated
            config = config.merge(Config(signature_version="s3v4"))
        client = self.session.client(
            service, endpoint_url=self.endpoint_url, region_name=self.region, config=config
        )
        if self.endpoint_url:
            client.meta.events.register("before-send", _on_the_emulator(self.endpoint_url))
        if self._waiter_seconds is not None:
            client.get_waiter = _waiting_within(
                client.get_waiter, self._waiter_seconds, self._quiet
            )
        return client

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return self.client(service_named(name, available_services(self.session)))

    def _unknown(self, service: str) -> str:
        close = difflib.get_close_matches(service, available_services(self.session), n=1)
        hint = f"; did you mean aws.{close[0].replace('-', '_')}?" if close else ""
        return f"boto3 has no service named {service!r}{hint}"
