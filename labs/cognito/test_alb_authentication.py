"""An Application Load Balancer that signs users in before they reach the shop's servers.

The shop's back office runs on servers behind an ALB, and should see only
signed-in staff. Instead of sign-in code in the application, the ALB's
listener authenticates each request first, then forwards it:

- ``authenticate-cognito``: users sign in with the shop's user pool (its
  hosted UI, so the pool needs a domain, and an app client with a secret
  whose callback is ``https://<ALB's DNS name>/oauth2/idpresponse``);
- ``authenticate-oidc``: users sign in at a third-party identity provider
  that speaks OpenID Connect (Google, a corporate IdP...), named by its
  issuer and its authorization, token and user info endpoints.

The authenticate action comes first (``Order`` 1), then the action that
serves the request (``forward``). Both authenticate actions work only on an
HTTPS listener: the sign-in's cookies and tokens never travel in clear text.

Notes, "cognito > overview > cognito user pool" (integrations: ALB; ALB --
authenticate users).
"""

from __future__ import annotations

import pytest

from harness.testkit.tls import self_signed

ALB_AUTHENTICATION = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html"
ACTION_MODEL = (
    "botocore/data/elbv2/2015-12-01/service-2.json (Action: AuthenticateCognitoConfig and "
    "AuthenticateOidcConfig are [HTTPS listeners])"
)

GOOGLE = {
    "Issuer": "https://accounts.google.com",
    "AuthorizationEndpoint": "https://accounts.google.com/o/oauth2/v2/auth",
    "TokenEndpoint": "https://oauth2.googleapis.com/token",
    "UserInfoEndpoint": "https://openidconnect.googleapis.com/v1/userinfo",
    "ClientId": "shop-back-office.apps.googleusercontent.com",
    "ClientSecret": "google-client-secret",
}


@pytest.fixture
def alb(aws, unique_name) -> dict:
    """An internal ALB in two default subnets, a target group for the back office, and a
    certificate in ACM (imported: a requested one would wait for validation)."""
    found = aws.ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])
    by_zone = {subnet["AvailabilityZone"]: subnet for subnet in found["Subnets"]}
    subnets = [by_zone[zone] for zone in sorted(by_zone)[:2]]
    balancer = aws.elbv2.create_load_balancer(
        Name=unique_name("office"),
        Type="application",
        Scheme="internal",
        Subnets=[subnet["SubnetId"] for subnet in subnets],
    )["LoadBalancers"][0]
    group = aws.elbv2.create_target_group(
        Name=unique_name("office-tg"), Protocol="HTTP", Port=80, VpcId=subnets[0]["VpcId"]
    )["TargetGroups"][0]
    body, key = self_signed("office.shop.example.com")
    certificate = aws.acm.import_certificate(Certificate=body, PrivateKey=key)["CertificateArn"]
    return {
        "arn": balancer["LoadBalancerArn"],
        "dns": balancer["DNSName"],
        "target_group": group["TargetGroupArn"],
        "certificate": certificate,
    }


def alb_app_client(aws, pool, alb: dict) -> dict:
    """What the user pool gives an ALB: an app client with a secret and its callback."""
    return aws.cognito_idp.create_user_pool_client(
        UserPoolId=pool.id,
        ClientName="back-office-alb",
        GenerateSecret=True,
        SupportedIdentityProviders=["COGNITO"],
        AllowedOAuthFlowsUserPoolClient=True,
        AllowedOAuthFlows=["code"],
        AllowedOAuthScopes=["openid"],
        CallbackURLs=[f"https://{alb['dns']}/oauth2/idpresponse"],
    )["UserPoolClient"]


@pytest.fixture
def sign_in_with_pool(aws, pool, alb, unique_name) -> dict:
    """The ALB's AuthenticateCognitoConfig for the shop's pool: its ARN, an ALB app client,
    and a prefix domain for the hosted UI."""
    domain = unique_name("office-login")
    aws.cognito_idp.create_user_pool_domain(UserPoolId=pool.id, Domain=domain)
    pool_arn = aws.cognito_idp.describe_user_pool(UserPoolId=pool.id)["UserPool"]["Arn"]
    return {
        "UserPoolArn": pool_arn,
        "UserPoolClientId": alb_app_client(aws, pool, alb)["ClientId"],
        "UserPoolDomain": domain,
    }


def listener(aws, alb: dict, protocol: str, actions: list[dict]) -> str:
    """A new listener of ``alb`` (HTTPS on 443 with the certificate, HTTP on 80); its ARN."""
    https = {"Port": 443, "Certificates": [{"CertificateArn": alb["certificate"]}]}
    return aws.elbv2.create_listener(
        LoadBalancerArn=alb["arn"],
        Protocol=protocol,
        DefaultActions=actions,
        **(https if protocol == "HTTPS" else {"Port": 80}),
    )["Listeners"][0]["ListenerArn"]


def default_actions(aws, listener_arn: str) -> list[tuple[int, str]]:
    """(Order, Type) of a listener's default actions, in order."""
    [found] = aws.elbv2.describe_listeners(ListenerArns=[listener_arn])["Listeners"]
    return sorted((action["Order"], action["Type"]) for action in found["DefaultActions"])


