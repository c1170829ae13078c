"""Choosing a volume type: size, IOPS, Multi-Attach, and what may boot an instance.

An EBS volume has a provisioned capacity: a size in GiB, and a performance.
gp3 (general purpose SSD) gives a baseline of 3,000 IOPS whatever its size;
gp2 ties IOPS to size, 3 per GiB with a floor of 100. Provisioned IOPS SSDs
(io1, io2) take the IOPS you ask for, and alone can be attached to several
instances at once (Multi-Attach: up to 16 Nitro instances of one zone). The
HDD types (st1, sc1) are cheap throughput for big sequential reads and cannot
boot an instance; gp and io volumes can.

Notes, "ec2 instance storage > ebs volume" and "> ebs volume types".
"""

import pytest

CREATE_VOLUME = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html"


@pytest.mark.claim(
    "ebs.provisioned-size-limits",
    quote="have a provisioned capacity",
    source=CREATE_VOLUME,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a gp3 volume of any size (0 GiB and 65,537 GiB too); AWS takes "
    "1 to 65,536 GiB and refuses the rest (InvalidParameterValue)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts gp3 volumes of 0 and 65,537 GiB; AWS refuses them "
    "(InvalidParameterValue)",
)
def test_a_gp3_volume_takes_1_to_65536_gib(aws, zones, error_code, created_volumes):
    def answer(size: int) -> str | None:
        try:
            made = aws.unvalidated("ec2").create_volume(
                AvailabilityZone=zones[0], Size=size, VolumeType="gp3"
            )
        except aws.ec2.exceptions.ClientError as error:
            return error.response["Error"]["Code"]
        created_volumes.append(made["VolumeId"])  # deleted after the test
        return None

    # HINT: predict CreateVolume's answer for each size: {size in GiB: None if it creates
    # HINT: the volume, else the error code}.
    # BEGIN SOLUTION
    expected = {0: "InvalidParameterValue", 1: None, 65536: None, 65537: "InvalidParameterValue"}
    # END SOLUTION
    assert {size: answer(size) for size in expected} == expected


@pytest.mark.claim("ebs.gp3-baseline-iops", quote="gp2/gp3", source=CREATE_VOLUME)
def test_a_gp3_volume_has_3000_iops_whatever_its_size(aws, volume):
    small, large = volume(size=8), volume(size=2000)
    found = aws.ec2.describe_volumes(VolumeIds=[small, large])["Volumes"]
    iops = {v["Size"]: v["Iops"] for v in found}
    # HINT: predict the IOPS of a new 8 GiB and a new 2,000 GiB gp3 volume: {size: iops}.
    # BEGIN SOLUTION
    expected = {8: 3000, 2000: 3000}
    # END SOLUTION
    assert iops == expected


@pytest.mark.claim(
    "ebs.gp2-iops-grow-with-size",
    quote="gp2/gp3",
    source="https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto reports no IOPS for a gp2 volume; AWS gives it 3 IOPS per GiB, at least 100",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack reports no Iops for a gp2 volume; AWS reports 3 IOPS per GiB (100 at least)",
)
def test_a_gp2_volume_has_3_iops_per_gib(aws, volume):
    small, large = volume(size=8, type="gp2"), volume(size=2000, type="gp2")
    found = aws.ec2.describe_volumes(VolumeIds=[small, large])["Volumes"]
    iops = {v["Size"]: v.get("Iops") for v in found}
    # HINT: predict the IOPS of a new 8 GiB and a new 2,000 GiB gp2 volume: {size: iops}.
    # BEGIN SOLUTION
    expected = {8: 100, 2000: 6000}
    # END SOLUTION
    assert iops == expected


@pytest.mark.claim(
    "ebs.multi-attach-io2",
    quote="io1/io2: support ebs multi-attach (up to 16 ec2)",
    source=CREATE_VOLUME,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto keeps one attachment per volume: a second AttachVolume replaces the first, "
    "Multi-Attach or not; AWS attaches a Multi-Attach io2 volume to both instances and "
    "refuses a second instance for any other volume (VolumeInUse)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack attaches a volume without Multi-Attach to a second instance; AWS refuses "
    "(VolumeInUse)",
)
def test_only_a_multi_attach_io_volume_serves_two_instances(
    aws, launch, volume, attachments, error_code, wait_for
):
    first, second = launch(), launch()
    plain = volume(type="gp3")
    aws.ec2.attach_volume(VolumeId=plain, InstanceId=first, Device="/dev/sdf")
    wait_for("volume_in_use", VolumeIds=[plain])
    refused = error_code(
        aws.ec2.attach_volume, VolumeId=plain, InstanceId=second, Device="/dev/sdf"
    )
    assert refused == "VolumeInUse"
    # HINT: make a 10 GiB io2 volume (1,000 IOPS) that both instances can attach at once,
    # HINT: and attach it to both as /dev/sdg; name its id `shared`.
    # BEGIN SOLUTION
    shared = volume(type="io2", size=10, Iops=1000, MultiAttachEnabled=True)
    for instance_id in (first, second):
        aws.ec2.attach_volume(VolumeId=shared, InstanceId=instance_id, Device="/dev/sdg")
    # END SOLUTION
    assert attachments(shared) == sorted([first, second])


@pytest.mark.claim("ebs.gp-and-io-boot", quote="gp and io can be used as root volumes")
def test_an_instance_boots_from_a_gp3_root_volume(aws, launch, image):
    # HINT: launch an instance whose root volume (image["RootDeviceName"]) is a 20 GiB gp3
    # HINT: volume: launch(BlockDeviceMappings=[...]); name its id `instance_id`.
    # BEGIN SOLUTION
    root = {"DeviceName": image["RootDeviceName"], "Ebs": {"VolumeType": "gp3", "VolumeSize": 20}}
    instance_id = launch(BlockDeviceMappings=[root])
    # END SOLUTION
    found = aws.ec2.describe_volumes(
        Filters=[{"Name": "attachment.instance-id", "Values": [instance_id]}]
    )["Volumes"]
    assert [(v["VolumeType"], v["Size"]) for v in found] == [("gp3", 20)]


@pytest.mark.claim(
    "ebs.io-boots",
    quote="gp and io can be used as root volumes",
    source="https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/RootDeviceStorage.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto refuses an io2 root volume in BlockDeviceMappings, Iops given or not "
    "(InvalidParameterDependency: VolumeType requires Iops); AWS boots from it",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's EC2 refuses an io2 root volume in BlockDeviceMappings, Iops given or "
    "not (InvalidParameterDependency), as moto does; AWS boots from it",
)
def test_an_instance_boots_from_an_io2_root_volume(aws, launch, image):
    # HINT: launch an instance whose root volume is a 20 GiB io2 volume with 1,000 IOPS;
    # HINT: name its id `instance_id`.
    # BEGIN SOLUTION
    ebs = {"VolumeType": "io2", "VolumeSize": 20, "Iops": 1000}
    instance_id = launch(BlockDeviceMappings=[{"DeviceName": image["RootDeviceName"], "Ebs": ebs}])
    # END SOLUTION
    found = aws.ec2.describe_volumes(
        Filters=[{"Name": "attachment.instance-id", "Values": [instance_id]}]
    )["Volumes"]
    assert [(v["VolumeType"], v["Size"], v["Iops"]) for v in found] == [("io2", 20, 1000)]
