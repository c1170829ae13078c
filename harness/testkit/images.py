"""The machine image the EC2-based labs launch: the newest Amazon Linux 2023."""

from __future__ import annotations

import pytest

#: Amazon Linux 2023 with the 6.1 kernel: one image per release, so the answer stays
#: small. moto serializes every image a query matches (all of Amazon's: ~1300, about
#: 2 s), so the labs never ask for images without a narrow name filter.
AMAZON_LINUX = "al2023-ami-2023.*-kernel-6.1-x86_64"

#: Images found so far, by endpoint and region: public images do not change during a run.
_found: dict[str, dict] = {}


def amazon_linux(aws) -> dict:
    """The newest Amazon Linux 2023 image owned by Amazon, as DescribeImages gives it
    (``ImageId``, ``RootDeviceName``...), for ``aws`` (the labs' client fixture)."""
    key = f"{aws.endpoint_url or 'aws'} {aws.region}"
    if key not in _found:
        images = aws.ec2.describe_images(
            Owners=["amazon"], Filters=[{"Name": "name", "Values": [AMAZON_LINUX]}]
        )["Images"]
        if not images:
            pytest.fail(f"no image named {AMAZON_LINUX} owned by amazon here", pytrace=False)
        _found[key] = max(images, key=lambda image: image["CreationDate"])
    return _found[key]
