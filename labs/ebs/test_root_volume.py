"""What happens to an instance's disks when it is terminated.

An instance launched from an EBS-backed image boots from a root volume that
EC2 creates for it. That volume's DeleteOnTermination flag is true by default:
terminate the instance and its root volume goes with it. A volume you attach
afterwards carries the flag false, so your data outlives the instance.

Notes, "ec2 instance storage > ebs volume".
"""

import pytest


def existing(aws, volume_ids: list[str]) -> list[str]:
    """Those of ``volume_ids`` that still exist (a deleted volume drops out of the list)."""
    found = aws.ec2.describe_volumes(Filters=[{"Name": "volume-id", "Values": volume_ids}])
    return sorted(v["VolumeId"] for v in found["Volumes"] if v["State"] != "deleted")


@pytest.mark.claim(
    "ebs.root-volume-deleted-on-termination",
    quote="root volume: delete on termination(by default)",
)
def test_terminating_an_instance_deletes_its_root_volume_only(
    aws, launch, volume, eventually, wait_for
):
    instance_id = launch()
    described = aws.ec2.describe_instances(InstanceIds=[instance_id])
    [root] = described["Reservations"][0]["Instances"][0]["BlockDeviceMappings"]
    assert root["Ebs"]["DeleteOnTermination"] is True, "the root volume's flag, by default"
    root_volume = root["Ebs"]["VolumeId"]
    data_volume = volume()
    aws.ec2.attach_volume(VolumeId=data_volume, InstanceId=instance_id, Device="/dev/sdf")
    wait_for("volume_in_use", VolumeIds=[data_volume])

    aws.ec2.terminate_instances(InstanceIds=[instance_id])
    wait_for("instance_terminated", InstanceIds=[instance_id])
    # HINT: which of the two volumes (root_volume, data_volume) still exists afterwards?
    # BEGIN SOLUTION
    survivors = [data_volume]
    # END SOLUTION
    eventually(lambda: existing(aws, [root_volume, data_volume]) == sorted(survivors))
