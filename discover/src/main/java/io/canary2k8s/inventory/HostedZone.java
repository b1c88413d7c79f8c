package io.canary2k8s.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;

/**
 * A Route53 hosted zone.
 *
 * @param id the bare zone id ({@code Z123...}, no {@code /hostedzone/})
 * @param name the normalised zone name (see {@link DnsNames#normalise(String)})
 * @param privateZone whether the zone answers only inside its VPCs
 * @param vpcs the VPCs a private zone answers in, when they were read ({@code get-hosted-zone});
 *     empty (and left out of inventory.json) otherwise
 */
public record HostedZone(
    String id,
    String name,
    boolean privateZone,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Vpc> vpcs) {

  public HostedZone {
    vpcs = Sorted.list(vpcs, Comparator.comparing(Vpc::vpcRegion).thenComparing(Vpc::vpcId));
  }

  /** A zone whose VPCs were not read. */
  public HostedZone(String id, String name, boolean privateZone) {
    this(id, name, privateZone, List.of());
  }

  /** A VPC a private zone is associated with. */
  public record Vpc(String vpcId, String vpcRegion) {}
}
