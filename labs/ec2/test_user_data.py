"""Bootstrapping a web server with user data.

User data is a script (or cloud-init config) handed to an instance at
launch; the instance runs it as root on its first boot only. EC2 stores it
as an instance attribute, base64-encoded (boto3 encodes it for you at
launch and hands it back encoded). To change it, the instance must be
stopped, and the new script does not run by itself when it starts again.

Notes, "ec2 > ec2 user data: bootstrap script".
"""

import base64

import pytest
from botocore.exceptions import ClientError

USER_DATA = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html"

SCRIPT = "#!/bin/bash\ndnf install -y httpd\nsystemctl enable --now httpd\n"


def stored_user_data(aws, instance_id: str) -> str:
    attribute = aws.ec2.describe_instance_attribute(InstanceId=instance_id, Attribute="userData")
    return attribute["UserData"]["Value"]


@pytest.mark.claim(
    "ec2.user-data-base64",
    beyond_notes="EC2 keeps an instance's user data base64-encoded: the userData attribute is "
    "the script, encoded.",
    source=USER_DATA,
)
def test_user_data_is_stored_base64_encoded(aws, launch):
    # HINT: launch an instance with SCRIPT as its user data (launch(UserData=...)).
    # BEGIN SOLUTION
    instance_id = launch(UserData=SCRIPT)
    # END SOLUTION
    stored = stored_user_data(aws, instance_id)
    assert stored != SCRIPT, "EC2 keeps user data base64-encoded"
    assert base64.b64decode(stored).decode() == SCRIPT


@pytest.mark.claim(
    "ec2.user-data-change-when-stopped",
    beyond_notes="An instance's user data can be changed only while it is stopped: a running "
    "instance refuses it (IncorrectInstanceState), a stopped one takes it.",
    source=USER_DATA,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto never checks the instance state (it changes a running instance's user data)"
    " and wants the value base64-encoded twice; AWS refuses a running instance"
    " (IncorrectInstanceState)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack refuses boto3's once-encoded user data as malformed base64;"
    " AWS refuses a running instance (IncorrectInstanceState)",
)
def test_user_data_changes_only_while_stopped(aws, launch, eventually):
    instance_id = launch(UserData=SCRIPT)
    aws.ec2.get_waiter("instance_running").wait(InstanceIds=[instance_id])
    new_script = b"#!/bin/bash\necho second boot\n"  # boto3 base64-encodes it
    with pytest.raises(ClientError) as refused:
        aws.ec2.modify_instance_attribute(InstanceId=instance_id, UserData={"Value": new_script})
    assert refused.value.response["Error"]["Code"] == "IncorrectInstanceState"
    # HINT: stop the instance (and wait until it is stopped), then set its user data to new_script.
    # BEGIN SOLUTION
    aws.ec2.stop_instances(InstanceIds=[instance_id])
    aws.ec2.get_waiter("instance_stopped").wait(InstanceIds=[instance_id])
    aws.ec2.modify_instance_attribute(InstanceId=instance_id, UserData={"Value": new_script})
    # END SOLUTION
    assert base64.b64decode(stored_user_data(aws, instance_id)) == new_script
