package io.canary2k8s.discover;

import java.util.Map;

/**
 * The saved-AWS-CLI layout (DESIGN §1): which file holds which command's output, and the result key
 * each command prints. The capture script and the capture reader both use it.
 */
public final class CaptureLayout {
  private CaptureLayout() {}

  public static final String ELB_LOAD_BALANCERS = "elb/describe-load-balancers.json";
  public static final String ELB_TAGS = "elb/describe-tags.json";
  public static final String ELB_ATTRIBUTES_DIR = "elb/attributes";
  public static final String ELBV2_LOAD_BALANCERS = "elbv2/describe-load-balancers.json";
  public static final String ELBV2_TARGET_GROUPS = "elbv2/describe-target-groups.json";
  public static final String ELBV2_LISTENERS_DIR = "elbv2/listeners";
  public static final String ELBV2_RULES_DIR = "elbv2/rules";
  public static final String ELBV2_ATTRIBUTES_DIR = "elbv2/attributes";
  public static final String ELBV2_TG_ATTRIBUTES_DIR = "elbv2/target-group-attributes";
  public static final String ASG_GROUPS = "autoscaling/describe-auto-scaling-groups.json";
  public static final String ASG_POLICIES = "autoscaling/describe-policies.json";
  public static final String R53_ZONES = "route53/list-hosted-zones.json";
  public static final String R53_ZONE_RECORDS_DIR = "route53/zones";
  public static final String CAPTURE_META = "capture.json";

  /** Result key printed by each AWS CLI command we read, to recognise a file of the wrong shape. */
  public static final Map<String, String> RESULT_KEYS =
      Map.ofEntries(
          Map.entry("LoadBalancerDescriptions", "aws elb describe-load-balancers"),
          Map.entry("TagDescriptions", "aws elb describe-tags"),
          Map.entry("LoadBalancerAttributes", "aws elb describe-load-balancer-attributes"),
          Map.entry("AutoScalingGroups", "aws autoscaling describe-auto-scaling-groups"),
          Map.entry("ScalingPolicies", "aws autoscaling describe-policies"),
          Map.entry("HostedZones", "aws route53 list-hosted-zones"),
          Map.entry("ResourceRecordSets", "aws route53 list-resource-record-sets"),
          Map.entry("LoadBalancers", "aws elbv2 describe-load-balancers"),
          Map.entry("TargetGroups", "aws elbv2 describe-target-groups"),
          Map.entry("Listeners", "aws elbv2 describe-listeners"),
          Map.entry("Rules", "aws elbv2 describe-rules"),
          Map.entry("Attributes", "aws elbv2 describe-load-balancer-attributes"));

  public static String elbAttributes(String loadBalancerName) {
    return ELB_ATTRIBUTES_DIR + "/" + loadBalancerName + ".json";
  }

  public static String elbv2Listeners(String loadBalancerName) {
    return ELBV2_LISTENERS_DIR + "/" + loadBalancerName + ".json";
  }

  public static String elbv2Rules(String loadBalancerName, int port) {
    return ELBV2_RULES_DIR + "/" + loadBalancerName + "-" + port + ".json";
  }

  public static String elbv2Attributes(String loadBalancerName) {
    return ELBV2_ATTRIBUTES_DIR + "/" + loadBalancerName + ".json";
  }

  public static String targetGroupAttributes(String targetGroupName) {
    return ELBV2_TG_ATTRIBUTES_DIR + "/" + targetGroupName + ".json";
  }

  public static String zoneRecords(String bareZoneId) {
    return R53_ZONE_RECORDS_DIR + "/" + bareZoneId + ".json";
  }

  /** {@code /hostedzone/Z123} or {@code Z123} as {@code Z123}. */
  public static String bareZoneId(String id) {
    int slash = id.lastIndexOf('/');
    return slash >= 0 ? id.substring(slash + 1) : id;
  }
}
