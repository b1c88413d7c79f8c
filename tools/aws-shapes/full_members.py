#!/usr/bin/env python3
"""Writes a capture directory whose every file holds every member the AWS service model gives
the output of its command: a test fixture for the capture reader, in AWS's own shapes.

The shapes come from botocore's service models (the models the AWS CLI and the SDKs are
generated from); the values are this script's own, chosen by member name so that the files
refer to each other as a real capture does (the target group a rule forwards to is the one
described, and so on). Paging members are left out, as the AWS CLI leaves them out when it
paginates by itself.

usage: python3 tools/aws-shapes/full_members.py OUT_DIR
       (needs botocore: pip install botocore; the AWS CLI v1 brings it)
"""

import gzip
import json
import os
import sys

import botocore

MODELS = {
    "elb": "elb/2012-06-01",
    "elbv2": "elbv2/2015-12-01",
    "autoscaling": "autoscaling/2011-01-01",
    "route53": "route53/2013-04-01",
}

REGION = "eu-west-1"
ACCOUNT = "111122223333"
CLB = "full-clb"
ALB = "full-alb"
TG = "full-tg"
CANARY_TG = "full-tg-canary"
ALB_ARN = f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:loadbalancer/app/{ALB}/0a1b2c3d4e5f6071"
TG_ARN = f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:targetgroup/{TG}/1b2c3d4e5f607182"
CANARY_TG_ARN = f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:targetgroup/{CANARY_TG}/2c3d4e5f60718293"
LISTENER_ARN = (
    f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:listener/app/{ALB}/0a1b2c3d4e5f6071/2c3d4e5f60718293"
)
ASG = "full-asg"
CANARY_ASG = "full-asg-canary"
CANARY_INSTANCE = "i-0e1d2c3b4a5968778"
ZONE = "Z0FULLMEMBERS0001"
ZONE_NAME = "full.example.net."
PORT = 443  # the ALB listener: HTTPS:443, which every target migrates

# Values by member name: what each member holds wherever it appears, unless the path says
# otherwise (PATH_VALUES). Strings not named here get "<member>-value".
VALUES = {
    "LoadBalancerName": CLB,
    "DNSName": f"{CLB}-1234567890.{REGION}.elb.amazonaws.com",
    "CanonicalHostedZoneName": f"{CLB}-1234567890.{REGION}.elb.amazonaws.com",
    "CanonicalHostedZoneNameID": "Z32O12XQLNTSW2",
    "CanonicalHostedZoneId": "Z32O12XQLNTSW2",
    "Protocol": "HTTPS",
    "InstanceProtocol": "HTTP",
    "LoadBalancerPort": 443,
    "InstancePort": 8080,
    "SSLCertificateId": f"arn:aws:iam::{ACCOUNT}:server-certificate/full-cert",
    "Target": "HTTP:8080/healthz",
    "Interval": 15,
    "Timeout": 5,
    "HealthyThreshold": 3,
    "UnhealthyThreshold": 2,
    "InstanceId": "i-0f1e2d3c4b5a69788",
    "PolicyName": "full-proxy",
    "PolicyTypeName": "ProxyProtocolPolicyType",
    "AttributeName": "ProxyProtocol",
    "AttributeValue": "true",
    "AvailabilityZone": f"{REGION}a",
    "ZoneName": f"{REGION}a",
    "Scheme": "internet-facing",
    "VPCId": "vpc-0a1b2c3d4e5f60718",
    "VpcId": "vpc-0a1b2c3d4e5f60718",
    "Key": "canary2k8s.io/app",
    "Value": "full",
    "LoadBalancerArn": ALB_ARN,
    "TargetGroupArn": TG_ARN,
    "TargetGroupName": TG,
    "ListenerArn": LISTENER_ARN,
    "Port": PORT,
    "CertificateArn": f"arn:aws:acm:{REGION}:{ACCOUNT}:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
    "Type": "application",
    "TargetType": "instance",
    "HealthCheckPort": "traffic-port",
    "HealthCheckPath": "/healthz",
    "HealthCheckIntervalSeconds": 10,
    "HealthCheckTimeoutSeconds": 4,
    "HealthyThresholdCount": 3,
    "UnhealthyThresholdCount": 2,
    "Weight": 7,
    "DurationSeconds": 3600,
    "Order": 1,
    "AutoScalingGroupName": ASG,
    "AutoScalingGroupARN": f"arn:aws:autoscaling:{REGION}:{ACCOUNT}:autoScalingGroup:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9:autoScalingGroupName/{ASG}",
    "MinSize": 1,
    "MaxSize": 12,
    "DesiredCapacity": 6,
    "InstanceType": "m6i.large",
    "WeightedCapacity": "2",
    "LifecycleState": "InService",
    "HealthStatus": "Healthy",
    "ProcessName": "AZRebalance",
    "Status": "Delete in progress",
    "DesiredCapacityType": "units",
    "Identifier": TG_ARN,
    "PolicyType": "TargetTrackingScaling",
    "PredefinedMetricType": "ASGAverageCPUUtilization",
    "TargetValue": 55.0,
    "Id": f"/hostedzone/{ZONE}",
    "Name": ZONE_NAME,
    "PrivateZone": True,
    "VPCRegion": REGION,
    "Failover": "PRIMARY",
    "Region": REGION,
    "ContinentCode": "EU",
    "CountryCode": "IE",
    "SubdivisionCode": "D",
    "AWSRegion": REGION,
    "LocalZoneGroup": f"{REGION}-dub-1",
    "Latitude": "53.35",
    "Longitude": "-6.26",
    "Bias": 10,
    "CollectionId": "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
    "LocationName": "dublin",
    "HealthCheckId": "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901",
    "TrafficPolicyInstanceId": "2c3d4e5f-6071-8293-a4b5-c6d7e8f90a1b",
    "SetIdentifier": "full-primary",
    "RuleArn": LISTENER_ARN.replace(":listener/", ":listener-rule/") + "/full0rule0010",
    "TTL": 60,
    "EvaluateTargetHealth": True,
    "HostedZoneId": "Z32O12XQLNTSW2",
    "Regex": "^/v1/(.*)$",
    "Replace": "/api/$1",
    "HttpHeaderName": "X-Canary",
}

