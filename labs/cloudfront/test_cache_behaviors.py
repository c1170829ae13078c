"""Cache behaviours: which origin, and which settings, for which path.

A distribution routes each request by its path. Its cache behaviours each
have a path pattern (``/api/*``, ``/images/*``), an origin and their own
settings (cache policy, viewer protocol); CloudFront tries them in order, and
the first pattern that matches wins. The default cache behaviour has no path
pattern at all: it takes whatever no other behaviour matched, as ``*`` would,
and so comes last. A behaviour can only name an origin the distribution has.

Notes, "cloudfront > cache behaviors" and "cloudfront > multiple origins".
"""

import pytest

BEHAVIORS = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html#DownloadDistValuesCacheBehavior"
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"  # an AWS managed cache policy
CREATE = "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateDistribution.html"


@pytest.mark.claim(
    "cloudfront.default-behavior-has-no-path",
    quote="the default cache behavior is always the last to be process and is always `/*`",
    source=BEHAVIORS,
)
def test_the_default_behavior_has_no_path_pattern(aws, distribution):
    model = aws.cloudfront.meta.service_model
    # HINT: predict: does DefaultCacheBehavior take a PathPattern? does a CacheBehavior?
    # BEGIN SOLUTION
    default_has_a_path, others_have_one = False, True
    # END SOLUTION
    assert ("PathPattern" in model.shape_for("DefaultCacheBehavior").members) is default_has_a_path
    assert ("PathPattern" in model.shape_for("CacheBehavior").members) is others_have_one
    assert "PathPattern" not in distribution["DistributionConfig"]["DefaultCacheBehavior"]


@pytest.mark.claim(
    "cloudfront.behaviors-by-path",
    quote="configure different settings based on the content type or path pattern: `/api/*`, `/*`",
    source=BEHAVIORS,
)
def test_behaviors_keep_their_order_and_settings(create_distribution, cache_behavior):
    from_the_most_specific = [
        cache_behavior(
            "web", "/api/v2/*", CachePolicyId=CACHING_DISABLED, ViewerProtocolPolicy="https-only"
        ),
        cache_behavior("web", "/api/*", CachePolicyId=CACHING_DISABLED),
    ]
    # HINT: create_distribution(CacheBehaviors=...) with the two behaviours above, in that
    # HINT: order (CloudFront tries them in the order given).
    # BEGIN SOLUTION
    created = create_distribution(CacheBehaviors={"Quantity": 2, "Items": from_the_most_specific})
    # END SOLUTION
    behaviors = created["DistributionConfig"]["CacheBehaviors"]["Items"]
    assert [b["PathPattern"] for b in behaviors] == ["/api/v2/*", "/api/*"]
    assert [b["ViewerProtocolPolicy"] for b in behaviors] == ["https-only", "redirect-to-https"]
    assert behaviors[0]["CachePolicyId"] == CACHING_DISABLED


@pytest.mark.claim(
    "cloudfront.origins-by-path",
    quote="based on path pattern: `/images/*`, `/api/*`",
    source=CREATE,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a cache behaviour naming an origin the distribution does not have; "
    "AWS answers NoSuchOrigin",
)
def test_each_path_goes_to_its_origin(create_distribution, origin, cache_behavior, error_code):
    origins = [origin("site", "www.example.com"), origin("api", "api.example.com")]
    to_the_api = cache_behavior("api", "/api/*")
    created = create_distribution(origins, CacheBehaviors={"Quantity": 1, "Items": [to_the_api]})
    routes = {
        b["PathPattern"]: b["TargetOriginId"]
        for b in created["DistributionConfig"]["CacheBehaviors"]["Items"]
    }
    assert routes == {"/api/*": "api"}
    to_nowhere = cache_behavior("images", "/images/*")
    # HINT: what does CreateDistribution answer a behaviour to an origin it does not have?
    # BEGIN SOLUTION
    expected = "NoSuchOrigin"
    # END SOLUTION
    answer = error_code(
        create_distribution, origins, CacheBehaviors={"Quantity": 1, "Items": [to_nowhere]}
    )
    assert answer == expected
