"""The run's clients reach moto's app in-process, and moto answers them as over HTTP."""

from __future__ import annotations

import boto3
import pytest
from botocore.awsrequest import AWSPreparedRequest
from botocore.config import Config
from moto.moto_server.werkzeug_app import MotoRequestHandler

from harness.backends import moto_in_process
from harness.backends.moto import MotoBackend
from harness.backends.safety import emulator_environment


@pytest.fixture
def backend():
    with emulator_environment():
        backend = MotoBackend()
        backend.start()
        yield backend
        backend.isolate()
        backend.stop()


def s3(backend: MotoBackend, in_process: bool):
    session = boto3.Session()
    if in_process:
        session.events.register_first(
            "before-send", lambda request, **_: backend.answer_in_process(request)
        )
    # One attempt: a request the server never answers fails instead of being retried.
    config = Config(retries={"max_attempts": 1}, read_timeout=5)
    return session.client("s3", endpoint_url=backend.endpoint_url, config=config)


@pytest.fixture
def served_over_http(monkeypatch) -> list[str]:
    """The paths of the requests moto's server read from its socket."""
    paths: list[str] = []
    make_environ = MotoRequestHandler.make_environ

    def counted(handler):
        paths.append(handler.path)
        return make_environ(handler)

    monkeypatch.setattr(MotoRequestHandler, "make_environ", counted)
    return paths


def test_the_runs_clients_never_reach_the_socket(backend, served_over_http):
    client = s3(backend, in_process=True)
    client.create_bucket(Bucket="in-process")
    assert [b["Name"] for b in client.list_buckets()["Buckets"]] == ["in-process"]
    backend.isolate()  # moto's own API too
    assert served_over_http == []
    s3(backend, in_process=False).list_buckets()  # the server still serves the others
    assert served_over_http == ["/"]


def test_moto_answers_as_over_http(backend):
    """What the server's request handling gives: a key's escapes, metadata spelled
    with an underscore, an empty PUT's length, a streamed body."""
    direct, over_http = s3(backend, in_process=True), s3(backend, in_process=False)
    direct.create_bucket(Bucket="both", ObjectOwnership="ObjectWriter")
    direct.put_bucket_acl(Bucket="both", ACL="private")  # no body: "Length Required" without one
    body = bytes(range(256)) * 1000
    # An underscore kept in S3 metadata; beside the same name with a dash, it is dropped.
    metadata = {"my_key": "1", "my-key": "2", "other_key": "3"}
    answers = []
    for writer in direct, over_http:
        key = f"a folder/été+100%/{id(writer)}.txt"
        writer.put_object(Bucket="both", Key=key, Body=body, Metadata=metadata)
        for reader in direct, over_http:
            answer = reader.get_object(Bucket="both", Key=key)
            assert b"".join(answer["Body"].iter_chunks(4096)) == body
            answers.append((answer["Metadata"], answer["ContentLength"]))
    assert answers == [({"my-key": "2", "other_key": "3"}, len(body))] * 4


def test_a_request_for_another_address_is_sent_as_usual(backend):
    elsewhere = AWSPreparedRequest("GET", "http://127.0.0.2:1/", {}, b"", stream_output=False)
    assert backend.answer_in_process(elsewhere) is None


def test_moto_failing_is_an_http_500_as_from_the_server(backend, caplog):
    def failing(environ, start_response):
        raise ValueError("a moto bug")

    request = AWSPreparedRequest(
        "POST", f"{backend.endpoint_url}/", {}, b"Action=ListQueues", stream_output=False
    )
    answer = moto_in_process.answer(failing, request)
    assert answer.status_code == 500
    assert "a moto bug" in caplog.text


def test_a_repeated_header_is_joined_as_over_http():
    def repeating(environ, start_response):
        start_response("200 OK", [("X-Seen", "a"), ("x-seen", "b"), ("Content-Length", "0")])
        return [b""]

    request = AWSPreparedRequest("GET", "http://127.0.0.1:1/", {}, b"", stream_output=False)
    answer = moto_in_process.answer(repeating, request)
    assert answer.headers["x-seen"] == "a, b"


def test_a_labs_own_send_hook_comes_before_the_in_process_answer(lab: pytest.Pytester):
    """moto's in-process answer is the transport: a hook a lab or a student puts on a
    client (one that answers a request itself, say) still runs, as over HTTP."""
    lab.makepyfile(
        """
        from botocore.awsrequest import AWSResponse

        class Raw:
            def stream(self, **_):
                yield b'{"QueueUrls": ["https://sqs/from-the-hook"]}'

        def test_the_hook_answers(aws):
            def answer(request, **_):
                return AWSResponse(request.url, 200, {}, Raw())

            aws.sqs.meta.events.register("before-send", answer)
            assert aws.sqs.list_queues()["QueueUrls"] == ["https://sqs/from-the-hook"]
        """
    )
    lab.runpytest("-p", "no:randomly").assert_outcomes(passed=1)
