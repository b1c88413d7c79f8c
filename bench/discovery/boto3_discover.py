#!/usr/bin/env python3
"""The same read calls live discovery makes, made by one sequential boto3 process.

usage: boto3_discover.py ENDPOINT REGION  -> prints "calls=N seconds=S"
"""
import sys
import time

import boto3

start = time.monotonic()
endpoint, region = sys.argv[1], sys.argv[2]
kw = dict(endpoint_url=endpoint, region_name=region,
          aws_access_key_id="testing", aws_secret_access_key="testing")
elb = boto3.client("elb", **kw)
asg = boto3.client("autoscaling", **kw)
r53 = boto3.client("route53", **kw)
sts = boto3.client("sts", **kw)
calls = 0


def pages(client, op, key, **args):
    global calls
    out = []
    for page in client.get_paginator(op).paginate(**args):
        calls += 1
        out.extend(page[key])
    return out


sts.get_caller_identity()
calls += 1
lbs = pages(elb, "describe_load_balancers", "LoadBalancerDescriptions", PaginationConfig={"PageSize": 400})
names = [lb["LoadBalancerName"] for lb in lbs]
for i in range(0, len(names), 20):
    elb.describe_tags(LoadBalancerNames=names[i:i + 20])
    calls += 1
for name in names:
    elb.describe_load_balancer_attributes(LoadBalancerName=name)
    calls += 1
pages(asg, "describe_auto_scaling_groups", "AutoScalingGroups", PaginationConfig={"PageSize": 100})
pages(asg, "describe_policies", "ScalingPolicies", PaginationConfig={"PageSize": 100})
zones = pages(r53, "list_hosted_zones", "HostedZones", PaginationConfig={"PageSize": 100})
for z in zones:
    pages(r53, "list_resource_record_sets", "ResourceRecordSets", HostedZoneId=z["Id"],
          PaginationConfig={"PageSize": 300})
print("calls=%d seconds=%.2f" % (calls, time.monotonic() - start))
