package io.canary2k8s.plan;

import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Route53 hosted zones of the inventory, indexed the way a resolver reads them (docs/design.md,
 * "Route53 in front"; RFC 4592): each zone's record sets by name, the names that exist in it (the
 * owners of records and every name between them and the apex, the empty non-terminals), the
 * wildcard that answers a name nobody owns, and which public zone answers a name (the one with the
 * longest name that ends the name: a delegated subdomain's zone answers below it).
 *
 * <p>Public and private zones are kept apart: a private zone answers only inside its VPCs, so a
 * name in a public and a private zone has two views (split horizon), never one group. Two public
 * zones of one name cannot both answer the internet: the first by id is read, with a warning.
 *
 * <p>A record set of a zone the inventory does not list (a hand-written inventory) is read as one
 * of a public zone named by the common parent of its records' names.
 *
 * <p>Built once on the calling thread, read-only after.
 */
final class Route53Zones {

  /** One hosted zone: its record sets by name and the names that exist in it. */
  static final class Zone {
    private final String id;
    private final String name;
    private final boolean privateZone;
    private final List<HostedZone.Vpc> vpcs;
    private final Map<String, List<DnsRecord>> byName = new HashMap<>();
    private final Set<String> existing = new HashSet<>();

    private Zone(String id, String name, boolean privateZone, List<HostedZone.Vpc> vpcs) {
      this.id = id;
      this.name = name;
      this.privateZone = privateZone;
      this.vpcs = List.copyOf(vpcs);
      existing.add(name); // the apex owns its NS and SOA records
    }

    String id() {
      return id;
    }

    String name() {
      return name;
    }

    boolean isPrivate() {
      return privateZone;
    }

    /** Whether {@code host} is the apex or below it. */
    boolean contains(String host) {
      return name.isEmpty() || host.equals(name) || host.endsWith("." + name);
    }

    private void add(DnsRecord r) {
      byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
      for (String n = r.name(); n != null && contains(n); n = parent(n)) {
        if (!existing.add(n)) {
          break; // its ancestors are in already
        }
      }
    }

    /** The record sets owned by {@code host}, in inventory order. */
    List<DnsRecord> at(String host) {
      return byName.getOrDefault(host, List.of());
    }

    /** Whether {@code host} owns a record set, or is an ancestor of one, or is the apex. */
    boolean exists(String host) {
      return existing.contains(host);
    }

    /**
     * The wildcard that answers {@code host} when nobody owns it (RFC 4592): {@code *.} and the
     * closest existing ancestor, when such a record exists; null when the name exists or no
     * wildcard answers it. A wildcard answers at any depth, unless a name on the way exists.
     */
    String wildcardSource(String host) {
      if (exists(host) || !contains(host)) {
        return null;
      }
      return wildcardBelow(parent(host));
    }

    /**
     * The wildcard that answers the names nobody owns directly below {@code parent}: {@code *.} and
     * the closest existing name from {@code parent} up, when such a record exists; else null.
     */
    String wildcardBelow(String parent) {
      for (String anc = parent; anc != null && contains(anc); anc = parent(anc)) {
        if (exists(anc)) {
          String source = "*." + anc;
          return byName.containsKey(source) ? source : null;
        }
      }
      return null;
    }

    /** {@code Z123 (example.com, private: vpc-1 eu-west-1)}, for notes. */
    String describe() {
      StringBuilder b = new StringBuilder(id).append(" (").append(name);
      if (privateZone) {
        b.append(", private");
        if (!vpcs.isEmpty()) {
          List<String> v = new ArrayList<>();
          vpcs.forEach(x -> v.add(x.vpcId() + " " + x.vpcRegion()));
          b.append(" to ").append(String.join(", ", v));
        }
      }
      return b.append(')').toString();
    }
  }

  private final Map<String, Zone> byId = new TreeMap<>();

  /** Public zone name → the zone that answers for it (the first by id). */
  private final Map<String, Zone> publicByName = new HashMap<>();

  Route53Zones(Inventory inventory, Notifier notes) {
    for (HostedZone z : inventory.hostedZones()) {
      byId.put(z.id(), new Zone(z.id(), z.name(), z.privateZone(), z.vpcs()));
    }
    Map<String, List<String>> unlisted = new TreeMap<>();
    for (DnsRecord r : inventory.dnsRecords()) {
      if (!byId.containsKey(r.zoneId())) {
        unlisted.computeIfAbsent(r.zoneId(), k -> new ArrayList<>()).add(r.name());
      }
    }
    unlisted.forEach(
        (id, names) -> byId.put(id, new Zone(id, commonParent(names), false, List.of())));
    Map<String, List<String>> sameName = new TreeMap<>();
    for (Zone z : byId.values()) {
      if (!z.privateZone) {
        publicByName.putIfAbsent(z.name, z);
        sameName.computeIfAbsent(z.name, k -> new ArrayList<>()).add(z.id);
      }
    }
    sameName.forEach(
        (name, ids) -> {
          if (ids.size() > 1) {
            notes.warn(
                String.join(",", ids),
                "Public hosted zones "
                    + ids
                    + " are all named "
                    + Names.printable(name)
                    + ": only the one the domain is delegated to answers the internet. "
                    + ids.get(0)
                    + " (the first by id) is read; the records of the others are not migrated.");
          }
        });
    for (DnsRecord r : inventory.dnsRecords()) {
      byId.get(r.zoneId()).add(r);
    }
  }

  /** The common parent of {@code names} (the suffix all of their parents share), or "". */
  private static String commonParent(List<String> names) {
    String common = null;
    for (String n : names) {
      String p = parent(n);
      p = p == null ? "" : p;
      common = common == null ? p : commonSuffix(common, p);
    }
    return common == null ? "" : common;
  }

  private static String commonSuffix(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    List<String> out = new ArrayList<>();
    for (int i = x.length - 1, j = y.length - 1; i >= 0 && j >= 0 && x[i].equals(y[j]); i--, j--) {
      out.add(0, x[i]);
    }
    return String.join(".", out);
  }

  /** The name without its first label, or null for a single label. */
  static String parent(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? null : name.substring(dot + 1);
  }

  /** The zone of this id; every record's zone is one. */
  Zone zone(String id) {
    return byId.get(id);
  }

  /** Every zone, by id. */
  Collection<Zone> zones() {
    return byId.values();
  }

  /**
   * The public zone that answers {@code host} on the internet: the public zone with the longest
   * name that is {@code host} or ends it; null when none is captured.
   */
  Zone publicZoneFor(String host) {
    for (String n = host; n != null; n = parent(n)) {
      Zone z = publicByName.get(n);
      if (z != null) {
        return z;
      }
    }
    return publicByName.get("");
  }

  /**
   * Whether the internet reads record {@code r}: its zone is public, and the public zone that
   * answers its name (not a delegated subdomain's zone, not another zone of the same name).
   */
  boolean isPublic(DnsRecord r) {
    Zone z = byId.get(r.zoneId());
    return !z.privateZone && publicZoneFor(r.name()) == z;
  }

  /**
   * The private zones that own {@code host}'s record sets, by id, with those record sets (only
   * zones where {@code host} owns some).
   */
  Map<Zone, List<DnsRecord>> privateOwners(String host) {
    Map<Zone, List<DnsRecord>> out = new LinkedHashMap<>();
    for (Zone z : byId.values()) {
      if (z.privateZone && !z.at(host).isEmpty()) {
        out.put(z, z.at(host));
      }
    }
    return out;
  }
}
