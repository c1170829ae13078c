"""Images and Kubernetes: ECR's registries, EKS's two kinds of compute.

**ECR** keeps container images in repositories: private ones in each
account and Region (``<account>.dkr.ecr.<region>.amazonaws.com/<name>``),
public ones in ECR Public (``public.ecr.aws/<alias>/<name>``), a service of
its own managed from us-east-1. **EKS** runs a Kubernetes control plane for
you; the pods run on EC2 nodes, such as a **managed node group** (an Auto
Scaling group of instances EKS creates and updates for you), or on
**Fargate**, for the pods a Fargate profile selects (by namespace), with no
node to manage. Fargate runs pods only in private subnets.

Notes, "containers > ecr" and "aws eks".
"""

import pytest

from harness.testkit.iam import service_role

ECR_PUBLIC = "https://docs.aws.amazon.com/AmazonECR/latest/public/public-repositories.html"
EKS_COMPUTE = "https://docs.aws.amazon.com/eks/latest/userguide/eks-compute.html"
MANAGED_NODE_GROUPS = "https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html"


@pytest.fixture
def private_subnets(aws) -> list[str]:
    """Two subnets of a new VPC, in two Availability Zones, with no route to the internet."""
    vpc = aws.ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    zones = aws.ec2.describe_availability_zones()["AvailabilityZones"][:2]
    return [
        aws.ec2.create_subnet(
            VpcId=vpc, CidrBlock=f"10.20.{number}.0/24", AvailabilityZone=zone["ZoneName"]
        )["Subnet"]["SubnetId"]
        for number, zone in enumerate(zones)
    ]


@pytest.fixture
def eks_cluster(aws, private_subnets, unique_name) -> str:
    """A new EKS cluster in the private subnets, once ACTIVE (minutes on AWS): its name."""
    name = unique_name("shop")
    role = service_role(aws.iam, unique_name("eks-cluster"), "eks.amazonaws.com")
    aws.eks.create_cluster(
        name=name, roleArn=role, resourcesVpcConfig={"subnetIds": private_subnets}
    )
    aws.eks.get_waiter("cluster_active").wait(name=name)
    return name


@pytest.mark.claim("ecs.ecr-public-and-private", quote="public and private", source=ECR_PUBLIC)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto has no ECR Public (CreateRepository answers HTTP 500); AWS "
    "keeps public repositories there, under public.ecr.aws",
)
def test_ecr_keeps_private_and_public_repositories(aws, unique_name):
    private = aws.ecr.create_repository(repositoryName=unique_name("web"))["repository"]
    assert private["repositoryUri"].split("/")[0].endswith(f".dkr.ecr.{aws.region}.amazonaws.com")
    # HINT: create a public repository too (ECR Public has a client of its own, "ecr-public");
    # HINT: keep its description as `public`.
    # BEGIN SOLUTION
    public = aws.client("ecr-public").create_repository(repositoryName=unique_name("web"))[
        "repository"
    ]
    # END SOLUTION
    assert public["repositoryUri"].startswith("public.ecr.aws/")


@pytest.mark.claim(
    "ecs.eks-ec2-and-fargate", quote="eks supports ec2 and fargate", source=EKS_COMPUTE
)
def test_an_eks_cluster_runs_pods_on_ec2_nodes_and_on_fargate(
    aws, eks_cluster, private_subnets, unique_name
):
    node_role = service_role(aws.iam, unique_name("eks-nodes"), "ec2.amazonaws.com")
    pod_role = service_role(aws.iam, unique_name("eks-pods"), "eks-fargate-pods.amazonaws.com")
    # HINT: give the cluster both kinds of compute: a managed node group "nodes" of EC2
    # HINT: instances (node_role), and a Fargate profile "jobs" for the pods of the namespace
    # HINT: "jobs" (pod_role); both in private_subnets.
    # BEGIN SOLUTION
    aws.eks.create_nodegroup(
        clusterName=eks_cluster, nodegroupName="nodes", nodeRole=node_role, subnets=private_subnets
    )
    aws.eks.create_fargate_profile(
        clusterName=eks_cluster,
        fargateProfileName="jobs",
        podExecutionRoleArn=pod_role,
        subnets=private_subnets,
        selectors=[{"namespace": "jobs"}],
    )
    # END SOLUTION
    assert aws.eks.list_nodegroups(clusterName=eks_cluster)["nodegroups"] == ["nodes"]
    assert aws.eks.list_fargate_profiles(clusterName=eks_cluster)["fargateProfileNames"] == ["jobs"]
    profile = aws.eks.describe_fargate_profile(clusterName=eks_cluster, fargateProfileName="jobs")
    assert profile["fargateProfile"]["selectors"] == [{"namespace": "jobs"}]


@pytest.mark.claim(
    "ecs.eks-managed-node-group",
    quote="managed node group: create and manage nodes(ec2 instances) for you",
    source=MANAGED_NODE_GROUPS,
)
def test_a_managed_node_group_is_an_auto_scaling_group_eks_creates(
    aws, eks_cluster, private_subnets, unique_name
):
    node_role = service_role(aws.iam, unique_name("eks-nodes"), "ec2.amazonaws.com")
    # HINT: create the managed node group "nodes": 2 to 4 t3.medium instances, 2 to start with.
    # BEGIN SOLUTION
    aws.eks.create_nodegroup(
        clusterName=eks_cluster,
        nodegroupName="nodes",
        nodeRole=node_role,
        subnets=private_subnets,
        instanceTypes=["t3.medium"],
        scalingConfig={"minSize": 2, "maxSize": 4, "desiredSize": 2},
    )
    # END SOLUTION
    aws.eks.get_waiter("nodegroup_active").wait(clusterName=eks_cluster, nodegroupName="nodes")
    group = aws.eks.describe_nodegroup(clusterName=eks_cluster, nodegroupName="nodes")["nodegroup"]
    assert group["scalingConfig"] == {"minSize": 2, "maxSize": 4, "desiredSize": 2}
    assert group["instanceTypes"] == ["t3.medium"]
    [made] = group["resources"]["autoScalingGroups"]
    assert made["name"], "the Auto Scaling group EKS made for the nodes, and runs for you"
