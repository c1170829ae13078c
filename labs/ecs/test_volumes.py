"""Where a task keeps its files: bind mounts, EFS, and now S3.

A task definition declares **volumes**, and each container mounts the ones
it needs (``mountPoints``). A volume with no host path is a **bind mount**
that lives as long as the task: two containers of one task share files
through it, on EC2 and on Fargate. An **EFS** volume is a network file
system that outlives the task and is shared by every task that mounts it,
EC2 or Fargate. And since April 2026 an S3 bucket can be a file system too:
an **Amazon S3 Files** volume mounts one (over NFS, built on EFS).

Notes, "containers > aws ecs > data volumes (efs: serverless)" and
"data volumes (bind mounts)".
"""

import pytest

from harness.testkit.iam import service_role

EFS_VOLUMES = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html"
BIND_MOUNTS = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html"
S3_FILES_VOLUMES = (
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/s3files-volumes.html"
)

BOTH_LAUNCH_TYPES = {
    "requiresCompatibilities": ["EC2", "FARGATE"],
    "networkMode": "awsvpc",
    "cpu": "256",
    "memory": "512",
}


@pytest.fixture
def file_system(aws, unique_name) -> str:
    """A new EFS file system: its id."""
    return aws.efs.create_file_system(CreationToken=unique_name("shared"))["FileSystemId"]


@pytest.mark.claim("ecs.efs-volume", quote="mount EFS onto ecs tasks", source=EFS_VOLUMES)
def test_an_efs_file_system_is_mounted_into_a_task(register, nginx, definition, file_system):
    # HINT: register a revision with a volume "shared" on `file_system` (an EFS volume
    # HINT: configuration), mounted at /data in the container.
    # BEGIN SOLUTION
    register(
        containers=[nginx(mountPoints=[{"sourceVolume": "shared", "containerPath": "/data"}])],
        volumes=[{"name": "shared", "efsVolumeConfiguration": {"fileSystemId": file_system}}],
    )
    # END SOLUTION
    found = definition()
    [volume] = found["volumes"]
    assert (volume["name"], volume["efsVolumeConfiguration"]["fileSystemId"]) == (
        "shared",
        file_system,
    )
    [web] = found["containerDefinitions"]
    assert web["mountPoints"][0]["containerPath"] == "/data"


@pytest.mark.claim(
    "ecs.efs-ec2-and-fargate", quote="works for ec2 and fargate types", source=EFS_VOLUMES
)
def test_an_efs_volume_suits_both_launch_types(register, nginx, definition, file_system):
    shared = [{"name": "shared", "efsVolumeConfiguration": {"fileSystemId": file_system}}]
    web = nginx(mountPoints=[{"sourceVolume": "shared", "containerPath": "/data"}])
    # HINT: register `web` with the `shared` volume so that ECS accepts the task definition for
    # HINT: both launch types (BOTH_LAUNCH_TYPES holds what Fargate needs).
    # BEGIN SOLUTION
    register(containers=[web], volumes=shared, **BOTH_LAUNCH_TYPES)
    # END SOLUTION
    assert {"EC2", "FARGATE"} <= set(definition()["compatibilities"])


@pytest.mark.claim(
    "ecs.s3-files-volume",
    quote="**note**: s3 cannot be used as file system",
    errata="Since April 2026 it can: Amazon S3 Files makes an S3 bucket a file system (NFS, built "
    "on EFS), and an ECS task definition mounts it as a volume (s3filesVolumeConfiguration), "
    "on EC2 and Fargate alike; the task definition needs a task role for it.",
    source=S3_FILES_VOLUMES,
)
def test_an_s3_files_file_system_is_a_task_volume(aws, register, nginx, definition, unique_name):
    account = aws.sts.get_caller_identity()["Account"]
    file_system_arn = f"arn:aws:s3files:{aws.region}:{account}:file-system/fs-0123456789abcdef0"
    task_role = service_role(aws.iam, unique_name("web-task"), "ecs-tasks.amazonaws.com")
    catalogue = nginx(mountPoints=[{"sourceVolume": "catalogue", "containerPath": "/catalogue"}])
    # HINT: register `catalogue` with a volume "catalogue" on the S3 Files file system
    # HINT: file_system_arn, and task_role as the task's role, for both launch types.
    # BEGIN SOLUTION
    register(
        containers=[catalogue],
        volumes=[
            {
                "name": "catalogue",
                "s3filesVolumeConfiguration": {"fileSystemArn": file_system_arn},
            }
        ],
        taskRoleArn=task_role,
        **BOTH_LAUNCH_TYPES,
    )
    # END SOLUTION
    [volume] = definition()["volumes"]
    assert volume["s3filesVolumeConfiguration"]["fileSystemArn"] == file_system_arn


@pytest.mark.claim(
    "ecs.bind-mount-shared",
    quote="share data between multi container in the same task definition",
    source=BIND_MOUNTS,
)
def test_two_containers_of_a_task_share_a_bind_mount(register, nginx, definition):
    # HINT: a volume "scratch" with no host path (a bind mount), written by container "app" at
    # HINT: /out and read by container "sidecar" at /in (read-only).
    # BEGIN SOLUTION
    register(
        containers=[
            nginx("app", mountPoints=[{"sourceVolume": "scratch", "containerPath": "/out"}]),
            nginx(
                "sidecar",
                mountPoints=[{"sourceVolume": "scratch", "containerPath": "/in", "readOnly": True}],
            ),
        ],
        volumes=[{"name": "scratch"}],
    )
    # END SOLUTION
    found = definition()
    mounts = {
        container["name"]: [point["sourceVolume"] for point in container["mountPoints"]]
        for container in found["containerDefinitions"]
    }
    assert mounts == {"app": ["scratch"], "sidecar": ["scratch"]}
    [scratch] = found["volumes"]
    assert "efsVolumeConfiguration" not in scratch and not scratch.get("host", {}).get(
        "sourcePath"
    ), "no host path, no file system: a bind mount that lives as long as the task"


@pytest.mark.claim(
    "ecs.bind-mount-ec2-and-fargate", quote="works for both ec2 and fargate", source=BIND_MOUNTS
)
def test_a_bind_mount_suits_both_launch_types(register, nginx, definition):
    app = nginx("app", mountPoints=[{"sourceVolume": "scratch", "containerPath": "/out"}])
    # HINT: register `app` with the bind mount "scratch" so that ECS accepts the task definition
    # HINT: for both launch types.
    # BEGIN SOLUTION
    register(containers=[app], volumes=[{"name": "scratch"}], **BOTH_LAUNCH_TYPES)
    # END SOLUTION
    assert {"EC2", "FARGATE"} <= set(definition()["compatibilities"])
