"""What makes a run a lab run, what the plugin leaves alone outside one, and how
every test of a lab run reaches a clean emulator."""

from __future__ import annotations

import pytest

#: Another project's AWS settings; anything a lab run sets and this does not, unset.
UNRELATED_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "AKIAUNRELATEDPROJECT",
    "AWS_SECRET_ACCESS_KEY": "unrelated-secret",
    "AWS_DEFAULT_REGION": "eu-west-3",
    "AWS_PROFILE": "unrelated-profile",
    "AWS_ENDPOINT_URL": "http://aws.unrelated.example",
}
LAB_RUN_ONLY = ("AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_REGION", "MOTO_PORT")


@pytest.fixture
def unrelated(pytester: pytest.Pytester, monkeypatch) -> pytest.Pytester:
    """Another project in the same virtualenv: no awslab_notes, no --backend."""
    for name in ("AWSLAB_BACKEND", *LAB_RUN_ONLY):
        monkeypatch.delenv(name, raising=False)
    for name, value in UNRELATED_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    pytester.makeini("[pytest]\nmarkers =\n    slow: an unrelated project's own marker\n")
    return pytester


def test_an_unrelated_projects_run_keeps_its_environment_and_network(unrelated):
    unrelated.makepyfile(
        f"""
        import _socket
        import gc
        import os
        import socket

        import boto3
        import pytest

        def test_untouched():
            for name, value in {UNRELATED_ENVIRONMENT!r}.items():
                assert os.environ[name] == value
            assert not set({LAB_RUN_ONLY!r}) & set(os.environ)
            assert boto3.DEFAULT_SESSION is None
            assert gc.get_threshold()[0] < 50_000  # the lab run's collector tuning is off
            # No guard: the socket functions are the standard library's own...
            assert socket.socket.connect is _socket.socket.connect
            assert socket.getaddrinfo.__module__ == "socket"
            # ...so a host off this machine fails as the network says (TEST-NET-1 is
            # routed nowhere), not with the guard's NetworkRefused.
            with pytest.raises(OSError):
                socket.create_connection(("192.0.2.1", 9), timeout=0.2)
        """
    )
    # A process of its own: this run (a lab run) has its guard up.
    result = unrelated.runpytest_subprocess("-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    assert "awslab:" not in result.stdout.str()  # no report header


def test_outside_a_lab_run_the_markers_do_nothing_and_a_backend_fixture_says_why(
    unrelated,
):
    unrelated.makepyfile(
        """
        import pytest

        @pytest.mark.claim("not-an-id")
        @pytest.mark.emulator_gap("moto", reason="would be an expected failure in a lab run")
        def test_marked():
            pass

        def test_helpers(unique_name, error_code):
            assert unique_name("orders").startswith("lab")

        def test_asks_for_aws(aws):
            pass
        """
    )
    result = unrelated.runpytest("-p", "no:randomly", "--strict-markers")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*fixtures that reach AWS (aws, clock, eventually, ...) need a lab run*"
            "set awslab_notes*or run pytest with --backend moto"
        ]
    )
    assert "Traceback" not in result.stdout.str()
    assert "awslab:" not in result.stdout.str()  # no report header


def test_backend_option_makes_any_run_a_lab_run(unrelated):
    unrelated.makepyfile(
        """
        import os

        import boto3

        def test_plain_client_on_moto():
            assert os.environ["AWS_ACCESS_KEY_ID"] == "test"
            assert "AWS_PROFILE" not in os.environ
            boto3.client("sqs").create_queue(QueueName="mine")
            assert len(boto3.client("sqs").list_queues()["QueueUrls"]) == 1
        """
    )
    result = unrelated.runpytest("--backend", "moto", "-p", "no:randomly")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["awslab: backend moto, notes none (quotes are not checked)"])


def test_a_notes_file_that_is_not_there_is_one_line(pytester: pytest.Pytester):
    pytester.makeini("[pytest]\nawslab_notes = notes/missing.md\n")
    pytester.makepyfile("def test_nothing(): pass")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: awslab_notes = 'notes/missing.md' (in *) names no file*"])
    assert "Traceback" not in result.stderr.str() + result.stdout.str()


def test_a_user_error_in_a_test_fails_it_in_one_line(lab: pytest.Pytester, monkeypatch):
    # pytest writes the short summary in full under CI (CI or BUILD_NUMBER set) and cut to
    # the terminal's width elsewhere: the count below is of the uncut summary, everywhere
    # (per test: the message, the line pytest echoes of it, and its summary line).
    monkeypatch.setenv("CI", "true")
    lab.makepyfile(
        """
        import pytest

        from harness.errors import HandoutError

        @pytest.fixture
        def handout():
            raise HandoutError("the handout folder is not empty: pass --force")

        def test_setup(handout):
            pass

        def test_call():
            raise HandoutError("the handout folder is not empty: pass --force")
        """
    )
    result = lab.runpytest("-p", "no:randomly")
    result.assert_outcomes(failed=1, errors=1)
    assert result.stdout.str().count("the handout folder is not empty: pass --force") == 6
    assert "raise HandoutError" not in result.stdout.str()


FIXTURELESS_LABS = """
import boto3

from harness.plugin.keys import run_key

def names(client):
    return [url.rsplit("/", 1)[1] for url in client.list_queues().get("QueueUrls", [])]

def test_1_nothing_starts_moto_before_it_is_used(request):
    assert not request.config.stash[run_key].backend.running

def test_2_a_plain_client_reaches_moto():
    sqs = boto3.client("sqs")
    sqs.create_queue(QueueName="first")
    assert names(sqs) == ["first"]

def test_3_starts_clean():
    assert names(boto3.client("sqs")) == []
    boto3.Session().client("sqs").create_queue(QueueName="a-students-own-session")

def test_4_starts_clean_after_a_students_own_session_too():
    assert names(boto3.client("sqs")) == []
"""


def test_every_lab_test_reaches_a_clean_emulator_without_asking(lab: pytest.Pytester):
    lab.makepyfile(FIXTURELESS_LABS)
    lab.runpytest("-p", "no:randomly").assert_outcomes(passed=4)


def test_the_graders_workspace_is_a_lab_run(tmp_path):
    from harness.classroom import workspace

    root, copy = tmp_path / "course", tmp_path / "workspace"
    (root / "notes").mkdir(parents=True)
    (root / "notes" / "aws-dev-associate.md").write_text("#### sqs\n- a bullet\n")
    (root / "labs" / "demo").mkdir(parents=True)
    (root / "labs" / "demo" / "test_demo.py").write_text(
        "from harness.plugin.keys import run_key\n\n"
        "def test_is_a_lab_run(request):\n"
        "    assert run_key in request.config.stash\n"
    )
    copy.mkdir()
    workspace.copy_labs([root / "labs"], root, copy, lambda relative, text: text)
    outcomes = workspace.run_pytest(copy, ["labs"])
    assert [o.outcome.value for o in outcomes.values()] == ["passed"]
