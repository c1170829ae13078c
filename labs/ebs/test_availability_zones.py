"""A volume lives in one Availability Zone, and moves between instances there.

An EBS volume is a network drive: it is not inside the instance's host, so it
can be detached from one instance and attached to another. But it is stored
in one Availability Zone, and only instances of that zone can attach it. To
take its data to another zone, snapshot it (a snapshot belongs to the region)
and create a new volume from the snapshot in the other zone.

Notes, "ec2 instance storage > ebs volume".
"""

import pytest

ERROR_CODES = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html"


@pytest.mark.claim("ebs.volume-moves-between-instances", quote="network drive", line=118)
def test_a_volume_moves_from_one_instance_to_another(aws, launch, volume, attachments, wait_for):
    first, second = launch(), launch()
    data = volume()
    aws.ec2.attach_volume(VolumeId=data, InstanceId=first, Device="/dev/sdf")
    wait_for("volume_in_use", VolumeIds=[data])
    assert attachments(data) == [first]
    # HINT: move the volume to the second instance (detach it, wait until it is
    # HINT: available again, then attach it as /dev/sdf).
    # BEGIN SOLUTION
    aws.ec2.detach_volume(VolumeId=data, InstanceId=first)
    wait_for("volume_available", VolumeIds=[data])
    aws.ec2.attach_volume(VolumeId=data, InstanceId=second, Device="/dev/sdf")
    # END SOLUTION
    assert attachments(data) == [second]


@pytest.mark.claim("ebs.volume-stays-in-its-zone", quote="az-scoped", source=ERROR_CODES)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto attaches a volume to an instance of another Availability Zone; AWS refuses "
    "(InvalidVolume.ZoneMismatch)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack attaches a volume to an instance in another Availability Zone; AWS "
    "refuses (InvalidVolume.ZoneMismatch)",
)
def test_an_instance_cannot_attach_a_volume_of_another_zone(aws, launch, volume, zones, error_code):
    instance_id = launch(zone=zones[0])
    elsewhere = volume(zone=zones[1])
    # HINT: what does AttachVolume answer? (an error code, or None if it works)
    # BEGIN SOLUTION
    expected = "InvalidVolume.ZoneMismatch"
    # END SOLUTION
    answer = error_code(
        aws.ec2.attach_volume, VolumeId=elsewhere, InstanceId=instance_id, Device="/dev/sdf"
    )
    assert answer == expected


@pytest.mark.claim(
    "ebs.snapshot-crosses-zones",
    beyond_notes="A volume reaches another Availability Zone as a snapshot: a new volume "
    "created from it there attaches to that zone's instances.",
    source="https://docs.aws.amazon.com/ebs/latest/userguide/ebs-restoring-volume.html",
)
def test_a_snapshot_brings_a_volume_to_another_zone(
    aws, launch, volume, zones, attachments, wait_for
):
    instance_id = launch(zone=zones[0])
    elsewhere = volume(zone=zones[1], size=20)
    snapshot = aws.ec2.create_snapshot(VolumeId=elsewhere)["SnapshotId"]
    wait_for("snapshot_completed", SnapshotIds=[snapshot])
    # HINT: make a copy of the data in the instance's zone (zones[0]), from the snapshot;
    # HINT: name its id `copy`.
    # BEGIN SOLUTION
    copy = volume(zone=zones[0], SnapshotId=snapshot, size=20)
    # END SOLUTION
    found = aws.ec2.describe_volumes(VolumeIds=[copy])["Volumes"][0]
    assert (found["AvailabilityZone"], found["SnapshotId"], found["Size"]) == (
        zones[0],
        snapshot,
        20,
    )
    aws.ec2.attach_volume(VolumeId=copy, InstanceId=instance_id, Device="/dev/sdf")
    wait_for("volume_in_use", VolumeIds=[copy])
    assert attachments(copy) == [instance_id]
