"""Sending mail: only from verified identities, through the API (or SMTP).

SES sends mail on an application's behalf. It sends only *from* an identity
(an address or a whole domain) the account has proven it owns; a new account
is also in the *sandbox*: it may send only *to* verified identities, at most
200 messages a day, 1 a second, until AWS lifts it. An application calls
``SendEmail`` (SES builds the message) or ``SendRawEmail`` (a whole MIME
message), or speaks SMTP to SES's endpoint with SMTP credentials.

Notes, "other services > aws ses".
"""

from __future__ import annotations

from email.message import EmailMessage

import pytest

VERIFY = "https://docs.aws.amazon.com/ses/latest/dg/creating-identities.html"
SEND = "https://docs.aws.amazon.com/ses/latest/dg/send-email.html"


def mail(source: str, to: str) -> dict:
    """SendEmail's arguments for a short text message from ``source`` to ``to``."""
    return {
        "Source": source,
        "Destination": {"ToAddresses": [to]},
        "Message": {
            "Subject": {"Data": "Order shipped"},
            "Body": {"Text": {"Data": "Your order has shipped."}},
        },
    }


@pytest.mark.claim(
    "ses.only-verified-senders", quote="allow inbound/outbound emails", source=VERIFY
)
def test_mail_goes_out_only_from_a_verified_identity(aws, sender, unique_name, error_code):
    stranger = f"{unique_name('stranger')}@example.com"
    # HINT: predict the error code of a send from an address nobody verified.
    # BEGIN SOLUTION
    expected = "MessageRejected"
    # END SOLUTION
    assert error_code(aws.ses.send_email, **mail(stranger, sender)) == expected
    sent = aws.ses.send_email(**mail(sender, sender))
    assert sent["MessageId"]


@pytest.mark.claim(
    "ses.send-through-the-api",
    quote="Send emails using your application using AWS Console, APIs, or SMTP",
    source=SEND,
)
def test_an_application_sends_a_whole_mime_message(aws, sender):
    before = aws.ses.get_send_quota()["SentLast24Hours"]
    raw = EmailMessage()
    raw["From"], raw["To"], raw["Subject"] = sender, sender, "Invoice 42"
    raw.set_content("Please find your invoice attached.")
    raw.add_attachment(
        b"%PDF-1.4 invoice", maintype="application", subtype="pdf", filename="invoice-42.pdf"
    )
    # HINT: send `raw` (an email.message.EmailMessage) as it is, attachment and all.
    # BEGIN SOLUTION
    aws.ses.send_raw_email(RawMessage={"Data": raw.as_bytes()})
    # END SOLUTION
    # At least one more: the count is the account's, and a test running beside this one
    # (on an emulator shared by parallel tests, or a real account) may send too.
    assert aws.ses.get_send_quota()["SentLast24Hours"] >= before + 1
