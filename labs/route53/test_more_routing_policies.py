"""Four more routing policies: simple, multi-value, geoproximity and IP-based.

*Simple*: one record set per name and type (a second one is refused), which
may hold several values; Route 53 answers them all, in random order, and
checks none of them. *Multi-value answer*: several record sets of the same
name and type, each with its ``SetIdentifier`` (and optionally a health
check); Route 53 answers up to eight healthy ones. *Geoproximity*: each
record names where its resource is (an AWS Region, or coordinates) and a
*bias* from -99 to 99 that grows or shrinks the area it serves; since 2024
such records are plain record sets (``GeoProximityLocation``), no traffic
flow policy needed. *IP-based*: a CIDR collection maps client networks to
location names, and each record answers one location.

An emulator answers no DNS queries: these labs check the record sets Route 53
holds and the values it refuses.

Notes, "route53 > routing policies".
"""

import json

import pytest

CHANGE_RECORDS = (
    "https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html"
)
GEOPROXIMITY = (
    "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-geoproximity.html"
)


def a_record(name: str, *addresses: str, **policy) -> dict:
    values = [{"Value": address} for address in addresses]
    return {"Name": name, "Type": "A", "TTL": 60, "ResourceRecords": values, **policy}


@pytest.mark.claim(
    "route53.simple-one-record-set",
    quote="simple: no health check; route traffic to a single resource",
    source="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-simple.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's CREATE replaces a record set that exists; AWS refuses it (InvalidChangeBatch)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's CREATE replaces a record set that exists; AWS refuses it "
    "(InvalidChangeBatch)",
)
def test_a_simple_record_set_is_one_per_name_and_type(aws, zone, records, error_code):
    name = f"www.{zone[1]}"

    def create(record_set: dict) -> str | None:
        change = {"Action": "CREATE", "ResourceRecordSet": record_set}
        batch = {"Changes": [change]}
        return error_code(
            aws.route53.change_resource_record_sets, HostedZoneId=zone[0], ChangeBatch=batch
        )

    # HINT: what does Route 53 answer each CREATE, in this order? (None, or the error code)
    # BEGIN SOLUTION
    expected = {"two values in one record set": None, "a second record set": "InvalidChangeBatch"}
    # END SOLUTION
    answers = {
        "two values in one record set": create(a_record(name, "192.0.2.1", "192.0.2.2")),
        "a second record set": create(a_record(name, "192.0.2.3")),
    }
    assert answers == expected
    [stored] = records(name, "A")
    assert len(stored["ResourceRecords"]) == 2


@pytest.mark.claim(
    "route53.multivalue-records",
    quote="same record name and type",
    source="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-multivalue.html",
)
def test_multivalue_records_share_a_name_and_type(zone, upsert, records):
    name = f"api.{zone[1]}"
    # HINT: three multi-value answer A records for `name` (192.0.2.1, .2 and .3), each with
    # HINT: its own SetIdentifier (a_record helps).
    # BEGIN SOLUTION
    upsert(
        *(
            a_record(name, f"192.0.2.{n}", SetIdentifier=f"server-{n}", MultiValueAnswer=True)
            for n in (1, 2, 3)
        )
    )
    # END SOLUTION
    stored = records(name, "A")
    assert sorted(rrs["ResourceRecords"][0]["Value"] for rrs in stored) == [
        "192.0.2.1",
        "192.0.2.2",
        "192.0.2.3",
    ]
    assert all(rrs["MultiValueAnswer"] for rrs in stored)


