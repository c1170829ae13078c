"""Search: OpenSearch Service, the successor of Amazon Elasticsearch Service.

OpenSearch (a fork of Elasticsearch 7.10) indexes documents so that any field
can be searched, in part or fuzzily, beside the database that holds the
truth (DynamoDB, RDS). Amazon OpenSearch Service runs it as *domains*
(clusters you size) and still runs the old Elasticsearch versions through the
same API; *OpenSearch Serverless* runs *collections* with no cluster to size,
each encrypted under an encryption *security policy* that must exist first.

Notes, "other services > aws opensearch service".
"""

from __future__ import annotations

import json

import pytest

ENGINES = "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/what-is.html"
SERVERLESS = "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-encryption.html"


@pytest.mark.claim(
    "analytics.opensearch-runs-elasticsearch-too",
    quote="successor to aws elasticsearch",
    source=ENGINES,
)
def test_one_api_runs_opensearch_and_the_old_elasticsearch(aws, unique_name):
    default = aws.opensearch.create_domain(DomainName=unique_name("search")[-28:])
    # HINT: a second domain, unique_name("legacy")[-28:], on Elasticsearch 7.10 (its
    # EngineVersion is "Elasticsearch_7.10").
    # BEGIN SOLUTION
    legacy = aws.opensearch.create_domain(
        DomainName=unique_name("legacy")[-28:], EngineVersion="Elasticsearch_7.10"
    )
    # END SOLUTION
    assert default["DomainStatus"]["EngineVersion"].startswith("OpenSearch_")
    assert legacy["DomainStatus"]["EngineVersion"] == "Elasticsearch_7.10"


@pytest.mark.claim(
    "analytics.opensearch-serverless-needs-encryption-policy",
    quote="managed cluster or serverless cluster",
    source=SERVERLESS,
)
def test_a_serverless_collection_needs_an_encryption_policy_first(aws, unique_name, error_code):
    name = unique_name("logs")[-32:]
    key = aws.kms.create_key(Description=name)["KeyMetadata"]["Arn"]
    create = aws.opensearchserverless.create_collection
    assert error_code(create, name=name, type="SEARCH") == "ValidationException"
    # HINT: an encryption security policy `name` for collection `name`, with the KMS key `key`
    # (rules for resource "collection/<name>", AWSOwnedKey false, KmsARN).
    # BEGIN SOLUTION
    policy = {
        "Rules": [{"ResourceType": "collection", "Resource": [f"collection/{name}"]}],
        "AWSOwnedKey": False,
        "KmsARN": key,
    }
    aws.opensearchserverless.create_security_policy(
        name=name, type="encryption", policy=json.dumps(policy)
    )
    # END SOLUTION
    made = create(name=name, type="SEARCH")["createCollectionDetail"]
    assert made["name"] == name
