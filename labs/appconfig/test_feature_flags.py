"""Feature flags: from CloudWatch Evidently, retired, to AppConfig.

CloudWatch Evidently served features to a share of users (launches) and ran
A/B experiments. AWS discontinued it on 16 October 2025, and the SDKs dropped
its client. Its successor is AppConfig's *feature flags*: a configuration
profile of type ``AWS.AppConfig.FeatureFlags`` whose versions list flags (on or
off, with attributes) that an application reads and deploys like any other
configuration, gradually, with rollback.

Notes, "other services > cloudwatch evidently".
"""

from __future__ import annotations

import json

import pytest

EVIDENTLY = (
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Evidently.html"
)
FEATURE_FLAGS = "https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-creating-configuration-and-profile-feature-flags.html"

EVIDENTLY_ENDED = (
    "CloudWatch Evidently was discontinued on 16 October 2025: its console, API and resources "
    "are gone, and the SDKs dropped its client. AppConfig's feature flags take its place."
)


@pytest.mark.claim(
    "appconfig.evidently-retired",
    quote="cloudwatch evidently",
    errata=EVIDENTLY_ENDED,
    source=EVIDENTLY,
)
def test_the_sdk_has_no_evidently_any_more(aws):
    services = set(aws.session.get_available_services())
    # HINT: predict whether boto3 still offers an "evidently" client, and an "appconfig" one.
    # BEGIN SOLUTION
    expected = {"evidently": False, "appconfig": True}
    # END SOLUTION
    assert {name: name in services for name in expected} == expected


@pytest.mark.claim(
    "appconfig.feature-flags",
    quote="Launches (= feature flags): enable and disable features for a subset of users",
    errata="Evidently's launches are gone with Evidently (16 October 2025); feature flags are "
    "now an AppConfig configuration profile of type AWS.AppConfig.FeatureFlags.",
    source=FEATURE_FLAGS,
)
def test_a_feature_flag_lives_in_an_appconfig_profile(aws, application, unique_name):
    # HINT: a hosted configuration profile unique_name("flags") of `application` whose type
    # makes it a set of feature flags; keep its ID.
    # BEGIN SOLUTION
    profile = aws.appconfig.create_configuration_profile(
        ApplicationId=application,
        Name=unique_name("flags"),
        LocationUri="hosted",
        Type="AWS.AppConfig.FeatureFlags",
    )["Id"]
    # END SOLUTION
    flags = {
        "version": "1",
        "flags": {"one_click_checkout": {"name": "One-click checkout"}},
        "values": {"one_click_checkout": {"enabled": False}},
    }
    version = aws.appconfig.create_hosted_configuration_version(
        ApplicationId=application,
        ConfigurationProfileId=profile,
        Content=json.dumps(flags).encode(),
        ContentType="application/json",
    )["VersionNumber"]
    found = aws.appconfig.get_configuration_profile(
        ApplicationId=application, ConfigurationProfileId=profile
    )
    assert found["Type"] == "AWS.AppConfig.FeatureFlags"
    stored = aws.appconfig.get_hosted_configuration_version(
        ApplicationId=application, ConfigurationProfileId=profile, VersionNumber=version
    )
    assert json.loads(stored["Content"].read())["values"] == flags["values"]