# Values by the path of the member (its ancestors' member names joined by '.'), for members
# whose value depends on where they are.
PATH_VALUES = {
    "LoadBalancers.LoadBalancerName": ALB,
    "LoadBalancers.DNSName": f"{ALB}-1234567890.{REGION}.elb.amazonaws.com",
    "Listeners.Protocol": "HTTPS",
    "TargetGroups.Protocol": "HTTP",
    "TargetGroups.Port": 8080,
    "TargetGroups.HealthCheckProtocol": "HTTP",
    "Rules.Conditions.Field": "path-pattern",
    "Rules.Conditions.Values": ["/v1/*"],
    "Rules.Conditions.RegexValues": ["^/v1/[a-z]+$"],
    "Rules.Conditions.HostHeaderConfig.Values": [f"www.{ZONE_NAME[:-1]}"],
    "Rules.Conditions.HostHeaderConfig.RegexValues": ["^www[.]full[.]example[.]net$"],
    "Rules.Conditions.HttpHeaderConfig.Values": ["always"],
    "Rules.Conditions.HttpHeaderConfig.RegexValues": ["^(always|sometimes)$"],
    "Rules.Conditions.HttpRequestMethodConfig.Values": ["GET"],
    "Rules.Conditions.SourceIpConfig.Values": ["192.0.2.0/24"],
    "Rules.Conditions.PathPatternConfig.Values": ["/v1/items/*"],
    "Rules.Conditions.PathPatternConfig.RegexValues": ["^/v1/items/[0-9]+$"],
    "Rules.Actions.Type": "forward",
    "Rules.Transforms.Type": "url-rewrite",
    "ResourceRecordSets.Name": f"www.{ZONE_NAME}",
    "ResourceRecordSets.Type": "A",
    "ResourceRecordSets.ResourceRecords.Value": "192.0.2.10",
    "ResourceRecordSets.AliasTarget.DNSName": f"dualstack.{ALB}-1234567890.{REGION}.elb.amazonaws.com.",
    "HostedZones.Config.Comment": "full members",
    "HostedZone.Config.Comment": "full members",
    "HostedZone.Name": ZONE_NAME,
    "ScalingPolicies.AdjustmentType": "ChangeInCapacity",
    "AutoScalingGroups.Instances.LifecycleState": "InService",
    "AutoScalingGroups.MixedInstancesPolicy.LaunchTemplate.Overrides.InstanceType": "m6i.xlarge",
    "AutoScalingGroups.MixedInstancesPolicy.LaunchTemplate.Overrides.WeightedCapacity": "4",
    "AutoScalingGroups.LoadBalancerNames": [CLB],
    "AutoScalingGroups.TargetGroupARNs": [TG_ARN],
    "AutoScalingGroups.AvailabilityZones": [f"{REGION}a", f"{REGION}b"],
    "AutoScalingGroups.TrafficSources.Type": "elbv2",
    "LoadBalancerDescriptions.AvailabilityZones": [f"{REGION}a", f"{REGION}b"],
    "LoadBalancerDescriptions.Policies.OtherPolicies": ["full-proxy"],
    "LoadBalancerDescriptions.BackendServerDescriptions.PolicyNames": ["full-proxy"],
    "TargetGroups.LoadBalancerArns": [ALB_ARN],
    "Listeners.DefaultActions.Type": "forward",
    "LoadBalancerDescriptions.Policies.AppCookieStickinessPolicies.PolicyName": "full-app-cookie",
    "LoadBalancerDescriptions.Policies.LBCookieStickinessPolicies.PolicyName": "full-lb-cookie",
    "LoadBalancerAttributes.ConnectionDraining.Timeout": 30,
    "LoadBalancerAttributes.ConnectionSettings.IdleTimeout": 60,
    "Attributes.Key": "load_balancing.cross_zone.enabled",
    "Attributes.Value": "true",
    "ScalingPolicies.PolicyName": "full-cpu",
    "ScalingPolicies.Alarms.AlarmName": "full-cpu-alarm",
}

