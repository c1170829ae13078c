"""Instance store: disks that come with the instance type.

An instance store volume is a disk of the host the instance runs on, not a
network drive: fast, free with the instance, and gone when the instance stops
or is terminated. Only some instance types have one (a "d" in the name, like
m5d), and its size is fixed by the type: you do not create it, you choose it
with the type.

Notes, "ec2 instance storage > instance store".
"""

import pytest

INSTANCE_STORE = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/InstanceStorage.html"


@pytest.mark.claim(
    "ebs.instance-store-comes-with-the-type",
    beyond_notes="Instance store comes with the instance type: DescribeInstanceTypes shows "
    "m5d.large with one 75 GB NVMe SSD and m5.large with none (EBS only).",
    source=INSTANCE_STORE,
)
def test_only_some_instance_types_have_an_instance_store(aws):
    found = aws.ec2.describe_instance_types(InstanceTypes=["m5.large", "m5d.large"])
    storage = {
        t["InstanceType"]: t.get("InstanceStorageInfo", {}).get("TotalSizeInGB")
        for t in found["InstanceTypes"]
    }
    # HINT: predict the instance store size, in GB, of each type (None: it has none).
    # BEGIN SOLUTION
    expected = {"m5.large": None, "m5d.large": 75}
    # END SOLUTION
    assert storage == expected
