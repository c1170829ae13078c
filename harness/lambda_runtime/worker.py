"""The inside of one execution environment: a warm Python process running one handler.

Started by ``ExecutionEnvironment`` as ``python -I worker.py`` with the function's
environment, or ahead of it as a spare: on its own (``--spare``), or forked by the
fork server (``--fork-server``, see ``fork_server``), which has imported boto3 once
for all the workers it forks, as the AWS SDK comes with the real runtime. The
worker itself is standard library only, on purpose: it must start fast, and the
function's own code decides which packages it imports.

Protocol, one JSON object per line:

- parent -> worker, first, to a spare (``worker.py --spare``, started before any
  function needed it, with no environment of its own yet, or forked by the fork
  server, ``worker.py --fork-server``): ``{"environment", "cwd", "output"}``, which
  it takes on as if it had been started with them.
- worker -> parent, once: ``{"ready": true}`` after the handler module was
  imported (the init phase), or ``{"init_error": {...}}`` and exit.
- parent -> worker, per invocation: ``{"request_id", "event", "timeout_ms"}``.
- worker -> parent: ``{"result": "<json>"}`` or ``{"error": {...}}``, each with
  ``"max_memory_mb"``.

The handler's stdout and stderr (print, logging, even output from C code) go
to the file the parent opened as our stderr; the protocol travels on a private
copy of the original stdout, so a handler's print cannot corrupt it.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import resource
import select
import signal
import socket
import sys
import threading
import time
import traceback

PARENT_CHECK_SECONDS = 0.2


class FaultError(Exception):
    """An error of the runtime's, reported with the AWS Python runtime's errorType."""

    def __init__(self, error_type: str, message: str, stack: list[str] | None = None) -> None:
        super().__init__(message)
        self.error_type = error_type
        self.stack = stack or []


class LambdaContext:
    """The ``context`` argument, with the attributes and method of the AWS Python runtime."""

    def __init__(self, request_id: str, timeout_ms: int) -> None:
        self.aws_request_id = request_id
        self.function_name = os.environ["AWS_LAMBDA_FUNCTION_NAME"]
        self.function_version = os.environ["AWS_LAMBDA_FUNCTION_VERSION"]
        self.invoked_function_arn = os.environ["AWSLAB_FUNCTION_ARN"]
        # A string, as in the AWS Python runtime (it reads it from the environment too).
        self.memory_limit_in_mb = os.environ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]
        self.log_group_name = os.environ["AWS_LAMBDA_LOG_GROUP_NAME"]
        self.log_stream_name = os.environ["AWS_LAMBDA_LOG_STREAM_NAME"]
        self.identity = None
        self.client_context = None
        self._deadline = time.monotonic() + timeout_ms / 1000

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def error_record(error: BaseException) -> dict:
    """The payload AWS returns for an unhandled exception: message, type, stack trace."""
    if isinstance(error, FaultError):
        return {
            "errorMessage": str(error),
            "errorType": error.error_type,
            "requestId": "",
            "stackTrace": error.stack,
        }
    frames = traceback.extract_tb(error.__traceback__)[1:]  # drop our own call frame
    return {
        "errorMessage": str(error),
        "errorType": type(error).__name__,
        "requestId": "",
        "stackTrace": traceback.format_list(frames),
    }


def load_handler(handler: str):
    """Import the handler module (running its init code) and return the function.

    The errors and their types are the AWS Python runtime's (awslambdaric).
    """
    try:
        module_name, function_name = handler.rsplit(".", 1)
    except ValueError as error:
        raise FaultError(
            "Runtime.MalformedHandlerName", f"Bad handler '{handler}': {error}"
        ) from None
    if module_name.split(".")[0] in sys.builtin_module_names:
        raise FaultError(
            "Runtime.BuiltInModuleConflict",
            f"Cannot use built-in module {module_name} as a handler module",
        )
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as error:
        raise FaultError(
            "Runtime.ImportModuleError", f"Unable to import module '{module_name}': {error}"
        ) from None
    except SyntaxError as error:
        raise FaultError(
            "Runtime.UserCodeSyntaxError",
            f"Syntax error in module '{module_name}': {error}",
            [f'  File "{error.filename}" Line {error.lineno}\n    {error.text}'],
        ) from None
    function = getattr(module, function_name, None)
    if function is None:
        raise FaultError(
            "Runtime.HandlerNotFound",
            f"Handler '{function_name}' missing on module '{module_name}'",
        )
    return function


class RequestIdFilter(logging.Filter):
    """Stamps log records with the current request id, as the Lambda log format shows it."""

    request_id = ""

    def filter(self, record: logging.LogRecord) -> bool:
        record.aws_request_id = self.request_id
        return True


def set_up_logging() -> RequestIdFilter:
    # The AWS Python runtime's format; the root level stays WARNING, as there.
    handler = logging.StreamHandler(sys.stdout)
    request_ids = RequestIdFilter()
    handler.addFilter(request_ids)
    formatter = logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s",
        "%Y-%m-%dT%H:%M:%S",
    )
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    logging.getLogger().addHandler(handler)
    return request_ids


def refuse_remote_connections() -> None:
    """Let the function reach this machine (the emulator) and nothing else.

    The same guard as in the test process (``harness.backends.loopback``, standard
    library only): a student's handler can never reach AWS.
    """
    from harness.backends.loopback import LoopbackOnly

    LoopbackOnly(backend="moto, inside a Lambda function").install()


def exit_with_parent(parent_pid: int) -> None:
    """End this process when the test run's process is gone, even mid-handler.

    Checked by a daemon thread: a handler stuck in a loop still notices, and
    no signal setup depends on which of the parent's threads started us.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="awslab-parent-watch", daemon=True).start()


