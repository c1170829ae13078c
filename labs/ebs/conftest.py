"""Shared fixtures for the instance storage labs: two Availability Zones, an Amazon Linux
image, a launcher that places instances in a zone, and a volume maker."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError, WaiterError

from harness.testkit.images import amazon_linux

#: Short polls: a waiter's default (15 s between checks) would dwarf a LocalStack run.
QUICK = {"Delay": 1, "MaxAttempts": 60}


@pytest.fixture
def wait_for(aws):
    """``wait_for("volume_available", VolumeIds=[...])``: an EC2 waiter, polling every second.

    On moto the first poll finds the state; LocalStack and AWS take a moment.
    """

    def wait_for(state: str, **ids) -> None:
        aws.ec2.get_waiter(state).wait(**ids, WaiterConfig=QUICK)

    return wait_for


@pytest.fixture
def zones(aws) -> list[str]:
    """The region's first two Availability Zones, by name (us-east-1a, us-east-1b)."""
    found = aws.ec2.describe_availability_zones(
        Filters=[{"Name": "zone-type", "Values": ["availability-zone"]}]
    )["AvailabilityZones"]
    return sorted(zone["ZoneName"] for zone in found)[:2]


@pytest.fixture
def image(aws) -> dict:
    """The newest Amazon Linux 2023 image owned by Amazon: its ImageId and RootDeviceName."""
    return amazon_linux(aws)


@pytest.fixture
def name_tags(unique_name):
    """``name_tags("web", "instance")``: a TagSpecifications list naming the resource."""

    def name_tags(stem: str, resource_type: str) -> list[dict]:
        return [
            {"ResourceType": resource_type, "Tags": [{"Key": "Name", "Value": unique_name(stem)}]}
        ]

    return name_tags


@pytest.fixture
def launch(aws, image, name_tags, zones, wait_for):
    """``launch(zone=None, **extra)``: one running t3.micro (a Nitro type); its id.

    ``zone`` defaults to the first of ``zones``; ``extra`` are other RunInstances
    arguments (BlockDeviceMappings, ImageId...).
    """

    def launch(zone: str | None = None, **extra) -> str:
        arguments = {
            "ImageId": image["ImageId"],
            "InstanceType": "t3.micro",
            "MinCount": 1,
            "MaxCount": 1,
            "Placement": {"AvailabilityZone": zone or zones[0]},
            "TagSpecifications": name_tags("server", "instance"),
            **extra,
        }
        instance_id = aws.ec2.run_instances(**arguments)["Instances"][0]["InstanceId"]
        wait_for("instance_running", InstanceIds=[instance_id])
        return instance_id

    return launch


@pytest.fixture
def created_volumes(aws, aws_backend, wait_for):
    """Volume ids a test made. On AWS, where a volume costs money (the size limit lab
    makes a 64 TiB one), each is detached, waited for and deleted after the test; an
    emulator forgets them by itself."""
    made: list[str] = []
    yield made
    if aws_backend.emulated:
        return
    for volume_id in made:
        try:
            if aws.ec2.describe_volumes(VolumeIds=[volume_id])["Volumes"][0]["Attachments"]:
                aws.ec2.detach_volume(VolumeId=volume_id, Force=True)
            wait_for("volume_available", VolumeIds=[volume_id])
            aws.ec2.delete_volume(VolumeId=volume_id)
        except (ClientError, WaiterError) as error:
            print(f"volume {volume_id} left behind: {error}")


@pytest.fixture
def volume(aws, name_tags, zones, wait_for, created_volumes):
    """``volume(zone=None, size=8, type="gp3", **extra)``: a new available volume; its id."""

    def volume(zone: str | None = None, size: int = 8, type: str = "gp3", **extra) -> str:
        volume_id = aws.ec2.create_volume(
            AvailabilityZone=zone or zones[0],
            Size=size,
            VolumeType=type,
            TagSpecifications=name_tags("data", "volume"),
            **extra,
        )["VolumeId"]
        created_volumes.append(volume_id)
        wait_for("volume_available", VolumeIds=[volume_id])
        return volume_id

    return volume


@pytest.fixture
def attachments(aws):
    """``attachments(volume_id)``: the instance ids a volume is attached to, sorted."""

    def attachments(volume_id: str) -> list[str]:
        found = aws.ec2.describe_volumes(VolumeIds=[volume_id])["Volumes"][0]["Attachments"]
        return sorted(a["InstanceId"] for a in found if a["State"] in ("attaching", "attached"))

    return attachments
