package io.canary2k8s.discover;

import java.util.List;
import java.util.Map;

/**
 * The saved-AWS-CLI layout (docs/design.md, "Input: saved AWS CLI output"): which file holds which
 * command's output, and the result key each command prints. The capture script and the capture
 * reader both use it.
 */
public final class CaptureLayout {
  private CaptureLayout() {}

  public static final String ELB_LOAD_BALANCERS = "elb/describe-load-balancers.json";
  public static final String ELB_TAGS = "elb/describe-tags.json";
  public static final String ELB_ATTRIBUTES_DIR = "elb/attributes";
  public static final String ELB_POLICIES_DIR = "elb/policies";
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
  public static final String R53_ZONE_DETAILS_DIR = "route53/hosted-zones";
  public static final String CAPTURE_META = "capture.json";

  /** Result key printed by each AWS CLI command we read, to recognise a file of the wrong shape. */
  public static final Map<String, String> RESULT_KEYS =
      Map.ofEntries(
          Map.entry("LoadBalancerDescriptions", "aws elb describe-load-balancers"),
          Map.entry("TagDescriptions", "aws elb describe-tags"),
          Map.entry("LoadBalancerAttributes", "aws elb describe-load-balancer-attributes"),
          Map.entry("PolicyDescriptions", "aws elb describe-load-balancer-policies"),
          Map.entry("AutoScalingGroups", "aws autoscaling describe-auto-scaling-groups"),
          Map.entry("ScalingPolicies", "aws autoscaling describe-policies"),
          Map.entry("HostedZones", "aws route53 list-hosted-zones"),
          Map.entry("ResourceRecordSets", "aws route53 list-resource-record-sets"),
          Map.entry("HostedZone", "aws route53 get-hosted-zone"),
          Map.entry("LoadBalancers", "aws elbv2 describe-load-balancers"),
          Map.entry("TargetGroups", "aws elbv2 describe-target-groups"),
          Map.entry("Listeners", "aws elbv2 describe-listeners"),
          Map.entry("Rules", "aws elbv2 describe-rules"),
          Map.entry("Attributes", "aws elbv2 describe-load-balancer-attributes"));

  public static String elbAttributes(String loadBalancerName) {
    return ELB_ATTRIBUTES_DIR + "/" + loadBalancerName + ".json";
  }

  /**
   * Fields of a command's output that say more results follow: the paging tokens the AWS CLI drops
   * when it paginates by itself (its default), and the {@code NextToken} it adds with {@code
   * --max-items}. A token counts when it is a non-empty string ({@code IsTruncated} when true);
   * {@code Marker} in the output of {@code list-hosted-zones} says the page was not the first.
   */
  public static final List<String> PAGING_FIELDS =
      List.of(
          "NextToken",
          "NextMarker",
          "NextRecordName",
          "NextRecordType",
          "NextRecordIdentifier",
          "IsTruncated",
          "Marker");

  /** What a capture file holding one of {@link #PAGING_FIELDS} is told. */
  public static final String NOT_PAGINATED =
      "captured without auto-pagination (more results follow): rerun the AWS CLI without"
          + " --max-items / --no-paginate";

  public static String elbPolicies(String loadBalancerName) {
    return ELB_POLICIES_DIR + "/" + loadBalancerName + ".json";
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

  public static String zoneDetails(String bareZoneId) {
    return R53_ZONE_DETAILS_DIR + "/" + bareZoneId + ".json";
  }

  /** {@code /hostedzone/Z123} or {@code Z123} as {@code Z123}. */
  public static String bareZoneId(String id) {
    int slash = id.lastIndexOf('/');
    return slash >= 0 ? id.substring(slash + 1) : id;
  }
}
