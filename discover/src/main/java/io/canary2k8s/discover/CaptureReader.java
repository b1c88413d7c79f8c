package io.canary2k8s.discover;

import static io.canary2k8s.discover.CaptureLayout.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.input.InputException;
import io.canary2k8s.input.Json;
import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.AliasTarget;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.CrossZone;
import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HealthCheck;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Instance;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.ListenerV2;
import io.canary2k8s.inventory.LoadBalancerV2;
import io.canary2k8s.inventory.Provenance;
import io.canary2k8s.inventory.RuleAction;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.inventory.ScalingPolicy;
import io.canary2k8s.inventory.TargetGroup;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.notes.Notifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads a directory of saved AWS CLI output (the layout of {@link CaptureLayout}) into an {@link
 * Inventory}. Bad input stops the read with an {@link InputException} naming the file and the
 * field; optional files that are missing become notes saying what was assumed.
 */
public final class CaptureReader {
  private final Path dir;

  /** The result lists being read, outermost first (see {@link #read(Path)}). */
  private final List<ResultStream> open = new ArrayList<>();

  /** Elements of result lists read so far, by every part: what progress shows. */
  private final LongAdder items;

  CaptureReader(Path dir, LongAdder items) {
    this.dir = dir;
    this.items = items;
  }

  /**
   * Reads {@code dir}. What discovery notices travels inside the inventory ({@link
   * Inventory#notes()}), so that a later {@code translate} of the saved inventory reports it too.
   *
   * <p>The four parts of a capture (Auto Scaling, classic ELB, ELBv2, Route53) are read at once,
   * each on its own thread, and joined in the order they were read one after another before, each
   * failing as it did then: a capture with several problems is rejected for the same one. A file
   * still being read when its part fails may have a syntax error further on: reading it whole, as
   * before, reported that first (see {@link Sections.Section#join()}).
   */
  public static Inventory read(Path dir) {
    return read(dir, new LongAdder());
  }

  /**
   * {@link #read(Path)}, counting into {@code items} each element of a result list as it is read
   * (load balancers, groups, records, ...), from the reading threads: for a progress display.
   */
  public static Inventory read(Path dir, LongAdder items) {
    if (!Files.isDirectory(dir)) {
      throw new InputException(dir.toString(), null, "not a directory");
    }
    Notes found = new Notes();
    Notifier n = found.scoped("discover/aws-cli");
    List<Reference> references = new ArrayList<>();
    try (Sections sections = new Sections(dir, items)) {
      // every part on a thread of its own, sharing the cores (see Sections)
      Sections.Section<List<AutoScalingGroup>> asgPart =
          sections.start(r -> r.readAutoScalingGroups(n, references));
      Sections.Section<List<ClassicLoadBalancer>> elbPart =
          sections.start(r -> r.readClassicLoadBalancers(n));
      Sections.Section<ElbV2> elbv2Part = sections.start(CaptureReader::readElbV2);
      Sections.Section<Dns> dnsPart = sections.start(r -> r.readDns(n));
      List<ClassicLoadBalancer> elbs = elbPart.join();
      ElbV2 elbv2 = elbv2Part.join();
      // one thread checked each group's load balancers and target groups as it read the group:
      // a reference to one not captured comes before any later problem of the groups
      List<AutoScalingGroup> asgs =
          asgPart.join(() -> checkReferences(references, elbs, elbv2.targetGroups()));
      Dns dns = dnsPart.join();
      return new Inventory(
          Inventory.SCHEMA_VERSION,
          new CaptureReader(dir, items).readProvenance(),
          elbs,
          elbv2.loadBalancers(),
          elbv2.targetGroups(),
          asgs,
          dns.zones(),
          dns.records(),
          found.sorted());
    }
  }

  /** Reads the rest of every result list still open, outermost first. */
  void finishOpen() {
    for (ResultStream s : List.copyOf(open)) {
      s.finish();
    }
  }

  /** Closes every result list still open, unread: the read was abandoned. */
  void closeOpen() {
    for (ResultStream s : List.copyOf(open)) {
      s.abandon();
    }
  }

  private record ElbV2(List<TargetGroup> targetGroups, List<LoadBalancerV2> loadBalancers) {}

