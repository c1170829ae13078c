"""Snapshots: a backup of a volume, taken while it works, kept by tier and by rule.

A snapshot copies a volume's blocks to storage of the region. The volume need
not be detached: EC2 snapshots an in-use volume (detaching, or at least
stopping the writes, only makes the copy consistent). A snapshot you rarely
need moves to the archive tier (75% cheaper, 90 days minimum, hours to
restore). Recycle Bin rules keep deleted snapshots for a while, so a mistake
can be undone. Fast snapshot restore makes a volume created from a snapshot
fully initialized at once, in the zones you name.

Notes, "ec2 instance storage > ebs volume > snapshots".
"""

import pytest

RECYCLE_BIN = "https://docs.aws.amazon.com/ebs/latest/userguide/recycle-bin.html"
FAST_SNAPSHOT_RESTORE = (
    "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-fast-snapshot-restore.html"
)
ARCHIVE = "https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-archive.html"


@pytest.fixture
def in_use_volume(aws, launch, volume, wait_for) -> str:
    """A gp3 volume attached to a running instance: its id."""
    volume_id = volume()
    aws.ec2.attach_volume(VolumeId=volume_id, InstanceId=launch(), Device="/dev/sdf")
    wait_for("volume_in_use", VolumeIds=[volume_id])
    return volume_id


@pytest.mark.claim(
    "ebs.snapshot-of-an-attached-volume", quote="snapshots: no need to detach, but recommended"
)
def test_a_volume_in_use_can_be_snapshotted(aws, in_use_volume, wait_for):
    # HINT: back up in_use_volume without detaching it; name the snapshot's id `snapshot`.
    # BEGIN SOLUTION
    snapshot = aws.ec2.create_snapshot(VolumeId=in_use_volume, Description="nightly")["SnapshotId"]
    # END SOLUTION
    wait_for("snapshot_completed", SnapshotIds=[snapshot])
    found = aws.ec2.describe_snapshots(SnapshotIds=[snapshot])["Snapshots"][0]
    assert (found["VolumeId"], found["State"]) == (in_use_volume, "completed")
    volume = aws.ec2.describe_volumes(VolumeIds=[in_use_volume])["Volumes"][0]
    assert volume["State"] == "in-use", "the volume stayed attached"


@pytest.fixture
def snapshot(aws, volume, wait_for) -> str:
    """A completed snapshot of a new gp3 volume: its id."""
    snapshot_id = aws.ec2.create_snapshot(VolumeId=volume())["SnapshotId"]
    wait_for("snapshot_completed", SnapshotIds=[snapshot_id])
    return snapshot_id


@pytest.mark.claim("ebs.snapshot-archive-tier", quote="archive", line=124, source=ARCHIVE)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's snapshots carry no StorageTier; AWS shows standard, then archive",
)
def test_a_snapshot_moves_to_the_archive_tier(aws, snapshot, eventually):
    tier = aws.ec2.describe_snapshots(SnapshotIds=[snapshot])["Snapshots"][0]["StorageTier"]
    assert tier == "standard", "where every snapshot starts"
    # HINT: move the snapshot to the cheaper tier for snapshots you rarely need.
    # BEGIN SOLUTION
    aws.ec2.modify_snapshot_tier(SnapshotId=snapshot, StorageTier="archive")
    # END SOLUTION

    def archiving() -> bool:
        # On AWS archiving takes hours: the tiering status says it started (or finished).
        found = aws.ec2.describe_snapshot_tier_status(
            Filters=[{"Name": "snapshot-id", "Values": [snapshot]}]
        )["SnapshotTierStatuses"]
        return [s.get("LastTieringOperationStatus") for s in found] in (
            ["archival-in-progress"],
            ["archival-completed"],
        )

    eventually(archiving)


@pytest.mark.claim(
    "ebs.recycle-bin-keeps-deleted-snapshots", quote="recycle bin", source=RECYCLE_BIN
)
@pytest.mark.emulator_gap(
    "moto", reason="moto has no Recycle Bin (rbin): CreateRule answers 500, not implemented"
)
def test_a_deleted_snapshot_waits_in_the_recycle_bin(aws, snapshot):
    # HINT: before deleting, create a Recycle Bin rule (aws.rbin) that keeps every deleted
    # HINT: EBS snapshot of the region for 1 day.
    # BEGIN SOLUTION
    aws.rbin.create_rule(
        ResourceType="EBS_SNAPSHOT",
        RetentionPeriod={"RetentionPeriodValue": 1, "RetentionPeriodUnit": "DAYS"},
        Description="awslab: keep deleted snapshots a day",
    )
    # END SOLUTION
    aws.ec2.delete_snapshot(SnapshotId=snapshot)
    binned = aws.ec2.list_snapshots_in_recycle_bin(SnapshotIds=[snapshot])["Snapshots"]
    assert [s["SnapshotId"] for s in binned] == [snapshot]
    aws.ec2.restore_snapshot_from_recycle_bin(SnapshotId=snapshot)
    assert (
        aws.ec2.describe_snapshots(SnapshotIds=[snapshot])["Snapshots"][0]["SnapshotId"] == snapshot
    )


@pytest.mark.claim(
    "ebs.fast-snapshot-restore-per-zone",
    quote="fast snapshot restore",
    source=FAST_SNAPSHOT_RESTORE,
)
@pytest.mark.emulator_gap("moto", reason="moto does not implement EnableFastSnapshotRestores (500)")
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack has no EnableFastSnapshotRestores (not implemented); AWS enables it per "
    "Availability Zone",
)
def test_fast_snapshot_restore_is_enabled_per_zone(aws, snapshot, zones):
    # HINT: enable fast snapshot restore for the snapshot in the first of `zones` only.
    # BEGIN SOLUTION
    aws.ec2.enable_fast_snapshot_restores(AvailabilityZones=zones[:1], SourceSnapshotIds=[snapshot])
    # END SOLUTION
    found = aws.ec2.describe_fast_snapshot_restores(
        Filters=[{"Name": "snapshot-id", "Values": [snapshot]}]
    )["FastSnapshotRestores"]
    assert [
        (f["AvailabilityZone"], f["State"] in ("enabling", "optimizing", "enabled")) for f in found
    ] == [(zones[0], True)]
    aws.ec2.disable_fast_snapshot_restores(
        AvailabilityZones=zones[:1], SourceSnapshotIds=[snapshot]
    )
