"""Account security: the password policy, access keys and the credentials report.

The security team tightens the account: passwords of at least 14 characters
with a number, the last 3 passwords never reused (the policy remembers up to
24), and every user allowed to change their own: a user who picks one of their
last passwords again is refused, a new one is fine. CLI and SDK users sign in
with access keys instead, and a user holds at most two (so a key can be
rotated: create the new one, switch, delete the old). Once a month the team
downloads the *credentials report*: one CSV row per user of the account, with
password, MFA and access-key status.

Notes, "aws iam" (iam password policy, access aws, iam security tools).
"""

from __future__ import annotations

import csv
import io

import pytest
from botocore.exceptions import ClientError

PASSWORD_POLICY = (
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html"
)
UPDATE_PASSWORD_POLICY = (
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html"
)
IAM_QUOTAS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html"
# Three passwords of 14+ characters with a number, upper and lower case and a symbol.
PASSWORDS = ("Correct-Horse-1", "Battery-Staple-2", "Tr0ubadour-Three")

POLICY_FIELDS = (
    "MinimumPasswordLength",
    "RequireSymbols",
    "RequireNumbers",
    "RequireUppercaseCharacters",
    "RequireLowercaseCharacters",
    "AllowUsersToChangePassword",
    "MaxPasswordAge",
    "PasswordReusePrevention",
    "HardExpiry",
)


@pytest.fixture
def password_policy_restored(aws):
    """The account's password policy is account-wide: put back what was there before."""
    try:
        before = aws.iam.get_account_password_policy()["PasswordPolicy"]
    except ClientError:
        before = None
    yield
    if before is None:
        aws.iam.delete_account_password_policy()
    else:
        kept = {field: before[field] for field in POLICY_FIELDS if before.get(field)}
        aws.iam.update_account_password_policy(**kept)


@pytest.mark.emulator_gap(
    "moto",
    reason="moto does not implement ChangePassword (HTTP 500), so no password is ever checked "
    "against the ones before it; AWS refuses a reused one (PasswordPolicyViolation)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's IAM (moto's) does not implement ChangePassword; AWS refuses a reused "
    "password (PasswordPolicyViolation)",
)
@pytest.mark.claim("iam.password-policy", quote="prevent password re-use", source=PASSWORD_POLICY)
def test_a_reused_password_is_refused(aws, new_user, password_policy_restored, error_code):
    ivan = new_user("ivan")
    aws.iam.create_login_profile(UserName=ivan.name, Password=PASSWORDS[0])
    # HINT: one UpdateAccountPasswordPolicy call: every user may change their own password,
    # HINT: and none of their last 3 passwords may be chosen again.
    # BEGIN SOLUTION
    aws.iam.update_account_password_policy(
        AllowUsersToChangePassword=True, PasswordReusePrevention=3
    )
    # END SOLUTION
    change = ivan.client("iam").change_password  # Ivan changes his own password
    change(OldPassword=PASSWORDS[0], NewPassword=PASSWORDS[1])
    reused = error_code(change, OldPassword=PASSWORDS[1], NewPassword=PASSWORDS[0])
    assert reused == "PasswordPolicyViolation"
    change(OldPassword=PASSWORDS[1], NewPassword=PASSWORDS[2])  # a new one is fine


@pytest.mark.claim(
    "iam.password-reuse-limit",
    quote="prevent password re-use",
    source=UPDATE_PASSWORD_POLICY,
)
def test_the_policy_remembers_at_most_24_passwords(aws, password_policy_restored, error_code):
    # HINT: how many previous passwords can the policy remember at most?
    # BEGIN SOLUTION
    most = 24
    # END SOLUTION
    aws.iam.update_account_password_policy(PasswordReusePrevention=most)
    policy = aws.iam.get_account_password_policy()["PasswordPolicy"]
    assert policy["PasswordReusePrevention"] == most
    # Past botocore's own checks: IAM itself refuses the next value.
    update = aws.unvalidated("iam").update_account_password_policy
    assert error_code(update, PasswordReusePrevention=most + 1) == "ValidationError"


@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="the emulator's CreateLoginProfile accepts a password the account's password policy "
    "forbids; AWS answers PasswordPolicyViolation",
)
@pytest.mark.claim(
    "iam.password-policy-enforced",
    beyond_notes="A console password the account's password policy forbids (too short, no "
    "number) is refused with PasswordPolicyViolation; one that meets it is accepted.",
    source=PASSWORD_POLICY,
)
def test_a_password_the_policy_forbids_is_refused(aws, new_user, password_policy_restored):
    aws.iam.update_account_password_policy(MinimumPasswordLength=14, RequireNumbers=True)
    grace = new_user("grace")
    # HINT: which error code does IAM answer a console password of "short" under this policy?
    # BEGIN SOLUTION
    expected_error = "PasswordPolicyViolation"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.iam.create_login_profile(UserName=grace.name, Password="short")
    assert refused.value.response["Error"]["Code"] == expected_error
    aws.iam.create_login_profile(UserName=grace.name, Password=PASSWORDS[0])  # 14+, a number


@pytest.mark.claim(
    "iam.two-access-keys",
    beyond_notes="An IAM user holds at most two access keys: the second is created, the third "
    "is refused with LimitExceeded.",
    source=IAM_QUOTAS,
)
def test_a_user_holds_at_most_two_access_keys(aws, new_user):
    heidi = new_user("heidi")  # already holds one key
    # HINT: how many access keys may one IAM user hold at a time?
    # BEGIN SOLUTION
    most_keys = 2
    # END SOLUTION
    for _ in range(most_keys - 1):
        aws.iam.create_access_key(UserName=heidi.name)
    with pytest.raises(ClientError) as refused:
        aws.iam.create_access_key(UserName=heidi.name)
    assert refused.value.response["Error"]["Code"] == "LimitExceeded"
    keys = aws.iam.list_access_keys(UserName=heidi.name)["AccessKeyMetadata"]
    assert len(keys) == most_keys


@pytest.mark.claim("iam.credentials-report", quote="iam credentials report: account level")
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack 2026.3's GenerateCredentialReport fails with an internal error "
    "(\"cannot access local variable 'row'\") in an account without IAM users, and "
    "otherwise writes a row for the last user only (then keeps that report for 4 hours); "
    "whether another test's user exists at that moment decides; AWS generates the report",
    race=True,
)
def test_the_credentials_report_covers_the_account(aws):
    # HINT: ask IAM to generate the credentials report, then fetch it into `report`
    # HINT: (GetCredentialReport's answer; the CSV is in its Content, as bytes).
    # BEGIN SOLUTION
    aws.iam.generate_credential_report()
    report = aws.iam.get_credential_report()
    # END SOLUTION
    assert report["ReportFormat"] == "text/csv"
    assert report["GeneratedTime"]
    # One row per identity of the account. AWS makes a new report at most every 4 hours,
    # so a user created a minute ago may not be in it yet: the lab checks the columns.
    columns = next(csv.reader(io.StringIO(report["Content"].decode())))
    for column in ("user", "arn", "password_enabled", "mfa_active", "access_key_1_active"):
        assert column in columns
