package io.canary2k8s.render.dns;

import io.canary2k8s.input.Json;
import io.canary2k8s.inventory.DnsNames;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Plan;
import io.canary2k8s.plan.Route;
import io.canary2k8s.render.Md;
import io.canary2k8s.render.Review;
import io.canary2k8s.text.Escape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The weighted DNS cutover: for every Route53 record that sends a migrated host to a migrated
 * classic ELB, change batches (exactly what {@code aws route53 change-resource-record-sets
 * --change-batch} takes) that move it to the Kubernetes edge in weighted steps. The old target
 * stays as a weighted record until the last step, so every step before it rolls back by changing
 * weights only. canary2k8s never applies them.
 *
 * <p>Per zone, in {@code dns/<zone-id>/}: {@code 01-weight-10.json} (the simple record becomes two
 * weighted ones: Route53 refuses a CNAME beside other records of the same name, so the DELETE and
 * both CREATEs are one batch), {@code 02-weight-50.json}, {@code 03-weight-100.json} (old target at
 * weight 0), {@code 04-finish.json} (one simple record to the edge), the rollbacks, and a {@code
 * README.md} of the zone's records and commands. {@code dns/README.md} is the index: the steps, the
 * same in every zone, and a line per zone (at 10,000 apps one page of every record was 2 MB, more
 * than a browser shows comfortably).
 */
public final class DnsCutover {
  /** The edge's share at each step, in percent. */
  public static final List<Integer> STEPS = List.of(10, 50, 100);

  public static final String DIR = "dns";

  /** The index in {@link #DIR}, and each zone's page in its directory. */
  public static final String README = "README.md";

  public static final String OLD_ID = "aws-elb";
  public static final String NEW_ID = "kubernetes-edge";
  public static final String ROLLBACK_WEIGHTS = "rollback-1-weights-to-aws.json";
  public static final String ROLLBACK_RESTORE = "rollback-2-restore-original.json";
  public static final String ROLLBACK_FINISHED = "rollback-after-finish.json";
  public static final String FINISH =
      String.format(java.util.Locale.ROOT, "%02d-finish.json", STEPS.size() + 1);

  private DnsCutover() {}

  /** One record to move, and the host and load balancer that make it part of the migration. */
  public record Move(DnsRecord record, String app, String loadBalancer) {}

  /** The records to move, sorted by zone, name, type. */
  public static List<Move> moves(Plan plan, Inventory inventory, Notifier notes) {
    Map<String, String> lbs =
        new TreeMap<>(); // load balancer name -> its DNS name, classic and ELBv2
    inventory.loadBalancersV2().forEach(lb -> lbs.put(lb.name(), lb.dnsName()));
    inventory.classicLoadBalancers().forEach(lb -> lbs.put(lb.name(), lb.dnsName()));
    List<Move> out = new ArrayList<>();
    Set<DnsRecord> seen = new java.util.HashSet<>();
    Map<String, List<DnsRecord>> byName = DnsRecord.byName(inventory.dnsRecords());
    Set<String> privateZones = new TreeSet<>();
    inventory.hostedZones().stream()
        .filter(z -> z.privateZone())
        .forEach(z -> privateZones.add(z.id()));
    for (App app : plan.apps()) {
      for (Route route : app.routes()) {
        Map<String, String> lbByKey = new TreeMap<>();
        for (String lb : route.loadBalancers()) {
          String dns = lbs.get(lb);
          if (dns != null) {
            lbByKey.put(DnsNames.loadBalancerKey(dns), lb);
          }
        }
        List<DnsRecord> candidates = new ArrayList<>();
        for (String host : new TreeSet<>(route.hosts())) {
          candidates.addAll(byName.getOrDefault(host, List.of()));
        }
        candidates.sort(DnsRecord.ORDER);
        for (DnsRecord r : candidates) {
          if (seen.contains(r)) {
            continue;
          }
          String lb = null;
          for (String t : r.targets()) {
            lb = lb != null ? lb : lbByKey.get(DnsNames.loadBalancerKey(t));
          }
          if (lb == null) {
            continue;
          }
          seen.add(r);
          if (privateZones.contains(r.zoneId())) {
            // the routes follow the public zone; a private zone answers only its VPCs' resolvers
            notes.action(
                subject(r),
                "The record is in a private hosted zone, which answers only inside its VPCs: no"
                    + " cutover batch touches it. Clients that use those VPCs' resolvers keep"
                    + " going to "
                    + lb
                    + " until the private zone gets its own change.");
            continue;
          }
          if (!"simple".equals(r.routingPolicy())) {
            notes.warn(
                subject(r),
                "Route53 record uses the "
                    + r.routingPolicy()
                    + " routing policy; no cutover batch"
                    + " is written for it. Move it to the edge by hand (its split is already in the"
                    + " Kubernetes weights).");
            continue;
          }
          out.add(new Move(r, app.name(), lb));
        }
      }
    }
    out.sort((a, b) -> DnsRecord.ORDER.compare(a.record(), b.record()));
    return out;
  }