def max_memory_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # KiB on Linux


def become(line: str) -> None:
    """Take on the environment, folder and output a worker is started with (a spare)."""
    if not line:
        sys.exit(0)  # the parent is gone, or needed no function after all
    start = json.loads(line)
    os.environ.clear()
    os.environ.update(start["environment"])
    time.tzset()  # TZ, read at start-up
    output = os.open(start["output"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.dup2(output, 2)
    os.close(output)
    os.chdir(start["cwd"])


#: The modules the fork server imported with the SDK (boto3, botocore, urllib3...),
#: the standard library's left out.
SDK_MODULES: set[str] = set()


def forget_the_sdk_if_bundled(folders: list[str]) -> None:
    """Let a function that bundles a package of the SDK's (its own boto3, say, in its
    code or a layer) import its own, as on Lambda, where the function's folders come
    first: the fork server's imports of the SDK are forgotten."""
    packages = {name.split(".", 1)[0] for name in SDK_MODULES}
    if any(
        os.path.exists(os.path.join(folder, name))
        or os.path.exists(os.path.join(folder, f"{name}.py"))
        for folder in folders
        for name in packages
    ):
        for name in SDK_MODULES:
            sys.modules.pop(name, None)


def serve_forks(channel: socket.socket) -> int:
    """The fork server: import what handlers import, then fork a spare worker for each
    request on ``channel`` (one byte, with the spare's stdin and stdout), and report its
    pid, then its exit status: only its parent, this process, can wait for it.

    A forked spare skips Python's start-up and the worker's imports (some 40 ms of CPU
    each), and a handler's ``import boto3`` finds the SDK imported (some 0.2 s), as if
    it came with the runtime. Returns, in each forked spare, this process's pid: the
    parent it exits with. Ends when the runtime closes ``channel``, or is gone.
    """
    import harness.backends.loopback  # noqa: F401 - the guard each worker puts up

    before = set(sys.modules)
    try:
        import boto3  # noqa: F401 - imported once, for every worker forked from here
    except ImportError:
        pass  # an interpreter without the SDK: its functions do without it, as before
    SDK_MODULES.update(
        name
        for name in set(sys.modules) - before
        if name.split(".", 1)[0] not in sys.stdlib_module_names
    )
    awake, wake = os.pipe()
    os.set_blocking(wake, False)
    signal.set_wakeup_fd(wake)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes select() through ``wake``

    def report(message: dict) -> None:
        channel.sendall((json.dumps(message) + "\n").encode())

    while True:
        ready, _, _ = select.select([channel.fileno(), awake], [], [])
        if awake in ready:
            os.read(awake, 4096)
            while True:
                try:
                    pid, status = os.waitpid(-1, os.WNOHANG)
                except ChildProcessError:
                    break
                if pid == 0:
                    break
                report({"exited": pid, "status": os.waitstatus_to_exitcode(status)})
        if channel.fileno() in ready:
            request, fds, _, _ = socket.recv_fds(channel, 1, 2)
            if not request:
                os._exit(0)  # the runtime has closed, or is gone
            server = os.getpid()
            pid = os.fork()
            if pid == 0:
                channel.close()
                for descriptor in (awake, wake):
                    os.close(descriptor)
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                os.setsid()  # as a worker started for its function
                devnull = os.open(os.devnull, os.O_WRONLY)
                for descriptor, standard in ((fds[0], 0), (fds[1], 1), (devnull, 2)):
                    os.dup2(descriptor, standard)  # stderr: nowhere until it is a worker
                    os.close(descriptor)
                return server
            for descriptor in fds:
                os.close(descriptor)
            report({"forked": pid})


def main() -> None:
    parent = None
    if sys.argv[1:2] == ["--fork-server"]:
        parent = serve_forks(socket.socket(fileno=int(sys.argv[2])))
        become(sys.stdin.readline())
    elif sys.argv[1:] == ["--spare"]:
        become(sys.stdin.readline())
    exit_with_parent(parent or int(os.environ.pop("AWSLAB_PARENT_PID")))
    os.environ.pop("AWSLAB_PARENT_PID", None)  # the function's environment, nothing else
    # The protocol channel is the original stdout; from now on fd 1 is the log.
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)
    commands = sys.stdin

    def send(message: dict) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        message["max_memory_mb"] = max_memory_mb()
        channel.write(json.dumps(message) + "\n")
        channel.flush()

    refuse_remote_connections()
    task_root = os.environ["LAMBDA_TASK_ROOT"]
    opt_python = os.path.join(os.environ["AWSLAB_OPT"], "python")
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    # Lambda's search order: the function's code, then the layers' python/ folders.
    sys.path[:0] = [
        task_root,
        os.path.join(opt_python, "lib", version, "site-packages"),
        opt_python,
    ]
    forget_the_sdk_if_bundled(sys.path[:3])
    os.chdir(task_root)
    request_ids = set_up_logging()

    try:
        handler = load_handler(os.environ["_HANDLER"])
    except Exception as error:
        record = error_record(error)
        print(f"[ERROR] {record['errorType']}: {record['errorMessage']}", file=sys.stdout)
        sys.stdout.write("".join(record["stackTrace"]))
        send({"init_error": record})
        return
    send({"ready": True})

    for line in commands:
        request = json.loads(line)
        request_ids.request_id = request["request_id"]
        context = LambdaContext(request["request_id"], request["timeout_ms"])
        try:
            value = handler(request["event"], context)
        except Exception as error:
            record = error_record(error)
            record["requestId"] = request["request_id"]
            print(f"[ERROR] {record['errorType']}: {record['errorMessage']}", file=sys.stdout)
            print("Traceback (most recent call last):", file=sys.stdout)
            sys.stdout.write("".join(record["stackTrace"]))
            send({"error": record})
            continue
        try:
            payload = json.dumps(value)
        except (TypeError, ValueError) as error:
            send(
                {
                    "error": {
                        "errorMessage": f"Unable to marshal response: {error}",
                        "errorType": "Runtime.MarshalError",
                        "requestId": request["request_id"],
                        "stackTrace": [],
                    }
                }
            )
            continue
        send({"result": payload})


if __name__ == "__main__":
    main()
