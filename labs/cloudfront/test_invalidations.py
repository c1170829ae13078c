"""Invalidations: make the edge caches forget, before the TTL does.

An object stays in an edge cache until its TTL ends. ``CreateInvalidation``
removes the paths it names from every edge cache, so the next request goes
to the origin: one file (``/index.html``), a prefix (``/images/*``) or
everything (``/*``). A path starts with ``/``. An invalidation is
``InProgress`` for a while, then ``Completed``.

Notes, "cloudfront > caching" and "cloudfront > cache invalidations".
"""

import uuid

import pytest

INVALIDATION = (
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Invalidation.html"
)
PATHS = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html"


@pytest.fixture
def invalidate(aws, distribution):
    """``invalidate("/images/*", ...)``: CreateInvalidation's ``Invalidation`` for those paths."""

    def invalidate(*paths: str) -> dict:
        batch = {
            "Paths": {"Quantity": len(paths), "Items": list(paths)},
            "CallerReference": uuid.uuid4().hex,
        }
        answer = aws.cloudfront.create_invalidation(
            DistributionId=distribution["Id"], InvalidationBatch=batch
        )
        return answer["Invalidation"]

    return invalidate


@pytest.mark.claim(
    "cloudfront.create-invalidation",
    quote="invalidation: `CreateInvalidation` api",
    source=INVALIDATION,
)
def test_an_invalidation_is_recorded_on_the_distribution(aws, distribution, invalidate):
    # HINT: invalidate every object under /images/ (the invalidate fixture).
    # BEGIN SOLUTION
    invalidate("/images/*")
    # END SOLUTION
    listed = aws.cloudfront.list_invalidations(DistributionId=distribution["Id"])
    [summary] = listed["InvalidationList"]["Items"]
    found = aws.cloudfront.get_invalidation(DistributionId=distribution["Id"], Id=summary["Id"])
    assert found["Invalidation"]["InvalidationBatch"]["Paths"]["Items"] == ["/images/*"]


@pytest.mark.claim(
    "cloudfront.invalidation-completes",
    quote="we can force an entire or partial cache refresh by performing cloudfront invalidations",
    source=INVALIDATION,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto answers an invalidation already COMPLETED (in capitals); AWS answers "
    "InProgress, then Completed once every edge location has dropped the objects",
)
def test_an_invalidation_runs_then_completes(aws, distribution, invalidate):
    # HINT: predict the status CreateInvalidation answers, and the one it reaches.
    # BEGIN SOLUTION
    while_running, once_done = "InProgress", "Completed"
    # END SOLUTION
    invalidation = invalidate("/*")
    assert invalidation["Status"] == while_running
    aws.cloudfront.get_waiter("invalidation_completed").wait(
        DistributionId=distribution["Id"], Id=invalidation["Id"]
    )
    found = aws.cloudfront.get_invalidation(
        DistributionId=distribution["Id"], Id=invalidation["Id"]
    )
    assert found["Invalidation"]["Status"] == once_done


@pytest.mark.claim(
    "cloudfront.invalidation-paths-start-with-a-slash",
    quote="can specify invalidation path: `*`, `/images/*`",
    errata="Through the API an invalidation path starts with a slash: everything is `/*`, "
    "not `*` (only the console lets the slash be left out); CreateInvalidation refuses `*` "
    "(InvalidArgument).",
    source=PATHS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts any path, `*` too; AWS refuses a path without a leading "
    "slash (InvalidArgument)",
)
def test_a_path_starts_with_a_slash(invalidate, error_code):
    # HINT: what does CreateInvalidation answer each path? (None if it takes it)
    # BEGIN SOLUTION
    expected = {"/*": None, "/images/*": None, "*": "InvalidArgument"}
    # END SOLUTION
    assert {path: error_code(invalidate, path) for path in expected} == expected
