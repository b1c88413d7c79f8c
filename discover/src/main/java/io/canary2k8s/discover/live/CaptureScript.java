package io.canary2k8s.discover.live;

/**
 * The bash script behind {@code canary2k8s capture-script}: for people who can run the AWS CLI
 * where the credentials are, but not this tool. It fills a directory in exactly the capture layout
 * (docs/design.md, "Input: saved AWS CLI output"; {@link io.canary2k8s.discover.CaptureLayout})
 * with the same read-only calls and page sizes live discovery makes, so that {@code discover
 * --from-aws-cli DIR} gives the inventory live discovery would.
 *
 * <p>The script needs bash (3.2 or later, so macOS's too) and the AWS CLI v1 or v2; no jq, no
 * python. Lists of names come from {@code --query ... --output text} (load balancer names and zone
 * ids cannot hold blanks); the tag batches are merged by cutting the first and last line of each
 * JSON array the CLI prints (both CLI versions indent by four).
 *
 * <p>Arguments: {@code [--region R] [--profile P] [--endpoint-url URL] DIR}. Each setting is taken
 * from the argument, else from the default baked in by {@link #render(String, String, String)},
 * else from the environment the AWS CLI reads itself ({@code AWS_REGION}/{@code
 * AWS_DEFAULT_REGION}, {@code AWS_PROFILE}, {@code AWS_ENDPOINT_URL}), else for the region from
 * {@code aws configure get region}. DIR must be new or empty.
 */
public final class CaptureScript {
  private CaptureScript() {}

  /** The script with no baked-in defaults. */
  public static String render() {
    return render(null, null, null);
  }

  /**
   * The script, with defaults the script's own arguments override.
   *
   * @param region default region, or null
   * @param profile default profile, or null
   * @param endpointUrl default endpoint for every service, or null
   */
  public static String render(String region, String profile, String endpointUrl) {
    return TEMPLATE
        .replace("@REGION@", shellQuote(region))
        .replace("@PROFILE@", shellQuote(profile))
        .replace("@ENDPOINT@", shellQuote(endpointUrl));
  }

