"""An AMI: a customized instance, saved to launch more like it, in one region.

An Amazon Machine Image is a template for instances: snapshots of the
volumes, plus what to launch them with. You customize an instance (software,
configuration), then `CreateImage` turns it into an AMI, and every instance
launched from that AMI starts customized. An AMI belongs to the region where
it was made: another region does not know its id until `CopyImage` brings a
copy there, under a new id.

Notes, "ec2 instance storage > ami".
"""

import pytest


@pytest.fixture
def golden_image(aws, launch, unique_name, wait_for) -> str:
    """An AMI made from a (customized) running instance: its id."""
    customized = launch()
    image_id = aws.ec2.create_image(InstanceId=customized, Name=unique_name("golden"))["ImageId"]
    wait_for("image_available", ImageIds=[image_id])
    return image_id


@pytest.mark.claim("ebs.ami-launches-customized-instances", quote="customization of ec2 instances")
def test_an_image_of_a_customized_instance_launches_copies(aws, launch, unique_name, wait_for):
    customized = launch()
    # HINT: save the customized instance as an AMI (name it with unique_name("golden")),
    # HINT: wait until it is available, and launch a new instance from it: launch(ImageId=...).
    # HINT: Name the new instance's id `copy`.
    # BEGIN SOLUTION
    image_id = aws.ec2.create_image(InstanceId=customized, Name=unique_name("golden"))["ImageId"]
    wait_for("image_available", ImageIds=[image_id])
    copy = launch(ImageId=image_id)
    # END SOLUTION
    [image] = aws.ec2.describe_images(
        Owners=["self"], Filters=[{"Name": "name", "Values": [unique_name("golden")]}]
    )["Images"]
    found = aws.ec2.describe_instances(InstanceIds=[copy])["Reservations"][0]["Instances"][0]
    assert found["ImageId"] == image["ImageId"]
    snapshots = [m["Ebs"]["SnapshotId"] for m in image["BlockDeviceMappings"] if "Ebs" in m]
    assert snapshots, "an EBS-backed AMI is made of snapshots of the instance's volumes"


@pytest.mark.claim("ebs.ami-region-scoped", quote="region-scoped")
def test_another_region_knows_an_image_only_once_copied(aws, golden_image, unique_name, error_code):
    elsewhere = "us-west-2" if aws.region != "us-west-2" else "eu-west-1"
    other = aws.session.client("ec2", endpoint_url=aws.endpoint_url, region_name=elsewhere)
    assert error_code(other.describe_images, ImageIds=[golden_image]) == "InvalidAMIID.NotFound"
    # HINT: bring the image to the other region (with the `other` client); name the
    # HINT: copy's id `copied`.
    # BEGIN SOLUTION
    copied = other.copy_image(
        SourceImageId=golden_image, SourceRegion=aws.region, Name=unique_name("golden")
    )["ImageId"]
    # END SOLUTION
    other.get_waiter("image_available").wait(
        ImageIds=[copied], WaiterConfig={"Delay": 2, "MaxAttempts": 300}
    )
    assert copied != golden_image, "a copy is a new image, with its own id"
    assert other.describe_images(ImageIds=[copied])["Images"][0]["State"] == "available"
    other.deregister_image(ImageId=copied)
