"""A WebSocket API routes each message by a field of its JSON.

A WebSocket API keeps a connection open both ways. Every message a client
sends is routed by the API's **route selection expression**, which names the
field of the message's JSON that holds the route key
(``$request.body.action``: ``{"action": "sendmessage", ...}`` goes to the
``sendmessage`` route); a message matching no route goes to ``$default``.
The expression is required: API Gateway refuses a WebSocket API without one.

Notes, "api gateway > api gateway -- websocket api".
"""

import pytest

WEBSOCKET = (
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-routes.html"
)


@pytest.mark.claim(
    "apigateway.websocket-route-selection",
    quote="you select a route selection expression to select the field on the json to route from",
    source=WEBSOCKET,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a WebSocket API without a route selection expression; AWS refuses "
    "(BadRequestException)",
)
def test_a_websocket_api_routes_by_a_field_of_the_message(aws, unique_name, error_code):
    create = aws.apigatewayv2.create_api
    refused = error_code(create, Name=unique_name("chat"), ProtocolType="WEBSOCKET")
    assert refused == "BadRequestException", "which field holds the route?"
    expression = None
    # HINT: the expression that routes {"action": "sendmessage", ...} to the route "sendmessage".
    # BEGIN SOLUTION
    expression = "$request.body.action"
    # END SOLUTION
    api = create(
        Name=unique_name("chat"), ProtocolType="WEBSOCKET", RouteSelectionExpression=expression
    )
    for key in ("$connect", "$default", "sendmessage"):
        aws.apigatewayv2.create_route(ApiId=api["ApiId"], RouteKey=key)
    routes = aws.apigatewayv2.get_routes(ApiId=api["ApiId"])["Items"]
    assert sorted(route["RouteKey"] for route in routes) == ["$connect", "$default", "sendmessage"]
    assert api["RouteSelectionExpression"] == "$request.body.action"
