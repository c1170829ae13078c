"""The errors API Gateway answers by itself: gateway responses.

When API Gateway refuses a request before (or instead of) the integration, it
answers with a **gateway response** of a given type and status: a 4xx for
the caller's fault (``MISSING_AUTHENTICATION_TOKEN`` 403, ``THROTTLED`` 429,
``QUOTA_EXCEEDED`` 429), a 5xx for the backend's (``INTEGRATION_TIMEOUT`` 504).
Each API has them all, with these defaults, and can customise each one.

Notes, "api gateway > api gateway -- errors".
"""

import pytest


@pytest.mark.claim(
    "apigateway.4xx-gateway-responses",
    quote="4xx",
    line=1857,
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto knows only the gateway responses put on an API (NotFoundException); AWS has "
    "every type with its default status",
)
def test_a_throttled_caller_gets_429(aws, hello_api):
    def status(response_type: str) -> str:
        answer = aws.apigateway.get_gateway_response(
            restApiId=hello_api["api_id"], responseType=response_type
        )
        return answer["statusCode"]

    # HINT: predict the status codes of THROTTLED, MISSING_AUTHENTICATION_TOKEN (a path that
    # HINT: does not exist) and INTEGRATION_TIMEOUT, as strings.
    # BEGIN SOLUTION
    expected = ("429", "403", "504")
    # END SOLUTION
    types = ("THROTTLED", "MISSING_AUTHENTICATION_TOKEN", "INTEGRATION_TIMEOUT")
    assert tuple(status(kind) for kind in types) == expected