  /** A single-quoted shell word; null and empty become {@code ''}. */
  static String shellQuote(String s) {
    if (s == null) {
      return "''";
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static final String TEMPLATE =
      """
      #!/usr/bin/env bash
      # canary2k8s capture script: saves the AWS CLI output that
      #   canary2k8s discover --from-aws-cli DIR
      # reads. It only reads: elb describe-load-balancers, describe-tags (20 names a call),
      # describe-load-balancer-attributes (one per load balancer), describe-load-balancer-policies
      # (one per load balancer whose back-end servers name policies); elbv2
      # describe-load-balancers, describe-target-groups, describe-listeners,
      # describe-load-balancer-attributes (one per load balancer), describe-rules (one per
      # listener), describe-target-group-attributes (one per target group); autoscaling
      # describe-auto-scaling-groups, describe-policies; route53 list-hosted-zones,
      # get-hosted-zone (one per private zone), list-resource-record-sets (one zone a call); sts
      # get-caller-identity. Every listing is paginated by the AWS CLI itself (no --max-items).
      # Launch configurations and templates (user data) are never read.
      # Needs bash and the AWS CLI (v1 or v2); nothing else.
      #
      # usage: bash capture.sh [--region REGION] [--profile PROFILE] [--endpoint-url URL] DIR
      # Each setting comes from the argument, else the default below, else the environment
      # (AWS_REGION or AWS_DEFAULT_REGION, AWS_PROFILE, AWS_ENDPOINT_URL). DIR must be new or empty.
      set -euo pipefail

      default_region=@REGION@
      default_profile=@PROFILE@
      default_endpoint=@ENDPOINT@

      usage() {
        echo "usage: bash capture.sh [--region REGION] [--profile PROFILE] [--endpoint-url URL] DIR"
      }
      die() {
        printf 'capture: %s\\n' "$*" >&2
        exit 2
      }

      region=""
      profile=""
      endpoint=""
      dir=""
      while [ "$#" -gt 0 ]; do
        case "$1" in
          --region|--profile|--endpoint-url)
            if [ "$#" -lt 2 ]; then die "$1 needs a value"; fi
            case "$1" in
              --region) region="$2" ;;
              --profile) profile="$2" ;;
              --endpoint-url) endpoint="$2" ;;
            esac
            shift 2 ;;
          --region=*) region="${1#*=}"; shift ;;
          --profile=*) profile="${1#*=}"; shift ;;
          --endpoint-url=*) endpoint="${1#*=}"; shift ;;
          -h|--help) usage; exit 0 ;;
          --) shift; if [ "$#" -gt 0 ]; then dir="$1"; shift; fi ;;
          -*) usage >&2; die "unknown option: $1" ;;
          *)
            if [ -n "$dir" ]; then die "only one DIR, got '$dir' and '$1'"; fi
            dir="$1"; shift ;;
        esac
      done
      if [ -z "$dir" ]; then usage >&2; exit 2; fi

      if [ -z "$region" ]; then region="$default_region"; fi
      if [ -z "$profile" ]; then profile="$default_profile"; fi
      if [ -z "$endpoint" ]; then endpoint="$default_endpoint"; fi
      export AWS_PAGER=""

      opts=()
      if [ -n "$profile" ]; then opts+=(--profile "$profile"); fi
      if [ -z "$region" ]; then region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"; fi
      if [ -z "$region" ]; then
        region="$(aws configure get region ${opts[@]+"${opts[@]}"} 2>/dev/null || true)"
      fi
      if [ -z "$region" ]; then die "no region: pass --region REGION or set AWS_REGION"; fi
      opts+=(--region "$region")
      if [ -n "$endpoint" ]; then opts+=(--endpoint-url "$endpoint"); fi

      if [ -e "$dir" ] && [ ! -d "$dir" ]; then die "'$dir' exists and is not a directory"; fi
      if [ -d "$dir" ] && [ -n "$(ls -A -- "$dir")" ]; then die "'$dir' is not empty"; fi
      mkdir -p -- "$dir/elb/attributes" "$dir/autoscaling" "$dir/route53/zones"
      trap 'echo "capture: a call failed; $dir is incomplete" >&2' ERR

      # save FILE aws-args...: the command's JSON output, written whole or not at all
      save() {
        local out="$1"
        shift
        aws "$@" "${opts[@]}" --output json > "$out.part"
        mv -f -- "$out.part" "$out"
      }
      # words aws-args...: the command's text output, one word a line
      words() {
        aws "$@" "${opts[@]}" --output text | tr '\\t' '\\n' | sed -e '/^$/d'
      }
      json_string() {
        local s="$1"
        s="${s//\\\\/\\\\\\\\}"
        s="${s//\\"/\\\\\\"}"
        printf '"%s"' "$s"
      }
      safe_name() {
        case "$1" in
          ""|.|..|*/*|*\\\\*) die "'$1' cannot name a file in the capture" ;;
        esac
      }

      account="$(aws sts get-caller-identity "${opts[@]}" --query Account --output text)"
      captured_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
      {
        printf '{\\n'
        printf '    "region": %s,\\n' "$(json_string "$region")"
        printf '    "accountId": %s,\\n' "$(json_string "$account")"
        printf '    "capturedAt": %s\\n' "$(json_string "$captured_at")"
        printf '}\\n'
      } > "$dir/capture.json"

      # ---- classic ELB
      save "$dir/elb/describe-load-balancers.json" elb describe-load-balancers --page-size 400
      names_text="$(words elb describe-load-balancers --page-size 400 \\
        --query 'LoadBalancerDescriptions[].LoadBalancerName')"
      lb_names=()
      while IFS= read -r name; do
        if [ -n "$name" ]; then lb_names+=("$name"); fi
      done <<EOT
      $names_text
      EOT
      lb_count=${#lb_names[@]}
      tags_file="$dir/elb/describe-tags.json"
      {
        printf '{\\n    "TagDescriptions": [\\n'
        first=1
        i=0
        while [ "$i" -lt "$lb_count" ]; do
          part="$(aws elb describe-tags --load-balancer-names "${lb_names[@]:$i:20}" \\
            "${opts[@]}" --output json --query 'TagDescriptions')"
          if [ "$part" != "[]" ]; then
            if [ "$first" -eq 0 ]; then printf ',\\n'; fi
            printf '%s\\n' "$part" | sed -e '1d' -e '$d'
            first=0
          fi
          i=$((i + 20))
        done
        printf '    ]\\n}\\n'
      } > "$tags_file.part"
      mv -f -- "$tags_file.part" "$tags_file"
      i=0
      while [ "$i" -lt "$lb_count" ]; do
        name="${lb_names[$i]}"
        safe_name "$name"
        save "$dir/elb/attributes/$name.json" \\
          elb describe-load-balancer-attributes --load-balancer-name "$name"
        i=$((i + 1))
      done
      # the policies (a ProxyProtocol policy's type) of load balancers whose back-end servers name any
      mkdir -p -- "$dir/elb/policies"
      backend_text="$(words elb describe-load-balancers --page-size 400 \\
        --query 'LoadBalancerDescriptions[?length(BackendServerDescriptions[].PolicyNames[]) > `0`].LoadBalancerName')"
      while IFS= read -r name; do
        if [ -z "$name" ]; then continue; fi
        safe_name "$name"
        save "$dir/elb/policies/$name.json" \\
          elb describe-load-balancer-policies --load-balancer-name "$name"
      done <<EOT
      $backend_text
      EOT

      # ---- ELBv2 (ALB/NLB)
      mkdir -p -- "$dir/elbv2/listeners" "$dir/elbv2/rules" "$dir/elbv2/attributes" \\
        "$dir/elbv2/target-group-attributes"
      save "$dir/elbv2/describe-load-balancers.json" elbv2 describe-load-balancers --page-size 400
      save "$dir/elbv2/describe-target-groups.json" elbv2 describe-target-groups --page-size 400
      tab="$(printf '\\t')"
      # pairs aws-args...: the command's text output, two tab-separated columns a line
      pairs() {
        aws "$@" "${opts[@]}" --output text | sed -e '/^$/d'
      }
      v2_text="$(pairs elbv2 describe-load-balancers --page-size 400 \\
        --query 'LoadBalancers[].[LoadBalancerName,LoadBalancerArn]')"
      while IFS="$tab" read -r name arn; do
        if [ -z "$name" ]; then continue; fi
        safe_name "$name"
        save "$dir/elbv2/listeners/$name.json" \\
          elbv2 describe-listeners --load-balancer-arn "$arn" --page-size 400
        save "$dir/elbv2/attributes/$name.json" \\
          elbv2 describe-load-balancer-attributes --load-balancer-arn "$arn"
        listeners_text="$(pairs elbv2 describe-listeners --load-balancer-arn "$arn" --page-size 400 \\
          --query 'Listeners[].[Port,ListenerArn]')"
        while IFS="$tab" read -r port listener; do
          if [ -z "$port" ]; then continue; fi
          save "$dir/elbv2/rules/$name-$port.json" \\
            elbv2 describe-rules --listener-arn "$listener" --page-size 400
        done <<EOT
      $listeners_text
      EOT
      done <<EOT
      $v2_text
      EOT
      tg_text="$(pairs elbv2 describe-target-groups --page-size 400 \\
        --query 'TargetGroups[].[TargetGroupName,TargetGroupArn]')"
      while IFS="$tab" read -r name arn; do
        if [ -z "$name" ]; then continue; fi
        safe_name "$name"
        save "$dir/elbv2/target-group-attributes/$name.json" \\
          elbv2 describe-target-group-attributes --target-group-arn "$arn"
      done <<EOT
      $tg_text
      EOT

      # ---- Auto Scaling
      save "$dir/autoscaling/describe-auto-scaling-groups.json" \\
        autoscaling describe-auto-scaling-groups --page-size 100
      save "$dir/autoscaling/describe-policies.json" autoscaling describe-policies --page-size 100

      # ---- Route53
      save "$dir/route53/list-hosted-zones.json" route53 list-hosted-zones --page-size 100
      # the VPCs of private zones
      mkdir -p -- "$dir/route53/hosted-zones"
      private_text="$(words route53 list-hosted-zones --page-size 100 \\
        --query 'HostedZones[?Config.PrivateZone].Id')"
      while IFS= read -r zone; do
        if [ -z "$zone" ]; then continue; fi
        zone_id="${zone##*/}"
        safe_name "$zone_id"
        save "$dir/route53/hosted-zones/$zone_id.json" route53 get-hosted-zone --id "$zone_id"
      done <<EOT
      $private_text
      EOT
      zones_text="$(words route53 list-hosted-zones --page-size 100 --query 'HostedZones[].Id')"
      while IFS= read -r zone; do
        if [ -z "$zone" ]; then continue; fi
        zone_id="${zone##*/}"
        safe_name "$zone_id"
        save "$dir/route53/zones/$zone_id.json" \\
          route53 list-resource-record-sets --hosted-zone-id "$zone_id" --page-size 300
      done <<EOT
      $zones_text
      EOT

      echo "capture: wrote $dir (region $region, account $account)" >&2
      """;
}
