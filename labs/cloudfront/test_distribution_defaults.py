"""A new distribution: where it is served from, and to whom.

A CloudFront distribution serves your origins from edge locations around the
world under a ``*.cloudfront.net`` name. It takes minutes to deploy (its
status goes from ``InProgress`` to ``Deployed``). By default it uses every
edge location (price class ``PriceClass_All``); ``PriceClass_200`` and
``PriceClass_100`` leave out the most expensive ones. By default it serves
every country; a geo restriction allows a list of countries (the API calls it
``whitelist``), or blocks one (``blacklist``).

Notes, "cloudfront > price classes" and "cloudfront > geo restriction".
"""

import pytest

DISTRIBUTION_CONFIG = (
    "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html"
)
GEO = "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GeoRestriction.html"
PRICE_CLASS = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PriceClass.html"


@pytest.mark.claim(
    "cloudfront.deploys-to-the-edge", quote="at edge locations", source=DISTRIBUTION_CONFIG
)
def test_a_distribution_deploys_to_the_edge(aws, distribution):
    # HINT: predict the status CreateDistribution answers, and the one it reaches.
    # BEGIN SOLUTION
    while_deploying, once_deployed = "InProgress", "Deployed"
    # END SOLUTION
    assert distribution["Status"] == while_deploying
    aws.cloudfront.get_waiter("distribution_deployed").wait(
        Id=distribution["Id"], WaiterConfig={"Delay": 5, "MaxAttempts": 180}
    )
    deployed = aws.cloudfront.get_distribution(Id=distribution["Id"])["Distribution"]
    assert deployed["Status"] == once_deployed
    assert deployed["DomainName"].endswith(".cloudfront.net")


@pytest.mark.claim(
    "cloudfront.price-class-all-by-default", quote="all", line=650, source=PRICE_CLASS
)
def test_a_distribution_uses_every_edge_location_by_default(distribution):
    # HINT: predict a new distribution's PriceClass.
    # BEGIN SOLUTION
    expected = "PriceClass_All"
    # END SOLUTION
    assert distribution["DistributionConfig"]["PriceClass"] == expected


@pytest.mark.claim("cloudfront.price-classes", quote="price classes", source=DISTRIBUTION_CONFIG)
def test_three_price_classes(aws, create_distribution):
    # HINT: create one distribution per price class CloudFront offers (PriceClass=...):
    # HINT: every edge location, most of them, the least expensive ones.
    # BEGIN SOLUTION
    for price_class in ("PriceClass_All", "PriceClass_200", "PriceClass_100"):
        create_distribution(PriceClass=price_class)
    # END SOLUTION
    listed = aws.cloudfront.list_distributions()["DistributionList"].get("Items", [])
    used = {distribution["PriceClass"] for distribution in listed}
    assert used == {"PriceClass_All", "PriceClass_200", "PriceClass_100"}
    assert used <= set(aws.cloudfront.meta.service_model.shape_for("PriceClass").enum)


@pytest.mark.claim(
    "cloudfront.geo-restriction-none-by-default",
    quote="restrict who can access your distribution:",
    source=GEO,
)
def test_a_distribution_serves_every_country_by_default(distribution):
    restriction = distribution["DistributionConfig"]["Restrictions"]["GeoRestriction"]
    # HINT: predict a new distribution's geo restriction type and how many countries it lists.
    # BEGIN SOLUTION
    expected = ("none", 0)
    # END SOLUTION
    assert (restriction["RestrictionType"], restriction["Quantity"]) == expected


@pytest.mark.claim("cloudfront.geo-allowlist", quote="allowlist", source=GEO)
def test_an_allowlist_is_a_whitelist_in_the_api(aws, create_distribution):
    # HINT: create_distribution(Restrictions=...) that serves France and Germany only
    # HINT: (country codes FR and DE).
    # BEGIN SOLUTION
    created = create_distribution(
        Restrictions={
            "GeoRestriction": {"RestrictionType": "whitelist", "Quantity": 2, "Items": ["FR", "DE"]}
        }
    )
    # END SOLUTION
    restriction = created["DistributionConfig"]["Restrictions"]["GeoRestriction"]
    assert (restriction["RestrictionType"], sorted(restriction["Items"])) == (
        "whitelist",
        ["DE", "FR"],
    )
    words = aws.cloudfront.meta.service_model.shape_for("GeoRestrictionType").enum
    assert sorted(words) == ["blacklist", "none", "whitelist"], "the API's words"


@pytest.mark.claim("cloudfront.geo-blocklist", quote="blocklist", source=GEO)
def test_a_blocklist_is_a_blacklist_in_the_api(create_distribution):
    # HINT: create_distribution(Restrictions=...) that serves every country but Antarctica (AQ).
    # BEGIN SOLUTION
    created = create_distribution(
        Restrictions={
            "GeoRestriction": {"RestrictionType": "blacklist", "Quantity": 1, "Items": ["AQ"]}
        }
    )
    # END SOLUTION
    restriction = created["DistributionConfig"]["Restrictions"]["GeoRestriction"]
    assert (restriction["RestrictionType"], restriction["Items"]) == ("blacklist", ["AQ"])
