"""Who may do what: the container instance's role, and the task execution role.

On the EC2 launch type the **ECS agent** runs on each instance and acts with
the instance's role (its instance profile). AWS's managed policy for it,
``AmazonEC2ContainerServiceforEC2Role``, lets the agent register the
instance and talk to ECS, pull images from ECR and send the containers'
logs to CloudWatch Logs. A container's **secrets** (from Secrets Manager or
Parameter Store) are another matter: ECS reads them with the **task
execution role** the task definition names, on EC2 and Fargate alike, and
refuses a task definition with secrets and no execution role.

Notes, "containers > aws ecs > iam roles > ec2 instance profile".
"""

import pytest

INSTANCE_ROLE_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
INSTANCE_ROLE_DOC = (
    "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/"
    "AmazonEC2ContainerServiceforEC2Role.html"
)
EXECUTION_ROLE = (
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html"
)
NO_MANAGED_POLICIES = (
    "moto loads no AWS managed policies (unless MOTO_IAM_LOAD_MANAGED_POLICIES is set): "
    "GetPolicy answers NoSuchEntity"
)


@pytest.mark.claim(
    "ecs.instance-role-calls-ecs", quote="make api calls to ecs service", source=INSTANCE_ROLE_DOC
)
@pytest.mark.emulator_gap("moto", reason=NO_MANAGED_POLICIES)
def test_the_instance_role_lets_the_agent_call_ecs(managed_policy_actions):
    # HINT: the two ECS actions the agent needs to join a cluster and to receive the work
    # HINT: of its tasks (a set of "ecs:..." action names).
    # BEGIN SOLUTION
    expected = {"ecs:RegisterContainerInstance", "ecs:Poll"}
    # END SOLUTION
    assert expected <= managed_policy_actions(INSTANCE_ROLE_POLICY)


@pytest.mark.claim(
    "ecs.instance-role-sends-logs", quote="send logs to cloudwatch logs", source=INSTANCE_ROLE_DOC
)
@pytest.mark.emulator_gap("moto", reason=NO_MANAGED_POLICIES)
def test_the_instance_role_lets_the_agent_send_logs(managed_policy_actions):
    # HINT: the two CloudWatch Logs actions that write a container's log lines (a set).
    # BEGIN SOLUTION
    expected = {"logs:CreateLogStream", "logs:PutLogEvents"}
    # END SOLUTION
    assert expected <= managed_policy_actions(INSTANCE_ROLE_POLICY)


@pytest.mark.claim(
    "ecs.instance-role-pulls-from-ecr", quote="pull images from ecr", source=INSTANCE_ROLE_DOC
)
@pytest.mark.emulator_gap("moto", reason=NO_MANAGED_POLICIES)
def test_the_instance_role_lets_the_agent_pull_images(managed_policy_actions):
    # HINT: the ECR actions a pull needs: a login token, then the image's manifest and its
    # HINT: layers (a set of three "ecr:..." action names).
    # BEGIN SOLUTION
    expected = {"ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"}
    # END SOLUTION
    assert expected <= managed_policy_actions(INSTANCE_ROLE_POLICY)


@pytest.mark.claim(
    "ecs.secrets-need-the-execution-role",
    quote="reference data in secrets manager or ssm parameter store",
    errata="Not the instance profile: ECS reads a container's secrets (Secrets Manager, "
    "Parameter Store) with the task execution role the task definition names "
    "(executionRoleArn), on EC2 and Fargate alike; a task definition with secrets and no "
    "execution role is refused (ClientException), and the instance role's managed policy grants "
    "no secretsmanager or ssm action.",
    source=EXECUTION_ROLE,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto registers container secrets without an executionRoleArn; AWS refuses it "
    "(ClientException: When you are specifying container secrets, you must also specify a value "
    "for 'executionRoleArn')",
)
def test_secrets_are_read_with_the_task_execution_role(
    aws, answer, nginx, execution_role, unique_name, managed_policy_actions
):
    name = f"/{unique_name('shop')}/db-password"
    aws.ssm.put_parameter(Name=name, Value="s3cret", Type="SecureString")
    parameter_arn = aws.ssm.get_parameter(Name=name)["Parameter"]["ARN"]
    web = nginx(secrets=[{"name": "DB_PASSWORD", "valueFrom": parameter_arn}])
    # HINT: what does ECS answer this container's task definition, without and with an
    # HINT: execution role? {"without": None if it registers it, else the error code, "with": ...}
    # BEGIN SOLUTION
    expected = {"without": "ClientException", "with": None}
    # END SOLUTION
    answers = {
        "without": answer(containers=[web]),
        "with": answer(containers=[web], executionRoleArn=execution_role),
    }
    assert answers == expected
    granted = managed_policy_actions(INSTANCE_ROLE_POLICY)
    assert not [action for action in granted if action.startswith(("secretsmanager:", "ssm:"))]