  /**
   * {@code dns/...} path → content; the README always, the batches when there is a record to move.
   */
  public static Map<String, String> files(
      Plan plan, Inventory inventory, EdgeTarget edge, Notifier notes) {
    List<Move> moves = moves(plan, inventory, notes);
    Map<String, List<Move>> byZone = new TreeMap<>();
    moves.forEach(m -> byZone.computeIfAbsent(m.record().zoneId(), k -> new ArrayList<>()).add(m));
    Map<String, String> files = new TreeMap<>();
    boolean alias = moves.stream().anyMatch(m -> m.record().aliasTarget() != null);
    if (!moves.isEmpty() && edge.dnsName() == null) {
      notes.action(
          DIR + "/",
          "The DNS change batches point at the placeholder "
              + EdgeTarget.PLACEHOLDER_DNS_NAME
              + ": re-render with --edge-dns-name set to the DNS name of the load balancer in"
              + " front of the edge Traefik before applying them.");
    }
    if (alias && edge.hostedZoneId() == null) {
      notes.action(
          DIR + "/",
          "Alias records move to an alias of the edge load balancer, which needs its canonical"
              + " hosted zone id: re-render with --edge-hosted-zone-id (the batches hold the"
              + " placeholder "
              + EdgeTarget.PLACEHOLDER_ZONE_ID
              + ", which Route53 rejects).");
    }
    Map<String, String> zoneNames = new TreeMap<>();
    inventory.hostedZones().forEach(z -> zoneNames.put(z.id(), z.name()));
    // what the records point at today, in words: classic ELBs, or load balancers once an ALB/NLB is
    // among them
    Set<String> v2 = new java.util.TreeSet<>();
    inventory.loadBalancersV2().forEach(lb -> v2.add(lb.name()));
    boolean anyV2 = moves.stream().anyMatch(m -> v2.contains(m.loadBalancer()));
    String kind = anyV2 ? "AWS load balancer" : "classic ELB";
    // what the README and every zone's page share: the procedure and the edge
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("kind", kind);
    model.put("edgeName", edge.name());
    model.put("edgeZone", edge.zoneId());
    model.put("placeholder", edge.dnsName() == null);
    model.put("zonePlaceholder", alias && edge.hostedZoneId() == null);
    model.put("oldId", OLD_ID);
    model.put("newId", NEW_ID);
    model.put("rollbackWeights", ROLLBACK_WEIGHTS);
    model.put("rollbackRestore", ROLLBACK_RESTORE);
    model.put("rollbackFinished", ROLLBACK_FINISHED);
    model.put("finish", FINISH);
    model.put("percents", STEPS);
    model.put("steps", steps(kind));
    List<Map<String, Object>> zones = new ArrayList<>();
    for (var e : byZone.entrySet()) {
      String zone = e.getKey();
      List<Move> ms = e.getValue();
      String zn = zoneNames.getOrDefault(zone, zone);
      String zoneDir = DIR + "/" + zone + "/";
      int before = files.size();
      int total = STEPS.size() + 1;
      for (int i = 0; i < STEPS.size(); i++) {
        int p = STEPS.get(i);
        List<Object> changes = new ArrayList<>();
        for (Move m : ms) {
          DnsRecord r = m.record();
          if (i == 0) {
            changes.add(change("DELETE", original(r)));
            changes.add(change("CREATE", old(r, 100 - p)));
            changes.add(change("CREATE", edgeRecord(r, edge, p)));
          } else {
            changes.add(change("UPSERT", old(r, 100 - p)));
            changes.add(change("UPSERT", edgeRecord(r, edge, p)));
          }
        }
        String file = weightFile(i);
        files.put(
            zoneDir + file,
            batch(
                "canary2k8s cutover step "
                    + (i + 1)
                    + " of "
                    + total
                    + ": "
                    + p
                    + " % of the moved "
                    + zn
                    + " names to the Kubernetes edge, "
                    + (100 - p)
                    + " % to the "
                    + kind
                    + "s",
                changes));
      }
      List<Object> finish = new ArrayList<>();
      List<Object> afterFinish = new ArrayList<>();
      List<Object> toAws = new ArrayList<>();
      List<Object> restore = new ArrayList<>();
      for (Move m : ms) {
        DnsRecord r = m.record();
        finish.add(change("DELETE", old(r, 0)));
        finish.add(change("DELETE", edgeRecord(r, edge, 100)));
        finish.add(change("CREATE", edgeRecord(r, edge, null)));
        afterFinish.add(change("UPSERT", original(r))); // a simple record replaces a simple record
        toAws.add(change("UPSERT", old(r, 100)));
        toAws.add(change("UPSERT", edgeRecord(r, edge, 0)));
        restore.add(change("DELETE", old(r, 100)));
        restore.add(change("DELETE", edgeRecord(r, edge, 0)));
        restore.add(change("CREATE", original(r)));
      }
      files.put(
          zoneDir + FINISH,
          batch(
              "canary2k8s cutover step "
                  + total
                  + " of "
                  + total
                  + ": the moved "
                  + zn
                  + " names become simple records to the Kubernetes edge",
              finish));
      files.put(
          zoneDir + ROLLBACK_WEIGHTS,
          batch(
              "canary2k8s rollback: all traffic of the moved "
                  + zn
                  + " names back to the "
                  + kind
                  + "s (from steps 1 to "
                  + STEPS.size()
                  + ")",
              toAws));
      files.put(
          zoneDir + ROLLBACK_RESTORE,
          batch(
              "canary2k8s rollback: restore the original "
                  + zn
                  + " records (after "
                  + ROLLBACK_WEIGHTS
                  + ")",
              restore));
      files.put(
          zoneDir + ROLLBACK_FINISHED,
          batch(
              "canary2k8s rollback: restore the original " + zn + " records (after " + FINISH + ")",
              afterFinish));
      List<Map<String, Object>> records = new ArrayList<>();
      for (Move m : ms) {
        DnsRecord r = m.record();
        Map<String, Object> row = new LinkedHashMap<>();
        // names from Route53 and AWS: escaped for a table cell (README.md is read in a browser)
        row.put("name", Md.cellCode(r.name()));
        row.put("type", Md.cell(r.type()));
        row.put("from", Md.cellCode(String.join(", ", r.targets())));
        row.put("how", r.aliasTarget() != null ? "alias" : "TTL " + r.ttl() + " s");
        row.put("app", Md.cellCode(m.app()));
        row.put("loadBalancer", Md.cellCode(m.loadBalancer()));
        records.add(row);
      }
      // the zone's line of the README; its page holds the records as well
      Map<String, Object> z = new LinkedHashMap<>();
      z.put("id", Md.code(zone));
      z.put("idCell", Md.cellCode(zone));
      z.put("shellId", shellWord(Escape.visible(zone)));
      z.put("name", Md.code(zn));
      z.put("nameCell", Md.cellCode(zn));
      z.put("page", Md.href(zone + "/" + README));
      z.put("recordCount", ms.size());
      z.put("batches", files.size() - before);
      z.put(
          "maxTtl",
          ms.stream()
              .map(m -> m.record().ttl() == null ? 60L : m.record().ttl())
              .max(Long::compare)
              .orElse(60L));
      zones.add(z);
      Map<String, Object> page = new LinkedHashMap<>(model);
      page.put("z", z);
      page.put("records", records);
      files.put(zoneDir + README, Review.render("dns-zone.md.ftl", page));
    }
    model.put("zones", zones);
    files.put(DIR + "/" + README, Review.render("dns-readme.md.ftl", model));
    return files;
  }

