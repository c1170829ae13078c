"""Layers: dependencies packaged once, shared by many functions.

A layer is a .zip that Lambda unpacks under ``/opt`` in the execution
environment; for Python, its ``python/`` folder is on ``sys.path``. A function
lists up to five layer versions by ARN and imports from them as if the code
were its own.

Notes, "lambda > lambda layers".
"""

import pytest

from harness.lambda_runtime import zip_package

SOURCE = """
    import pricing  # from the layer, not from this package

    def handler(event, context):
        return pricing.with_tax(event["net"])
"""


@pytest.mark.claim("lambda.layers-share-dependencies", quote="externalize dependencies for re-use")
def test_a_function_imports_code_from_its_layer(aws, deploy, invoke, unique_name):
    package = zip_package(
        {"python/pricing.py": "def with_tax(net):\n    return round(net * 1.2, 2)\n"}
    )
    layer = aws.lambda_.publish_layer_version(
        LayerName=unique_name("pricing"),
        Content={"ZipFile": package},
        CompatibleRuntimes=["python3.12"],
    )
    # HINT: deploy SOURCE (with deploy(...)) so that it can import the layer's module;
    # its name goes in `function`.
    # BEGIN SOLUTION
    function = deploy(SOURCE, Layers=[layer["LayerVersionArn"]])
    # END SOLUTION
    assert invoke(function, {"net": 10}) == 12.0
