"""Fine-grained access control: a policy that reaches inside the table.

An IAM policy on DynamoDB can name more than the table. The condition key
``dynamodb:LeadingKeys`` limits which partition key values a caller may
touch (row-level access: each player reads only the items keyed by their
own id), and ``dynamodb:Attributes`` limits which attributes a read may
return (column-level access, with ``dynamodb:Select`` set to
SPECIFIC_ATTRIBUTES so that no one asks for them all). Refused calls answer
AccessDeniedException. Mobile and web apps get such policies through a role
they assume with web identity federation (a Cognito identity pool), the
partition key being the caller's identity id.

The emulator enforces IAM only when asked (the ``enforce_iam`` fixture); the
setup before that call runs with the harness's own, all-powerful credentials.

Notes, "dynamodb > fine-grained access control".
"""

from __future__ import annotations

import json

import pytest

from harness.testkit.iam import allow, policy_document

FINE_GRAINED = (
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html"
)
NO_CONDITION_KEYS = pytest.mark.emulator_gap(
    "moto",
    reason="moto's IAM does not know the dynamodb:LeadingKeys and dynamodb:Attributes "
    "condition keys and refuses every call under such a condition; AWS allows the matching ones",
)
NO_IAM = pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition does not enforce IAM policies (ENFORCE_IAM is a Pro "
    "feature), so every call is allowed; AWS refuses what no policy allows",
)


@pytest.fixture
def players(aws, create_table, put_items) -> str:
    name = create_table("players", ("player", "S"))
    put_items(
        name,
        [
            {"player": {"S": name_}, "email": {"S": f"{name_}@example.com"}, "score": {"N": "9"}}
            for name_ in ("ada", "bob")
        ],
    )
    return name


@pytest.fixture
def new_user(aws, unique_name):
    """``new_user("ada", policy)`` -> a DynamoDB client acting as a new IAM user."""

    def new_user(stem: str, policy: dict):
        name = unique_name(stem)
        aws.iam.create_user(UserName=name)
        aws.iam.put_user_policy(
            UserName=name, PolicyName="players", PolicyDocument=json.dumps(policy)
        )
        key = aws.iam.create_access_key(UserName=name)["AccessKey"]
        return aws.session.client(
            "dynamodb",
            endpoint_url=aws.endpoint_url,
            region_name=aws.region,
            aws_access_key_id=key["AccessKeyId"],
            aws_secret_access_key=key["SecretAccessKey"],
        )

    return new_user


def table_arn(aws, table: str) -> str:
    return aws.dynamodb.describe_table(TableName=table)["Table"]["TableArn"]


@NO_CONDITION_KEYS
@NO_IAM
@pytest.mark.claim(
    "dynamodb.fine-grained-leading-keys",
    quote="leadingKeys -- limit row-level access on primary key",
    source=FINE_GRAINED,
)
def test_a_player_reads_only_the_items_of_their_own_key(
    aws, players, new_user, enforce_iam, error_code
):
    # HINT: a condition block: every partition key value the call touches must be "ada"
    # HINT: (ForAllValues:StringEquals on dynamodb:LeadingKeys).
    # BEGIN SOLUTION
    condition = {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["ada"]}}
    # END SOLUTION
    policy = policy_document(
        allow("dynamodb:GetItem", table_arn(aws, players), Condition=condition)
    )
    ada = new_user("ada", policy)
    enforce_iam()
    own = ada.get_item(TableName=players, Key={"player": {"S": "ada"}})["Item"]
    assert own["email"] == {"S": "ada@example.com"}
    other = {"TableName": players, "Key": {"player": {"S": "bob"}}}
    assert error_code(ada.get_item, **other) == "AccessDeniedException"


@NO_CONDITION_KEYS
@NO_IAM
@pytest.mark.claim(
    "dynamodb.fine-grained-attributes",
    quote="attributes -- limit specific attributes that users can see",
    source=FINE_GRAINED,
)
def test_a_reader_sees_only_the_attributes_it_is_allowed(
    aws, players, new_user, enforce_iam, error_code
):
    # HINT: a condition block: the attributes asked for are among "player" and "score", and
    # HINT: dynamodb:Select, when present, is SPECIFIC_ATTRIBUTES.
    # BEGIN SOLUTION
    condition = {
        "ForAllValues:StringEquals": {"dynamodb:Attributes": ["player", "score"]},
        "StringEqualsIfExists": {"dynamodb:Select": "SPECIFIC_ATTRIBUTES"},
    }
    # END SOLUTION
    policy = policy_document(
        allow("dynamodb:GetItem", table_arn(aws, players), Condition=condition)
    )
    board = new_user("leaderboard", policy)
    enforce_iam()
    key = {"player": {"S": "bob"}}
    scores = board.get_item(TableName=players, Key=key, ProjectionExpression="player, score")
    assert scores["Item"] == {"player": {"S": "bob"}, "score": {"N": "9"}}
    emails = {"TableName": players, "Key": key, "ProjectionExpression": "player, email"}
    assert error_code(board.get_item, **emails) == "AccessDeniedException"
