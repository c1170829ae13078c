"""Cache policies and origin request policies: what makes a cache key, what reaches the origin.

A cache policy says which parts of a request make the cache key besides the
host and the path: headers (none, or a whitelist), cookies and query strings
(none, a whitelist, all except a list, or all), and the TTLs (minimum,
default, maximum; an origin's ``Cache-Control`` acts within them). What is in
the cache key is also sent to the origin. An origin request policy sends
more to the origin without putting it in the cache key: viewer headers,
CloudFront's own headers (``CloudFront-Viewer-Country``), cookies, query
strings. AWS offers managed policies of both kinds; you can write your own.

moto has no cache policy nor origin request policy API (it answers 404): on
moto these labs are gaps, and their claims stand on the API reference.

Notes, "cloudfront > cache policies" and "cloudfront > origin request policy".
"""

import pytest

CACHE_POLICY = (
    "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html"
)
HEADERS = (
    "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyHeadersConfig.html"
)
COOKIES = (
    "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyCookiesConfig.html"
)
QUERY_STRINGS = "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyQueryStringsConfig.html"
LIST_CACHE_POLICIES = (
    "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ListCachePolicies.html"
)
ORIGIN_REQUEST = "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginRequestPolicyHeadersConfig.html"
NO_POLICIES_ON_MOTO = "moto has no cache policy API (404); AWS creates and lists them"
NO_ORIGIN_REQUEST_ON_MOTO = (
    "moto has no origin request policy API (404); AWS creates and lists them"
)


def cache_policy(
    name: str, headers: dict | None = None, query_strings: dict | None = None, **ttls
) -> dict:
    """A CachePolicyConfig: the cache key is host and path, plus ``headers`` and
    ``query_strings`` (``{"HeaderBehavior": ...}``, ``{"QueryStringBehavior": ...}``)."""
    return {
        "Name": name,
        "MinTTL": 0,
        **ttls,
        "ParametersInCacheKeyAndForwardedToOrigin": {
            "EnableAcceptEncodingGzip": True,
            "HeadersConfig": headers or {"HeaderBehavior": "none"},
            "CookiesConfig": {"CookieBehavior": "none"},
            "QueryStringsConfig": query_strings or {"QueryStringBehavior": "none"},
        },
    }


def origin_request_policy(name: str, headers: dict) -> dict:
    """An OriginRequestPolicyConfig sending ``headers`` to the origin, and no cookie or query."""
    return {
        "Name": name,
        "HeadersConfig": headers,
        "CookiesConfig": {"CookieBehavior": "none"},
        "QueryStringsConfig": {"QueryStringBehavior": "none"},
    }


@pytest.mark.claim("cloudfront.cache-key-headers", quote="http headers:", line=598, source=HEADERS)
@pytest.mark.emulator_gap("moto", reason=NO_POLICIES_ON_MOTO)
def test_headers_join_the_cache_key_by_whitelist_only(aws, unique_name):
    model = aws.cloudfront.meta.service_model
    # HINT: predict the header behaviours a cache policy takes.
    # BEGIN SOLUTION
    headers = {"none", "whitelist"}
    # END SOLUTION
    assert set(model.shape_for("CachePolicyHeaderBehavior").enum) == headers
    whitelisted = {
        "HeaderBehavior": "whitelist",
        "Headers": {"Quantity": 1, "Items": ["Accept-Language"]},
    }
    created = aws.cloudfront.create_cache_policy(
        CachePolicyConfig=cache_policy(unique_name("by-language"), headers=whitelisted)
    )
    key = created["CachePolicy"]["CachePolicyConfig"]["ParametersInCacheKeyAndForwardedToOrigin"]
    assert key["HeadersConfig"]["Headers"]["Items"] == ["Accept-Language"]


@pytest.mark.claim("cloudfront.cache-key-cookies", quote="cookies", line=601, source=COOKIES)
@pytest.mark.emulator_gap("moto", reason=NO_POLICIES_ON_MOTO)
def test_cookies_join_the_cache_key_like_query_strings(aws, unique_name):
    model = aws.cloudfront.meta.service_model
    # HINT: predict the cookie behaviours a cache policy takes.
    # BEGIN SOLUTION
    cookies = {"none", "whitelist", "allExcept", "all"}
    # END SOLUTION
    assert set(model.shape_for("CachePolicyCookieBehavior").enum) == cookies
    config = cache_policy(unique_name("by-session"))
    config["ParametersInCacheKeyAndForwardedToOrigin"]["CookiesConfig"] = {
        "CookieBehavior": "whitelist",
        "Cookies": {"Quantity": 1, "Items": ["session-id"]},
    }
    created = aws.cloudfront.create_cache_policy(CachePolicyConfig=config)
    key = created["CachePolicy"]["CachePolicyConfig"]["ParametersInCacheKeyAndForwardedToOrigin"]
    assert key["CookiesConfig"]["Cookies"]["Items"] == ["session-id"]


