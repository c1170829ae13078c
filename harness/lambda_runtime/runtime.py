"""The runtime: invoke a function version in a warm execution environment.

``LambdaRuntime.invoke(spec, event)`` finds an idle worker for that exact
code and configuration (or starts one: a cold start), runs the handler within
the function's timeout, and returns what Lambda would: the payload or the
error, and the log lines (``START`` / ``END`` / ``REPORT`` around the
function's own output), which a log sink writes to CloudWatch Logs.

Usable on its own: ``with LambdaRuntime() as runtime: runtime.invoke(spec, {})``.
"""

from __future__ import annotations

import atexit
import json
import math
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from harness.lambda_runtime.environment import (
    BASE_ENVIRONMENT,
    EnvironmentGone,
    ExecutionEnvironment,
    InvocationTimedOut,
    Worker,
    new_log_stream_name,
    start_spare,
)
from harness.lambda_runtime.fork_server import ForkServer
from harness.lambda_runtime.function import FunctionSpec, UnsupportedRuntime, unpack

LOG_TAIL_BYTES = 4096  # what Invoke returns with LogType=Tail
MAX_IDLE_ENVIRONMENTS = 8  # beyond this, the least recently used idle worker is stopped

# (log group, log stream, lines) -> None
LogSink = Callable[[str, str, list[str]], None]


@dataclass
class Invocation:
    """The outcome of one invoke, in Lambda's terms."""

    request_id: str
    payload: str
    errored: bool
    log_lines: list[str] = field(default_factory=list)
    cold_start: bool = False
    log_stream_name: str = ""

    @property
    def log_tail(self) -> str:
        """The last 4 KB of the log, as ``Invoke(LogType="Tail")`` returns it."""
        text = "\n".join(self.log_lines) + "\n"
        return text.encode()[-LOG_TAIL_BYTES:].decode("utf-8", errors="ignore")

    @property
    def error(self) -> dict | None:
        return json.loads(self.payload) if self.errored else None


