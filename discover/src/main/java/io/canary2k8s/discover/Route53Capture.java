package io.canary2k8s.discover;

import static io.canary2k8s.discover.CaptureLayout.R53_ZONES;
import static io.canary2k8s.discover.CaptureLayout.bareZoneId;
import static io.canary2k8s.discover.CaptureLayout.zoneDetails;
import static io.canary2k8s.discover.CaptureLayout.zoneRecords;

import io.canary2k8s.input.InputException;
import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Route53 part of a capture: the hosted zones, each private zone's optional {@code
 * get-hosted-zone} output (its VPCs) and each zone's record sets (required once the zone is
 * listed), through {@link Route53Mapping}. A capture's record sets are checked as Route53 keeps
 * them: one routing policy per name and type, one record set per name, type and set identifier.
 */
final class Route53Capture {
  /** What the part came to. */
  record Result(List<HostedZone> zones, List<DnsRecord> records) {}

  private final CaptureFiles files;
  private final Notifier n;

  Route53Capture(CaptureFiles files, Notifier n) {
    this.files = files;
    this.n = n;
  }

  Result read() {
    Route53Mapping mapping = new Route53Mapping();
    List<HostedZone> zones = new ArrayList<>();
    for (Node z : files.results(R53_ZONES, "HostedZones")) {
      zones.add(
          mapping.hostedZone(
              z,
              id -> {
                if (!CaptureReader.isSafeFileName(id)) {
                  throw z.problem("Id", "'" + id + "' is not a hosted zone id");
                }
              }));
    }
    List<HostedZone> withVpcs = new ArrayList<>();
    for (HostedZone zone : zones) {
      withVpcs.add(zone.privateZone() ? withVpcs(zone) : zone);
    }
    List<DnsRecord> records = new ArrayList<>();
    for (HostedZone zone : withVpcs) {
      records.addAll(records(zone));
    }
    return new Result(withVpcs, records);
  }

  /** A private zone with the VPCs of its optional {@code get-hosted-zone} output. */
  private HostedZone withVpcs(HostedZone zone) {
    String rel = zoneDetails(zone.id());
    if (!files.exists(rel)) {
      n.info(
          zone.id(),
          "Private hosted zone "
              + zone.name()
              + ": its VPCs were not captured ("
              + rel
              + ", 'aws route53 get-hosted-zone --id "
              + zone.id()
              + "'); it answers only clients inside them.");
      return zone;
    }
    Node doc = files.document(rel, "HostedZone");
    Node hz = doc.get("HostedZone");
    String id = bareZoneId(hz.text("Id"));
    if (!id.equals(zone.id())) {
      throw hz.problem(
          "Id", "is " + id + ", not the zone " + zone.id() + " this file is named for");
    }
    return new HostedZone(zone.id(), zone.name(), true, Route53Mapping.vpcs(doc));
  }

  private List<DnsRecord> records(HostedZone zone) {
    String rel = zoneRecords(zone.id());
    if (!files.exists(rel)) {
      throw new InputException(
          files.shown(rel),
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
    for (Node r : files.results(rel, "ResourceRecordSets")) {
      DnsRecord rec = Route53Mapping.record(zone.id(), r);
      if (rec == null) {
        continue;
      }
      String name = rec.name();
      String type = rec.type();
      String setId = rec.setIdentifier();
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
}
