"""The schema registry: the shape of the shop's events, named and versioned.

Teams that consume order events want to know their shape. EventBridge's
schema registry holds schemas (OpenAPI 3 or JSON Schema draft 4): the
shop creates a registry of its own beside the AWS ones, puts the schema of
``OrderPlaced`` in it, and every update of the schema makes a new version
(``SchemaVersion`` "1", then "2"), so consumers can generate code for the
version they read.

Notes, "aws monitoring and troubleshooting and audit > aws eventbridge > schema registry".
"""

import json

import pytest

SCHEMAS_API = "https://docs.aws.amazon.com/eventbridge/latest/schema-reference/v1-registries-name-registryname-schemas-name-schemaname.html"
NO_SCHEMAS = "does not implement the EventBridge schema registry (schemas API); AWS does"


def order_schema(*fields: str) -> str:
    return json.dumps(
        {
            "openapi": "3.0.0",
            "info": {"version": "1.0.0", "title": "OrderPlaced"},
            "paths": {},
            "components": {
                "schemas": {
                    "OrderPlaced": {
                        "type": "object",
                        "properties": {field: {"type": "string"} for field in fields},
                    }
                }
            },
        }
    )


@pytest.mark.claim(
    "eventbridge.custom-registry", quote="allow to create custom registry", source=SCHEMAS_API
)
@pytest.mark.emulator_gap("moto", reason=f"moto {NO_SCHEMAS}")
@pytest.mark.emulator_gap("localstack", reason=f"LocalStack's free edition {NO_SCHEMAS}")
def test_a_custom_registry_holds_the_shops_schemas(aws, unique_name):
    schemas = aws.client("schemas")
    registry = unique_name("shop")
    # HINT: create registry `registry`, then schema "OrderPlaced" (OpenApi3) in it.
    # BEGIN SOLUTION
    schemas.create_registry(RegistryName=registry)
    schemas.create_schema(
        RegistryName=registry, SchemaName="OrderPlaced", Type="OpenApi3", Content=order_schema("id")
    )
    # END SOLUTION
    listed = schemas.list_schemas(RegistryName=registry)["Schemas"]
    assert [schema["SchemaName"] for schema in listed] == ["OrderPlaced"]


@pytest.mark.claim("eventbridge.schema-versions", quote="can be versioned", source=SCHEMAS_API)
@pytest.mark.emulator_gap("moto", reason=f"moto {NO_SCHEMAS}")
@pytest.mark.emulator_gap("localstack", reason=f"LocalStack's free edition {NO_SCHEMAS}")
def test_each_schema_update_is_a_new_version(aws, unique_name):
    schemas = aws.client("schemas")
    registry = unique_name("shop")
    schemas.create_registry(RegistryName=registry)
    first = schemas.create_schema(
        RegistryName=registry, SchemaName="OrderPlaced", Type="OpenApi3", Content=order_schema("id")
    )
    second = schemas.update_schema(
        RegistryName=registry,
        SchemaName="OrderPlaced",
        Type="OpenApi3",
        Content=order_schema("id", "customer"),
    )
    # HINT: the SchemaVersion of the created schema, then of its update.
    # BEGIN SOLUTION
    expected = ("1", "2")
    # END SOLUTION
    assert (first["SchemaVersion"], second["SchemaVersion"]) == expected
