"""Emulator mode never reaches a real AWS account."""

from __future__ import annotations

import socket

import pytest

from harness.backends.safety import LoopbackOnly, NetworkRefused, is_loopback


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("127.3.2.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("bucket.localhost", True),
        (b"localhost", True),
        (None, True),
        ("sqs.us-east-1.amazonaws.com", False),
        ("10.0.0.8", False),
        ("203.0.113.7", False),
        ("localhost.evil.example", False),
    ],
)
def test_only_this_machine_counts_as_loopback(host, expected):
    assert is_loopback(host) is expected


def test_the_guard_refuses_before_any_packet_leaves_and_restores_on_exit():
    original = socket.getaddrinfo
    with LoopbackOnly(backend="moto"):
        with pytest.raises(NetworkRefused, match="awslab refused a connection to 203.0.113.7:443"):
            socket.create_connection(("203.0.113.7", 443), timeout=0.1)
        with pytest.raises(NetworkRefused, match="example.com"):
            socket.getaddrinfo("example.com", 443)
        with LoopbackOnly(backend="moto"):
            pass  # nested guards unwind in order
        with pytest.raises(NetworkRefused):
            socket.getaddrinfo("example.com", 443)
    assert socket.getaddrinfo is original


def test_a_lab_cannot_reach_real_aws_even_when_it_asks(lab: pytest.Pytester, monkeypatch):
    # What a careless shell might carry: real-looking keys and a profile.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALREALREALREAL")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-secret")
    monkeypatch.setenv("AWS_PROFILE", "production")
    monkeypatch.setenv("AWS_ENDPOINT_URL", "https://sqs.us-east-1.amazonaws.com")
    lab.makepyfile(
        """
        import os
        import boto3
        import pytest
        import urllib.request

        def test_credentials_are_fake(aws):
            credentials = boto3.Session().get_credentials()
            assert credentials.access_key == "test"
            assert "AWS_PROFILE" not in os.environ

        def test_a_plain_client_reaches_the_emulator(aws):
            assert os.environ["AWS_ENDPOINT_URL"] == aws.endpoint_url
            boto3.client("sqs").create_queue(QueueName="plain")
            assert len(aws.sqs.list_queues()["QueueUrls"]) == 1

        def test_an_explicit_real_endpoint_is_refused(aws):
            client = boto3.client("sqs", endpoint_url="https://sqs.us-east-1.amazonaws.com")
            with pytest.raises(Exception, match="awslab refused a connection to sqs.us-east-1"):
                client.list_queues()

        def test_any_other_host_is_refused():
            with pytest.raises(Exception, match="only this machine is reachable"):
                urllib.request.urlopen("http://example.com/", timeout=1)
        """
    )
    lab.runpytest("-p", "no:randomly").assert_outcomes(passed=4)
