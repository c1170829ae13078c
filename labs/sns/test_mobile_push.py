"""Mobile push: publish straight to one phone, without a topic.

The shop's app registers each phone with SNS: a *platform application*
holds the push service's credentials (Firebase for Android here), and each
device token becomes a *platform endpoint*. The backend can then publish to
one endpoint directly (``TargetArn``), as well as to a topic that endpoints
subscribe to. An endpoint the push service gave up on is disabled, and SNS
refuses to publish to it.

Notes, "aws integration and messaging > aws sns > how to publish".
"""

import pytest


@pytest.mark.claim(
    "sns.direct-publish-to-endpoint",
    quote="direct publish for mobile apps sdk",
    source="https://docs.aws.amazon.com/sns/latest/dg/mobile-push-send-directmobile.html",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack asks a GCM (Firebase) platform application for a PlatformPrincipal; AWS "
    "takes the server key (PlatformCredential) alone",
)
def test_publish_to_one_device_endpoint(aws, unique_name, error_code):
    application = aws.sns.create_platform_application(
        Name=unique_name("shop-app"),
        Platform="GCM",
        Attributes={"PlatformCredential": "firebase-server-key"},
    )["PlatformApplicationArn"]
    endpoint = aws.sns.create_platform_endpoint(
        PlatformApplicationArn=application, Token="device-token-of-alices-phone"
    )["EndpointArn"]
    # HINT: publish "Your order shipped" to that one phone (no topic).
    # BEGIN SOLUTION
    sent = aws.sns.publish(TargetArn=endpoint, Message="Your order shipped")
    # END SOLUTION
    assert sent["MessageId"]
    aws.sns.set_endpoint_attributes(EndpointArn=endpoint, Attributes={"Enabled": "false"})
    publish = aws.sns.publish
    assert error_code(publish, TargetArn=endpoint, Message="again") == "EndpointDisabled"
