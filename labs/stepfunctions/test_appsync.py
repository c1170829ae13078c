"""AppSync: a managed GraphQL API, its schema and who may call it.

An AppSync API starts from a GraphQL schema (types, queries, mutations,
subscriptions), uploaded with ``StartSchemaCreation`` and checked by AppSync.
Its fields are resolved from data sources, several per API: DynamoDB tables,
Lambda functions, HTTP endpoints, databases.
Each API names how callers authenticate: ``API_KEY``, ``AWS_IAM``,
``OPENID_CONNECT``, ``AMAZON_COGNITO_USER_POOLS`` or ``AWS_LAMBDA`` (a Lambda
authorizer, the fifth, which the notes leave out), and may take more than one
(``additionalAuthenticationProviders``). OpenID Connect names the issuer whose
tokens it trusts; Cognito user pools name the pool and whether its signed-in
users are allowed by default. An API key expires: after 7 days unless given
another date.

Notes, "other serverless > aws appsync" and "appsync security".
"""

import time

import pytest

from harness.testkit.iam import service_role

SCHEMA = """
type Order {
    id: ID!
    total: Float
}

type Query {
    order(id: ID!): Order
}

schema {
    query: Query
}
"""
APPSYNC = "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html"


@pytest.fixture
def graphql_api(aws, unique_name) -> str:
    """The id of a new AppSync API whose callers use an API key."""
    api = aws.appsync.create_graphql_api(name=unique_name("orders"), authenticationType="API_KEY")
    return api["graphqlApi"]["apiId"]


@pytest.mark.claim(
    "stepfunctions.appsync-schema", quote="all starts with uploading one graphql schema"
)
def test_an_api_serves_the_types_of_its_schema(aws, graphql_api, eventually):
    # HINT: upload SCHEMA to the API (its definition is bytes).
    # BEGIN SOLUTION
    aws.appsync.start_schema_creation(apiId=graphql_api, definition=SCHEMA.encode())
    # END SOLUTION

    def created():
        status = aws.appsync.get_schema_creation_status(apiId=graphql_api)["status"]
        return status if status in ("SUCCESS", "FAILED") else None

    assert eventually(created) == "SUCCESS"
    schema = aws.appsync.get_introspection_schema(apiId=graphql_api, format="SDL")["schema"]
    assert "total: Float" in schema.read().decode()


@pytest.mark.claim(
    "stepfunctions.appsync-auth-types",
    quote="appsync security",
    errata="A fifth way exists: AWS_LAMBDA, a Lambda authorizer (besides API key, IAM, "
    "OpenID Connect and Cognito user pools).",
    source=APPSYNC,
)
def test_an_api_names_how_its_callers_authenticate(aws, unique_name, graphql_api):
    authorizer = None
    # HINT: the authenticationType of an API whose callers are checked by a Lambda function.
    # BEGIN SOLUTION
    authorizer = "AWS_LAMBDA"
    # END SOLUTION
    function = f"arn:aws:lambda:{aws.region}:123456789012:function:check-token"
    lambda_api = aws.appsync.create_graphql_api(
        name=unique_name("partners"),
        authenticationType=authorizer,
        lambdaAuthorizerConfig={"authorizerUri": function},
    )["graphqlApi"]
    assert lambda_api["lambdaAuthorizerConfig"]["authorizerUri"] == function
    iam_api = aws.appsync.create_graphql_api(
        name=unique_name("backend"), authenticationType="AWS_IAM"
    )
    described = aws.appsync.get_graphql_api(apiId=graphql_api)["graphqlApi"]
    types = {described["authenticationType"], iam_api["graphqlApi"]["authenticationType"]}
    assert types | {lambda_api["authenticationType"]} == {"API_KEY", "AWS_IAM", "AWS_LAMBDA"}


@pytest.mark.claim("stepfunctions.appsync-iam", quote="iam", line=2184, source=APPSYNC)
def test_an_api_key_api_can_take_iam_callers_too(aws, unique_name):
    also = []
    # HINT: the additionalAuthenticationProviders that let callers signing with IAM
    # HINT: credentials in, besides those with the API key.
    # BEGIN SOLUTION
    also = [{"authenticationType": "AWS_IAM"}]
    # END SOLUTION
    api = aws.appsync.create_graphql_api(
        name=unique_name("orders"),
        authenticationType="API_KEY",
        additionalAuthenticationProviders=also,
    )["graphqlApi"]
    described = aws.appsync.get_graphql_api(apiId=api["apiId"])["graphqlApi"]
    extra = [p["authenticationType"] for p in described["additionalAuthenticationProviders"]]
    assert (described["authenticationType"], extra) == ("API_KEY", ["AWS_IAM"])


