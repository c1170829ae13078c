"""LocalStack on this machine without Docker: its own virtualenv, a background process.

LocalStack's Python runtime runs directly on the host (``python -m
localstack.runtime.main``). It needs Python 3.13 and dependencies that clash
with the harness's, so it gets a virtual environment of its own, built from
``requirements.txt`` beside this module, once per machine and requirements file
in the user's cache (``~/.cache/awslab/localstack-venvs/``); its log, state and
files go in a folder the user may delete at any time (``.awslab/localstack/`` in a
source checkout). The
process runs in its own session, bound to loopback, logging to a file, and
``stop()`` ends it and every process it started.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from harness.errors import LauncherError
from harness.launcher import docker_mode, localstack_dynamodb, processes
from harness.launcher.health import Health, StartFailed, fetch, wait_until_healthy
from harness.launcher.homes import exclusive, tool_home, user_cache
from harness.launcher.settings import DEFAULT_PORT, host_environment

REQUIREMENTS = Path(__file__).with_name("requirements.txt")
PYTHON_VERSION = (3, 13)
#: Where the venv, log, pid file and LocalStack's own files go (default: see ``default_home``).
HOME_VARIABLE = "AWSLAB_LOCALSTACK_HOME"
#: The Python 3.13 interpreter to build the venv with, when it is not found by itself.
PYTHON_VARIABLE = "AWSLAB_LOCALSTACK_PYTHON"
START_TIMEOUT = 120.0
STOP_TIMEOUT = 20.0

# Asked of LocalStack's own code, in its venv: the services it has and what each one needs.
_SERVICES_QUERY = """
import json
from localstack.services.plugins import SERVICE_PLUGINS
from localstack.utils.bootstrap import API_DEPENDENCIES
print(json.dumps({"services": sorted(SERVICE_PLUGINS.list_available()),
                  "dependencies": API_DEPENDENCIES}))
"""


def default_home() -> Path:
    """``$AWSLAB_LOCALSTACK_HOME``, or ``.awslab/localstack`` in the project, or a user cache."""
    return tool_home(HOME_VARIABLE, "localstack")


def shared_venv() -> Path:
    """LocalStack's venv in the user's cache, named by the requirements it is built from."""
    return (
        user_cache("localstack-venvs") / hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()[:16]
    )


def _version_of(python: str) -> tuple[int, int] | None:
    try:
        answer = subprocess.run(
            [python, "-c", "import sys; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    parts = answer.stdout.split()
    return (int(parts[0]), int(parts[1])) if answer.returncode == 0 and len(parts) == 2 else None


def find_python() -> Path:
    """A Python 3.13 interpreter: ``$AWSLAB_LOCALSTACK_PYTHON``, ``python3.13``, or pyenv's."""
    wanted = ".".join(map(str, PYTHON_VERSION))
    given = os.environ.get(PYTHON_VARIABLE)
    if given:
        if _version_of(given) != PYTHON_VERSION:
            raise LauncherError(
                f"{PYTHON_VARIABLE}={given} is not a Python {wanted} interpreter: "
                f"point it at one (LocalStack's pinned dependencies were tested with {wanted})"
            )
        return Path(given)
    candidates = []
    if sys.version_info[:2] == PYTHON_VERSION:
        candidates.append(sys.executable)
    candidates += [f"python{wanted}", f"/usr/bin/python{wanted}", f"/usr/local/bin/python{wanted}"]
    pyenv_root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    candidates += sorted(map(str, pyenv_root.glob(f"versions/{wanted}*/bin/python")), reverse=True)
    for candidate in candidates:
        if _version_of(candidate) == PYTHON_VERSION:
            return Path(candidate)
    raise LauncherError(
        f"LocalStack host mode needs Python {wanted}, and none was found: install it "
        f"(`pyenv install {wanted}`, `uv python install {wanted}`, or your package manager), "
        f"or set {PYTHON_VARIABLE} to its path"
    )


