"""Optimistic locking: two tellers update one bank account at the same time.

Alice deposits 30 and Bob withdraws 20 from an account holding 100. Each
teller reads the balance, computes the new one and writes it back. If both
read before either writes, the second write silently replaces the first: a
*lost update* (the account ends at 80 or 130, never 110).

DynamoDB has no locks to take. Instead the item carries a version number.
Every writer says "save this only if the version is still the one I read"
(a conditional write) and bumps the version in the same write. The first
writer wins; the second gets ConditionalCheckFailedException, re-reads the
item (now with the first change and the new version) and tries again. This
is optimistic concurrency control: nobody waits, conflicts are detected and
retried. The retry here uses tenacity, as an application would. Asked with
``ReturnValuesOnConditionCheckFailure="ALL_OLD"``, the refusal itself carries
the winner's item, so the loser can retry from it without reading again.

The tellers are real threads. A barrier makes both read before either writes,
which is the race, and Alice's write reaches DynamoDB before Bob's, so the
lab always tells the same story. (DynamoDB itself serialises writes to one
item; moto does not always do so for requests that arrive at the same
instant, so the lab does not leave the order of the two writes to chance.)

Notes, "dynamodb > optimistic locking" and "dynamodb > writing data".
"""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from botocore.exceptions import ClientError
from tenacity import retry, retry_if_exception, stop_after_attempt

ACCOUNT = {"account_id": {"S": "ACC-7"}}
CONFLICT = "ConditionalCheckFailedException"


@pytest.fixture
def accounts(aws, create_table) -> str:
    """A table with one account: balance 100, version 1."""
    name = create_table("accounts", ("account_id", "S"))
    aws.dynamodb.put_item(
        TableName=name, Item={**ACCOUNT, "balance": {"N": "100"}, "version": {"N": "1"}}
    )
    return name


def read_account(dynamodb, table: str) -> tuple[int, int]:
    """(balance, version), read strongly consistent so a retry sees the latest write."""
    item = dynamodb.get_item(TableName=table, Key=ACCOUNT, ConsistentRead=True)["Item"]
    return int(item["balance"]["N"]), int(item["version"]["N"])


def is_conflict(error: BaseException) -> bool:
    return isinstance(error, ClientError) and error.response["Error"]["Code"] == CONFLICT


class Tellers:
    """Runs Alice and Bob in two threads: both read, then Alice writes, then Bob.

    ``change_balance(name, amount)`` is one teller's whole job; ``before_write``
    is the choreography it calls between its read and its write.
    """

    def __init__(self) -> None:
        self.both_have_read = threading.Barrier(2, timeout=10)
        self.alice_has_written = threading.Event()
        self.attempts: Counter[str] = Counter()

    def before_write(self, name: str) -> None:
        if self.attempts[name] == 1:  # the race happens once; retries go straight on
            self.both_have_read.wait()
            if name == "bob":
                self.alice_has_written.wait(timeout=10)

    def run(self, change_balance) -> None:
        def teller(name: str, amount: int) -> None:
            try:
                change_balance(name, amount)
            finally:
                if name == "alice":
                    self.alice_has_written.set()

        with ThreadPoolExecutor(max_workers=2) as pool:
            jobs = [pool.submit(teller, "alice", +30), pool.submit(teller, "bob", -20)]
            for job in jobs:
                job.result()  # re-raises whatever a teller raised


@pytest.mark.claim("dynamodb.lost-update-without-condition", quote="concurrent writes")
def test_without_a_condition_one_change_is_lost(aws, accounts):
    dynamodb = aws.dynamodb
    tellers = Tellers()

    def change_balance(name: str, amount: int) -> None:
        tellers.attempts[name] += 1
        balance, version = read_account(dynamodb, accounts)
        tellers.before_write(name)
        dynamodb.put_item(
            TableName=accounts,
            Item={**ACCOUNT, "balance": {"N": str(balance + amount)}, "version": {"N": "1"}},
        )

    tellers.run(change_balance)
    # HINT: both read 100; Alice saved 100 + 30, then Bob saved what he computed.
    # BEGIN SOLUTION
    final_balance = 80
    # END SOLUTION
    assert read_account(dynamodb, accounts)[0] == final_balance
    assert final_balance != 100 + 30 - 20, "Alice's deposit is lost, and nobody was told"


