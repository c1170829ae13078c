"""An API as a document: exporting it as OpenAPI (Swagger).

A REST API's resources, methods and integrations can be exported from a
stage as an OpenAPI document (``swagger`` for OpenAPI 2.0, ``oas30`` for
3.0), as JSON or as YAML (the ``Accept`` header); the same document can be
imported to create an API, or used to generate client SDKs.

Notes, "api gateway > open api spec".
"""

import json

import pytest
import yaml

EXPORT = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-export-api.html"


@pytest.fixture
def deployed(aws, hello_api) -> str:
    aws.apigateway.create_deployment(restApiId=hello_api["api_id"], stageName="prod")
    return hello_api["api_id"]


@pytest.mark.claim(
    "apigateway.export-openapi", quote="can export current api as openapi spec", source=EXPORT
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack answers InternalError to this GetExport call; AWS answers "
    "BadRequestException",
)
def test_a_stage_exports_as_an_openapi_document(aws, deployed, error_code):
    export = aws.apigateway.get_export
    # HINT: the exportType of an OpenAPI 2.0 (Swagger) document.
    # BEGIN SOLUTION
    export_type = "swagger"
    # END SOLUTION
    body = export(restApiId=deployed, stageName="prod", exportType=export_type)["body"].read()
    document = json.loads(body)
    assert document["swagger"] == "2.0"
    # (OpenAPI writes methods in lower case; moto in upper: not what this lab is about)
    assert {method.lower() for method in document["paths"]["/hello"]} == {"get"}
    refused = error_code(export, restApiId=deployed, stageName="prod", exportType="raml")
    assert refused == "BadRequestException"


@pytest.mark.claim("apigateway.export-yaml", quote="can be written in yml or json", source=EXPORT)
@pytest.mark.emulator_gap(
    "moto", reason="moto exports JSON whatever the Accept header; AWS exports YAML when asked"
)
def test_the_document_comes_as_yaml_when_asked(aws, deployed):
    accepts = None
    # HINT: the media type to ask for (accepts=) to get the document in YAML.
    # BEGIN SOLUTION
    accepts = "application/yaml"
    # END SOLUTION
    answer = aws.apigateway.get_export(
        restApiId=deployed, stageName="prod", exportType="oas30", accepts=accepts
    )
    text = answer["body"].read().decode()
    assert not text.lstrip().startswith("{"), "YAML, not JSON"
    assert str(yaml.safe_load(text)["openapi"]).startswith("3.0"), text[:40]


@pytest.mark.claim(
    "apigateway.generate-sdk",
    quote="using open api to generate sdk for our applications",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-generate-sdk.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto has no GetSdk; AWS generates a client SDK for a stage (a .zip)"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack has no GetSdk (no route for the stage's sdks path); AWS generates a "
    "client SDK for a stage",
)
def test_a_stage_generates_a_client_sdk(aws, deployed):
    sdk_type = None
    # HINT: the sdkType of a JavaScript client SDK.
    # BEGIN SOLUTION
    sdk_type = "javascript"
    # END SOLUTION
    answer = aws.apigateway.get_sdk(restApiId=deployed, stageName="prod", sdkType=sdk_type)
    assert answer["body"].read()[:2] == b"PK", "a .zip archive"