@pytest.mark.claim(
    "route53.geoproximity-records",
    quote="must use **route 53 traffic flow**",
    errata="Since 2024 a geoproximity record is a plain record set (GeoProximityLocation: an "
    "AWS Region, a Local Zone group or coordinates, and a bias) made with "
    "ChangeResourceRecordSets; traffic flow is one way among others.",
    source=GEOPROXIMITY,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto drops a record set's GeoProximityLocation; AWS stores it"
)
@pytest.mark.emulator_gap(
    "localstack", reason="LocalStack drops a record set's GeoProximityLocation; AWS stores it"
)
def test_geoproximity_records_without_traffic_flow(zone, upsert, records):
    name = f"shop.{zone[1]}"
    # HINT: two geoproximity A records for `name`: 192.0.2.1 in us-east-1 (SetIdentifier
    # HINT: "virginia") and 192.0.2.2 in eu-west-1 with a bias of 20 ("ireland").
    # BEGIN SOLUTION
    upsert(
        a_record(
            name,
            "192.0.2.1",
            SetIdentifier="virginia",
            GeoProximityLocation={"AWSRegion": "us-east-1"},
        ),
        a_record(
            name,
            "192.0.2.2",
            SetIdentifier="ireland",
            GeoProximityLocation={"AWSRegion": "eu-west-1", "Bias": 20},
        ),
    )
    # END SOLUTION
    locations = {rrs["SetIdentifier"]: rrs["GeoProximityLocation"] for rrs in records(name, "A")}
    assert locations == {
        "virginia": {"AWSRegion": "us-east-1"},
        "ireland": {"AWSRegion": "eu-west-1", "Bias": 20},
    }


@pytest.mark.claim(
    "route53.geoproximity-bias",
    quote="shift traffic to resources based on **bias**",
    source=GEOPROXIMITY,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts a geoproximity bias of 100; AWS takes -99 to 99 (InvalidInput)"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a geoproximity bias of 100; AWS takes -99 to 99 (InvalidInput)",
)
def test_a_bias_runs_from_minus_99_to_99(aws, zone, error_code):
    name = f"shop.{zone[1]}"
    change = aws.unvalidated("route53").change_resource_record_sets

    def refusal(bias: int) -> str | None:
        location = {"AWSRegion": "us-east-1", "Bias": bias}
        record_set = a_record(
            name, "192.0.2.1", SetIdentifier="virginia", GeoProximityLocation=location
        )
        batch = {"Changes": [{"Action": "UPSERT", "ResourceRecordSet": record_set}]}
        return error_code(change, HostedZoneId=zone[0], ChangeBatch=batch)

    # HINT: what does Route 53 answer each bias? {bias: None, or the error code}
    # BEGIN SOLUTION
    expected = {-99: None, 99: None, 100: "InvalidInput"}
    # END SOLUTION
    assert {bias: refusal(bias) for bias in expected} == expected


@pytest.mark.claim(
    "route53.ip-based-routing",
    quote="provide a list of CIDRs for clients",
    source="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-ipbased.html",
)
@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="moto (and LocalStack, which serves Route 53 through moto) does not implement CIDR "
    "collections (HTTP 404); AWS stores them, and records that answer one of their locations",
)
def test_ip_based_records_answer_client_networks(aws, zone, upsert, records, unique_name):
    collection = aws.route53.create_cidr_collection(
        Name=unique_name("offices"), CallerReference=unique_name("cidr")
    )["Collection"]
    # HINT: ChangeCidrCollection: location "paris-office" holds 203.0.113.0/24 (PUT).
    # BEGIN SOLUTION
    aws.route53.change_cidr_collection(
        Id=collection["Id"],
        Changes=[{"LocationName": "paris-office", "Action": "PUT", "CidrList": ["203.0.113.0/24"]}],
    )
    # END SOLUTION
    name = f"intranet.{zone[1]}"
    routing = {"CollectionId": collection["Id"], "LocationName": "paris-office"}
    upsert(a_record(name, "192.0.2.75", SetIdentifier="paris", CidrRoutingConfig=routing))
    [stored] = records(name, "A")
    assert stored["CidrRoutingConfig"] == routing
    blocks = aws.route53.list_cidr_blocks(CollectionId=collection["Id"])["CidrBlocks"]
    assert [(b["CidrBlock"], b["LocationName"]) for b in blocks] == [
        ("203.0.113.0/24", "paris-office")
    ]


