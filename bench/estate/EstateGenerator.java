import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deterministic synthetic AWS estate, written as saved AWS CLI output (the layout of README.md
 * "Input: saved AWS CLI output"), for the scale benchmarks (BENCHMARKS.md).
 *
 * <p>Usage (single-file program, no dependencies; JDK 17):
 *
 * <pre>
 *   java bench/estate/EstateGenerator.java --apps 1000 [--seed 7] [--scale-out K] --out /tmp/estate-1000
 * </pre>
 *
 * <p>{@code --scale-out K}: app K's stable ASG has one instance more (desired, and max where it was
 * reached), everything else as without it: the capture of the same estate after one app scaled out,
 * for reruns onto a bundle after a small change (bench/scale/ab.sh {@code ONTO}).
 *
 * <p>Same seed and N, same bytes: every value comes from a SplitMix64 stream seeded by (seed, app
 * index), every collection is ordered, numbers are formatted without locale. App i is the same in
 * every estate of the same seed, so the N=1,000 estate is a prefix of the N=10,000 one (the zone
 * files of the last partial zone aside).
 *
 * <p>Per app: a main classic ELB and, for some apps, a canary ELB of its own; a stable ASG and one
 * canary ASG (sometimes two, sometimes at desired 0); cross-zone on, off, or not captured; HTTP,
 * HTTP+HTTPS, or HTTPS-only listeners (a few with an extra TCP listener); HTTP, TCP or SSL health
 * checks; CNAME or alias A (sometimes A+AAAA, dualstack) records, weighted record pairs for some;
 * odd names (upper-case ELB names, underscores and long names in ASG names and app tags). About a
 * quarter of the apps sit behind an ALB instead: the stable and canary ASGs feed two target groups
 * (the ASGs' TargetGroupARNs) and the default rule forwards to them with weights (ForwardConfig),
 * cross-zone off on the canary group for some, HTTP redirected to HTTPS where both listen, and a
 * path rule to the stable group for some. The ALB choices are drawn last per app, so that every
 * other value of an app comes from the same draws whether or not the app is behind an ALB.
 */
public final class EstateGenerator {
  static final String REGION = "eu-west-1";
  static final String ACCOUNT = "123456789012";
  static final String ELB_ZONE_ID = "Z32O12XQLNTSW2"; // eu-west-1 classic ELB canonical zone
  static final String ALB_ZONE_ID =
      "Z32O12XQLNTSW2"; // eu-west-1 ALB canonical zone (the same there)
  static final int APPS_PER_ZONE = 100;
  static final String[] WORDS = {
    "orders", "checkout", "search", "payments", "catalog", "users", "auth", "cart", "inventory",
    "shipping", "billing", "reports", "media", "notify", "pricing", "reviews", "gateway", "ledger"
  };
  static final String[] AZ = {REGION + "a", REGION + "b", REGION + "c"};

  public static void main(String[] args) throws IOException {
    int apps = -1;
    long seed = 7;
    Path out = null;
    int scaleOut = -1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--apps" -> apps = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--scale-out" -> scaleOut = Integer.parseInt(args[++i]);
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (apps < 1 || out == null) {
      usage("--apps N (N >= 1) and --out DIR are required");
    }
    if (scaleOut >= apps) {
      usage("--scale-out K needs 0 <= K < N");
    }
    Stats s = generate(apps, seed, scaleOut, out);
    System.err.println("wrote " + out + ": " + s);
  }

  static void usage(String why) {
    System.err.println("EstateGenerator: " + why);
    System.err.println(
        "usage: java bench/estate/EstateGenerator.java --apps N [--seed S] [--scale-out K] --out DIR");
    System.exit(2);
  }

  record Stats(int apps, int elbs, int asgs, int instances, int records, int zones) {}

  // ---- the model -----------------------------------------------------------------------------

  /** One app's AWS side, drawn from its own random stream. */
  static final class App {
    final int index;
    final String base; // lower-case word-based name
    String mainElb;
    String canaryElb; // null: none
    String mainDns;
    String canaryDns;
    Boolean crossZone; // null: attributes not captured
    Integer draining;
    boolean http = true;
    boolean https;
    boolean tcp;
    String healthTarget;
    int instancePort;
    List<Group> groups = new ArrayList<>();
    String appTag; // canary2k8s.io/app on the main ELB, or null
    String host;
    String canaryHost; // a name of the canary ELB, or null
    boolean alias;
    boolean aaaa;
    int[] weights; // weighted pair main/canary ELB, or null
    String team;
    boolean alb; // behind an ALB (mainElb is its name) instead of classic ELBs
    int[] tgWeights; // ForwardConfig weights stable/canary target group
    boolean canaryTgCrossZoneOff;
    boolean pathRule; // a /static/* rule forwarding to the stable target group only

    App(int index, String base) {
      this.index = index;
      this.base = base;
    }
  }

  static final class Group {
    String name;
    int min;
    int max;
    int desired;
    List<String> zones;
    List<String> lbs = new ArrayList<>();
    boolean stableTag;
    String image;
    boolean cpuPolicy;
    int cpuTarget;
    int notServing; // instances of desired that are Pending / Unhealthy
    List<String[]> instances = new ArrayList<>(); // id, az, state, health
    String targetGroup; // ALB apps: the target group this ASG feeds
  }

  static App draw(long seed, int i) {
    Rng r = new Rng(seed * 0x9E3779B97F4A7C15L + i);
    String word = WORDS[r.nextInt(WORDS.length)];
    String base = String.format(Locale.ROOT, "%s-%05d", word, i);
    App a = new App(i, base);
    // names: ELB names are [A-Za-z0-9-]{1,32}; some are upper case
    int nameKind = r.nextInt(100);
    String elbBase =
        nameKind < 10 ? base.toUpperCase(Locale.ROOT) : nameKind < 15 ? "Svc-" + base : base;
    a.mainElb = elbBase;
    boolean canaryElb = r.nextInt(100) < 40;
    if (canaryElb) {
      a.canaryElb =
          (elbBase + "-cnry").length() <= 32
              ? elbBase + "-cnry"
              : elbBase.substring(0, 27) + "-cnry";
    }
    a.mainDns = dnsName(a.mainElb, r);
    a.canaryDns = canaryElb ? dnsName(a.canaryElb, r) : null;
    // attributes
    int cz = r.nextInt(100);
    a.crossZone = cz < 60 ? Boolean.TRUE : cz < 85 ? Boolean.FALSE : null;
    a.draining = r.nextInt(100) < 70 ? 10 * (1 + r.nextInt(30)) : null;
    // listeners and health check
    a.instancePort = new int[] {8080, 8000, 3000, 9000, 80}[r.nextInt(5)];
    int lk = r.nextInt(100);
    a.https = lk < 40 || lk >= 95;
    a.http = lk < 95;
    a.tcp = r.nextInt(100) < 3;
    int hk = r.nextInt(100);
    a.healthTarget =
        hk < 75
            ? "HTTP:"
                + a.instancePort
                + new String[] {"/health", "/status", "/", "/ping"}[r.nextInt(4)]
            : hk < 95 ? "TCP:" + a.instancePort : "SSL:" + a.instancePort;
    a.team = new String[] {"api", "web", "data", "platform", "payments"}[r.nextInt(5)];
    // app tag: sometimes odd (underscores, long)
    int tk = r.nextInt(100);
    a.appTag =
        tk < 30
            ? null
            : tk < 40
                ? word.toUpperCase(Locale.ROOT)
                    + "_"
                    + String.format(Locale.ROOT, "%05d", i)
                    + "_svc"
                : tk < 45
                    ? "the-"
                        + word
                        + "-service-of-the-"
                        + a.team
                        + "-team-number-"
                        + i
                        + "-in-production"
                    : base;
    // groups: stable + canary (+ a second canary for some)
    int zoneCount = 2 + r.nextInt(2);
    List<String> zones = new ArrayList<>(List.of(AZ).subList(0, zoneCount));
    Group stable = new Group();
    String gk = nameKind < 10 ? "_" : "-";
    stable.name =
        r.nextInt(100) < 5
            ? base
                + gk
                + "main"
                + gk
                + "autoscaling-group-for-the-"
                + a.team
                + "-team-in-"
                + REGION
                + "-production-stack"
            : base + gk + "main";
    stable.desired = 2 + r.nextInt(11);
    stable.min = Math.max(1, stable.desired - r.nextInt(3));
    stable.max = r.nextInt(100) < 10 ? stable.desired : stable.desired * (1 + r.nextInt(3));
    stable.min = Math.min(stable.min, stable.max);
    stable.zones = zones;
    stable.lbs.add(a.mainElb);
    stable.stableTag = r.nextInt(100) < 30;
    stable.image =
        r.nextInt(100) < 50 ? "registry.example.com/" + word + ":" + (1 + r.nextInt(300)) : null;
    stable.cpuPolicy = r.nextInt(100) < 50;
    stable.cpuTarget = 40 + 5 * r.nextInt(9);
    stable.notServing = r.nextInt(100) < 5 ? 1 : 0;
    a.groups.add(stable);
    int canaries = r.nextInt(100) < 10 ? 2 : 1;
    for (int c = 0; c < canaries; c++) {
      Group g = new Group();
      g.name = base + gk + (canaries == 1 ? "canary" : "canary" + gk + (c + 1));
      boolean atZero = r.nextInt(100) < 15;
      g.desired = atZero ? 0 : 1 + r.nextInt(2);
      g.min = 0;
      g.max = Math.max(g.desired, 2);
      // a canary in one zone for some apps (what makes cross-zone off matter)
      g.zones = r.nextInt(100) < 30 ? List.of(zones.get(r.nextInt(zones.size()))) : zones;
      g.lbs.add(a.mainElb);
      if (a.canaryElb != null && c == 0) {
        g.lbs.add(a.canaryElb);
      }
      g.image = stable.image != null && r.nextInt(100) < 80 ? stable.image + "-rc" : null;
      a.groups.add(g);
    }
    for (Group g : a.groups) {
      for (int k = 0; k < g.desired; k++) {
        instance(a, g, k);
      }
    }
    // DNS
    a.host =
        (nameKind < 10 ? base.toUpperCase(Locale.ROOT) : base) + "." + zoneName(i / APPS_PER_ZONE);
    a.alias = r.nextInt(100) < 50;
    a.aaaa = a.alias && r.nextInt(100) < 30;
    if (a.canaryElb != null) {
      int wk = r.nextInt(100);
      if (wk < 50) {
        a.weights = new int[][] {{9, 1}, {95, 5}, {3, 1}, {100, 0}, {1, 1}}[r.nextInt(5)];
      } else {
        a.canaryHost = base + "-canary." + zoneName(i / APPS_PER_ZONE);
      }
    }
    // ALB apps: drawn last, so that the classic apps do not change
    if (r.nextInt(100) < 25) {
      a.alb = true;
      String albBase = elbBase.length() > 28 ? elbBase.substring(0, 28) : elbBase;
      a.mainElb = albBase + "-alb";
      a.mainDns = dnsName(a.mainElb, r);
      a.canaryElb = null;
      a.canaryDns = null;
      a.canaryHost = null;
      a.weights = null;
      a.tcp = false;
      a.tgWeights = new int[][] {{9, 1}, {95, 5}, {3, 1}, {100, 0}, {1, 1}, {99, 1}}[r.nextInt(6)];
      a.canaryTgCrossZoneOff = r.nextInt(100) < 30;
      a.pathRule = r.nextInt(100) < 20;
      for (Group g : a.groups) {
        g.lbs.clear();
        g.targetGroup = albBase + (g == stable ? "-stable" : "-cnry");
      }
    }
    return a;
  }

  static String dnsName(String elb, Rng r) {
    return elb.toLowerCase(Locale.ROOT)
        + "-"
        + (1_000_000_000L + r.nextLong(9_000_000_000L))
        + "."
        + REGION
        + ".elb.amazonaws.com";
  }

  static String zoneName(int z) {
    return String.format(Locale.ROOT, "zone%04d.example.com", z);
  }

  static String zoneId(int z) {
    return String.format(Locale.ROOT, "Z%013dBENCH", z);
  }

  /** Instance k of group g of app a: its id, zone and state follow from k. */
  static void instance(App a, Group g, int k) {
    String id =
        String.format(
            Locale.ROOT,
            "i-%017x",
            ((long) a.index << 24) | ((long) a.groups.indexOf(g) << 16) | k);
    String az = g.zones.get(k % g.zones.size());
    boolean bad = k < g.notServing;
    g.instances.add(
        new String[] {id, az, bad ? "Pending" : "InService", bad ? "Unhealthy" : "Healthy"});
  }

  /** One instance more in g: a scale-out by one. */
  static void addInstance(App a, Group g) {
    g.desired++;
    g.max = Math.max(g.max, g.desired);
    instance(a, g, g.desired - 1);
  }

  // ---- the capture ---------------------------------------------------------------------------

  static Stats generate(int n, long seed, int scaleOut, Path out) throws IOException {
    List<App> apps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      apps.add(draw(seed, i));
    }
    if (scaleOut >= 0) {
      addInstance(apps.get(scaleOut), apps.get(scaleOut).groups.get(0));
    }
    Files.createDirectories(out.resolve("elb/attributes"));
    Files.createDirectories(out.resolve("autoscaling"));
    Files.createDirectories(out.resolve("route53/zones"));
    Map<String, Object> meta = obj();
    meta.put("region", REGION);
    meta.put("accountId", ACCOUNT);
    meta.put("capturedAt", "2026-11-26T00:00:00Z");
    write(out.resolve("capture.json"), meta);

    // ELBs
    List<Object> lbs = new ArrayList<>();
    List<Object> tags = new ArrayList<>();
    int elbCount = 0;
    int instanceCount = 0;
    for (App a : apps) {
      if (a.alb) {
        continue;
      }
      for (String lb : a.canaryElb == null ? List.of(a.mainElb) : List.of(a.mainElb, a.canaryElb)) {
        elbCount++;
        boolean canary = lb.equals(a.canaryElb);
        List<Group> behind = a.groups.stream().filter(g -> g.lbs.contains(lb)).toList();
        Map<String, Object> d = obj();
        String dns = canary ? a.canaryDns : a.mainDns;
        d.put("LoadBalancerName", lb);
        d.put("DNSName", dns);
        d.put("CanonicalHostedZoneName", dns);
        d.put("CanonicalHostedZoneNameID", ELB_ZONE_ID);
        List<Object> listeners = new ArrayList<>();
        if (a.http) {
          listeners.add(listener("HTTP", 80, "HTTP", a.instancePort, null));
        }
        if (a.https) {
          listeners.add(
              listener(
                  "HTTPS",
                  443,
                  "HTTP",
                  a.instancePort,
                  "arn:aws:acm:" + REGION + ":" + ACCOUNT + ":certificate/" + uuid(seed, a.index)));
        }
        if (a.tcp && !canary) {
          listeners.add(listener("TCP", 5000, "TCP", 5000, null));
        }
        d.put("ListenerDescriptions", listeners);
        Map<String, Object> pol = obj();
        pol.put("AppCookieStickinessPolicies", List.of());
        pol.put("LBCookieStickinessPolicies", List.of());
        pol.put(
            "OtherPolicies", a.https ? List.of("ELBSecurityPolicy-TLS-1-2-2017-01") : List.of());
        d.put("Policies", pol);
        d.put("BackendServerDescriptions", List.of());
        List<String> zones = a.groups.get(0).zones;
        d.put("AvailabilityZones", zones);
        List<String> subnets = new ArrayList<>();
        for (int z = 0; z < zones.size(); z++) {
          subnets.add(String.format(Locale.ROOT, "subnet-%08x", 0x10000 * z + a.index % 0x10000));
        }
        d.put("Subnets", subnets);
        d.put("VPCId", "vpc-0bench000000000");
        List<Object> inst = new ArrayList<>();
        for (Group g : behind) {
          for (String[] x : g.instances) {
            inst.add(Map.of("InstanceId", x[0]));
          }
        }
        d.put("Instances", inst);
        Map<String, Object> hc = obj();
        hc.put("Target", a.healthTarget);
        hc.put("Interval", 10 + 5 * (a.index % 4));
        hc.put("Timeout", 5);
        hc.put("UnhealthyThreshold", 2);
        hc.put("HealthyThreshold", 3 + a.index % 5);
        d.put("HealthCheck", hc);
        Map<String, Object> sg = obj();
        sg.put("OwnerAlias", "amazon-elb");
        sg.put("GroupName", "amazon-elb-sg");
        d.put("SourceSecurityGroup", sg);
        d.put("SecurityGroups", List.of("sg-0bench0000000000"));
        d.put("CreatedTime", "2019-04-01T10:00:00.000Z");
        d.put("Scheme", "internet-facing");
        lbs.add(d);

        Map<String, Object> td = obj();
        td.put("LoadBalancerName", lb);
        List<Object> tl = new ArrayList<>();
        tl.add(tag("team", a.team));
        if (!canary && a.appTag != null) {
          tl.add(tag("canary2k8s.io/app", a.appTag));
        }
        td.put("Tags", tl);
        tags.add(td);

        if (a.crossZone != null) {
          Map<String, Object> at = obj();
          at.put("CrossZoneLoadBalancing", Map.of("Enabled", a.crossZone));
          at.put("AccessLog", Map.of("Enabled", false));
          Map<String, Object> cd = obj();
          cd.put("Enabled", a.draining != null);
          cd.put("Timeout", a.draining != null ? a.draining : 300);
          at.put("ConnectionDraining", cd);
          at.put("ConnectionSettings", Map.of("IdleTimeout", 60));
          List<Object> add = new ArrayList<>();
          add.add(tag("elb.http.desyncmitigationmode", "defensive"));
          at.put("AdditionalAttributes", add);
          write(
              out.resolve("elb/attributes/" + lb + ".json"), Map.of("LoadBalancerAttributes", at));
        }
      }
    }
    write(out.resolve("elb/describe-load-balancers.json"), Map.of("LoadBalancerDescriptions", lbs));
    write(out.resolve("elb/describe-tags.json"), Map.of("TagDescriptions", tags));
    elbCount += albs(apps, seed, out);

    // Auto Scaling
    List<Object> groups = new ArrayList<>();
    List<Object> policies = new ArrayList<>();
    int asgCount = 0;
    for (App a : apps) {
      for (Group g : a.groups) {
        asgCount++;
        String arn =
            "arn:aws:autoscaling:"
                + REGION
                + ":"
                + ACCOUNT
                + ":autoScalingGroup:"
                + uuid(seed, a.index * 8L + asgCount % 8)
                + ":autoScalingGroupName/"
                + g.name;
        Map<String, Object> d = obj();
        d.put("AutoScalingGroupName", g.name);
        d.put("AutoScalingGroupARN", arn);
        Map<String, Object> lt = obj();
        lt.put("LaunchTemplateId", String.format(Locale.ROOT, "lt-%017x", a.index));
        lt.put("LaunchTemplateName", a.base);
        lt.put("Version", Integer.toString(1 + a.index % 50));
        d.put("LaunchTemplate", lt);
        d.put("MinSize", g.min);
        d.put("MaxSize", g.max);
        d.put("DesiredCapacity", g.desired);
        d.put("DefaultCooldown", 300);
        d.put("AvailabilityZones", g.zones);
        d.put("LoadBalancerNames", g.lbs);
        d.put(
            "TargetGroupARNs",
            g.targetGroup == null ? List.of() : List.of(tgArn(seed, a, g.targetGroup)));
        d.put("HealthCheckType", "ELB");
        d.put("HealthCheckGracePeriod", 120);
        List<Object> inst = new ArrayList<>();
        for (String[] x : g.instances) {
          instanceCount++;
          Map<String, Object> id = obj();
          id.put("InstanceId", x[0]);
          id.put("InstanceType", "c5.large");
          id.put("AvailabilityZone", x[1]);
          id.put("LifecycleState", x[2]);
          id.put("HealthStatus", x[3]);
          id.put("LaunchTemplate", lt);
          id.put("ProtectedFromScaleIn", false);
          inst.add(id);
        }
        d.put("Instances", inst);
        d.put("CreatedTime", "2019-04-01T10:00:00.000Z");
        d.put("SuspendedProcesses", List.of());
        d.put("VPCZoneIdentifier", "subnet-0bench");
        d.put("EnabledMetrics", List.of());
        List<Object> tl = new ArrayList<>();
        tl.add(asgTag(g.name, "Name", a.base));
        if (g.stableTag) {
          tl.add(asgTag(g.name, "canary2k8s.io/track", "stable"));
        }
        if (g.image != null) {
          tl.add(asgTag(g.name, "canary2k8s.io/image", g.image));
        }
        d.put("Tags", tl);
        d.put("TerminationPolicies", List.of("Default"));
        d.put("NewInstancesProtectedFromScaleIn", false);
        d.put(
            "ServiceLinkedRoleARN",
            "arn:aws:iam::"
                + ACCOUNT
                + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");
        groups.add(d);
        if (g.cpuPolicy) {
          Map<String, Object> p = obj();
          p.put("AutoScalingGroupName", g.name);
          p.put("PolicyName", "cpu" + g.cpuTarget);
          p.put(
              "PolicyARN",
              "arn:aws:autoscaling:"
                  + REGION
                  + ":"
                  + ACCOUNT
                  + ":scalingPolicy:"
                  + uuid(seed, -1 - a.index)
                  + ":autoScalingGroupName/"
                  + g.name
                  + ":policyName/cpu"
                  + g.cpuTarget);
          p.put("PolicyType", "TargetTrackingScaling");
          p.put("StepAdjustments", List.of());
          p.put("Alarms", List.of());
          Map<String, Object> tt = obj();
          tt.put(
              "PredefinedMetricSpecification",
              Map.of("PredefinedMetricType", "ASGAverageCPUUtilization"));
          tt.put("TargetValue", (double) g.cpuTarget);
          tt.put("DisableScaleIn", false);
          p.put("TargetTrackingConfiguration", tt);
          p.put("Enabled", true);
          policies.add(p);
        }
      }
    }
    write(
        out.resolve("autoscaling/describe-auto-scaling-groups.json"),
        Map.of("AutoScalingGroups", groups));
    write(out.resolve("autoscaling/describe-policies.json"), Map.of("ScalingPolicies", policies));

    // Route53: one public zone per 100 apps
    int zoneCount = (n + APPS_PER_ZONE - 1) / APPS_PER_ZONE;
    List<Object> zones = new ArrayList<>();
    int recordCount = 0;
    for (int z = 0; z < zoneCount; z++) {
      Map<String, Object> hz = obj();
      hz.put("Id", "/hostedzone/" + zoneId(z));
      hz.put("Name", zoneName(z) + ".");
      hz.put("CallerReference", "bench-" + z);
      Map<String, Object> cfg = obj();
      cfg.put("Comment", "benchmark zone " + z);
      cfg.put("PrivateZone", false);
      hz.put("Config", cfg);
      List<Object> rrs = new ArrayList<>();
      Map<String, Object> ns = obj();
      ns.put("Name", zoneName(z) + ".");
      ns.put("Type", "NS");
      ns.put("TTL", 172800);
      ns.put(
          "ResourceRecords",
          List.of(
              Map.of("Value", "ns-1536.awsdns-00.co.uk."), Map.of("Value", "ns-0.awsdns-00.com.")));
      rrs.add(ns);
      Map<String, Object> soa = obj();
      soa.put("Name", zoneName(z) + ".");
      soa.put("Type", "SOA");
      soa.put("TTL", 900);
      soa.put(
          "ResourceRecords",
          List.of(
              Map.of(
                  "Value",
                  "ns-1536.awsdns-00.co.uk. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400")));
      rrs.add(soa);
      for (int i = z * APPS_PER_ZONE; i < Math.min(n, (z + 1) * APPS_PER_ZONE); i++) {
        App a = apps.get(i);
        if (a.weights != null) {
          rrs.addAll(records(a, a.host, a.mainDns, "stable", (long) a.weights[0]));
          rrs.addAll(records(a, a.host, a.canaryDns, "canary", (long) a.weights[1]));
        } else {
          rrs.addAll(records(a, a.host, a.mainDns, null, null));
        }
        if (a.canaryHost != null) {
          rrs.addAll(records(a, a.canaryHost, a.canaryDns, null, null));
        }
        // an unrelated record, as real zones have
        Map<String, Object> txt = obj();
        txt.put("Name", "_verify." + a.base + "." + zoneName(z) + ".");
        txt.put("Type", "TXT");
        txt.put("TTL", 300);
        txt.put("ResourceRecords", List.of(Map.of("Value", "\"v=bench " + a.index + "\"")));
        rrs.add(txt);
      }
      recordCount += rrs.size();
      hz.put("ResourceRecordSetCount", rrs.size());
      zones.add(hz);
      write(out.resolve("route53/zones/" + zoneId(z) + ".json"), Map.of("ResourceRecordSets", rrs));
    }
    write(out.resolve("route53/list-hosted-zones.json"), Map.of("HostedZones", zones));
    return new Stats(n, elbCount, asgCount, instanceCount, recordCount, zoneCount);
  }

  // ---- ALBs -------------------------------------------------------------------------------------

  static String lbId(long seed, App a) {
    return uuid(seed, 1_000_000L + a.index).replace("-", "").substring(0, 16);
  }

  static String albArn(long seed, App a) {
    return "arn:aws:elasticloadbalancing:"
        + REGION
        + ":"
        + ACCOUNT
        + ":loadbalancer/app/"
        + a.mainElb
        + "/"
        + lbId(seed, a);
  }

  static String tgArn(long seed, App a, String tg) {
    return "arn:aws:elasticloadbalancing:"
        + REGION
        + ":"
        + ACCOUNT
        + ":targetgroup/"
        + tg
        + "/"
        + uuid(seed, 2_000_000L + tg.hashCode()).replace("-", "").substring(0, 16);
  }

  /** The elbv2/ files of the ALB apps; returns how many ALBs there are. */
  static int albs(List<App> apps, long seed, Path out) throws IOException {
    List<Object> lbs = new ArrayList<>();
    List<Object> tgs = new ArrayList<>();
    int count = 0;
    for (App a : apps) {
      if (!a.alb) {
        continue;
      }
      if (count++ == 0) {
        for (String dir : List.of("listeners", "rules", "attributes", "target-group-attributes")) {
          Files.createDirectories(out.resolve("elbv2/" + dir));
        }
      }
      String arn = albArn(seed, a);
      List<String> zones = a.groups.get(0).zones;
      Map<String, Object> lb = obj();
      lb.put("LoadBalancerArn", arn);
      lb.put("DNSName", a.mainDns);
      lb.put("CanonicalHostedZoneId", ALB_ZONE_ID);
      lb.put("CreatedTime", "2021-03-01T10:00:00.000Z");
      lb.put("LoadBalancerName", a.mainElb);
      lb.put("Scheme", "internet-facing");
      lb.put("VpcId", "vpc-0bench000000000");
      lb.put("State", Map.of("Code", "active"));
      lb.put("Type", "application");
      List<Object> azs = new ArrayList<>();
      for (int z = 0; z < zones.size(); z++) {
        Map<String, Object> az = obj();
        az.put("ZoneName", zones.get(z));
        az.put(
            "SubnetId", String.format(Locale.ROOT, "subnet-%08x", 0x10000 * z + a.index % 0x10000));
        az.put("LoadBalancerAddresses", List.of());
        azs.add(az);
      }
      lb.put("AvailabilityZones", azs);
      lb.put("SecurityGroups", List.of("sg-0bench0000000000"));
      lb.put("IpAddressType", "ipv4");
      lbs.add(lb);

      String stable = a.groups.get(0).targetGroup;
      String canary = a.groups.get(1).targetGroup;
      for (String tg : List.of(stable, canary)) {
        Map<String, Object> t = obj();
        t.put("TargetGroupArn", tgArn(seed, a, tg));
        t.put("TargetGroupName", tg);
        t.put("Protocol", "HTTP");
        t.put("Port", a.instancePort);
        t.put("VpcId", "vpc-0bench000000000");
        t.put("HealthCheckProtocol", "HTTP");
        t.put("HealthCheckPort", "traffic-port");
        t.put("HealthCheckEnabled", true);
        t.put("HealthCheckIntervalSeconds", 15);
        t.put("HealthCheckTimeoutSeconds", 5);
        t.put("HealthyThresholdCount", 3);
        t.put("UnhealthyThresholdCount", 2);
        t.put("HealthCheckPath", "/health");
        t.put("Matcher", Map.of("HttpCode", "200"));
        t.put("LoadBalancerArns", List.of(arn));
        t.put("TargetType", "instance");
        t.put("ProtocolVersion", "HTTP1");
        t.put("IpAddressType", "ipv4");
        tgs.add(t);
        List<Object> attrs = new ArrayList<>();
        attrs.add(kv("stickiness.enabled", "false"));
        attrs.add(kv("deregistration_delay.timeout_seconds", "30"));
        attrs.add(kv("load_balancing.algorithm.type", "round_robin"));
        attrs.add(
            kv(
                "load_balancing.cross_zone.enabled",
                tg.equals(canary) && a.canaryTgCrossZoneOff
                    ? "false"
                    : "use_load_balancer_configuration"));
        write(
            out.resolve("elbv2/target-group-attributes/" + tg + ".json"),
            Map.of("Attributes", attrs));
      }
      write(
          out.resolve("elbv2/attributes/" + a.mainElb + ".json"),
          Map.of(
              "Attributes",
              List.of(
                  kv("idle_timeout.timeout_seconds", "60"),
                  kv("load_balancing.cross_zone.enabled", "true"))));

      List<Object> listeners = new ArrayList<>();
      List<int[]> ports = new ArrayList<>(); // port, https
      if (a.http) {
        ports.add(new int[] {80, 0});
      }
      if (a.https) {
        ports.add(new int[] {443, 1});
      }
      for (int[] p : ports) {
        String listenerArn =
            "arn:aws:elasticloadbalancing:"
                + REGION
                + ":"
                + ACCOUNT
                + ":listener/app/"
                + a.mainElb
                + "/"
                + lbId(seed, a)
                + "/"
                + String.format(Locale.ROOT, "%016x", p[0] * 7919L + a.index);
        Map<String, Object> l = obj();
        l.put("ListenerArn", listenerArn);
        l.put("LoadBalancerArn", arn);
        l.put("Port", p[0]);
        l.put("Protocol", p[1] == 1 ? "HTTPS" : "HTTP");
        if (p[1] == 1) {
          l.put(
              "Certificates",
              List.of(
                  Map.of(
                      "CertificateArn",
                      "arn:aws:acm:"
                          + REGION
                          + ":"
                          + ACCOUNT
                          + ":certificate/"
                          + uuid(seed, a.index))));
          l.put("SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
        }
        boolean redirect = p[1] == 0 && a.https;
        Map<String, Object> action =
            redirect ? redirectToHttps() : forward(seed, a, stable, canary, a.tgWeights);
        l.put("DefaultActions", List.of(action));
        listeners.add(l);
        List<Object> rules = new ArrayList<>();
        if (a.pathRule && !redirect) {
          Map<String, Object> r = obj();
          r.put(
              "RuleArn",
              listenerArn.replace(":listener/", ":listener-rule/")
                  + "/"
                  + String.format(Locale.ROOT, "%016x", 10L + a.index));
          r.put("Priority", "10");
          Map<String, Object> c = obj();
          c.put("Field", "path-pattern");
          c.put("Values", List.of("/static/*"));
          c.put("PathPatternConfig", Map.of("Values", List.of("/static/*")));
          r.put("Conditions", List.of(c));
          r.put("Actions", List.of(forward(seed, a, stable, null, new int[] {1})));
          r.put("IsDefault", false);
          rules.add(r);
        }
        Map<String, Object> def = obj();
        def.put(
            "RuleArn", listenerArn.replace(":listener/", ":listener-rule/") + "/default" + p[0]);
        def.put("Priority", "default");
        def.put("Conditions", List.of());
        def.put("Actions", List.of(action));
        def.put("IsDefault", true);
        rules.add(def);
        write(
            out.resolve("elbv2/rules/" + a.mainElb + "-" + p[0] + ".json"), Map.of("Rules", rules));
      }
      write(out.resolve("elbv2/listeners/" + a.mainElb + ".json"), Map.of("Listeners", listeners));
    }
    if (count > 0) {
      write(out.resolve("elbv2/describe-load-balancers.json"), Map.of("LoadBalancers", lbs));
      write(out.resolve("elbv2/describe-target-groups.json"), Map.of("TargetGroups", tgs));
    }
    return count;
  }

  /** A forward action as real AWS returns it: TargetGroupArn too when there is one group. */
  static Map<String, Object> forward(
      long seed, App a, String stable, String canary, int[] weights) {
    Map<String, Object> f = obj();
    f.put("Type", "forward");
    if (canary == null) {
      f.put("TargetGroupArn", tgArn(seed, a, stable));
    }
    f.put("Order", 1);
    List<Object> groups = new ArrayList<>();
    groups.add(Map.of("TargetGroupArn", tgArn(seed, a, stable), "Weight", weights[0]));
    if (canary != null) {
      groups.add(Map.of("TargetGroupArn", tgArn(seed, a, canary), "Weight", weights[1]));
    }
    Map<String, Object> fc = obj();
    fc.put("TargetGroups", groups);
    fc.put("TargetGroupStickinessConfig", Map.of("Enabled", false));
    f.put("ForwardConfig", fc);
    return f;
  }

  static Map<String, Object> redirectToHttps() {
    Map<String, Object> rc = obj();
    rc.put("Protocol", "HTTPS");
    rc.put("Port", "443");
    rc.put("Host", "#{host}");
    rc.put("Path", "/#{path}");
    rc.put("Query", "#{query}");
    rc.put("StatusCode", "HTTP_301");
    Map<String, Object> r = obj();
    r.put("Type", "redirect");
    r.put("Order", 1);
    r.put("RedirectConfig", rc);
    return r;
  }

  static Map<String, Object> kv(String k, String v) {
    Map<String, Object> t = obj();
    t.put("Key", k);
    t.put("Value", v);
    return t;
  }

  static List<Object> records(App a, String host, String dns, String setId, Long weight) {
    List<Object> out = new ArrayList<>();
    List<String> types =
        a.alias ? (a.aaaa ? List.of("A", "AAAA") : List.of("A")) : List.of("CNAME");
    for (String type : types) {
      Map<String, Object> r = obj();
      r.put("Name", host + ".");
      r.put("Type", type);
      if (setId != null) {
        r.put("SetIdentifier", setId);
        r.put("Weight", weight);
      }
      if (a.alias) {
        Map<String, Object> t = obj();
        t.put("HostedZoneId", a.alb ? ALB_ZONE_ID : ELB_ZONE_ID);
        t.put("DNSName", (a.aaaa ? "dualstack." : "") + dns + ".");
        t.put("EvaluateTargetHealth", a.index % 2 == 0);
        r.put("AliasTarget", t);
      } else {
        r.put("TTL", 60);
        r.put("ResourceRecords", List.of(Map.of("Value", dns)));
      }
      out.add(r);
    }
    return out;
  }

  static Map<String, Object> listener(String p, int port, String ip, int iport, String cert) {
    Map<String, Object> l = obj();
    l.put("Protocol", p);
    l.put("LoadBalancerPort", port);
    l.put("InstanceProtocol", ip);
    l.put("InstancePort", iport);
    if (cert != null) {
      l.put("SSLCertificateId", cert);
    }
    Map<String, Object> d = obj();
    d.put("Listener", l);
    d.put("PolicyNames", cert != null ? List.of("ELBSecurityPolicy-TLS-1-2-2017-01") : List.of());
    return d;
  }

  static Map<String, Object> tag(String k, String v) {
    Map<String, Object> t = obj();
    t.put("Key", k);
    t.put("Value", v);
    return t;
  }

  static Map<String, Object> asgTag(String group, String k, String v) {
    Map<String, Object> t = obj();
    t.put("ResourceId", group);
    t.put("ResourceType", "auto-scaling-group");
    t.put("Key", k);
    t.put("Value", v);
    t.put("PropagateAtLaunch", true);
    return t;
  }

  static String uuid(long seed, long x) {
    Rng r = new Rng(seed ^ (x * 0xBF58476D1CE4E5B9L));
    long a = r.nextRaw();
    long b = r.nextRaw();
    String h = String.format(Locale.ROOT, "%016x%016x", a, b);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-4"
        + h.substring(13, 16)
        + "-a"
        + h.substring(17, 20)
        + "-"
        + h.substring(20, 32);
  }

  static Map<String, Object> obj() {
    return new LinkedHashMap<>();
  }

  // ---- JSON as the AWS CLI prints it (4-space indent, "key": value) ----------------------------

  static void write(Path file, Object value) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder sb = new StringBuilder(1 << 16);
      json(sb, value, 0, w);
      sb.append('\n');
      w.append(sb);
    }
  }

  static void json(StringBuilder sb, Object v, int depth, Writer w) throws IOException {
    if (sb.length() > (1 << 20)) {
      w.append(sb);
      sb.setLength(0);
    }
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      int k = 0;
      // Map.of(...) with several keys has no defined order: sort those; LinkedHashMap keeps its own
      Iterable<? extends Map.Entry<?, ?>> entries =
          m instanceof LinkedHashMap<?, ?> || m.size() == 1
              ? m.entrySet()
              : m.entrySet().stream()
                  .sorted((x, y) -> x.getKey().toString().compareTo(y.getKey().toString()))
                  .toList();
      for (Map.Entry<?, ?> e : entries) {
        indent(sb, depth + 1);
        string(sb, e.getKey().toString());
        sb.append(": ");
        json(sb, e.getValue(), depth + 1, w);
        sb.append(++k < m.size() ? ",\n" : "\n");
      }
      indent(sb, depth);
      sb.append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < l.size(); i++) {
        indent(sb, depth + 1);
        json(sb, l.get(i), depth + 1, w);
        sb.append(i + 1 < l.size() ? ",\n" : "\n");
      }
      indent(sb, depth);
      sb.append(']');
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Double d) {
      sb.append(d.toString()); // Double.toString is locale-free: 50.0
    } else if (v == null) {
      sb.append("null");
    } else {
      sb.append(v); // Integer, Long, Boolean
    }
  }

  static void indent(StringBuilder sb, int depth) {
    for (int i = 0; i < depth; i++) {
      sb.append("    ");
    }
  }

  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** SplitMix64: a tiny, fully specified generator, so the bytes do not depend on the JDK. */
  static final class Rng {
    private long state;

    Rng(long seed) {
      state = seed;
    }

    long nextRaw() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    int nextInt(int bound) {
      return (int) Long.remainderUnsigned(nextRaw(), bound);
    }

    long nextLong(long bound) {
      return Long.remainderUnsigned(nextRaw(), bound);
    }
  }
}
