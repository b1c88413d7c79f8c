package io.canary2k8s.discover.live;

import static io.canary2k8s.discover.live.LiveDiscovery.guarded;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.canary2k8s.discover.Route53Mapping;
import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ListHostedZonesResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Route53, read once per run and sequentially (its throttling bucket is account-wide): the zones,
 * each private zone's VPCs ({@code GetHostedZone}), and each zone's record sets.
 *
 * <p>Record sets are paged by hand rather than with the SDK paginator: each next page starts at
 * {@code NextRecordName}, {@code NextRecordType} and {@code NextRecordIdentifier}; records are
 * de-duplicated on (name, type, set identifier); and the loop stops with a WARNING note when a page
 * would start where an earlier one started. Real Route53 never repeats a start, but an emulator
 * that omits {@code NextRecordIdentifier} (moto) re-sends a weighted group from its first member,
 * and loops for ever when the group is at least a page long.
 *
 * <p>Set identifiers: the SDK's {@code Route53IdInterceptor} cuts them after the last {@code /};
 * {@link SetIdentifierKeeper} restores what AWS sent. Should that fail, two records whose cut
 * identifiers collide are reported with a WARNING and the first is kept.
 */
final class Route53Crawl {
  static final String ZONE_PAGE_SIZE = "100";
  static final String RECORD_PAGE_SIZE = "300";
  static final String REGION = "global";

  private static final String LIST_ZONES = "route53:ListHostedZones";
  private static final String LIST_RECORDS = "route53:ListResourceRecordSets";
  private static final String GET_ZONE = "route53:GetHostedZone";

  record Result(List<HostedZone> zones, List<DnsRecord> records) {}

  private final Route53Client route53;
  private final SetIdentifierKeeper setIdentifiers;
  private final boolean allowPartial;
  private final Notifier notes;
  private final Progress progress;
  private int recordsSoFar;

  Route53Crawl(
      Route53Client route53,
      SetIdentifierKeeper setIdentifiers,
      boolean allowPartial,
      Notifier notes,
      Progress progress) {
    this.route53 = route53;
    this.setIdentifiers = setIdentifiers;
    this.allowPartial = allowPartial;
    this.notes = notes;
    this.progress = progress;
  }

  Result read() {
    List<HostedZone> zones =
        guarded(
            allowPartial,
            notes,
            "route53",
            "no hosted zone is in the inventory.",
            List.<HostedZone>of(),
            this::listZones);
    List<HostedZone> withVpcs = new ArrayList<>();
    for (HostedZone zone : zones) {
      withVpcs.add(
          !zone.privateZone()
              ? zone
              : guarded(
                  allowPartial,
                  notes,
                  zone.id(),
                  "the VPCs of private hosted zone " + zone.name() + " are missing.",
                  zone,
                  () -> withVpcs(zone)));
    }
    zones = withVpcs;
    List<DnsRecord> records = new ArrayList<>();
    for (HostedZone zone : zones) {
      records.addAll(
          guarded(
              allowPartial,
              notes,
              zone.id(),
              "the records of hosted zone " + zone.name() + " are missing from the inventory.",
              List.<DnsRecord>of(),
              () -> records(zone)));
    }
    return new Result(zones, records);
  }

  private List<HostedZone> listZones() {
    return Calls.call(
        "route53:ListHostedZones",
        REGION,
        () -> {
          List<HostedZone> all = new ArrayList<>();
          Route53Mapping mapping = new Route53Mapping();
          for (ListHostedZonesResponse page :
              route53.listHostedZonesPaginator(r -> r.maxItems(ZONE_PAGE_SIZE))) {
            for (var z : page.hostedZones()) {
              all.add(
                  mapping.hostedZone(
                      SdkJson.node(z, LIST_ZONES, "HostedZones[" + all.size() + "]"), id -> {}));
            }
            progress.update("route53 hosted zones", REGION, all.size());
          }
          return all;
        });
  }

  /** A private zone with its VPCs ({@code GetHostedZone}). */
  private HostedZone withVpcs(HostedZone zone) {
    return Calls.call(
        GET_ZONE,
        REGION,
        () -> {
          var answer = route53.getHostedZone(r -> r.id(zone.id()));
          return new HostedZone(
              zone.id(),
              zone.name(),
              true,
              Route53Mapping.vpcs(SdkJson.node(answer, GET_ZONE, "")));
        });
  }

  private List<DnsRecord> records(HostedZone zone) {
    return Calls.call("route53:ListResourceRecordSets", REGION, () -> pageRecords(zone));
  }

  private List<DnsRecord> pageRecords(HostedZone zone) {
    Map<String, DnsRecord> byKey = new TreeMap<>();
    Set<List<String>> starts = new HashSet<>();
    String name = null;
    String type = null;
    String identifier = null;
    while (true) {
      if (!starts.add(Arrays.asList(name, type, identifier))) {
        notes.warn(
            zone.id(),
            "Route53 returned the page starting at "
                + name
                + " "
                + type
                + " twice (it gave no NextRecordIdentifier inside a weighted group); paging of"
                + " hosted zone "
                + zone.name()
                + " stopped there, so records after it may be"
                + " missing.");
        break;
      }
      ListResourceRecordSetsRequest request =
          ListResourceRecordSetsRequest.builder()
              .hostedZoneId(zone.id())
              .maxItems(RECORD_PAGE_SIZE)
              .startRecordName(name)
              .startRecordType(type)
              .startRecordIdentifier(identifier)
              .build();
      setIdentifiers.take(); // forget anything stale on this thread
      ListResourceRecordSetsResponse page = route53.listResourceRecordSets(request);
      List<String> sent = setIdentifiers.take();
      List<ResourceRecordSet> sets = page.resourceRecordSets();
      for (int i = 0; i < sets.size(); i++) {
        ResourceRecordSet r = sets.get(i);
        ObjectNode json = SdkJson.object(r);
        String setId = r.setIdentifier();
        if (setId != null && sent != null && sent.size() == sets.size()) {
          String original = sent.get(i);
          if (original != null && original.substring(original.lastIndexOf('/') + 1).equals(setId)) {
            setId = original;
            json.put("SetIdentifier", original);
          }
        }
        DnsRecord rec =
            Route53Mapping.record(
                zone.id(), new Node(json, LIST_RECORDS, "ResourceRecordSets[" + i + "]"));
        if (rec == null) {
          continue;
        }
        String key = rec.name() + " " + rec.type() + " " + (setId == null ? "" : setId);
        DnsRecord before = byKey.putIfAbsent(key, rec);
        if (before != null && !before.equals(rec)) {
          notes.warn(
              zone.id(),
              "Two different record sets "
                  + rec.name()
                  + " "
                  + rec.type()
                  + " have the set identifier '"
                  + setId
                  + "' as read through the AWS SDK (it"
                  + " cuts set identifiers after the last '/'); only the first is kept.");
        }
      }
      recordsSoFar += sets.size();
      progress.update("route53 records", REGION, recordsSoFar);
      if (!Boolean.TRUE.equals(page.isTruncated())) {
        break;
      }
      name = page.nextRecordName();
      type = page.nextRecordTypeAsString();
      identifier = page.nextRecordIdentifier();
    }
    return new ArrayList<>(byKey.values());
  }
}
