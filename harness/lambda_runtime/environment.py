"""One execution environment: a warm worker process for one function version.

The process (``worker.py``) imports the handler once and then serves
invocations one at a time, keeping module state and its own temporary folder
between them, until it is stopped, times out or dies.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path

from harness.lambda_runtime.fork_server import (
    WORKER_SCRIPT,
    ForkedWorker,
    kill_worker,
    start_worker_script,
)
from harness.lambda_runtime.function import FunctionSpec

#: A worker process: started on its own, or forked by the fork server.
Worker = subprocess.Popen | ForkedWorker
INIT_TIMEOUT_SECONDS = 10.0  # Lambda's own limit for the init phase
#: Defaults a function may override, as on Lambda (PATH, LANG, TZ).
BASE_ENVIRONMENT = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "LANG": "C.UTF-8",
    "TZ": ":UTC",
}


class EnvironmentGone(Exception):
    """The worker exited (or was killed) before it answered."""

    def __init__(self, status: str) -> None:
        super().__init__(status)
        self.status = status


class InvocationTimedOut(Exception):
    """The handler ran past the function's timeout; the worker has been killed."""


def start_spare(folder: Path) -> subprocess.Popen:
    """A worker process started before a function needs it, waiting to become one
    (where there is no fork server to fork one).

    Python's start-up and the worker's imports (some 60 ms) happen meanwhile,
    on another core if there is one; a cold start that takes it skips them.
    """
    return start_worker_script(
        "--spare",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # until it becomes a function's worker
        cwd=folder,
        env={**BASE_ENVIRONMENT, "AWSLAB_PARENT_PID": str(os.getpid())},
    )


