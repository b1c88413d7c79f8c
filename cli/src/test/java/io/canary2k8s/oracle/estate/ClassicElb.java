package io.canary2k8s.oracle.estate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A classic ELB: its zones, listeners, cross-zone setting (the truth, whether or not its attributes
 * file is captured), tags, and instances registered by hand (per zone) besides those of the Auto
 * Scaling groups that name it.
 */
public record ClassicElb(
    String name,
    String dnsName,
    List<String> zones,
    List<Listener> listeners,
    boolean crossZone,
    boolean attributesCaptured,
    Map<String, String> tags,
    Map<String, Integer> manualInstances) {

  /** {@code HTTP:80 -> HTTP:8080}. */
  public record Listener(String protocol, int port, String instanceProtocol, int instancePort) {
    /**
     * {@code "HTTP:80"} (instance HTTP:8080), {@code "HTTPS:443"} (instance HTTP:8080), {@code
     * "TCP:5432"} (instance TCP on the same port), {@code "SSL:8443"} (instance TCP:8443), or the
     * full {@code "SSL:443->SSL:8443"}.
     */
    public static Listener parse(String spec) {
      String[] sides = spec.split("->");
      String[] front = sides[0].split(":");
      String protocol = front[0].toUpperCase(Locale.ROOT);
      int port = Integer.parseInt(front[1]);
      if (sides.length == 2) {
        String[] back = sides[1].split(":");
        return new Listener(protocol, port, back[0], Integer.parseInt(back[1]));
      }
      boolean web = protocol.equals("HTTP") || protocol.equals("HTTPS");
      return new Listener(protocol, port, web ? "HTTP" : "TCP", web ? 8080 : port);
    }

    public String label() {
      return protocol + ":" + port;
    }
  }

  public ClassicElb {
    zones = List.copyOf(zones);
    listeners = List.copyOf(listeners);
    tags = Map.copyOf(new TreeMap<>(tags));
    manualInstances = Map.copyOf(new TreeMap<>(manualInstances));
  }

  /** An internet-facing ELB in zones a and b, cross-zone on, with the given listeners. */
  public static ClassicElb of(String name, String... listeners) {
    List<Listener> ls = new ArrayList<>();
    for (String l : listeners) {
      ls.add(Listener.parse(l));
    }
    return new ClassicElb(
        name,
        Zones.dnsLabel(name)
            + "-"
            + Math.abs(name.hashCode() % 1_000_000_000L)
            + "."
            + Zones.REGION
            + ".elb.amazonaws.com",
        Zones.full("a", "b"),
        ls,
        true,
        true,
        Map.of(),
        Map.of());
  }

  public ClassicElb zones(String... z) {
    return new ClassicElb(
        name,
        dnsName,
        Zones.full(z),
        listeners,
        crossZone,
        attributesCaptured,
        tags,
        manualInstances);
  }

  public ClassicElb crossZone(boolean on) {
    return new ClassicElb(
        name, dnsName, zones, listeners, on, attributesCaptured, tags, manualInstances);
  }

  /** The attributes file is not captured (the truth stays {@link #crossZone}). */
  public ClassicElb attributesMissing() {
    return new ClassicElb(name, dnsName, zones, listeners, crossZone, false, tags, manualInstances);
  }

  public ClassicElb tag(String key, String value) {
    Map<String, String> t = new TreeMap<>(tags);
    t.put(key, value);
    return new ClassicElb(
        name, dnsName, zones, listeners, crossZone, attributesCaptured, t, manualInstances);
  }

  /** {@code count} instances registered by hand in {@code zone} (no Auto Scaling group). */
  public ClassicElb manual(String zone, int count) {
    Map<String, Integer> m = new TreeMap<>(manualInstances);
    m.put(Zones.full(zone).get(0), count);
    return new ClassicElb(name, dnsName, zones, listeners, crossZone, attributesCaptured, tags, m);
  }

  public Listener listener(int port) {
    return listeners.stream().filter(l -> l.port() == port).findFirst().orElse(null);
  }
}
