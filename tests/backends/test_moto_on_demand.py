"""moto starts at the first connection to its port, and resets only after serving."""

from __future__ import annotations

import subprocess
import sys
import urllib.request

import pytest

from harness.backends.moto import MotoBackend

ACCOUNT, REGION = "123456789012", "us-east-1"


def test_moto_resets_only_after_it_has_served_a_request():
    from moto.backends import get_backend

    def queues():
        return get_backend("sqs")[ACCOUNT][REGION].queues

    backend = MotoBackend()
    try:
        backend.start()
        backend.isolate()  # whatever this process's earlier tests left in moto
        assert not backend.served_since_reset
        # Made in-process, not through the server: a reset would delete it.
        get_backend("sqs")[ACCOUNT][REGION].create_queue("made-directly")
        backend.isolate()
        assert "made-directly" in queues()  # served nothing: no reset
        with urllib.request.urlopen(f"{backend.endpoint_url}/moto-api/data.json", timeout=10):
            pass
        assert backend.served_since_reset
        backend.isolate()
        assert not backend.served_since_reset
        assert "made-directly" not in queues()
    finally:
        backend.stop()


def test_moto_starts_at_the_first_connection_from_any_process():
    backend = MotoBackend()
    try:
        backend.start_on_first_connection()
        assert not backend.running
        # Another process, which nothing in this one sees connect.
        script = (
            "import sys, urllib.request\n"
            "print(urllib.request.urlopen(sys.argv[1] + '/moto-api/data.json', timeout=30).status)"
        )
        answer = subprocess.run(
            [sys.executable, "-c", script, backend.endpoint_url],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert answer.stdout.strip() == "200"
        assert backend.running
    finally:
        backend.stop()


def test_a_backend_that_never_started_stops_at_once():
    backend = MotoBackend()
    backend.start_on_first_connection()
    backend.stop()
    assert not backend.running
    with pytest.raises(RuntimeError, match="stopped"):
        backend.start()
