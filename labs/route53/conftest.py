"""Shared fixtures for the Route 53 labs: a hosted zone of your own and its records."""

from __future__ import annotations

import pytest


@pytest.fixture
def zone(aws, unique_name) -> tuple[str, str]:
    """``(zone_id, zone_name)``: a new public hosted zone, ``lab1a2b3c4d-shop.example.com.``."""
    name = f"{unique_name('shop')}.example.com."
    created = aws.route53.create_hosted_zone(Name=name, CallerReference=unique_name("zone"))
    return created["HostedZone"]["Id"].rsplit("/", 1)[-1], name


@pytest.fixture
def upsert(aws, zone):
    """``upsert(record_set, ...)``: create or replace record sets in the zone, in one batch."""

    def upsert(*record_sets: dict) -> None:
        changes = [{"Action": "UPSERT", "ResourceRecordSet": rrs} for rrs in record_sets]
        aws.route53.change_resource_record_sets(
            HostedZoneId=zone[0], ChangeBatch={"Changes": changes}
        )

    return upsert


@pytest.fixture
def answer(upsert, error_code):
    """``answer(record_set)``: None when Route 53 takes the record set, else its error code
    (``"InvalidInput"``, ``"InvalidChangeBatch"``)."""

    def answer(record_set: dict) -> str | None:
        return error_code(upsert, record_set)

    return answer


@pytest.fixture
def records(aws, zone):
    """``records(name, type)``: the zone's record sets with that name and type."""

    def records(name: str, record_type: str) -> list[dict]:
        found = aws.route53.list_resource_record_sets(HostedZoneId=zone[0])
        return [
            rrs
            for rrs in found["ResourceRecordSets"]
            if rrs["Name"] == name and rrs["Type"] == record_type
        ]

    return records


@pytest.fixture
def web_server(upsert, zone) -> str:
    """``www.<zone>``: a plain A record to 192.0.2.10 (a documentation address), its name."""
    name = f"www.{zone[1]}"
    upsert({"Name": name, "Type": "A", "TTL": 300, "ResourceRecords": [{"Value": "192.0.2.10"}]})
    return name