class LambdaRuntime:
    """Warm workers per function version, started on demand and stopped on ``close()``."""

    def __init__(
        self,
        endpoint_url: str | None = None,
        max_idle: int = MAX_IDLE_ENVIRONMENTS,
        root: Path | None = None,
    ) -> None:
        self.endpoint_url = endpoint_url
        self.max_idle = max_idle
        self._owns_root = root is None
        self.root = Path(tempfile.mkdtemp(prefix="awslab-lambda-")) if root is None else root
        self._idle: list[ExecutionEnvironment] = []  # least recently used first
        self._busy: set[ExecutionEnvironment] = set()
        # A worker started ahead, from the first cold start on: the next one takes it.
        self._spare: Worker | None = None
        self._fork_server: ForkServer | None = None  # started at the first cold start
        self._lock = threading.Lock()
        self._closed = False
        # An interrupted run (Ctrl-C, a failing session fixture) still ends here.
        atexit.register(self.close)

    # -- invoking ---------------------------------------------------------------------

    def invoke(self, spec: FunctionSpec, event: object, log_sink: LogSink | None = None):
        """Run ``spec``'s handler with ``event``; returns an ``Invocation``."""
        request_id = str(uuid.uuid4())
        try:
            spec.check_supported()
            environment, cold = self._acquire(spec)
        except UnsupportedRuntime as error:
            payload = _error_payload("awslab.UnsupportedRuntime", str(error), request_id)
            return Invocation(request_id, payload, True, [f"awslab: {error}"])
        lines = []
        if cold:
            lines.append(f"INIT_START Runtime Version: {spec.runtime}.awslab")
            lines += environment.new_output().splitlines()
        lines.append(f"START RequestId: {request_id} Version: {spec.version}")
        started = time.monotonic()
        keep = False
        if environment.init_error is not None:
            record = dict(environment.init_error, requestId=request_id)
            payload, errored = json.dumps(record), True
        else:
            payload, errored, keep = self._run(environment, spec, request_id, event)
        duration = (time.monotonic() - started) * 1000
        output = environment.new_output().splitlines()
        lines += output
        if not keep:
            lines += self._fault_lines(request_id, payload)
        lines.append(f"END RequestId: {request_id}")
        lines.append(self._report(spec, request_id, duration, environment, cold))
        self._release(environment, keep)
        invocation = Invocation(
            request_id, payload, errored, lines, cold, environment.log_stream_name
        )
        if log_sink is not None:
            log_sink(f"/aws/lambda/{spec.name}", environment.log_stream_name, lines)
        return invocation

    def _run(self, environment, spec, request_id, event) -> tuple[str, bool, bool]:
        """(payload, errored, worker still usable)."""
        try:
            answer = environment.invoke(request_id, event, spec.timeout)
        except InvocationTimedOut:
            message = (
                f"RequestId: {request_id} Error: Task timed out after {spec.timeout:.2f} seconds"
            )
            return _error_payload("Sandbox.Timedout", message, request_id, trace=False), True, False
        except EnvironmentGone as gone:
            message = f"RequestId: {request_id} Error: Runtime exited with error: {gone.status}"
            return (
                _error_payload("Runtime.ExitError", message, request_id, trace=False),
                True,
                False,
            )
        environment.max_memory_mb = answer.get("max_memory_mb", 0)
        if "error" in answer:
            return json.dumps(answer["error"]), True, True
        return answer["result"], False, True

    @staticmethod
    def _fault_lines(request_id: str, payload: str) -> list[str]:
        """The line Lambda logs when it, not the handler, ended an invocation."""
        error = json.loads(payload)
        if error.get("errorType") == "Sandbox.Timedout":
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + ".000Z"
            return [f"{stamp} {request_id} {error['errorMessage'].split('Error: ', 1)[-1]}"]
        if error.get("errorType") == "Runtime.ExitError":
            return [error["errorMessage"]]
        return []

    @staticmethod
    def _report(spec, request_id, duration, environment, cold) -> str:
        fields = [
            f"REPORT RequestId: {request_id}",
            f"Duration: {duration:.2f} ms",
            f"Billed Duration: {math.ceil(duration)} ms",
            f"Memory Size: {spec.memory_size} MB",
            f"Max Memory Used: {environment.max_memory_mb} MB",
        ]
        if cold:
            fields.append(f"Init Duration: {environment.init_duration_ms:.2f} ms")
        return "\t".join(fields)

    # -- the pool of environments -----------------------------------------------------

    def _acquire(self, spec: FunctionSpec) -> tuple[ExecutionEnvironment, bool]:
        key = spec.key
        stale: list[ExecutionEnvironment] = []
        with self._lock:
            if self._closed:
                raise RuntimeError("this LambdaRuntime is closed")
            for environment in reversed(self._idle):
                if environment.spec.key == key and environment.alive:
                    self._idle.remove(environment)
                    self._busy.add(environment)
                    return environment, False
            # A new key for the same version means its code or configuration changed:
            # the old environments will never be used again.
            stale = [e for e in self._idle if e.spec.version_id == spec.version_id]
            for environment in stale:
                self._idle.remove(environment)
        for environment in stale:
            environment.kill()
        directory = self.root / key[:20]
        with self._lock:  # two cold starts of one version must not unpack at once
            task, opt = unpack(spec, directory)
        home = Path(tempfile.mkdtemp(prefix="env-", dir=self.root))
        with self._lock:
            spare, self._spare = self._spare, None
            # The next one starts now, while this one imports the handler: half the cold
            # starts of a Lambda lab came so soon after the last that they waited for it.
            if not self._closed:
                self._spare = self._next_spare()
        environment = ExecutionEnvironment(
            spec, task, opt, home, self.endpoint_url, new_log_stream_name(spec.version), spare
        )
        with self._lock:
            self._busy.add(environment)
            closed = self._closed
        if closed:
            environment.kill()
            raise RuntimeError("this LambdaRuntime is closed")
        return environment, True

    def _next_spare(self) -> Worker:
        """A worker for the next cold start, forked by the fork server (started now, at
        the first cold start, which starts a worker of its own meanwhile), or started
        on its own where the server is gone."""
        if self._fork_server is None:
            self._fork_server = ForkServer(self.root, dict(BASE_ENVIRONMENT))
        return self._fork_server.fork() or start_spare(self.root)

    def _release(self, environment: ExecutionEnvironment, keep: bool) -> None:
        evicted: list[ExecutionEnvironment] = []
        with self._lock:
            self._busy.discard(environment)
            if keep and environment.init_error is None and not self._closed:
                self._idle.append(environment)
                while len(self._idle) > self.max_idle:
                    evicted.append(self._idle.pop(0))
            else:
                evicted.append(environment)
        for old in evicted:
            old.kill()

    @property
    def worker_pids(self) -> list[int]:
        """Process ids of every live worker (idle or busy)."""
        with self._lock:
            environments = [*self._idle, *self._busy]
        return [e.process.pid for e in environments if e.alive]

    @property
    def spare_pid(self) -> int | None:
        """Process id of the worker started ahead for the next cold start, if any."""
        with self._lock:
            spare = self._spare
        # Outside the lock: a forked spare's pid comes once the fork server has forked it.
        return spare.pid if spare is not None else None

    def stop_workers(self) -> None:
        """Stop every worker: the next invoke of any function is a cold start."""
        with self._lock:
            environments, self._idle = [*self._idle, *self._busy], []
            self._busy.clear()
        for environment in environments:
            environment.kill()

    def close(self) -> None:
        """Stop every worker and delete the unpacked code. Safe to call twice."""
        with self._lock:
            self._closed = True
            spare, self._spare = self._spare, None
            fork_server, self._fork_server = self._fork_server, None
        if spare is not None:
            with spare:  # closes its pipes, and waits for it
                spare.kill()
        self.stop_workers()
        if fork_server is not None:  # last: it reports how its workers ended
            fork_server.close()
        if self._owns_root:
            shutil.rmtree(self.root, ignore_errors=True)
        atexit.unregister(self.close)

    def __enter__(self) -> LambdaRuntime:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _error_payload(error_type: str, message: str, request_id: str, trace: bool = True) -> str:
    record: dict[str, object] = {"errorMessage": message, "errorType": error_type}
    if trace:
        record.update(requestId=request_id, stackTrace=[])
    return json.dumps(record)
