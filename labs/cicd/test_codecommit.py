"""A Git repository in the account: CodeCommit.

CodeCommit hosts private Git repositories. A repository has two clone URLs
(HTTPS and SSH); developers push with plain ``git``. Who may do what is IAM's
business: a developer authenticates with an SSH key uploaded to their IAM user
(its key ID is the SSH user name) or with Git credentials, and an IAM policy
allows the calls a developer may make (read, push, delete), on some repositories or all.

In July 2024 AWS closed CodeCommit to new customers; in November 2025 it
reopened it. An account without any repository may create one again.

Notes, "cicd > introduction > code commit".
"""

from __future__ import annotations

import pytest

from harness.testkit.iam import allow, policy_document

GENERAL_AVAILABILITY = (
    "https://aws.amazon.com/blogs/devops/aws-codecommit-returns-to-general-availability/"
)
SSH_SETUP = "https://docs.aws.amazon.com/codecommit/latest/userguide/setting-up-ssh-unixes.html"
PERMISSIONS = "https://docs.aws.amazon.com/codecommit/latest/userguide/auth-and-access-control-permissions-reference.html"
ENCRYPTION = "https://docs.aws.amazon.com/codecommit/latest/userguide/encryption.html"
PULL_REQUESTS = "https://docs.aws.amazon.com/codecommit/latest/userguide/pull-requests.html"

#: A public key's shape: CodeCommit only stores it; nothing here ever connects with it.
PUBLIC_KEY = (
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC3F6gl3Ddj1tbm1HXx0iZ6Kk3oD8YgkC9bq7xHMl0Ia"
    "3b3Vw0q5f5WxuyoF1E0bY7nL0zqLZq2yL5sOkbrvY5F9VX6c2a3mZtqsp0uWNAoH9B2d2sJxAzuR1"
    " developer@laptop"
)


@pytest.mark.claim(
    "cicd.codecommit-open-to-new-customers",
    quote="no longer accept the new customers",
    errata="CodeCommit returned to general availability on 24 November 2025: new customers "
    "may create repositories again (it was closed to them from 25 July 2024).",
    source=GENERAL_AVAILABILITY,
)
def test_an_account_without_repositories_creates_one(aws, unique_name):
    # While CodeCommit was closed, CreateRepository refused an account "with no existing
    # repository"; a fresh account (and every emulator's) has none.
    # HINT: create a repository named unique_name("first").
    # BEGIN SOLUTION
    aws.codecommit.create_repository(repositoryName=unique_name("first"))
    # END SOLUTION
    found = aws.codecommit.get_repository(repositoryName=unique_name("first"))
    assert found["repositoryMetadata"]["repositoryName"] == unique_name("first")


@pytest.mark.claim("cicd.codecommit-git-repository", quote="version control", line=1896)
def test_a_repository_is_cloned_with_git_over_https_or_ssh(aws, repository):
    metadata = aws.codecommit.get_repository(repositoryName=repository)["repositoryMetadata"]
    # HINT: predict the two URL schemes a developer can `git clone` the repository with.
    # BEGIN SOLUTION
    schemes = ("https", "ssh")
    # END SOLUTION
    assert metadata["cloneUrlHttp"].startswith(f"{schemes[0]}://git-codecommit.")
    assert metadata["cloneUrlSsh"].startswith(f"{schemes[1]}://git-codecommit.")
    assert metadata["cloneUrlHttp"].endswith(f"/v1/repos/{repository}")


@pytest.mark.claim(
    "cicd.codecommit-ssh-key-authentication", quote="authentication", line=1899, source=SSH_SETUP
)
def test_a_developer_authenticates_with_an_ssh_key_of_their_iam_user(aws, unique_name):
    developer = unique_name("developer")
    aws.iam.create_user(UserName=developer)
    # HINT: upload PUBLIC_KEY to the developer's IAM user (the key ID it answers is the SSH user).
    # BEGIN SOLUTION
    uploaded = aws.iam.upload_ssh_public_key(UserName=developer, SSHPublicKeyBody=PUBLIC_KEY)
    # END SOLUTION
    key_id = uploaded["SSHPublicKey"]["SSHPublicKeyId"]
    assert key_id.startswith("APKA"), "the SSH user name in ssh://<key id>@git-codecommit..."
    listed = aws.iam.list_ssh_public_keys(UserName=developer)["SSHPublicKeys"]
    assert [(key["SSHPublicKeyId"], key["Status"]) for key in listed] == [(key_id, "Active")]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto refuses the call the policy does not allow with a bare HTTP 403 (botocore reads "
    "the code '403'); AWS answers AccessDeniedException",
)
@pytest.mark.claim(
    "cicd.codecommit-iam-authorization", quote="authorization", line=1900, source=PERMISSIONS
)
def test_an_iam_policy_says_what_a_developer_may_do(
    aws, repository, client_as, enforce_iam, error_code
):
    # HINT: a policy document allowing the developer to read repositories
    # (codecommit:GetRepository), and nothing else.
    # BEGIN SOLUTION
    policy = policy_document(allow("codecommit:GetRepository"))
    # END SOLUTION
    developer = client_as("codecommit", policy)
    enforce_iam()
    assert error_code(developer.get_repository, repositoryName=repository) is None
    denied = error_code(developer.delete_repository, repositoryName=repository)
    assert denied == "AccessDeniedException"
    assert aws.codecommit.get_repository(repositoryName=repository)["repositoryMetadata"]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto's repositories carry no KMS key; AWS encrypts every repository at rest with a "
    "KMS key (aws/codecommit unless one is given) and GetRepository names it (kmsKeyId)",
)
@pytest.mark.claim(
    "cicd.codecommit-encrypted-at-rest", quote="encryption", line=1901, source=ENCRYPTION
)
def test_every_repository_is_encrypted_with_a_kms_key(aws, repository):
    metadata = aws.codecommit.get_repository(repositoryName=repository)["repositoryMetadata"]
    # HINT: the alias of the AWS managed key a repository uses when none is given.
    # BEGIN SOLUTION
    expected_alias = "alias/aws/codecommit"
    # END SOLUTION
    key_id = metadata["kmsKeyId"]
    key = aws.kms.describe_key(KeyId=expected_alias)["KeyMetadata"]
    assert key_id in (key["KeyId"], key["Arn"])


@pytest.mark.emulator_gap(
    "moto",
    reason="moto has no commits, branches nor pull requests (PutFile is not implemented); AWS "
    "opens a pull request between two branches",
)
@pytest.mark.claim("cicd.codecommit-pull-requests", quote="collaboration", source=PULL_REQUESTS)
def test_a_teammate_proposes_a_change_in_a_pull_request(aws, repository):
    first = aws.codecommit.put_file(
        repositoryName=repository, branchName="main", fileContent=b"v1\n", filePath="VERSION"
    )["commitId"]
    aws.codecommit.create_branch(repositoryName=repository, branchName="feature", commitId=first)
    aws.codecommit.put_file(
        repositoryName=repository,
        branchName="feature",
        fileContent=b"v2\n",
        filePath="VERSION",
        parentCommitId=first,
    )
    # HINT: open a pull request titled "Release v2" from branch feature into main.
    # BEGIN SOLUTION
    opened = aws.codecommit.create_pull_request(
        title="Release v2",
        targets=[
            {
                "repositoryName": repository,
                "sourceReference": "feature",
                "destinationReference": "main",
            }
        ],
    )["pullRequest"]
    # END SOLUTION
    assert opened["pullRequestStatus"] == "OPEN"
    [target] = opened["pullRequestTargets"]
    assert target["mergeMetadata"]["isMerged"] is False
