"""DynamoDB as a session store: serverless, shared, and self-cleaning with TTL.

Web servers behind a load balancer share their users' sessions through one
table keyed by session id. Each session carries an ``expires_at`` epoch time
and TTL is enabled on it, so abandoned sessions disappear without a cleanup
job. TTL deletion is late (typically within two days), so the application
itself treats a session past its expiry as gone.

Notes, "dynamodb > ddb as session state cache" and "dynamodb > time to live".
"""

from __future__ import annotations

import time

import pytest

THIRTY_MINUTES = 30 * 60


@pytest.fixture
def sessions(aws, create_table) -> str:
    name = create_table("sessions", ("session_id", "S"))
    aws.dynamodb.update_time_to_live(
        TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires_at"}
    )
    return name


def start_session(aws, table: str, session_id: str, user: str) -> None:
    aws.dynamodb.put_item(
        TableName=table,
        Item={
            "session_id": {"S": session_id},
            "user": {"S": user},
            "expires_at": {"N": str(int(time.time()) + THIRTY_MINUTES)},
        },
    )


@pytest.mark.claim("dynamodb.session-store", quote="ddb as session state cache")
def test_a_session_is_shared_until_it_expires(aws, sessions, clock):
    def current_user(session_id: str) -> str | None:
        """What any web server sees: the session's user, or None if there is no live session."""
        item = aws.dynamodb.get_item(TableName=sessions, Key={"session_id": {"S": session_id}}).get(
            "Item"
        )
        user = item["user"]["S"] if item else None
        # HINT: TTL deletes late: treat a session whose expires_at is past (time.time()) as gone.
        # BEGIN SOLUTION
        if item and int(item["expires_at"]["N"]) <= time.time():
            user = None
        # END SOLUTION
        return user

    start_session(aws, sessions, "s-1", "ada")
    assert current_user("s-1") == "ada"
    clock.advance(THIRTY_MINUTES - 60)
    assert current_user("s-1") == "ada"
    clock.advance(120)
    assert current_user("s-1") is None, "expired, whether or not TTL has deleted it yet"
