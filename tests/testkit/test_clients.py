"""``aws.unvalidated(service)``: past botocore's own checks, so the service answers."""

from __future__ import annotations

import pytest


def test_an_unvalidated_client_lets_the_service_refuse(lab: pytest.Pytester):
    lab.makepyfile(
        """
        import pytest
        from botocore.exceptions import ClientError, ParamValidationError

        def test_refusals(aws):
            with pytest.raises(ParamValidationError):  # botocore: a required parameter missing
                aws.sqs.get_queue_url()
            assert aws.unvalidated("sqs") is aws.unvalidated("sqs"), "made once"
            assert aws.unvalidated("sqs") is not aws.sqs
            with pytest.raises(ClientError):  # sent: the service itself says no
                aws.unvalidated("sqs").get_queue_url()
        """
    )
    lab.runpytest("-p", "no:randomly").assert_outcomes(passed=1)