@pytest.mark.claim(
    "cloudfront.cache-key-query-strings", quote="query strings", line=602, source=QUERY_STRINGS
)
@pytest.mark.emulator_gap("moto", reason=NO_POLICIES_ON_MOTO)
def test_query_strings_join_the_cache_key_by_name(aws, unique_name):
    model = aws.cloudfront.meta.service_model
    # HINT: predict the query string behaviours a cache policy takes.
    # BEGIN SOLUTION
    query_strings = {"none", "whitelist", "allExcept", "all"}
    # END SOLUTION
    assert set(model.shape_for("CachePolicyQueryStringBehavior").enum) == query_strings
    by_page = {
        "QueryStringBehavior": "whitelist",
        "QueryStrings": {"Quantity": 1, "Items": ["page"]},
    }
    created = aws.cloudfront.create_cache_policy(
        CachePolicyConfig=cache_policy(unique_name("by-page"), query_strings=by_page)
    )
    key = created["CachePolicy"]["CachePolicyConfig"]["ParametersInCacheKeyAndForwardedToOrigin"]
    assert key["QueryStringsConfig"]["QueryStrings"]["Items"] == ["page"]


@pytest.mark.claim(
    "cloudfront.cache-key-query-all-except", quote="inlude all-except", source=QUERY_STRINGS
)
@pytest.mark.emulator_gap("moto", reason=NO_POLICIES_ON_MOTO)
def test_query_strings_join_the_cache_key_all_except_some(aws, unique_name):
    # HINT: a cache policy whose cache key holds every query string but "utm_source"
    # HINT: (cache_policy(name, query_strings=...)); create it.
    # BEGIN SOLUTION
    query_strings = {
        "QueryStringBehavior": "allExcept",
        "QueryStrings": {"Quantity": 1, "Items": ["utm_source"]},
    }
    created = aws.cloudfront.create_cache_policy(
        CachePolicyConfig=cache_policy(unique_name("campaigns"), query_strings=query_strings)
    )
    # END SOLUTION
    stored = created["CachePolicy"]["CachePolicyConfig"]["ParametersInCacheKeyAndForwardedToOrigin"]
    assert stored["QueryStringsConfig"]["QueryStringBehavior"] == "allExcept"
    assert stored["QueryStringsConfig"]["QueryStrings"]["Items"] == ["utm_source"]


@pytest.mark.claim(
    "cloudfront.cache-policy-ttls",
    quote="control TTL, can set by the origin using `Cache-Control` header",
    source=CACHE_POLICY,
)
@pytest.mark.emulator_gap("moto", reason=NO_POLICIES_ON_MOTO)
def test_a_cache_policy_bounds_the_ttls(aws, unique_name):
    created = aws.cloudfront.create_cache_policy(
        CachePolicyConfig=cache_policy(unique_name("defaults"))
    )
    config = created["CachePolicy"]["CachePolicyConfig"]
    # HINT: predict the DefaultTTL and MaxTTL (seconds) of a policy that sets only MinTTL=0.
    # BEGIN SOLUTION
    expected = (86400, 31536000)
    # END SOLUTION
    assert (config["DefaultTTL"], config["MaxTTL"]) == expected


@pytest.mark.claim(
    "cloudfront.custom-cache-policies", quote="custom policies support", source=LIST_CACHE_POLICIES
)
@pytest.mark.emulator_gap("moto", reason=NO_POLICIES_ON_MOTO)
def test_custom_policies_sit_beside_the_managed_ones(aws, unique_name):
    aws.cloudfront.create_cache_policy(CachePolicyConfig=cache_policy(unique_name("mine")))

    def names(kind: str) -> set[str]:
        listed = aws.cloudfront.list_cache_policies(Type=kind)["CachePolicyList"]
        return {
            item["CachePolicy"]["CachePolicyConfig"]["Name"] for item in listed.get("Items", [])
        }

    # HINT: predict which list holds your policy, and which holds "Managed-CachingOptimized":
    # HINT: "custom" or "managed".
    # BEGIN SOLUTION
    mine, aws_own = "custom", "managed"
    # END SOLUTION
    assert unique_name("mine") in names(mine)
    assert "Managed-CachingOptimized" in names(aws_own)


