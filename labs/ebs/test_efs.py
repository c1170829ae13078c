"""EFS: one NFS file system, mounted from every Availability Zone.

Amazon EFS is a managed NFS file system for Linux instances. A Regional file
system stores its data across zones and is reached through mount targets:
one network interface per Availability Zone, in a subnet of that zone, that
instances of the zone mount. (A One Zone file system keeps its data, and its
only mount target, in one zone: cheaper, less available.) Encryption at rest
uses a KMS key and is chosen at creation; so is the performance mode
(generalPurpose by default, or maxIO). The throughput mode (bursting by
default, elastic, or provisioned) can change later.

Notes, "ec2 instance storage > efs" and "> efs performance & storage classes".
"""

import pytest

CREATE_FILE_SYSTEM = "https://docs.aws.amazon.com/efs/latest/ug/API_CreateFileSystem.html"
UPDATE_FILE_SYSTEM = "https://docs.aws.amazon.com/efs/latest/ug/API_UpdateFileSystem.html"
ONE_ZONE = "https://docs.aws.amazon.com/efs/latest/ug/availability-durability.html"


@pytest.fixture
def subnets(aws) -> dict[str, str]:
    """A default subnet per Availability Zone of the default VPC: {zone: subnet id}."""
    found = aws.ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])
    return dict(sorted((s["AvailabilityZone"], s["SubnetId"]) for s in found["Subnets"]))


@pytest.fixture
def create_file_system(aws, unique_name, eventually):
    """``create_file_system(**settings)``: a new file system, once available (mount targets
    wait for that); CreateFileSystem's answer."""
    made = []

    def create_file_system(**settings) -> dict:
        made.append(settings)
        created = aws.efs.create_file_system(
            CreationToken=unique_name(f"files-{len(made)}"),
            Tags=[{"Key": "Name", "Value": unique_name("files")}],
            **settings,
        )

        def available() -> bool:
            found = aws.efs.describe_file_systems(FileSystemId=created["FileSystemId"])
            return found["FileSystems"][0]["LifeCycleState"] == "available"

        eventually(available)
        return created

    return create_file_system


@pytest.mark.claim("ebs.efs-one-mount-target-per-zone", quote="multi-az", line=140)
def test_a_file_system_is_mounted_through_one_target_per_zone(
    aws, create_file_system, subnets, error_code
):
    file_system = create_file_system()["FileSystemId"]
    (first_zone, first_subnet), (second_zone, second_subnet) = list(subnets.items())[:2]
    # HINT: make the file system reachable from instances of both zones (first_subnet,
    # HINT: second_subnet).
    # BEGIN SOLUTION
    for subnet in (first_subnet, second_subnet):
        aws.efs.create_mount_target(FileSystemId=file_system, SubnetId=subnet)
    # END SOLUTION
    targets = aws.efs.describe_mount_targets(FileSystemId=file_system)["MountTargets"]
    assert sorted(t["AvailabilityZoneName"] for t in targets) == [first_zone, second_zone]
    # A second target in a zone that has one is refused: one per zone.
    extra = aws.ec2.create_subnet(
        VpcId=aws.ec2.describe_subnets(SubnetIds=[first_subnet])["Subnets"][0]["VpcId"],
        CidrBlock="172.31.240.0/24",
        AvailabilityZone=first_zone,
    )["Subnet"]["SubnetId"]
    answer = error_code(aws.efs.create_mount_target, FileSystemId=file_system, SubnetId=extra)
    aws.ec2.delete_subnet(SubnetId=extra)  # the default VPC's: leave it as it was
    assert answer == "MountTargetConflict"


@pytest.mark.claim(
    "ebs.efs-one-zone-storage",
    quote="storage classes: storage tiers, availability",
    source=ONE_ZONE,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a mount target of a One Zone file system in any zone; AWS refuses "
    "a zone other than the file system's (AvailabilityZonesMismatch)",
)
def test_a_one_zone_file_system_is_mounted_in_its_zone_only(
    aws, create_file_system, subnets, error_code
):
    (home, home_subnet), (_, other_subnet) = list(subnets.items())[:2]
    file_system = create_file_system(AvailabilityZoneName=home)["FileSystemId"]
    # HINT: predict CreateMountTarget's answer in each subnet: {subnet: None or error code}.
    # BEGIN SOLUTION
    expected = {home_subnet: None, other_subnet: "AvailabilityZonesMismatch"}
    # END SOLUTION
    answers = {
        subnet: error_code(aws.efs.create_mount_target, FileSystemId=file_system, SubnetId=subnet)
        for subnet in (home_subnet, other_subnet)
    }
    assert answers == expected


@pytest.mark.claim("ebs.efs-encryption-with-a-kms-key", quote="encryption using kms")
def test_a_file_system_is_encrypted_with_the_kms_key_you_name(aws, create_file_system, error_code):
    key = aws.kms.create_key(Description="awslab: EFS at rest")["KeyMetadata"]["Arn"]
    # HINT: create a file system encrypted at rest with `key`; name CreateFileSystem's answer
    # HINT: `created` (the create_file_system fixture returns it).
    # BEGIN SOLUTION
    created = create_file_system(Encrypted=True, KmsKeyId=key)
    # END SOLUTION
    found = aws.efs.describe_file_systems(FileSystemId=created["FileSystemId"])["FileSystems"][0]
    assert (found["Encrypted"], found["KmsKeyId"]) == (True, key)
    # A key without Encrypted=True is a contradiction EFS refuses.
    answer = error_code(
        aws.efs.create_file_system, CreationToken=created["CreationToken"] + "-2", KmsKeyId=key
    )
    assert answer == "BadRequest"


@pytest.mark.claim("ebs.efs-performance-mode", quote="performance mode")
def test_the_performance_mode_defaults_to_general_purpose_for_good(aws, create_file_system):
    created = create_file_system()
    # HINT: predict a new file system's performance mode, and whether UpdateFileSystem
    # HINT: can change it later (True / False).
    # BEGIN SOLUTION
    expected_mode = "generalPurpose"
    changeable = False
    # END SOLUTION
    assert created["PerformanceMode"] == expected_mode
    update = aws.efs.meta.service_model.operation_model("UpdateFileSystem").input_shape
    assert ("PerformanceMode" in update.members) is changeable


@pytest.mark.claim("ebs.efs-throughput-mode-default", quote="throughput mode")
def test_the_throughput_mode_defaults_to_bursting(create_file_system):
    created = create_file_system()
    # HINT: predict a new file system's throughput mode, when CreateFileSystem names none.
    # BEGIN SOLUTION
    expected = "bursting"
    # END SOLUTION
    assert created["ThroughputMode"] == expected


@pytest.mark.claim(
    "ebs.efs-throughput-mode-changes", quote="throughput mode", source=UPDATE_FILE_SYSTEM
)
@pytest.mark.emulator_gap("moto", reason="moto does not implement UpdateFileSystem (500)")
def test_the_throughput_mode_can_change_later(aws, create_file_system):
    file_system = create_file_system()["FileSystemId"]
    # HINT: switch the file system to the throughput mode that scales with the workload,
    # HINT: paying per use.
    # BEGIN SOLUTION
    aws.efs.update_file_system(FileSystemId=file_system, ThroughputMode="elastic")
    # END SOLUTION
    found = aws.efs.describe_file_systems(FileSystemId=file_system)["FileSystems"][0]
    assert found["ThroughputMode"] == "elastic"