  /**
   * The steps, the same in every zone: each file, the traffic after it and what it does (with what
   * rolls it back).
   */
  private static List<Map<String, Object>> steps(String kind) {
    List<Map<String, Object>> steps = new ArrayList<>();
    int prev = 0;
    for (int i = 0; i < STEPS.size(); i++) {
      int p = STEPS.get(i);
      steps.add(
          step(
              weightFile(i),
              "Edge " + p + " %, " + kind + " " + (100 - p) + " %",
              (i == 0
                      ? "Replaces each simple record with two weighted records ("
                          + OLD_ID
                          + ", "
                          + NEW_ID
                          + ")"
                      : "Changes the weights ("
                          + kind
                          + "/edge) from "
                          + (100 - prev)
                          + "/"
                          + prev
                          + " to "
                          + (100 - p)
                          + "/"
                          + p)
                  + "; roll back with `"
                  + ROLLBACK_WEIGHTS
                  + "` then `"
                  + ROLLBACK_RESTORE
                  + "`."));
      prev = p;
    }
    steps.add(
        step(
            FINISH,
            "Edge only (simple records)",
            "Removes the weighted records, the "
                + kind
                + "'s (weight 0) included; roll back with `"
                + ROLLBACK_FINISHED
                + "`."));
    return steps;
  }