@pytest.mark.claim(
    "cloudfront.origin-request-policy",
    quote="can include: http headers, cookies, query strings",
    source=ORIGIN_REQUEST,
)
@pytest.mark.emulator_gap("moto", reason=NO_ORIGIN_REQUEST_ON_MOTO)
def test_an_origin_request_policy_forwards_every_viewer_header(aws, unique_name):
    # HINT: create an origin request policy that sends all the viewer's headers to the origin.
    # BEGIN SOLUTION
    created = aws.cloudfront.create_origin_request_policy(
        OriginRequestPolicyConfig=origin_request_policy(
            unique_name("all-headers"), {"HeaderBehavior": "allViewer"}
        )
    )
    # END SOLUTION
    config = created["OriginRequestPolicy"]["OriginRequestPolicyConfig"]
    assert config["HeadersConfig"]["HeaderBehavior"] == "allViewer"


@pytest.mark.claim(
    "cloudfront.origin-request-cloudfront-headers",
    quote="ability to add cloudfront http headers and custom headers to an origin requst",
    source=ORIGIN_REQUEST,
)
@pytest.mark.emulator_gap("moto", reason=NO_ORIGIN_REQUEST_ON_MOTO)
def test_an_origin_request_policy_adds_cloudfront_headers(aws, unique_name):
    headers = {
        "HeaderBehavior": "allViewerAndWhitelistCloudFront",
        "Headers": {"Quantity": 1, "Items": ["CloudFront-Viewer-Country"]},
    }
    # HINT: create an origin request policy with these headers (origin_request_policy).
    # BEGIN SOLUTION
    created = aws.cloudfront.create_origin_request_policy(
        OriginRequestPolicyConfig=origin_request_policy(unique_name("country"), headers)
    )
    # END SOLUTION
    config = created["OriginRequestPolicy"]["OriginRequestPolicyConfig"]["HeadersConfig"]
    assert config["Headers"]["Items"] == ["CloudFront-Viewer-Country"]


@pytest.mark.claim(
    "cloudfront.custom-origin-request-policies",
    quote="support custom policy",
    source=ORIGIN_REQUEST,
)
@pytest.mark.emulator_gap("moto", reason=NO_ORIGIN_REQUEST_ON_MOTO)
def test_custom_origin_request_policies_are_listed_apart(aws, unique_name):
    aws.cloudfront.create_origin_request_policy(
        OriginRequestPolicyConfig=origin_request_policy(
            unique_name("mine"), {"HeaderBehavior": "none"}
        )
    )
    # HINT: which list (Type) of ListOriginRequestPolicies holds your own policies?
    # BEGIN SOLUTION
    kind = "custom"
    # END SOLUTION
    listed = aws.cloudfront.list_origin_request_policies(Type=kind)["OriginRequestPolicyList"]
    names = {
        item["OriginRequestPolicy"]["OriginRequestPolicyConfig"]["Name"] for item in listed["Items"]
    }
    assert unique_name("mine") in names


@pytest.mark.claim(
    "cloudfront.cache-key-elements",
    quote="can add other elements: http headers, cookies, query strings using `cache policies`",
    source=CACHE_POLICY,
)
@pytest.mark.emulator_gap("moto", reason=NO_POLICIES_ON_MOTO)
def test_a_cache_policy_adds_a_header_a_cookie_and_a_query_string(aws, unique_name):
    # HINT: a cache policy whose cache key adds the header "Accept-Language", the cookie
    # HINT: "session" and the query string "page" (whitelists); create it.
    # BEGIN SOLUTION
    config = cache_policy(
        unique_name("per-user"),
        headers={
            "HeaderBehavior": "whitelist",
            "Headers": {"Quantity": 1, "Items": ["Accept-Language"]},
        },
        query_strings={
            "QueryStringBehavior": "whitelist",
            "QueryStrings": {"Quantity": 1, "Items": ["page"]},
        },
    )
    config["ParametersInCacheKeyAndForwardedToOrigin"]["CookiesConfig"] = {
        "CookieBehavior": "whitelist",
        "Cookies": {"Quantity": 1, "Items": ["session"]},
    }
    created = aws.cloudfront.create_cache_policy(CachePolicyConfig=config)
    # END SOLUTION
    key = created["CachePolicy"]["CachePolicyConfig"]["ParametersInCacheKeyAndForwardedToOrigin"]
    assert key["HeadersConfig"]["Headers"]["Items"] == ["Accept-Language"]
    assert key["CookiesConfig"]["Cookies"]["Items"] == ["session"]
    assert key["QueryStringsConfig"]["QueryStrings"]["Items"] == ["page"]