@pytest.mark.claim(
    "route53.ip-based-answers-by-client-address",
    quote="routing is based on ip addresses",
    source="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-ipbased.html",
)
@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="moto (and LocalStack, which serves Route 53 through moto) implements neither CIDR "
    "collections nor TestDNSAnswer (HTTP 404); AWS answers each client by the network its "
    "address falls in",
)
def test_a_client_is_answered_by_the_network_of_its_address(
    aws, zone, upsert, unique_name, eventually
):
    collection = aws.route53.create_cidr_collection(
        Name=unique_name("offices"), CallerReference=unique_name("cidr")
    )["Collection"]
    aws.route53.change_cidr_collection(
        Id=collection["Id"],
        Changes=[{"LocationName": "paris-office", "Action": "PUT", "CidrList": ["203.0.113.0/24"]}],
    )
    name = f"intranet.{zone[1]}"

    def answer_for(network: str) -> dict:
        routing = {"CollectionId": collection["Id"], "LocationName": network}
        return a_record(name, "192.0.2.75", SetIdentifier=network, CidrRoutingConfig=routing)

    # HINT: two record sets: "paris-office" answers 192.0.2.75 (answer_for builds it), and
    # HINT: the default location "*" answers every other client with 192.0.2.1.
    # BEGIN SOLUTION
    default = answer_for("*")
    default["ResourceRecords"] = [{"Value": "192.0.2.1"}]
    upsert(answer_for("paris-office"), default)
    # END SOLUTION

    def answer_to(client: str) -> list[str]:
        answer = aws.route53.test_dns_answer(
            HostedZoneId=zone[0], RecordName=name, RecordType="A", EDNS0ClientSubnetIP=client
        )
        return answer["RecordData"]

    eventually(lambda: answer_to("203.0.113.7") == ["192.0.2.75"], aws_takes=60)
    assert answer_to("198.51.100.7") == ["192.0.2.1"], "a client outside the office network"


@pytest.mark.claim(
    "route53.traffic-policy-instances",
    quote="can be saved as traffic flow policy and applied to different route 53 hosted zones",
    source="https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateTrafficPolicyInstance.html",
)
@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="moto (and LocalStack, which serves Route 53 through moto) does not implement "
    "traffic policies (HTTP 404); AWS stores a policy and applies it in any hosted zone",
)
def test_one_traffic_policy_serves_two_zones(aws, unique_name):
    document = {
        "AWSPolicyFormatVersion": "2015-10-01",
        "RecordType": "A",
        "Endpoints": {"web": {"Type": "value", "Value": "192.0.2.1"}},
        "StartEndpoint": "web",
    }
    policy = aws.route53.create_traffic_policy(
        Name=unique_name("shop-routing"), Document=json.dumps(document)
    )["TrafficPolicy"]
    zones = []
    for stem in ("shop", "store"):
        name = f"{unique_name(stem)}.example.com."
        created = aws.route53.create_hosted_zone(Name=name, CallerReference=unique_name(stem))
        zones.append((created["HostedZone"]["Id"], name))
    # HINT: apply version policy["Version"] of the policy at www.<zone name> in each zone
    # HINT: (TTL 60).
    # BEGIN SOLUTION
    for zone_id, zone_name in zones:
        aws.route53.create_traffic_policy_instance(
            HostedZoneId=zone_id,
            Name=f"www.{zone_name}",
            TTL=60,
            TrafficPolicyId=policy["Id"],
            TrafficPolicyVersion=policy["Version"],
        )
    # END SOLUTION
    instances = aws.route53.list_traffic_policy_instances_by_policy(
        TrafficPolicyId=policy["Id"], TrafficPolicyVersion=policy["Version"]
    )["TrafficPolicyInstances"]
    assert len({instance["HostedZoneId"] for instance in instances}) == 2