@pytest.mark.claim("stepfunctions.appsync-oidc", quote="oicd", source=APPSYNC)
def test_an_api_trusts_the_tokens_of_an_openid_connect_issuer(aws, unique_name):
    issuer = "https://login.example.com"
    settings = {}
    # HINT: the authenticationType and the config of an API whose callers bring a JWT
    # HINT: from the OpenID Connect provider at `issuer` (client ID "orders-app").
    # BEGIN SOLUTION
    settings = {
        "authenticationType": "OPENID_CONNECT",
        "openIDConnectConfig": {"issuer": issuer, "clientId": "orders-app"},
    }
    # END SOLUTION
    api = aws.appsync.create_graphql_api(name=unique_name("partners"), **settings)["graphqlApi"]
    described = aws.appsync.get_graphql_api(apiId=api["apiId"])["graphqlApi"]
    assert described["authenticationType"] == "OPENID_CONNECT"
    assert described["openIDConnectConfig"]["issuer"] == issuer


@pytest.mark.claim(
    "stepfunctions.appsync-cognito", quote="cognito user pool", line=2186, source=APPSYNC
)
def test_an_api_lets_in_the_users_of_a_cognito_user_pool(aws, unique_name):
    pool_id = f"{aws.region}_Shoppers1"  # the user pool the shop's users sign in to
    settings = {}
    # HINT: the authenticationType and the config of an API whose callers sign in to the user
    # HINT: pool `pool_id` (in aws.region), every signed-in user allowed by default.
    # BEGIN SOLUTION
    settings = {
        "authenticationType": "AMAZON_COGNITO_USER_POOLS",
        "userPoolConfig": {
            "userPoolId": pool_id,
            "awsRegion": aws.region,
            "defaultAction": "ALLOW",
        },
    }
    # END SOLUTION
    api = aws.appsync.create_graphql_api(name=unique_name("shop"), **settings)["graphqlApi"]
    described = aws.appsync.get_graphql_api(apiId=api["apiId"])["graphqlApi"]
    assert described["authenticationType"] == "AMAZON_COGNITO_USER_POOLS"
    assert described["userPoolConfig"]["userPoolId"] == pool_id


@pytest.mark.claim(
    "stepfunctions.appsync-api-key-7-days",
    quote="api key",
    line=2183,
    source="https://docs.aws.amazon.com/appsync/latest/APIReference/API_CreateApiKey.html",
)
def test_an_api_key_expires_after_7_days(aws, graphql_api):
    key = aws.appsync.create_api_key(apiId=graphql_api)["apiKey"]
    # HINT: predict how many days a key created without an expiry date lasts.
    # BEGIN SOLUTION
    days = 7
    # END SOLUTION
    lasts = key["expires"] - time.time()
    # AWS rounds the expiry down to the hour.
    assert days * 86400 - 3600 <= lasts <= days * 86400


@pytest.mark.claim(
    "stepfunctions.appsync-data-sources",
    quote="can combine data from multiple sources",
    source="https://docs.aws.amazon.com/appsync/latest/devguide/attaching-a-data-source.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto has no CreateDataSource; AWS attaches several data sources to one API"
)
def test_one_api_reads_several_data_sources(aws, graphql_api, unique_name):
    role = service_role(aws.iam, unique_name("appsync"), "appsync.amazonaws.com")
    table = aws.dynamodb.create_table(
        TableName=unique_name("orders"),
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )["TableDescription"]["TableName"]
    sources = None
    # HINT: two data sources for graphql_api: "orders" (type AMAZON_DYNAMODB, the table
    # HINT: above, read with `role`) and "carrier" (type HTTP, https://carrier.example.com).
    # BEGIN SOLUTION
    sources = [
        {
            "name": "orders",
            "type": "AMAZON_DYNAMODB",
            "serviceRoleArn": role,
            "dynamodbConfig": {"tableName": table, "awsRegion": aws.region},
        },
        {
            "name": "carrier",
            "type": "HTTP",
            "httpConfig": {"endpoint": "https://carrier.example.com"},
        },
    ]
    # END SOLUTION
    for source in sources:
        aws.appsync.create_data_source(apiId=graphql_api, **source)
    listed = aws.appsync.list_data_sources(apiId=graphql_api)["dataSources"]
    assert sorted((source["name"], source["type"]) for source in listed) == [
        ("carrier", "HTTP"),
        ("orders", "AMAZON_DYNAMODB"),
    ]