@pytest.mark.claim(
    "dynamodb.optimistic-locking-version-check", quote="check an attribute, like `version number`"
)
def test_a_write_based_on_a_stale_read_is_refused(aws, accounts):
    dynamodb = aws.dynamodb

    def save(new_balance: int, read_version: int) -> None:
        # HINT: one UpdateItem: set the balance and add 1 to the version, but only if the
        # HINT: version is still read_version. Values go in ExpressionAttributeValues.
        # BEGIN SOLUTION
        dynamodb.update_item(
            TableName=accounts,
            Key=ACCOUNT,
            UpdateExpression="SET balance = :balance, version = version + :one",
            ConditionExpression="version = :read_version",
            ExpressionAttributeValues={
                ":balance": {"N": str(new_balance)},
                ":read_version": {"N": str(read_version)},
                ":one": {"N": "1"},
            },
        )
        # END SOLUTION

    balance, version = read_account(dynamodb, accounts)
    save(balance + 30, read_version=version)
    assert read_account(dynamodb, accounts) == (130, 2), "the save bumps the version"

    with pytest.raises(ClientError) as refused:
        save(balance - 20, read_version=version)  # computed from the old read of 100
    assert refused.value.response["Error"]["Code"] == CONFLICT
    assert read_account(dynamodb, accounts) == (130, 2), "the stale write changed nothing"


@pytest.mark.claim(
    "dynamodb.optimistic-locking-retry", quote="optimistic concurrency control (OCC)"
)
def test_racing_writers_both_succeed_after_a_retry(aws, accounts):
    dynamodb = aws.dynamodb
    tellers = Tellers()
    conflicts: list[str] = []

    @retry(
        retry=retry_if_exception(is_conflict),
        stop=stop_after_attempt(3),
        before_sleep=lambda state: conflicts.append(state.args[0]),
        reraise=True,
    )
    def change_balance(name: str, amount: int) -> None:
        tellers.attempts[name] += 1
        balance, version = read_account(dynamodb, accounts)
        tellers.before_write(name)
        # HINT: save balance + amount only if the version is still the one just read,
        # HINT: and bump the version in the same write. tenacity retries a conflict.
        # BEGIN SOLUTION
        dynamodb.update_item(
            TableName=accounts,
            Key=ACCOUNT,
            UpdateExpression="SET balance = :balance, version = version + :one",
            ConditionExpression="version = :read_version",
            ExpressionAttributeValues={
                ":balance": {"N": str(balance + amount)},
                ":read_version": {"N": str(version)},
                ":one": {"N": "1"},
            },
        )
        # END SOLUTION

    tellers.run(change_balance)
    assert conflicts == ["bob"], "exactly one writer lost the race"
    assert tellers.attempts == {"alice": 1, "bob": 2}, "the loser re-read and retried once"
    assert read_account(dynamodb, accounts) == (100 + 30 - 20, 3), "no update was lost"


@pytest.mark.claim(
    "dynamodb.optimistic-locking-is-a-conditional-write",
    quote="ddb has a feature called 'conditional writes'",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
    "Expressions.ConditionExpressions.html",
)
def test_the_lock_is_a_conditional_write_whose_refusal_carries_the_winner(aws, accounts):
    dynamodb = aws.dynamodb

    def save(balance: int, read_version: int) -> None:
        """PutItem of the whole account, only if its version is still ``read_version``."""
        dynamodb.put_item(
            TableName=accounts,
            Item={
                **ACCOUNT,
                "balance": {"N": str(balance)},
                "version": {"N": str(read_version + 1)},
            },
            ConditionExpression="version = :read_version",
            ExpressionAttributeValues={":read_version": {"N": str(read_version)}},
            ReturnValuesOnConditionCheckFailure="ALL_OLD",
        )

    save(100 + 30, read_version=1)  # Alice read version 1 and saved first
    with pytest.raises(ClientError) as refused:
        save(100 - 20, read_version=1)  # Bob read version 1 too
    assert refused.value.response["Error"]["Code"] == CONFLICT
    winner = refused.value.response["Item"]  # the account as Alice left it
    # HINT: redo Bob's withdrawal of 20 from the item the refusal carries (no GetItem
    # HINT: needed): its balance and its version, then save again.
    # BEGIN SOLUTION
    save(int(winner["balance"]["N"]) - 20, read_version=int(winner["version"]["N"]))
    # END SOLUTION
    assert read_account(dynamodb, accounts) == (110, 3), "both changes, one after the other"