# The commands a capture holds: layout path, service, operation.
COMMANDS = [
    ("elb/describe-load-balancers.json", "elb", "DescribeLoadBalancers"),
    ("elb/describe-tags.json", "elb", "DescribeTags"),
    (f"elb/attributes/{CLB}.json", "elb", "DescribeLoadBalancerAttributes"),
    (f"elb/policies/{CLB}.json", "elb", "DescribeLoadBalancerPolicies"),
    ("elbv2/describe-load-balancers.json", "elbv2", "DescribeLoadBalancers"),
    ("elbv2/describe-target-groups.json", "elbv2", "DescribeTargetGroups"),
    (f"elbv2/listeners/{ALB}.json", "elbv2", "DescribeListeners"),
    (f"elbv2/rules/{ALB}-{PORT}.json", "elbv2", "DescribeRules"),
    (f"elbv2/attributes/{ALB}.json", "elbv2", "DescribeLoadBalancerAttributes"),
    (f"elbv2/target-group-attributes/{TG}.json", "elbv2", "DescribeTargetGroupAttributes"),
    (f"elbv2/target-group-attributes/{CANARY_TG}.json", "elbv2", "DescribeTargetGroupAttributes"),
    ("autoscaling/describe-auto-scaling-groups.json", "autoscaling", "DescribeAutoScalingGroups"),
    ("autoscaling/describe-policies.json", "autoscaling", "DescribePolicies"),
    ("route53/list-hosted-zones.json", "route53", "ListHostedZones"),
    (f"route53/hosted-zones/{ZONE}.json", "route53", "GetHostedZone"),
    (f"route53/zones/{ZONE}.json", "route53", "ListResourceRecordSets"),
]


def model(service):
    base = os.path.join(os.path.dirname(botocore.__file__), "data", MODELS[service])
    with gzip.open(os.path.join(base, "service-2.json.gz")) as f:
        shapes = json.load(f)
    pages = {}
    path = os.path.join(base, "paginators-1.json")
    if os.path.exists(path):
        with open(path) as f:
            pages = json.load(f)["pagination"]
    return shapes, pages


def paging_members(pagination):
    """The output members of a paginated operation the AWS CLI drops when it paginates."""
    out = set()
    for key in ("output_token", "more_results", "limit_key"):
        v = pagination.get(key)
        if isinstance(v, list):
            out.update(v)
        elif v:
            out.add(v)
    return out | {"Marker", "NextMarker", "NextToken", "MaxItems", "IsTruncated"}


def value(shapes, shape_name, path, member, depth):
    """A plausible value of shape_name, for the member at path (e.g. Rules.Actions.Type)."""
    shape = shapes["shapes"][shape_name]
    key = ".".join(path)
    if key in PATH_VALUES:
        return PATH_VALUES[key]
    t = shape["type"]
    if t == "structure":
        if depth > 8:
            return {}
        return {
            m: value(shapes, s["shape"], path + [m], m, depth + 1)
            for m, s in shape["members"].items()
        }
    if t == "list":
        member_shape = shape["member"]["shape"]
        if member in VALUES and not isinstance(VALUES[member], (dict, list)):
            if shapes["shapes"][member_shape]["type"] == "string":
                return [VALUES[member]]
        return [value(shapes, member_shape, path, member, depth + 1)]
    if t == "map":
        return {
            "full-key": value(shapes, shape["value"]["shape"], path + ["full-key"], "", depth + 1)
        }
    if member in VALUES:
        v = VALUES[member]
        # the same member name is a number in one shape and a string in another (Port)
        if t == "string" and not isinstance(v, str):
            return str(v).lower() if isinstance(v, bool) else str(v)
        return v
    if t == "string":
        if "enum" in shape:
            return shape["enum"][0]
        return f"{member[:1].lower()}{member[1:]}-value" if member else "value"
    if t in ("integer", "long"):
        return 3
    if t in ("double", "float"):
        return 1.5
    if t == "boolean":
        return True
    if t == "timestamp":
        return "2026-03-04T05:06:07Z"
    if t == "blob":
        return "ZnVsbA=="
    raise ValueError(f"unknown shape type {t} at {key}")