  private ElbV2 readElbV2() {
    List<TargetGroup> targetGroups = readTargetGroups();
    return new ElbV2(targetGroups, readLoadBalancersV2(targetGroups));
  }

  private record Dns(List<HostedZone> zones, List<DnsRecord> records) {}

  private Dns readDns(Notifier n) {
    List<HostedZone> zones = readHostedZones();
    List<DnsRecord> records = new ArrayList<>();
    for (HostedZone zone : zones) {
      records.addAll(readRecords(zone, n));
    }
    return new Dns(zones, records);
  }

  // ---- files -------------------------------------------------------------------------------

  private boolean exists(String rel) {
    return Files.isRegularFile(dir.resolve(rel));
  }

  private JsonNode tree(String rel) {
    return Json.readTree(dir.resolve(rel), shown(rel));
  }

  /** How a capture file is named in messages: as the user would find it. */
  private String shown(String rel) {
    return dir.resolve(rel).toString();
  }

  /**
   * The result list of a CLI command's output: the array under {@code key}, or a bare array (the
   * output of {@code --query}), read one element at a time (see {@link ResultStream}). A document
   * holding another command's result key is named as such. Iterated once.
   */
  private Iterable<Node> results(String rel, String key) {
    Iterable<Node> list = resultList(rel, key);
    return () -> {
      Iterator<Node> it = list.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Node next() {
          Node n = it.next();
          items.increment();
          return n;
        }
      };
    };
  }

  private Iterable<Node> resultList(String rel, String key) {
    ResultStream stream = ResultStream.open(dir.resolve(rel), shown(rel), key, open);
    if (stream != null) {
      return stream;
    }
    JsonNode root = tree(rel);
    if (root.isArray()) {
      return new Node(root, shown(rel), "").elements();
    }
    return document(rel, root, key).array(key);
  }

  private Node object(String rel, String key) {
    Node doc = document(rel, tree(rel), key);
    Node o = doc.optObject(key);
    return o != null ? o : doc.get(key);
  }

  /**
   * The top-level object of a CLI output file, which must hold {@code key}; a file holding another
   * command's result key is named as such.
   */
  private Node document(String rel, JsonNode root, String key) {
    if (!root.isObject()) {
      throw new InputException(shown(rel), null, "expected a JSON object with " + key);
    }
    if (!root.has(key)) {
      String expected = "the output of '" + RESULT_KEYS.get(key) + "'";
      for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
        String other = it.next();
        if (RESULT_KEYS.containsKey(other)) {
          throw new InputException(
              shown(rel),
              key,
              "missing; the file holds "
                  + other
                  + ", the output of '"
                  + RESULT_KEYS.get(other)
                  + "', not "
                  + expected);
        }
      }
      throw new InputException(shown(rel), key, "missing; expected " + expected);
    }
    return new Node(root, shown(rel), "");
  }

  // ---- provenance ----------------------------------------------------------------------------

  private Provenance readProvenance() {
    if (!exists(CAPTURE_META)) {
      return new Provenance("aws-cli", null, null, null);
    }
    Node meta = new Node(tree(CAPTURE_META), shown(CAPTURE_META), "");
    if (!meta.raw().isObject()) {
      throw meta.problem("expected a JSON object");
    }
    for (Iterator<String> it = meta.raw().fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!Set.of("region", "accountId", "capturedAt", "tool").contains(f)) {
        throw meta.problem(f, "unknown field (known: region, accountId, capturedAt, tool)");
      }
    }
    return new Provenance(
        "aws-cli", meta.optText("region"), meta.optText("accountId"), meta.optText("capturedAt"));
  }

  // ---- classic ELB ---------------------------------------------------------------------------

  private List<ClassicLoadBalancer> readClassicLoadBalancers(Notifier n) {
    Map<String, Map<String, String>> tags = readElbTags(n);
    List<ClassicLoadBalancer> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node lb : results(ELB_LOAD_BALANCERS, "LoadBalancerDescriptions")) {
      String name = lb.text("LoadBalancerName");
      if (!seen.add(name)) {
        throw lb.problem("LoadBalancerName", "duplicate load balancer '" + name + "'");
      }
      List<Listener> listeners = new ArrayList<>();
      for (Node ld : lb.optArray("ListenerDescriptions")) {
        Node l = ld.get("Listener");
        listeners.add(
            new Listener(
                protocol(l, "Protocol"),
                l.intValue("LoadBalancerPort", 1, 65535),
                protocol(l, "InstanceProtocol"),
                l.intValue("InstancePort", 1, 65535),
                l.optText("SSLCertificateId")));
      }
      HealthCheck hc = null;
      Node h = lb.optObject("HealthCheck");
      if (h != null) {
        hc =
            new HealthCheck(
                h.text("Target"),
                h.intValue("Interval", 1, 3600),
                h.intValue("Timeout", 1, 3600),
                h.intValue("HealthyThreshold", 1, 100),
                h.intValue("UnhealthyThreshold", 1, 100));
      }
      List<String> instanceIds = new ArrayList<>();
      for (Node i : lb.optArray("Instances")) {
        instanceIds.add(i.text("InstanceId"));
      }
      List<String> policies = new ArrayList<>();
      Node pol = lb.optObject("Policies");
      if (pol != null) {
        for (Node p : pol.optArray("AppCookieStickinessPolicies")) {
          policies.add("app-cookie-stickiness:" + p.text("PolicyName"));
        }
        for (Node p : pol.optArray("LBCookieStickinessPolicies")) {
          policies.add("lb-cookie-stickiness:" + p.text("PolicyName"));
        }
        for (String p : pol.strings("OtherPolicies")) {
          policies.add("other:" + p);
        }
      }
      CrossZone crossZone = CrossZone.UNKNOWN;
      Integer draining = null;
      Integer idle = null;
      String attrFile = elbAttributes(name);
      if (!isSafeFileName(name)) {
        throw lb.problem("LoadBalancerName", "'" + name + "' cannot name a file in the capture");
      }
      if (exists(attrFile)) {
        Node attrs = object(attrFile, "LoadBalancerAttributes");
        Node cz = attrs.optObject("CrossZoneLoadBalancing");
        if (cz != null) {
          crossZone = cz.bool("Enabled", false) ? CrossZone.ENABLED : CrossZone.DISABLED;
        } else {
          crossZone = CrossZone.DISABLED;
        }
        Node cd = attrs.optObject("ConnectionDraining");
        if (cd != null && cd.bool("Enabled", false)) {
          draining = cd.optInt("Timeout", 0, 3600);
        }
        Node cs = attrs.optObject("ConnectionSettings");
        if (cs != null) {
          idle = cs.optInt("IdleTimeout", 0, 4000);
        }
      }
      out.add(
          new ClassicLoadBalancer(
              name,
              lb.text("DNSName"),
              lb.optText("Scheme"),
              lb.strings("AvailabilityZones"),
              listeners,
              hc,
              instanceIds,
              crossZone,
              draining,
              idle,
              policies,
              tags.getOrDefault(name, Map.of())));
    }
    for (String tagged : tags.keySet()) {
      if (!seen.contains(tagged)) {
        throw new InputException(
            shown(ELB_TAGS),
            "TagDescriptions",
            "tags for load balancer '" + tagged + "', which is not in " + ELB_LOAD_BALANCERS);
      }
    }
    return out;
  }

  private Map<String, Map<String, String>> readElbTags(Notifier n) {
    if (!exists(ELB_TAGS)) {
      n.info(
          ELB_TAGS,
          "No ELB tags captured (optional file missing); app names come from load balancer"
              + " names and canary2k8s.io/* tags on load balancers are not used.");
      return Map.of();
    }
    Map<String, Map<String, String>> out = new HashMap<>();
    for (Node td : results(ELB_TAGS, "TagDescriptions")) {
      String name = td.text("LoadBalancerName");
      Map<String, String> t = out.computeIfAbsent(name, k -> new TreeMap<>());
      for (Node tag : td.optArray("Tags")) {
        t.put(tag.text("Key"), tag.has("Value") ? tag.get("Value").asText() : "");
      }
    }
    return out;
  }

  private static String protocol(Node l, String field) {
    String p = l.text(field).toUpperCase(java.util.Locale.ROOT);
    if (!Set.of("HTTP", "HTTPS", "TCP", "SSL").contains(p)) {
      throw l.problem(field, "unknown protocol '" + p + "' (expected HTTP, HTTPS, TCP or SSL)");
    }
    return p;
  }

  // ---- Auto Scaling --------------------------------------------------------------------------

  /**
   * Reads the Auto Scaling groups; the load balancers and target groups they name are added to
   * {@code references}, in the order they are named, to be checked once those have been read.
   */
  private List<AutoScalingGroup> readAutoScalingGroups(Notifier n, List<Reference> references) {
    boolean tgsCaptured = exists(ELBV2_TARGET_GROUPS);
    Map<String, List<ScalingPolicy>> policies = readPolicies();
    List<AutoScalingGroup> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node g : results(ASG_GROUPS, "AutoScalingGroups")) {
      String name = g.text("AutoScalingGroupName");
      if (!seen.add(name)) {
        throw g.problem("AutoScalingGroupName", "duplicate Auto Scaling group '" + name + "'");
      }
      int min = g.intValue("MinSize", 0, 1_000_000);
      int max = g.intValue("MaxSize", 0, 1_000_000);
      int desired = g.intValue("DesiredCapacity", 0, 1_000_000);
      if (min > max) {
        throw g.problem("MinSize", "MinSize " + min + " is above MaxSize " + max);
      }
      if (desired < min || desired > max) {
        throw g.problem(
            "DesiredCapacity",
            "DesiredCapacity " + desired + " is outside MinSize..MaxSize " + min + ".." + max);
      }
      Set<String> lbNames = new TreeSet<>(g.strings("LoadBalancerNames"));
      Set<String> groupTgs = new TreeSet<>(g.strings("TargetGroupARNs"));
      for (Node ts : g.optArray("TrafficSources")) {
        String type = ts.optText("Type");
        if ("elb".equals(type)) {
          lbNames.add(ts.text("Identifier"));
        } else if ("elbv2".equals(type)) {
          groupTgs.add(ts.text("Identifier"));
        }
      }
      Node group = g.detached();
      List<Node> tgNodes = g.optArray("TargetGroupARNs");
      for (String tg : groupTgs) {
        if (!tgsCaptured) {
          n.warn(
              name,
              "Auto Scaling group feeds target group "
                  + tg
                  + " but "
                  + ELBV2_TARGET_GROUPS
                  + " was not captured; that target group is not migrated.");
        } else {
          references.add(new Reference(group, where(tgNodes, tg, "TargetGroupARNs"), tg, true));
        }
      }
      List<Node> lbNodes = g.optArray("LoadBalancerNames");
      for (String lb : lbNames) {
        references.add(new Reference(group, where(lbNodes, lb, "LoadBalancerNames"), lb, false));
      }
      List<Instance> instances = new ArrayList<>();
      for (Node i : g.optArray("Instances")) {
        instances.add(
            new Instance(
                i.text("InstanceId"),
                i.text("AvailabilityZone"),
                i.text("LifecycleState"),
                i.optText("HealthStatus"),
                i.optText("InstanceType")));
      }
      List<String> suspended = new ArrayList<>();
      for (Node s : g.optArray("SuspendedProcesses")) {
        suspended.add(s.text("ProcessName"));
      }
      Map<String, String> tags = new TreeMap<>();
      for (Node t : g.optArray("Tags")) {
        tags.put(t.text("Key"), t.has("Value") ? t.get("Value").asText() : "");
      }
      List<String> zones = g.strings("AvailabilityZones");
      if (zones.isEmpty()) {
        throw g.problem("AvailabilityZones", "is empty");
      }
      out.add(
          new AutoScalingGroup(
              name,
              g.optText("AutoScalingGroupARN"),
              min,
              max,
              desired,
              zones,
              List.copyOf(lbNames),
              List.copyOf(groupTgs),
              instances,
              suspended,
              g.has("MixedInstancesPolicy"),
              policies.getOrDefault(name, List.of()),
              tags));
    }
    for (String p : policies.keySet()) {
      if (!seen.contains(p)) {
        n.warn(
            ASG_POLICIES,
            "Scaling policies for Auto Scaling group '"
                + p
                + "', which is not in "
                + ASG_GROUPS
                + "; ignored.");
      }
    }
    return out;
  }

  /**
   * A target group or classic ELB that an Auto Scaling group names: {@code field} of {@code group}.
   */
  private record Reference(Node group, String field, String name, boolean targetGroup) {}

  /** Where in {@code list} (the field {@code field}) {@code value} is named: its last element. */
  private static String where(List<Node> list, String value, String field) {
    String where = field;
    for (Node x : list) {
      if (value.equals(x.raw().asText())) {
        where = x.path().substring(x.path().lastIndexOf('.') + 1);
      }
    }
    return where;
  }

  /** Fails for the first of {@code references} to something that was not captured. */
  private static void checkReferences(
      List<Reference> references, List<ClassicLoadBalancer> elbs, List<TargetGroup> targetGroups) {
    Set<String> tgArns = new HashSet<>();
    targetGroups.forEach(t -> tgArns.add(t.arn()));
    Set<String> elbNames = new HashSet<>();
    elbs.forEach(e -> elbNames.add(e.name()));
    for (Reference r : references) {
      if (r.targetGroup() && !tgArns.contains(r.name())) {
        throw r.group()
            .problem(
                r.field(),
                "names target group '" + r.name() + "', which is not in " + ELBV2_TARGET_GROUPS);
      }
      if (!r.targetGroup() && !elbNames.contains(r.name())) {
        throw r.group()
            .problem(
                r.field(),
                "names classic ELB '" + r.name() + "', which is not in " + ELB_LOAD_BALANCERS);
      }
    }
  }

  private Map<String, List<ScalingPolicy>> readPolicies() {
    if (!exists(ASG_POLICIES)) {
      return Map.of();
    }
    Map<String, List<ScalingPolicy>> out = new LinkedHashMap<>();
    for (Node p : results(ASG_POLICIES, "ScalingPolicies")) {
      String type = p.text("PolicyType");
      String metric = null;
      Double target = null;
      Node tt = p.optObject("TargetTrackingConfiguration");
      if (tt != null) {
        Node pm = tt.optObject("PredefinedMetricSpecification");
        metric = pm != null ? pm.text("PredefinedMetricType") : "custom";
        target = tt.doubleValue("TargetValue");
      }
      out.computeIfAbsent(p.text("AutoScalingGroupName"), k -> new ArrayList<>())
          .add(
              new ScalingPolicy(
                  p.text("PolicyName"), type, metric, target, p.bool("Enabled", true)));
    }
    return out;
  }

  // ---- Route53 -------------------------------------------------------------------------------

  private List<HostedZone> readHostedZones() {
    List<HostedZone> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node z : results(R53_ZONES, "HostedZones")) {
      String id = bareZoneId(z.text("Id"));
      if (!isSafeFileName(id)) {
        throw z.problem("Id", "'" + id + "' is not a hosted zone id");
      }
      if (!seen.add(id)) {
        throw z.problem("Id", "duplicate hosted zone '" + id + "'");
      }
      Node cfg = z.optObject("Config");
      boolean priv = cfg != null && cfg.bool("PrivateZone", false);
      out.add(new HostedZone(id, DnsNames.normalise(z.text("Name")), priv));
    }
    return out;
  }

  private List<DnsRecord> readRecords(HostedZone zone, Notifier n) {
    String rel = zoneRecords(zone.id());
    if (!exists(rel)) {
      throw new InputException(
          shown(rel),
          null,
          "file not found; every zone in "
              + R53_ZONES
              + " needs its record sets ('aws route53"
              + " list-resource-record-sets --hosted-zone-id "
              + zone.id()
              + "')");
    }
    Map<String, DnsRecord> byKey = new TreeMap<>();
    Map<String, DnsRecord> firstOfGroup = new HashMap<>();
    for (Node r : results(rel, "ResourceRecordSets")) {
      String type = r.text("Type");
      Node alias = r.optObject("AliasTarget");
      boolean pointsByName = "CNAME".equals(type);
      boolean aliasAddress = alias != null && ("A".equals(type) || "AAAA".equals(type));
      if (!pointsByName && !aliasAddress) {
        continue; // NS, SOA, MX, TXT, plain A/AAAA: none can point at a load balancer by name
      }
      String name = DnsNames.normalise(r.text("Name"));
      List<String> values = new ArrayList<>();
      for (Node v : r.optArray("ResourceRecords")) {
        values.add(v.text("Value"));
      }
      if (pointsByName && alias == null && values.isEmpty()) {
        throw r.problem("ResourceRecords", "a CNAME record needs a value");
      }
      AliasTarget target =
          alias == null
              ? null
              : new AliasTarget(
                  alias.text("DNSName"),
                  bareZoneId(alias.text("HostedZoneId")),
                  alias.bool("EvaluateTargetHealth", false));
      String setId = r.optText("SetIdentifier");
      Long weight = r.optLong("Weight", 0, 255);
      DnsRecord rec =
          new DnsRecord(
              zone.id(),
              name,
              type,
              alias == null ? r.optLong("TTL", 0, 2_147_483_647L) : null,
              setId,
              weight,
              values,
              target,
              routingPolicy(r));
      // Route53 keeps one routing policy per name and type: a weighted member beside a
      // non-weighted one cannot be a real answer, and no split can be read from it
      DnsRecord first = firstOfGroup.putIfAbsent(name + " " + type, rec);
      if (first != null && (first.weight() == null) != (rec.weight() == null)) {
        DnsRecord weighted = rec.weight() != null ? rec : first;
        DnsRecord other = rec.weight() != null ? first : rec;
        throw r.problem(
            "Weight",
            name
                + " "
                + type
                + " has a weighted record set ('"
                + weighted.setIdentifier()
                + "') and a "
                + other.routingPolicy()
                + " one"
                + (other.setIdentifier() == null ? "" : " ('" + other.setIdentifier() + "')")
                + "; Route53 does not mix routing policies in one name and type, so the split cannot be read");
      }
      String key = name + " " + type + " " + (setId == null ? "" : setId);
      DnsRecord before = byKey.put(key, rec);
      if (before != null && !before.equals(rec)) {
        throw r.problem(
            "SetIdentifier",
            "two different record sets named "
                + name
                + " "
                + type
                + (setId == null ? "" : " with set identifier '" + setId + "'"));
      }
    }
    return List.copyOf(byKey.values());
  }

  private static String routingPolicy(Node r) {
    if (r.has("Weight")) {
      return "weighted";
    }
    if (r.has("Failover")) {
      return "failover";
    }
    if (r.has("Region")) {
      return "latency";
    }
    if (r.has("GeoLocation")) {
      return "geolocation";
    }
    if (r.has("GeoProximityLocation")) {
      return "geoproximity";
    }
    if (r.has("MultiValueAnswer")) {
      return "multivalue";
    }
    if (r.has("CidrRoutingConfig")) {
      return "cidr";
    }
    return "simple";
  }

  // ---- ELBv2 ---------------------------------------------------------------------------------

  private List<TargetGroup> readTargetGroups() {
    if (!exists(ELBV2_TARGET_GROUPS)) {
      return List.of();
    }
    List<TargetGroup> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node tg : results(ELBV2_TARGET_GROUPS, "TargetGroups")) {
      String name = tg.text("TargetGroupName");
      String arn = tg.text("TargetGroupArn");
      if (!seen.add(arn)) {
        throw tg.problem("TargetGroupArn", "duplicate target group '" + arn + "'");
      }
      if (!isSafeFileName(name)) {
        throw tg.problem("TargetGroupName", "'" + name + "' cannot name a file in the capture");
      }
      String attrFile = targetGroupAttributes(name);
      Map<String, String> attributes = exists(attrFile) ? attributes(attrFile) : Map.of();
      out.add(
          new TargetGroup(
              name,
              arn,
              tg.optText("Protocol"),
              tg.optInt("Port", 1, 65535),
              tg.has("TargetType") ? tg.text("TargetType") : "instance",
              tg.strings("LoadBalancerArns"),
              tg.optText("HealthCheckProtocol"),
              tg.optText("HealthCheckPort"),
              tg.optText("HealthCheckPath"),
              tg.optInt("HealthCheckIntervalSeconds", 1, 3600),
              tg.optInt("HealthCheckTimeoutSeconds", 1, 3600),
              tg.optInt("HealthyThresholdCount", 1, 100),
              tg.optInt("UnhealthyThresholdCount", 1, 100),
              attributes));
    }
    return out;
  }

  /** {@code {"Attributes": [{"Key": ..., "Value": ...}]}} as a map. */
  private Map<String, String> attributes(String rel) {
    Map<String, String> out = new TreeMap<>();
    for (Node a : results(rel, "Attributes")) {
      out.put(a.text("Key"), a.has("Value") ? a.get("Value").asText() : "");
    }
    return out;
  }

  private List<LoadBalancerV2> readLoadBalancersV2(List<TargetGroup> targetGroups) {
    if (!exists(ELBV2_LOAD_BALANCERS)) {
      return List.of();
    }
    Set<String> tgArns = new HashSet<>();
    targetGroups.forEach(t -> tgArns.add(t.arn()));
    List<LoadBalancerV2> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node lb : results(ELBV2_LOAD_BALANCERS, "LoadBalancers")) {
      String name = lb.text("LoadBalancerName");
      if (!seen.add(name)) {
        throw lb.problem("LoadBalancerName", "duplicate load balancer '" + name + "'");
      }
      if (!isSafeFileName(name)) {
        throw lb.problem("LoadBalancerName", "'" + name + "' cannot name a file in the capture");
      }
      List<String> zones = new ArrayList<>();
      for (Node z : lb.optArray("AvailabilityZones")) {
        zones.add(z.text("ZoneName"));
      }
      String listenersFile = elbv2Listeners(name);
      if (!exists(listenersFile)) {
        throw new InputException(
            shown(listenersFile),
            null,
            "file not found; every load balancer in "
                + ELBV2_LOAD_BALANCERS
                + " needs its listeners ('aws elbv2 describe-listeners"
                + " --load-balancer-arn <arn>')");
      }
      List<ListenerV2> listeners = new ArrayList<>();
      Set<Integer> ports = new TreeSet<>();
      for (Node l : results(listenersFile, "Listeners")) {
        int port = l.intValue("Port", 1, 65535);
        if (!ports.add(port)) {
          throw l.problem("Port", "two listeners on port " + port);
        }
        List<String> certs = new ArrayList<>();
        for (Node c : l.optArray("Certificates")) {
          certs.add(c.text("CertificateArn"));
        }
        String rulesFile = elbv2Rules(name, port);
        if (!exists(rulesFile)) {
          throw new InputException(
              shown(rulesFile),
              null,
              "file not found; every listener in "
                  + listenersFile
                  + " needs its rules ('aws elbv2 describe-rules --listener-arn <arn>')");
        }
        List<ListenerRule> rules = new ArrayList<>();
        for (Node r : results(rulesFile, "Rules")) {
          rules.add(rule(r, tgArns));
        }
        if (rules.stream().filter(ListenerRule::isDefault).count() != 1) {
          throw new InputException(
              shown(rulesFile),
              "Rules",
              "expected exactly one default rule (IsDefault true), found "
                  + rules.stream().filter(ListenerRule::isDefault).count());
        }
        listeners.add(
            new ListenerV2(
                l.optText("ListenerArn"),
                l.text("Protocol").toUpperCase(java.util.Locale.ROOT),
                port,
                certs,
                rules));
      }
      String attrFile = elbv2Attributes(name);
      out.add(
          new LoadBalancerV2(
              name,
              lb.text("LoadBalancerArn"),
              lb.has("Type") ? lb.text("Type") : "application",
              lb.text("DNSName"),
              lb.optText("Scheme"),
              zones,
              listeners,
              exists(attrFile) ? attributes(attrFile) : Map.of()));
    }
    return out;
  }

  private static ListenerRule rule(Node r, Set<String> tgArns) {
    boolean isDefault = r.bool("IsDefault", false);
    String priority =
        r.has("Priority") ? r.get("Priority").raw().asText() : isDefault ? "default" : null;
    if (priority == null) {
      throw r.problem("Priority", "missing");
    }
    if (!isDefault && !priority.matches("[0-9]{1,5}")) {
      throw r.problem(
          "Priority", "'" + priority + "' is not a rule priority (1..50000 or default)");
    }
    List<RuleCondition> conditions = new ArrayList<>();
    for (Node c : r.optArray("Conditions")) {
      conditions.add(condition(c));
    }
    List<RuleAction> actions = new ArrayList<>();
    List<Node> actionNodes = r.optArray("Actions");
    if (actionNodes.isEmpty()) {
      throw r.problem("Actions", "a rule needs at least one action");
    }
    for (int i = 0; i < actionNodes.size(); i++) {
      actions.add(action(actionNodes.get(i), i + 1, tgArns));
    }
    return new ListenerRule(r.optText("RuleArn"), priority, isDefault, conditions, actions);
  }

  private static RuleCondition condition(Node c) {
    String field = c.text("Field");
    Set<String> values = new TreeSet<>(c.strings("Values"));
    String key = null;
    String config =
        switch (field) {
          case "host-header" -> "HostHeaderConfig";
          case "path-pattern" -> "PathPatternConfig";
          case "http-header" -> "HttpHeaderConfig";
          case "http-request-method" -> "HttpRequestMethodConfig";
          case "query-string" -> "QueryStringConfig";
          case "source-ip" -> "SourceIpConfig";
          default -> throw c.problem("Field", "unknown condition field '" + field + "'");
        };
    Node typed = c.optObject(config);
    if (typed != null) {
      if (field.equals("query-string")) {
        for (Node kv : typed.optArray("Values")) {
          values.add((kv.has("Key") ? kv.text("Key") : "") + "=" + kv.text("Value"));
        }
      } else {
        values.addAll(typed.strings("Values"));
      }
      if (field.equals("http-header")) {
        key = typed.text("HttpHeaderName");
      }
    }
    if (values.isEmpty() && !c.has("RegexValues")) {
      throw c.problem("Values", "a " + field + " condition needs at least one value");
    }
    for (String v : c.strings("RegexValues")) {
      values.add("regex:" + v);
    }
    return new RuleCondition(field, key, List.copyOf(values));
  }

  private static RuleAction action(Node a, int position, Set<String> tgArns) {
    String type = a.text("Type");
    int order = a.has("Order") ? a.intValue("Order", 1, 50000) : position;
    List<RuleAction.WeightedTargetGroup> tgs = new ArrayList<>();
    Integer stickiness = null;
    Map<String, String> config = new TreeMap<>();
    if (type.equals("forward")) {
      Node fc = a.optObject("ForwardConfig");
      List<Node> tuples = fc == null ? List.of() : fc.optArray("TargetGroups");
      if (!tuples.isEmpty()) {
        for (Node t : tuples) {
          tgs.add(
              new RuleAction.WeightedTargetGroup(
                  knownTargetGroup(t, tgArns), t.has("Weight") ? t.intValue("Weight", 0, 999) : 1));
        }
        Node sc = fc.optObject("TargetGroupStickinessConfig");
        if (sc != null && sc.bool("Enabled", false)) {
          stickiness = sc.has("DurationSeconds") ? sc.intValue("DurationSeconds", 1, 604800) : 0;
        }
      } else {
        tgs.add(new RuleAction.WeightedTargetGroup(knownTargetGroup(a, tgArns), 1));
      }
      Set<String> distinct = new TreeSet<>();
      for (RuleAction.WeightedTargetGroup t : tgs) {
        if (!distinct.add(t.targetGroupArn())) {
          throw a.problem(
              "ForwardConfig", "target group " + t.targetGroupArn() + " is named twice");
        }
      }
    } else if (type.equals("redirect") || type.equals("fixed-response")) {
      Node cfg = a.get(type.equals("redirect") ? "RedirectConfig" : "FixedResponseConfig");
      for (Iterator<String> it = cfg.raw().fieldNames(); it.hasNext(); ) {
        String f = it.next();
        JsonNode v = cfg.raw().get(f);
        if (v.isValueNode() && !v.isNull()) {
          config.put(f, v.asText());
        }
      }
    }
    return new RuleAction(type, order, tgs, stickiness, config);
  }

  private static String knownTargetGroup(Node holder, Set<String> tgArns) {
    String arn = holder.text("TargetGroupArn");
    if (!tgArns.contains(arn)) {
      throw holder.problem(
          "TargetGroupArn",
          "forwards to target group '" + arn + "', which is not in " + ELBV2_TARGET_GROUPS);
    }
    return arn;
  }

  /** A name that can be one path segment of the capture: no separators, not . or .. . */
  static boolean isSafeFileName(String name) {
    return !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0
        && name.indexOf('\0') < 0;
  }
}
