"""Instance refresh: new instances from a new launch template version.

Changing a group's launch template touches no running instance: only
instances launched later use the new version. An *instance refresh*
(``StartInstanceRefresh``) replaces them all, a batch at a time, keeping at
least ``MinHealthyPercentage`` of the group in service (90 % by default, 0 to
100), and waiting a *warm-up* after each new instance is in service before
moving on.

moto has no instance refresh (``StartInstanceRefresh`` is not implemented),
and LocalStack's free edition no Auto Scaling: these labs are written from the
documentation, and the claims report shows them "unproven here".

Notes, "HA and scalability > ASG > instance refresh".
"""

from __future__ import annotations

import pytest

REFRESH = "https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-instance-refresh.html"
PREFERENCES = "botocore/data/autoscaling/2011-01-01/service-2.json (RefreshPreferences)"
NOT_IMPLEMENTED = "moto does not implement StartInstanceRefresh (NotImplementedError)"


@pytest.fixture
def refreshed(aws, make_group, launch_template, in_service):
    """``refreshed(**preferences)``: a group of 2 whose template got a version 2 (t3.small),
    with an instance refresh started; (group name, refresh id)."""

    def refreshed(**preferences) -> tuple[str, str]:
        name = make_group(desired=2)
        in_service(name, 2)
        aws.ec2.create_launch_template_version(
            LaunchTemplateId=launch_template["LaunchTemplateId"],
            SourceVersion="1",
            LaunchTemplateData={"InstanceType": "t3.small"},
        )
        started = aws.autoscaling.start_instance_refresh(
            AutoScalingGroupName=name, Preferences=preferences
        )
        return name, started["InstanceRefreshId"]

    return refreshed


def refresh_of(aws, group: str, refresh_id: str) -> dict:
    refreshes = aws.autoscaling.describe_instance_refreshes(
        AutoScalingGroupName=group, InstanceRefreshIds=[refresh_id]
    )
    return refreshes["InstanceRefreshes"][0]


@pytest.mark.claim(
    "autoscaling.refresh-replaces-instances",
    quote="update launch template and re-create all ec2 instances",
    source=REFRESH,
)
@pytest.mark.emulator_gap("moto", reason=NOT_IMPLEMENTED)
def test_a_refresh_replaces_every_instance_with_the_new_version(
    aws, refreshed, group_of, eventually, scaling_timeout
):
    name, refresh_id = refreshed(MinHealthyPercentage=50, InstanceWarmup=0)

    def all_new() -> bool:
        instances = group_of(name)["Instances"]
        return len(instances) == 2 and all(i["InstanceType"] == "t3.small" for i in instances)

    eventually(all_new, timeout=scaling_timeout)


@pytest.mark.claim(
    "autoscaling.refresh-is-an-api",
    quote="using native feature: `instance refresh`",
    source=REFRESH,
)
@pytest.mark.emulator_gap("moto", reason=NOT_IMPLEMENTED)
def test_a_refresh_is_an_operation_with_a_status(aws, refreshed):
    name, refresh_id = refreshed()
    status = refresh_of(aws, name, refresh_id)["Status"]
    assert status in {"Pending", "InProgress", "Successful"}


@pytest.mark.claim(
    "autoscaling.refresh-min-healthy-percentage",
    quote="setting minimum healthy percentage",
    source=PREFERENCES,
)
@pytest.mark.emulator_gap("moto", reason=NOT_IMPLEMENTED)
def test_a_refresh_keeps_90_percent_healthy_by_default(aws, refreshed, make_group, error_code):
    name, refresh_id = refreshed()
    assert refresh_of(aws, name, refresh_id)["Preferences"]["MinHealthyPercentage"] == 90
    other = make_group(desired=1)
    start = aws.unvalidated("autoscaling").start_instance_refresh
    answer = error_code(
        start, AutoScalingGroupName=other, Preferences={"MinHealthyPercentage": 101}
    )
    assert answer == "ValidationError"


@pytest.mark.claim(
    "autoscaling.refresh-warm-up",
    quote="specify `warm-up` time",
    source=PREFERENCES,
)
@pytest.mark.emulator_gap("moto", reason=NOT_IMPLEMENTED)
def test_a_refresh_waits_its_warm_up(aws, refreshed):
    name, refresh_id = refreshed(InstanceWarmup=120)
    assert refresh_of(aws, name, refresh_id)["Preferences"]["InstanceWarmup"] == 120