def output(service, operation):
    shapes, pages = model(service)
    op = shapes["operations"][operation]
    out_shape = shapes["shapes"][op["output"]["shape"]]
    skip = paging_members(pages.get(operation, {})) if operation in pages else set()
    doc = {}
    for m, s in out_shape["members"].items():
        if m in skip:
            continue
        doc[m] = value(shapes, s["shape"], [m], m, 0)
    return doc


def weighted_forward():
    """The forward action AWS returns for a split across target groups: no top-level
    TargetGroupArn (AWS gives it only for a single target group), the weights in ForwardConfig."""
    return {
        "Type": "forward",
        "Order": 1,
        "ForwardConfig": {
            "TargetGroups": [
                {"TargetGroupArn": TG_ARN, "Weight": 9},
                {"TargetGroupArn": CANARY_TG_ARN, "Weight": 1},
            ],
            "TargetGroupStickinessConfig": {"Enabled": False},
        },
    }


def canary_copy(element, renames):
    """A copy of a list element (every member kept) with the stable track's names replaced by the
    canary's: the canary track is the same shape as the stable one."""
    text = json.dumps(element)
    for old, new in renames:
        text = text.replace(old, new)
    return json.loads(text)


def adjust(rel, doc):
    """What one element of a list cannot say: a listener's rules need a default rule beside the
    rule with every member; a condition's field decides which config counts; an app needs a
    canary track beside the stable one (a second Auto Scaling group and target group, the same
    shape, tagged canary2k8s.io/track) and a default action weighting the two 9 : 1."""
    if rel == "autoscaling/describe-auto-scaling-groups.json":
        stable = doc["AutoScalingGroups"][0]
        canary = canary_copy(
            stable,
            [
                (f"autoScalingGroupName/{ASG}", f"autoScalingGroupName/{CANARY_ASG}"),
                (TG_ARN, CANARY_TG_ARN),
                (VALUES["InstanceId"], CANARY_INSTANCE),
            ],
        )
        canary["AutoScalingGroupName"] = CANARY_ASG
        canary["DesiredCapacity"] = 2
        canary["MaxSize"] = 4
        stable["Tags"].append(dict(stable["Tags"][0], Key="canary2k8s.io/track", Value="stable"))
        canary["Tags"].append(dict(canary["Tags"][0], Key="canary2k8s.io/track", Value="canary"))
        doc["AutoScalingGroups"].append(canary)
    if rel == "elbv2/describe-target-groups.json":
        doc["TargetGroups"].append(
            canary_copy(doc["TargetGroups"][0], [(TG_ARN, CANARY_TG_ARN), (f'"{TG}"', f'"{CANARY_TG}"')])
        )
    if rel == "elb/describe-load-balancers.json":
        for lb in doc["LoadBalancerDescriptions"]:
            lb["Instances"].append({"InstanceId": CANARY_INSTANCE})
    if rel.startswith("elbv2/listeners/"):
        # the action with every member stays in rule 10 (its TargetGroupArn and a one-group
        # ForwardConfig agree, as AWS requires); the listener's default action is the split
        doc["Listeners"][0]["DefaultActions"] = [weighted_forward()]
    if rel.startswith("elbv2/rules/"):
        rule = doc["Rules"][0]
        rule["Priority"] = "10"
        rule["IsDefault"] = False
        default = {
            "RuleArn": LISTENER_ARN.replace(":listener/", ":listener-rule/") + "/default0001",
            "Priority": "default",
            "Conditions": [],
            "Actions": [weighted_forward()],
            "IsDefault": True,
        }
        doc["Rules"].append(default)
    if rel.startswith("route53/zones/"):
        rel_doc = doc["ResourceRecordSets"][0]
        rel_doc["Weight"] = 7
    return doc


def main(out_dir):
    for rel, service, operation in COMMANDS:
        doc = adjust(rel, output(service, operation))
        path = os.path.join(out_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            json.dump(doc, f, indent=4, sort_keys=False)
            f.write("\n")
    meta = {
        "region": REGION,
        "accountId": ACCOUNT,
        "capturedAt": "2026-03-04T05:06:07Z",
        "tool": f"tools/aws-shapes/full_members.py (botocore {botocore.__version__})",
    }
    with open(os.path.join(out_dir, "capture.json"), "w") as f:
        json.dump(meta, f, indent=4)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