@pytest.mark.claim("cognito.alb-app-client", quote="ALB", line=2082, source=ALB_AUTHENTICATION)
def test_the_pool_gives_the_alb_an_app_client_with_a_secret(aws, pool, alb):
    # HINT: the ALB's app client in the pool: it generates a secret, allows the OAuth code
    # HINT: flow with the openid scope, and calls back https://<ALB's DNS name>/oauth2/idpresponse
    # HINT: (alb["dns"]); keep CreateUserPoolClient's UserPoolClient in `client`.
    # BEGIN SOLUTION
    client = aws.cognito_idp.create_user_pool_client(
        UserPoolId=pool.id,
        ClientName="back-office-alb",
        GenerateSecret=True,
        SupportedIdentityProviders=["COGNITO"],
        AllowedOAuthFlowsUserPoolClient=True,
        AllowedOAuthFlows=["code"],
        AllowedOAuthScopes=["openid"],
        CallbackURLs=[f"https://{alb['dns']}/oauth2/idpresponse"],
    )["UserPoolClient"]
    # END SOLUTION
    assert client["ClientSecret"], "the ALB proves itself to the pool with a secret"
    assert client["AllowedOAuthFlows"] == ["code"]
    assert client["CallbackURLs"] == [f"https://{alb['dns']}/oauth2/idpresponse"]


@pytest.mark.claim(
    "cognito.alb-authenticate-cognito",
    quote="or cognito user pools",
    source=ALB_AUTHENTICATION,
)
def test_the_alb_signs_users_in_with_the_pool_then_forwards(aws, alb, sign_in_with_pool):
    # HINT: the default actions of an HTTPS listener: first sign users in with the pool
    # HINT: (authenticate-cognito, AuthenticateCognitoConfig=sign_in_with_pool), then forward
    # HINT: to alb["target_group"]; a list of two actions with their Order.
    # BEGIN SOLUTION
    actions = [
        {
            "Type": "authenticate-cognito",
            "Order": 1,
            "AuthenticateCognitoConfig": sign_in_with_pool,
        },
        {"Type": "forward", "Order": 2, "TargetGroupArn": alb["target_group"]},
    ]
    # END SOLUTION
    created = listener(aws, alb, "HTTPS", actions)
    assert default_actions(aws, created) == [(1, "authenticate-cognito"), (2, "forward")]
    [found] = aws.elbv2.describe_listeners(ListenerArns=[created])["Listeners"]
    [cognito] = [a for a in found["DefaultActions"] if a["Type"] == "authenticate-cognito"]
    assert cognito["AuthenticateCognitoConfig"]["UserPoolArn"] == sign_in_with_pool["UserPoolArn"]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto's CreateListener takes an authenticate action on an HTTP listener; AWS "
    "takes authenticate-cognito and authenticate-oidc only on an HTTPS listener",
)
@pytest.mark.claim(
    "cognito.alb-authenticate-https-only",
    quote="must use an https listener to set authenticate-oidc or cognito",
    source=ACTION_MODEL,
)
def test_an_authenticate_action_needs_an_https_listener(aws, alb, error_code):
    actions = [
        {"Type": "authenticate-oidc", "Order": 1, "AuthenticateOidcConfig": GOOGLE},
        {"Type": "forward", "Order": 2, "TargetGroupArn": alb["target_group"]},
    ]
    # HINT: the protocol of the listener that takes these actions ("HTTP" or "HTTPS").
    # BEGIN SOLUTION
    protocol = "HTTPS"
    # END SOLUTION
    created = listener(aws, alb, protocol, actions)
    assert default_actions(aws, created)[0] == (1, "authenticate-oidc")
    other = "HTTP" if protocol == "HTTPS" else "HTTPS"
    # The API reference marks both authenticate configurations "[HTTPS listeners]" and names
    # no code for this case: CreateListener's codes for an action, or a protocol, that
    # does not fit are these two.
    refused = error_code(listener, aws, alb, other, actions)
    assert refused in ("InvalidLoadBalancerAction", "IncompatibleProtocols")


@pytest.mark.claim(
    "cognito.alb-authenticate-oidc",
    quote="from 3rd identity providers",
    source=ALB_AUTHENTICATION,
)
def test_the_alb_signs_users_in_at_a_third_party_provider(aws, alb):
    # HINT: the default actions of an HTTPS listener: first sign users in at Google, an OIDC
    # HINT: provider (authenticate-oidc, AuthenticateOidcConfig=GOOGLE), then forward to
    # HINT: alb["target_group"].
    # BEGIN SOLUTION
    actions = [
        {"Type": "authenticate-oidc", "Order": 1, "AuthenticateOidcConfig": GOOGLE},
        {"Type": "forward", "Order": 2, "TargetGroupArn": alb["target_group"]},
    ]
    # END SOLUTION
    created = listener(aws, alb, "HTTPS", actions)
    assert default_actions(aws, created) == [(1, "authenticate-oidc"), (2, "forward")]
    [found] = aws.elbv2.describe_listeners(ListenerArns=[created])["Listeners"]
    [oidc] = [a for a in found["DefaultActions"] if a["Type"] == "authenticate-oidc"]
    assert oidc["AuthenticateOidcConfig"]["Issuer"] == "https://accounts.google.com"
    assert oidc["AuthenticateOidcConfig"]["TokenEndpoint"] == GOOGLE["TokenEndpoint"]