  /**
   * {@code s} as one word of a POSIX shell command: as it is when it holds only characters no shell
   * reads specially (a Route53 zone id does), else in single quotes.
   */
  static String shellWord(String s) {
    if (!s.isEmpty()
        && s.chars()
            .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "-._".indexOf(c) >= 0))) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** The batch of the {@code i}-th weighted step (from 0): {@code 01-weight-10.json}. */
  private static String weightFile(int i) {
    return String.format(java.util.Locale.ROOT, "%02d-weight-%d.json", i + 1, STEPS.get(i));
  }

  private static Map<String, Object> step(String file, String traffic, String what) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file);
    m.put("traffic", traffic);
    m.put("what", what);
    return m;
  }

  private static String batch(String comment, List<Object> changes) {
    Map<String, Object> b = jsonObject();
    b.put("Comment", comment.length() > 256 ? comment.substring(0, 256) : comment);
    b.put("Changes", changes);
    return Json.write(b);
  }

  /**
   * A JSON object of a change batch. Json writes object keys sorted; a TreeMap already is, so
   * Jackson writes it as it is instead of copying every object into a sorted map first (the batches
   * are 60 MB of JSON at 10,000 apps).
   */
  private static Map<String, Object> jsonObject() {
    return new TreeMap<>();
  }

  /** A resource record value, {@code {"Value": v}}. */
  private static Map<String, Object> value(String v) {
    Map<String, Object> m = jsonObject();
    m.put("Value", v);
    return m;
  }

  private static Map<String, Object> change(String action, Map<String, Object> set) {
    Map<String, Object> c = jsonObject();
    c.put("Action", action);
    c.put("ResourceRecordSet", set);
    return c;
  }

  /** The name as Route53 takes it: fully qualified (a wildcard stays {@code *}). */
  static String fqdn(DnsRecord r) {
    return r.name() + ".";
  }

  static Map<String, Object> original(DnsRecord r) {
    Map<String, Object> s = base(r, null, null);
    target(s, r);
    return s;
  }

  static Map<String, Object> old(DnsRecord r, int weight) {
    Map<String, Object> s = base(r, OLD_ID, weight);
    target(s, r);
    return s;
  }

  /** The record to the edge: weighted when {@code weight} is given, else simple. */
  static Map<String, Object> edgeRecord(DnsRecord r, EdgeTarget edge, Integer weight) {
    Map<String, Object> s = base(r, weight == null ? null : NEW_ID, weight);
    if (r.aliasTarget() != null) {
      Map<String, Object> a = jsonObject();
      a.put("HostedZoneId", edge.zoneId());
      a.put("DNSName", edge.name() + ".");
      a.put("EvaluateTargetHealth", r.aliasTarget().evaluateTargetHealth());
      s.put("AliasTarget", a);
    } else {
      s.put("TTL", r.ttl());
      s.put("ResourceRecords", List.of(value(edge.name())));
    }
    return s;
  }

  private static Map<String, Object> base(DnsRecord r, String setId, Integer weight) {
    Map<String, Object> s = jsonObject();
    s.put("Name", fqdn(r));
    s.put("Type", r.type());
    if (setId != null) {
      s.put("SetIdentifier", setId);
      s.put("Weight", weight);
    }
    return s;
  }

  private static void target(Map<String, Object> s, DnsRecord r) {
    if (r.aliasTarget() != null) {
      Map<String, Object> a = jsonObject();
      a.put("HostedZoneId", r.aliasTarget().hostedZoneId());
      a.put("DNSName", r.aliasTarget().dnsName());
      a.put("EvaluateTargetHealth", r.aliasTarget().evaluateTargetHealth());
      s.put("AliasTarget", a);
    } else {
      s.put("TTL", r.ttl());
      List<Object> values = new ArrayList<>();
      r.values().forEach(v -> values.add(value(v)));
      s.put("ResourceRecords", values);
    }
  }

  /** A record as the subject of a note: {@code Z123 www.example.com A blue}. */
  private static String subject(DnsRecord r) {
    return r.zoneId()
        + " "
        + r.name()
        + " "
        + r.type()
        + (r.setIdentifier() == null ? "" : " " + r.setIdentifier());
  }
}
