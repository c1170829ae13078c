"""Proving who you are: DKIM signatures and a custom MAIL FROM domain (for SPF).

Mail servers trust a message more when they can check where it comes from.
With *Easy DKIM*, SES signs every message of a domain; ``VerifyDomainDkim``
answers three tokens, each a CNAME record to publish in the domain's DNS
(``<token>._domainkey.<domain>``). *SPF* lists the servers allowed to send for
the envelope sender's domain: a custom *MAIL FROM* domain (a subdomain such as
``bounce.example.org``, with an MX and an SPF TXT record) lets SPF pass for
your own domain, not amazonses.com.

Notes, "other services > aws ses".
"""

from __future__ import annotations

import pytest

DKIM = "https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-easy.html"
MAIL_FROM = "https://docs.aws.amazon.com/ses/latest/dg/mail-from.html"


@pytest.mark.claim(
    "ses.dkim-and-spf",
    quote="Supports DomainKeys Identified Mail (DKIM) and Sender Policy Framework (SPF)",
    source=DKIM,
)
def test_a_domain_gets_dkim_records_and_its_own_mail_from(aws, unique_name):
    domain = f"{unique_name('shop')}.example.org"
    # HINT: start Easy DKIM for `domain`; keep the tokens SES answers.
    # BEGIN SOLUTION
    tokens = aws.ses.verify_domain_dkim(Domain=domain)["DkimTokens"]
    # END SOLUTION
    assert len(tokens) == 3, "three CNAME records: <token>._domainkey.<domain>"
    aws.ses.set_identity_mail_from_domain(Identity=domain, MailFromDomain=f"bounce.{domain}")
    attributes = aws.ses.get_identity_mail_from_domain_attributes(Identities=[domain])
    assert attributes["MailFromDomainAttributes"][domain]["MailFromDomain"] == f"bounce.{domain}"