class ExecutionEnvironment:
    """A worker process with its folders; usable on its own, without moto or pytest.

    ``spare``: a worker started ahead (``start_spare``, ``ForkServer.fork``) to use
    instead of starting one.
    """

    def __init__(
        self,
        spec: FunctionSpec,
        task: Path,
        opt: Path,
        home: Path,
        endpoint_url: str | None,
        log_stream_name: str,
        spare: Worker | None = None,
    ) -> None:
        self.spec = spec
        self.home = home
        self.log_stream_name = log_stream_name
        self.tmp = home / "tmp"
        self.tmp.mkdir(parents=True)
        self.output_path = home / "output.log"
        self._output = open(self.output_path, "ab")  # noqa: SIM115 - lives as long as the worker
        self._read_offset = 0
        self._buffer = b""
        self.invocations = 0
        self.max_memory_mb = 0
        self.init_duration_ms = 0.0
        self.init_error: dict | None = None
        # Held while talking to the worker: ``kill`` from another thread waits for it.
        self._talking = threading.RLock()
        started = time.monotonic()
        environment = self._environment(task, opt, endpoint_url)
        self.process: Worker
        if spare is not None and spare.poll() is None and spare.stdin is not None:
            self.process = spare
            start = {"environment": environment, "cwd": str(task), "output": str(self.output_path)}
            try:
                spare.stdin.write((json.dumps(start) + "\n").encode())
                spare.stdin.flush()
            except OSError:
                pass  # it died meanwhile: reported below, as a worker that exits at start
        else:
            self.process = start_worker_script(
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._output,
                cwd=task,
                env=environment,
            )
        try:
            first = self._read_message(started + INIT_TIMEOUT_SECONDS)
        except InvocationTimedOut:
            self.kill()
            first = {
                "init_error": {
                    "errorMessage": f"Init phase took longer than {INIT_TIMEOUT_SECONDS:g} s",
                    "errorType": "Runtime.InitTimeout",
                    "stackTrace": [],
                }
            }
        except EnvironmentGone as gone:
            first = {
                "init_error": {
                    "errorMessage": f"Runtime exited with error: {gone.status}",
                    "errorType": "Runtime.ExitError",
                    "stackTrace": [],
                }
            }
        self.init_duration_ms = (time.monotonic() - started) * 1000
        self.init_error = first.get("init_error")
        self.max_memory_mb = first.get("max_memory_mb", 0)

    def _environment(self, task: Path, opt: Path, endpoint_url: str | None) -> dict[str, str]:
        spec = self.spec
        environment = dict(BASE_ENVIRONMENT)
        environment.update(spec.environment)
        # Reserved: Lambda sets these whatever the function says.
        environment.update(
            {
                "_HANDLER": spec.handler or "",
                "AWS_EXECUTION_ENV": f"AWS_Lambda_{spec.runtime}",
                "AWS_LAMBDA_FUNCTION_NAME": spec.name,
                "AWS_LAMBDA_FUNCTION_VERSION": spec.version,
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(spec.memory_size),
                "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
                "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{spec.name}",
                "AWS_LAMBDA_LOG_STREAM_NAME": self.log_stream_name,
                "AWS_REGION": spec.region,
                "AWS_DEFAULT_REGION": spec.region,
                # The execution role's credentials, faked: boto3 in the handler signs
                # requests that only the emulator will see.
                "AWS_ACCESS_KEY_ID": "testing",
                "AWS_SECRET_ACCESS_KEY": "testing",
                "AWS_SESSION_TOKEN": "testing",
                "AWS_CONFIG_FILE": os.devnull,
                "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
                "AWS_EC2_METADATA_DISABLED": "true",
                "LAMBDA_TASK_ROOT": str(task),
                "LAMBDA_RUNTIME_DIR": str(WORKER_SCRIPT.parent),
                "TMPDIR": str(self.tmp),
                "AWSLAB_OPT": str(opt),
                "AWSLAB_FUNCTION_ARN": spec.arn,
                "AWSLAB_PARENT_PID": str(os.getpid()),
            }
        )
        if endpoint_url:
            environment["AWS_ENDPOINT_URL"] = endpoint_url
        return environment

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def invoke(self, request_id: str, event: object, timeout_seconds: float) -> dict:
        """Run the handler once; the worker's answer (``result`` or ``error``).

        Raises ``InvocationTimedOut`` (the worker is killed) or ``EnvironmentGone``.
        """
        self.invocations += 1
        deadline = time.monotonic() + timeout_seconds
        request = {"request_id": request_id, "event": event, "timeout_ms": timeout_seconds * 1000}
        stdin = self.process.stdin
        assert stdin is not None  # the worker is started with stdin=PIPE
        with self._talking:
            if stdin.closed:  # killed meanwhile (the runtime stopped every worker)
                raise EnvironmentGone(self._exit_status())
            try:
                stdin.write((json.dumps(request) + "\n").encode())
                stdin.flush()
            except (BrokenPipeError, OSError):
                raise EnvironmentGone(self._exit_status()) from None
            try:
                return self._read_message(deadline)
            except InvocationTimedOut:
                self.kill()
                raise

    def _read_message(self, deadline: float) -> dict:
        stdout = self.process.stdout
        assert stdout is not None  # the worker is started with stdout=PIPE
        descriptor = stdout.fileno()
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise InvocationTimedOut()
            ready, _, _ = select.select([descriptor], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(descriptor, 65536)
            if not chunk:
                self.kill()
                raise EnvironmentGone(self._exit_status())
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def new_output(self) -> str:
        """What the function printed or logged since the last call."""
        with open(self.output_path, "rb") as output:
            output.seek(self._read_offset)
            data = output.read()
        self._read_offset += len(data)
        return data.decode("utf-8", errors="replace")

    def _exit_status(self) -> str:
        try:
            code = self.process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            return "unknown"
        if code < 0:
            return f"signal: {signal.Signals(-code).name.lower().removeprefix('sig')}"
        return f"exit status {code}"

    def kill(self) -> None:
        """Stop the worker and anything it started; reap it so no zombie is left.

        From any thread: one waiting for the worker's answer sees it end, and lets go
        of the pipes before they are closed (a pipe closed under a read could see its
        descriptor reused by another file meanwhile)."""
        if self.process.returncode is None:
            kill_worker(self.process.pid)
        with self._talking:
            if self.process.returncode is None:
                self.process.wait()
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()
            self._output.close()


def new_log_stream_name(version: str, now: time.struct_time | None = None) -> str:
    """A log stream name as Lambda makes one per execution environment."""
    now = now or time.gmtime()
    return f"{time.strftime('%Y/%m/%d', now)}/[{version}]{uuid.uuid4().hex}"