class HostLocalStack:
    """LocalStack as a background process of this machine.

    Usable on its own: ``HostLocalStack().start()`` builds the venv if needed,
    starts LocalStack and returns its health; ``stop()`` ends it.
    """

    def __init__(
        self,
        home: Path | None = None,
        port: int = DEFAULT_PORT,
        echo: Callable[[str], None] = print,
    ) -> None:
        chosen = home is not None or bool(os.environ.get(HOME_VARIABLE))
        self.home = home or default_home()
        self.port = port
        self.echo = echo
        # Unless a home is chosen, the venv is the user's, one per requirements file: a
        # fresh clone (as in CI) finds it built, instead of 1.5 minutes building it again.
        self.venv = self.home / "venv" if chosen else shared_venv()
        self.python = self.venv / "bin" / "python"
        self.stamp = self.venv / ".awslab-requirements"  # written last: the venv is complete
        self.services_file = self.venv / ".awslab-services.json"
        self.pid_file = self.home / "localstack.pid"
        self.log_file = self.home / "localstack.log"
        self.install_log = self.home / "install.log"
        self.filesystem = self.home / "filesystem"
        self.state_file = self.home / "state.json"

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- the virtual environment ------------------------------------------------------------

    def wanted_stamp(self) -> str:
        """Changes whenever requirements.txt does, so an edited pin rebuilds the venv."""
        return hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()

    def venv_ready(self) -> bool:
        try:
            return self.stamp.read_text().strip() == self.wanted_stamp()
        except OSError:
            return False

    def build_venv(self) -> float | None:
        """Build (or rebuild) the venv unless it is up to date; the seconds it took, or None."""
        if self.venv_ready():
            return None
        with exclusive(self.venv.with_name(f"{self.venv.name}.lock")):  # another clone's build
            if self.venv_ready():
                return None
            return self._build_venv()

    def _build_venv(self) -> float:
        python = find_python()
        self.echo(f"building LocalStack's virtual environment in {self.venv} with {python} ...")
        started = time.monotonic()
        if self.venv.exists():
            _remove_tree(self.venv)
        self.home.mkdir(parents=True, exist_ok=True)
        steps = [
            [str(python), "-m", "venv", str(self.venv)],
            # --no-deps: requirements.txt is the complete, tested set; nothing else gets in.
            [str(self.python), "-m", "pip", "install", "--no-deps", "--disable-pip-version-check"]
            + ["--quiet", "--requirement", str(REQUIREMENTS)],
        ]
        with open(self.install_log, "w", encoding="utf-8") as log:
            for step in steps:
                if subprocess.run(step, stdout=log, stderr=subprocess.STDOUT).returncode != 0:
                    raise LauncherError(
                        f"building LocalStack's virtual environment failed "
                        f"({' '.join(step[:4])} ...): see {self.install_log}"
                    )
        self._query_services()
        self.stamp.write_text(self.wanted_stamp() + "\n")
        seconds = time.monotonic() - started
        self.echo(f"built it in {seconds:.0f} s")
        return seconds

    def _query_services(self) -> dict:
        environment = {**os.environ, **host_environment(self.port, self.filesystem)}
        answer = subprocess.run(
            [str(self.python), "-c", _SERVICES_QUERY],
            capture_output=True,
            text=True,
            env=environment,
            timeout=120,
        )
        if answer.returncode != 0:
            last = (answer.stderr.strip().splitlines() or ["no output"])[-1]
            raise LauncherError(f"LocalStack does not import in {self.venv}: {last}")
        self.services_file.write_text(answer.stdout)
        return json.loads(answer.stdout)

    # -- what this host cannot run ------------------------------------------------------------

    def limitations(self) -> dict[str, str]:
        """Services LocalStack cannot run on this machine, each with the reason."""
        found: dict[str, str] = {}
        engine = docker_mode.engine_problem()
        if engine:
            found["lambda"] = (
                f"LocalStack runs Lambda functions in Docker containers and no Docker engine "
                f"answers here ({engine}); start one, or use --backend moto for Lambda"
            )
        dynamodb = localstack_dynamodb.why_unavailable(self.filesystem)
        if dynamodb:
            found["dynamodb"] = found["dynamodbstreams"] = dynamodb
        return found

    def services_to_load(self, disabled: dict[str, str]) -> tuple[list[str] | None, dict[str, str]]:
        """The SERVICES list that leaves out ``disabled``, and every service left out, with why.

        A service that needs a left-out one is left out too (LocalStack would load the
        dependency again): Secrets Manager needs Lambda, for rotation.
        """
        if not disabled:
            return None, {}
        known = json.loads(self.services_file.read_text())
        dependencies: dict[str, list[str]] = known["dependencies"]
        left_out = dict(disabled)
        changed = True
        while changed:
            changed = False
            for service in known["services"]:
                missing = [d for d in dependencies.get(service, []) if d in left_out]
                if service not in left_out and missing:
                    left_out[service] = f"needs {missing[0]}: {left_out[missing[0]]}"
                    changed = True
        return [s for s in known["services"] if s not in left_out], left_out

    # -- the process ------------------------------------------------------------------------

    def pid(self) -> int | None:
        """The pid of the LocalStack this launcher started, if it still runs."""
        try:
            pid = int(self.pid_file.read_text())
        except (OSError, ValueError):
            return None
        if processes.alive(pid) and "localstack.runtime.main" in (
            processes.command_line(pid) or ""
        ):
            return pid
        self.pid_file.unlink(missing_ok=True)  # stale: that process is gone
        return None

    def state(self) -> dict:
        """What ``start`` recorded: port, services left out and why, start time."""
        try:
            return json.loads(self.state_file.read_text())
        except (OSError, ValueError):
            return {}

    def start(self, timeout: float = START_TIMEOUT) -> Health:
        """Start LocalStack in the background (unless it runs) and wait until it answers."""
        running = self.pid()
        if running is not None:
            self.echo(f"LocalStack is already running (pid {running}), at {self.endpoint_url}")
            return wait_until_healthy(self.endpoint_url, timeout)
        if processes.port_taken(self.port):
            health = fetch(self.endpoint_url)
            if health is not None:
                raise LauncherError(
                    f"a LocalStack {health.version} not started by awslab already answers at "
                    f"{self.endpoint_url}: use it as it is, or stop it first"
                )
            raise LauncherError(
                f"port {self.port} on 127.0.0.1 is taken by another program: stop it, or choose "
                f"another port and set AWSLAB_LOCALSTACK_URL=http://localhost:<port> for pytest"
            )
        self.build_venv()
        if localstack_dynamodb.lend(self.filesystem):
            self.echo(f"LocalStack's DynamoDB runs on {localstack_dynamodb.LENT}")
        services, left_out = self.services_to_load(self.limitations())
        for service, reason in left_out.items():
            self.echo(f"not loading {service}: {reason}")
        environment = {**os.environ, **host_environment(self.port, self.filesystem, services)}
        for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "AWS_ENDPOINT_URL"):
            environment.pop(name, None)  # the harness's own, not LocalStack's
        self.filesystem.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        with open(self.log_file, "wb") as log:
            # A session of its own: Ctrl-C in this terminal does not reach it, and
            # stop() can signal it together with the processes it starts.
            process = subprocess.Popen(
                [str(self.python), "-m", "localstack.runtime.main"],
                cwd=self.home,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.pid_file.write_text(f"{process.pid}\n")
        try:
            health = wait_until_healthy(
                self.endpoint_url, timeout, problem=lambda: self._exited(process)
            )
        except StartFailed as failure:
            self.stop()
            raise LauncherError(f"{failure}; its log is {self.log_file}") from None
        seconds = time.monotonic() - started
        self.state_file.write_text(
            json.dumps(
                {
                    "mode": "host",
                    "pid": process.pid,
                    "port": self.port,
                    "endpoint_url": self.endpoint_url,
                    "start_seconds": round(seconds, 1),
                    "left_out": left_out,
                },
                indent=2,
            )
        )
        self.echo(
            f"LocalStack {health.version} answers at {self.endpoint_url} after {seconds:.1f} s "
            f"(pid {process.pid}, log {self.log_file})"
        )
        return health

    def _exited(self, process: subprocess.Popen) -> str | None:
        status = process.poll()
        if status is None:
            return None
        return f"LocalStack exited with status {status} while starting: {_last_line(self.log_file)}"

    def stop(self, timeout: float = STOP_TIMEOUT) -> bool:
        """Stop the LocalStack this launcher started; False if none was running."""
        pid = self.pid()
        self.state_file.unlink(missing_ok=True)
        if pid is None:
            return False
        processes.signal_group(pid, signal.SIGTERM)  # LocalStack shuts its services down on SIGTERM
        deadline = time.monotonic() + timeout
        while processes.group_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if processes.group_alive(pid):
            processes.signal_group(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True


def _last_line(path: Path) -> str:
    try:
        lines = [line for line in path.read_text(errors="replace").splitlines() if line.strip()]
    except OSError:
        return "no log"
    return lines[-1].strip() if lines else "empty log"


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path)
