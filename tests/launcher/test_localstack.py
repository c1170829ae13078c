"""The LocalStack launcher without LocalStack: settings, compose file, process handling, doctor.

A stand-in ``localstack.runtime.main`` (a tiny health endpoint) plays LocalStack,
so starting, waiting, status and stopping are tested in about a second.
"""

from __future__ import annotations

import json
import socket
import sys
import textwrap
from pathlib import Path

import pytest

from harness.errors import LauncherError
from harness.launcher import docker_mode, doctor, localstack_dynamodb
from harness.launcher import localstack as launcher
from harness.launcher.health import StartFailed, wait_until_healthy
from harness.launcher.host import (
    HOME_VARIABLE,
    PYTHON_VARIABLE,
    REQUIREMENTS,
    HostLocalStack,
    find_python,
)
from harness.launcher.settings import AWS_LIKE_SETTINGS, host_environment

FAKE_LOCALSTACK = """
import json, os, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

host, port = os.environ["GATEWAY_LISTEN"].split(":")
loaded = os.environ.get("SERVICES", "sqs,s3").split(",")

class Health(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"version": "fake", "services": {s: "available" for s in loaded}})
        self.send_response(200)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass

print("Ready.", flush=True)
HTTPServer((host, int(port)), Health).serve_forever()
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def fake_host(tmp_path: Path, monkeypatch) -> HostLocalStack:
    """A HostLocalStack whose venv is this Python and whose LocalStack is FAKE_LOCALSTACK."""
    host = HostLocalStack(tmp_path, port=free_port(), echo=lambda line: None)
    host.python.parent.mkdir(parents=True)
    host.python.symlink_to(sys.executable)
    host.stamp.write_text(host.wanted_stamp())
    dependencies = {"secretsmanager": ["kms", "lambda"], "ssm": ["secretsmanager"]}
    services = ["kms", "lambda", "s3", "secretsmanager", "sqs", "ssm"]
    host.services_file.write_text(json.dumps({"services": services, "dependencies": dependencies}))
    module = tmp_path / "localstack" / "runtime"
    module.mkdir(parents=True)
    (module.parent / "__init__.py").write_text("")
    (module / "__init__.py").write_text("")
    (module / "main.py").write_text(textwrap.dedent(FAKE_LOCALSTACK))
    monkeypatch.setattr(HostLocalStack, "limitations", lambda self: {})
    # Whether this machine could lend LocalStack a DynamoDB Local is not what these tests are about.
    monkeypatch.setattr(localstack_dynamodb, "lend", lambda filesystem: False)
    return host


def test_host_mode_starts_answers_and_stops(fake_host: HostLocalStack):
    health = fake_host.start(timeout=20)
    try:
        assert health.version == "fake"
        assert fake_host.pid() is not None
        current = launcher.status(fake_host.port, fake_host.home)
        assert current.mode == "host"
        first_line = current.lines()[0]
        assert first_line.startswith(f"LocalStack fake: running at {fake_host.endpoint_url}")
    finally:
        assert fake_host.stop(timeout=5)
    assert fake_host.pid() is None
    assert not fake_host.pid_file.exists()
    assert not launcher.status(fake_host.port, fake_host.home).running


def test_host_mode_says_when_its_dynamodb_runs_on_awslabs_dynamodb_local(
    fake_host: HostLocalStack, monkeypatch
):
    lent_to: list[Path] = []
    monkeypatch.setattr(localstack_dynamodb, "lend", lambda fs: lent_to.append(fs) or True)
    said: list[str] = []
    fake_host.echo = said.append
    fake_host.start(timeout=20)
    try:
        assert lent_to == [fake_host.filesystem]
        assert f"LocalStack's DynamoDB runs on {localstack_dynamodb.LENT}" in said
    finally:
        fake_host.stop(timeout=5)


def test_up_twice_starts_one_localstack(fake_host: HostLocalStack):
    first = launcher.up(docker=False, port=fake_host.port, home=fake_host.home, echo=print)
    try:
        said = []
        second = launcher.up(
            docker=False, port=fake_host.port, home=fake_host.home, echo=said.append
        )
        assert second.pid == first.pid
        assert said == [f"LocalStack fake is already running at {fake_host.endpoint_url}"]
    finally:
        assert launcher.down(home=fake_host.home, echo=lambda line: None)
    assert not launcher.down(home=fake_host.home, echo=lambda line: None), "nothing left to stop"


def test_a_localstack_that_exits_while_starting_is_reported_at_once(fake_host: HostLocalStack):
    main = fake_host.home / "localstack" / "runtime" / "main.py"
    main.write_text("raise SystemExit('no component plugins found')\n")
    with pytest.raises(LauncherError, match="exited with status 1 while starting: no component"):
        fake_host.start(timeout=20)
    assert fake_host.pid() is None


def test_a_port_taken_by_another_program_is_one_clear_error(fake_host: HostLocalStack):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", fake_host.port))
        squatter.listen()
        with pytest.raises(LauncherError, match=f"port {fake_host.port} .* is taken"):
            fake_host.start(timeout=5)


def test_a_service_needing_a_left_out_one_is_left_out_too(fake_host: HostLocalStack):
    services, left_out = fake_host.services_to_load({"lambda": "no Docker engine"})
    assert services == ["kms", "s3", "sqs"]
    assert left_out["ssm"] == "needs secretsmanager: needs lambda: no Docker engine"
    assert fake_host.services_to_load({}) == (None, {})


def test_left_out_services_are_not_loaded_and_say_why(fake_host: HostLocalStack, monkeypatch):
    monkeypatch.setattr(HostLocalStack, "limitations", lambda self: {"lambda": "no engine"})
    fake_host.start(timeout=20)
    try:
        assert sorted(fake_host.state()["left_out"]) == ["lambda", "secretsmanager", "ssm"]
        url = fake_host.endpoint_url
        assert launcher.why_left_out(url, "lambda", fake_host.home) == "no engine"
        assert launcher.why_left_out(url, "sqs", fake_host.home) is None
        assert launcher.why_left_out("http://127.0.0.1:1", "lambda", fake_host.home) is None
    finally:
        fake_host.stop(timeout=5)


def test_a_stale_pid_file_is_ignored_and_removed(tmp_path: Path):
    host = HostLocalStack(tmp_path)
    host.pid_file.write_text("999999999\n")
    assert host.pid() is None
    assert not host.pid_file.exists()
    assert host.stop() is False


def test_an_edited_requirements_file_means_a_rebuild(fake_host: HostLocalStack):
    assert fake_host.venv_ready()
    fake_host.stamp.write_text("an older requirements file\n")
    assert not fake_host.venv_ready()


def test_the_venv_is_built_once_per_machine_and_requirements_not_per_clone(
    tmp_path: Path, monkeypatch
):
    monkeypatch.delenv(HOME_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    venv = HostLocalStack().venv
    assert venv.parent == tmp_path / "cache" / "awslab" / "localstack-venvs"
    assert HostLocalStack().venv == venv  # a fresh clone would find it
    # An edited pin is a venv of its own: the old one is never half-updated.
    monkeypatch.setattr(REQUIREMENTS.__class__, "read_bytes", lambda path: b"localstack==0\n")
    assert HostLocalStack().venv != venv


def test_a_chosen_home_holds_its_own_venv(tmp_path: Path, monkeypatch):
    assert HostLocalStack(tmp_path).venv == tmp_path / "venv"
    monkeypatch.setenv(HOME_VARIABLE, str(tmp_path / "chosen"))
    assert HostLocalStack().venv == tmp_path / "chosen" / "venv"


def test_a_venv_built_meanwhile_by_another_clone_is_not_built_again(fake_host: HostLocalStack):
    built = []
    fake_host._build_venv = lambda: built.append(True) or 1.0  # type: ignore[method-assign]
    # Not ready when asked, ready once the lock is ours: the other clone built it meanwhile.
    readiness = iter([False, True])
    fake_host.venv_ready = lambda: next(readiness)  # type: ignore[method-assign]
    assert fake_host.build_venv() is None
    assert built == []
    fake_host.stamp.write_text("an older requirements file\n")
    del fake_host.venv_ready  # the real check again: out of date, so built
    assert fake_host.build_venv() == 1.0
    assert built == [True]


def test_a_wrong_python_for_host_mode_is_refused_in_one_line(monkeypatch):
    monkeypatch.setenv(PYTHON_VARIABLE, sys.executable)
    if sys.version_info[:2] == (3, 13):
        pytest.skip("this interpreter is the right one")
    with pytest.raises(LauncherError) as refused:
        find_python()
    assert "is not a Python 3.13 interpreter" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_waiting_ends_at_once_when_the_process_has_a_problem():
    with pytest.raises(StartFailed, match="it died"):
        wait_until_healthy(f"http://127.0.0.1:{free_port()}", 30, problem=lambda: "it died")


def test_waiting_is_bounded():
    with pytest.raises(StartFailed, match="did not answer .* within 0.3 s"):
        wait_until_healthy(f"http://127.0.0.1:{free_port()}", 0.3, interval=0.05)


def test_host_mode_stays_on_loopback_and_in_its_folder(tmp_path: Path):
    environment = host_environment(4566, tmp_path / "fs", ["sqs", "s3"])
    assert environment["GATEWAY_LISTEN"] == "127.0.0.1:4566"
    assert environment["FILESYSTEM_ROOT"] == str(tmp_path / "fs")
    assert environment["OVERRIDE_IN_DOCKER"] == "0"
    assert environment["SERVICES"] == "sqs,s3"
    assert environment["S3_SKIP_SIGNATURE_VALIDATION"] == "0"
    assert environment["DYNAMODB_IN_MEMORY"] == "1", "no DynamoDB files under its folder"


def test_the_compose_file_pins_the_image_and_matches_host_mode():
    service = docker_mode.compose_service()
    options, endpoint_url = docker_mode.run_options(service)
    image, _, tag = options["image"].partition(":")
    assert image == "localstack/localstack" and tag and tag != "latest"
    assert options["ports"] == {"4566/tcp": ("127.0.0.1", 4566)}
    assert endpoint_url == "http://127.0.0.1:4566"
    assert options["volumes"]["/var/run/docker.sock"]["bind"] == "/var/run/docker.sock"
    assert options["healthcheck"]["interval"] == 5 * 10**9
    environment = docker_mode.environment_of(service)
    assert AWS_LIKE_SETTINGS.items() <= environment.items(), "same AWS-like settings as host mode"


def test_compose_environment_in_either_form():
    assert docker_mode.environment_of({"environment": ["A=1", "B"]}) == {"A": "1", "B": ""}
    assert docker_mode.environment_of({"environment": {"A": 1}}) == {"A": "1"}


def test_no_docker_engine_is_named_in_a_few_words(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/docker.sock")
    assert docker_mode.engine_problem() == f"no Docker socket at {tmp_path}/docker.sock"


def test_doctor_prints_one_line_per_check(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/docker.sock")
    monkeypatch.setattr(launcher, "status", lambda port=4566, home=None: launcher.Status("x"))
    lines: list[str] = []
    assert doctor.report(lines.append, home=tmp_path) == 0
    assert lines[0].startswith("ok  Python: 3.")
    assert lines[1].startswith("ok  moto: ")
    assert lines[2].startswith("--  Docker engine: no Docker socket")
    assert lines[-1].startswith("--  LocalStack: not running at x; `awslab localstack up`")
    assert all("\n" not in line for line in lines)
