#!/usr/bin/env python3
"""Seeds moto with N canary apps for the live-discovery benchmark.

Each app: a main and a canary classic ELB (tagged, attributes set), a main ASG (desired 2,
attached to the main ELB) and a canary ASG (desired 1, attached to both), one target-tracking
policy, and in one shared zone per 100 apps: two CNAMEs and a weighted pair of alias records.

usage: seed.py ENDPOINT REGION N
"""
import sys

import boto3

endpoint, region, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
kw = dict(endpoint_url=endpoint, region_name=region,
          aws_access_key_id="testing", aws_secret_access_key="testing")
elb = boto3.client("elb", **kw)
asg = boto3.client("autoscaling", **kw)
ec2 = boto3.client("ec2", **kw)
r53 = boto3.client("route53", **kw)

azs = [region + "a", region + "b"]
ec2.create_launch_template(LaunchTemplateName="bench", LaunchTemplateData={
    "ImageId": "ami-12c6146b", "InstanceType": "t3.micro"})
zones = {}
changes = {}
for i in range(n):
    app = "app%04d" % i
    dns = {}
    for lb in (app, app + "-canary"):
        dns[lb] = elb.create_load_balancer(
            LoadBalancerName=lb, AvailabilityZones=azs,
            Listeners=[{"Protocol": "HTTP", "LoadBalancerPort": 80,
                        "InstanceProtocol": "HTTP", "InstancePort": 8080}])["DNSName"]
        elb.configure_health_check(LoadBalancerName=lb, HealthCheck={
            "Target": "HTTP:8080/health", "Interval": 10, "Timeout": 5,
            "UnhealthyThreshold": 3, "HealthyThreshold": 2})
        elb.modify_load_balancer_attributes(LoadBalancerName=lb, LoadBalancerAttributes={
            "CrossZoneLoadBalancing": {"Enabled": True},
            "ConnectionDraining": {"Enabled": True, "Timeout": 30}})
        elb.add_tags(LoadBalancerNames=[lb], Tags=[{"Key": "app", "Value": app}])
    for name, desired, lbs in ((app + "-main", 2, [app]), (app + "-canary", 1, [app, app + "-canary"])):
        asg.create_auto_scaling_group(
            AutoScalingGroupName=name, LaunchTemplate={"LaunchTemplateName": "bench", "Version": "$Latest"},
            MinSize=0, MaxSize=10, DesiredCapacity=desired, AvailabilityZones=azs,
            LoadBalancerNames=lbs, Tags=[{"Key": "app", "Value": app, "PropagateAtLaunch": False,
                                          "ResourceId": name, "ResourceType": "auto-scaling-group"}])
    asg.put_scaling_policy(AutoScalingGroupName=app + "-main", PolicyName="cpu50",
                           PolicyType="TargetTrackingScaling", TargetTrackingConfiguration={
                               "PredefinedMetricSpecification": {"PredefinedMetricType": "ASGAverageCPUUtilization"},
                               "TargetValue": 50.0})
    zone_name = "z%03d.bench.example" % (i // 100)
    if zone_name not in zones:
        zid = r53.create_hosted_zone(Name=zone_name, CallerReference=zone_name)["HostedZone"]["Id"]
        zones[zone_name] = zid
        changes[zone_name] = []
    c = changes[zone_name]
    for host, lb in ((app, app), (app + "-canary", app + "-canary")):
        c.append({"Action": "CREATE", "ResourceRecordSet": {
            "Name": "%s.%s" % (host, zone_name), "Type": "CNAME", "TTL": 60,
            "ResourceRecords": [{"Value": dns[lb]}]}})
    for set_id, lb, w in (("stable", app, 90), ("canary", app + "-canary", 10)):
        c.append({"Action": "CREATE", "ResourceRecordSet": {
            "Name": "api-%s.%s" % (app, zone_name), "Type": "A", "SetIdentifier": set_id, "Weight": w,
            "AliasTarget": {"HostedZoneId": "Z35SXDOTRQ7X7K", "DNSName": dns[lb],
                            "EvaluateTargetHealth": False}}})
for zone_name, zid in zones.items():
    r53.change_resource_record_sets(HostedZoneId=zid, ChangeBatch={"Changes": changes[zone_name]})
print("seeded %d apps in %s" % (n, region))
