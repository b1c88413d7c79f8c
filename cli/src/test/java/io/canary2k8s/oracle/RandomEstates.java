package io.canary2k8s.oracle;

import static io.canary2k8s.oracle.estate.V2LoadBalancer.forward;
import static io.canary2k8s.oracle.estate.V2LoadBalancer.listen;

import io.canary2k8s.oracle.estate.Asg;
import io.canary2k8s.oracle.estate.ClassicElb;
import io.canary2k8s.oracle.estate.Estate;
import io.canary2k8s.oracle.estate.HostedZone;
import io.canary2k8s.oracle.estate.TargetGroup;
import io.canary2k8s.oracle.estate.V2LoadBalancer;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Action;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random estates: one to three apps, each a classic ELB (sometimes with a blue/green twin behind
 * weighted records, or a canary-only ELB with a name of its own) or an ALB with host and path rules
 * and weighted forwards; the {@link Feature}s of the run added at random.
 */
final class RandomEstates {
  private static final String[] ZONE_LETTERS = {"a", "b", "c"};

  private final Random rnd;
  private final Set<Feature> features;
  private final List<Object> parts = new ArrayList<>();
  private HostedZone zone = HostedZone.publicZone("ZRANDOM000000001", "example.com");
  private HostedZone privateZone = HostedZone.privateZone("ZRANDOMPRIVATE01", "example.com");

  /** The DNS names of the load balancers made so far, and the names of the apps' hosts. */
  private final List<String> lbDns = new ArrayList<>();

  private final List<String> classicDns = new ArrayList<>();
  private final List<String> albDns = new ArrayList<>();
  private final List<String> hosts = new ArrayList<>();

  /** Each ALB app's name and its load balancer's DNS name, for {@link #wildcardCollisions}. */
  private final List<List<String>> albHosts = new ArrayList<>();

  /**
   * Whether wildcards are made to collide with explicit names ({@link #withWildcardCollisions}).
   */
  private boolean collide;

  private RandomEstates(Random rnd, Set<Feature> features) {
    this.rnd = rnd;
    this.features = features;
  }

  /** A random estate; each enabled feature appears with probability one half. */
  static Estate generate(Random rnd, Set<Feature> features) {
    return new RandomEstates(rnd, features).build();
  }

  /**
   * A random estate as {@link #generate} makes it, whose wildcards collide with other names: the
   * zone's {@code *} and a wildcard under an app's name on other load balancers than the explicit
   * names they cover, a nested wildcard under that one with an explicit name of its own, a weighted
   * wildcard beside an explicit name of another split, and ALB host rules with wildcard host
   * conditions ({@code *.}, nested, {@code ?}) that the zone's wildcards send requests to.
   */
  static Estate withWildcardCollisions(Random rnd, Set<Feature> features) {
    RandomEstates r = new RandomEstates(rnd, features);
    r.collide = true;
    return r.build();
  }

  private boolean maybe(Feature f) {
    return features.contains(f) && rnd.nextBoolean();
  }

  private Estate build() {
    int apps = 1 + rnd.nextInt(3);
    for (int a = 0; a < apps; a++) {
      if (rnd.nextInt(5) < 3) {
        classicApp("app" + a);
      } else {
        albApp("app" + a);
      }
    }
    if (maybe(Feature.TCP_LISTENERS)) {
      nlbApp("queue");
    }
    if (maybe(Feature.CROSS_LB_PATHS) && !classicDns.isEmpty()) {
      if (albDns.isEmpty()) {
        albApp("mixed");
      }
      zone = zone.weighted("mixed-shop", "classic", 1 + rnd.nextInt(9), pick(classicDns));
      zone = zone.weighted("mixed-shop", "alb", 1 + rnd.nextInt(9), pick(albDns));
    }
    if (maybe(Feature.WILDCARD_RECORDS)) {
      String host = pick(hosts);
      zone = zone.alias("*." + host.substring(0, host.indexOf('.')), pick(lbDns));
      zone = zone.cname("*", pick(lbDns));
    }
    if (maybe(Feature.FAILOVER_RECORDS)) {
      zone = zone.failover("pay", "PRIMARY", pick(lbDns)).failover("pay", "SECONDARY", pick(lbDns));
    }
    if (maybe(Feature.LATENCY_RECORDS)) {
      zone = zone.latency("api", "eu-west-1", pick(lbDns)).latency("api", "us-east-1", pick(lbDns));
    }
    if (maybe(Feature.ALIAS_CHAINS)) {
      String host = pick(hosts);
      zone = zone.aliasInZone("www." + host, host).cname("m." + host, "www." + host);
    }
    if (collide) {
      wildcardCollisions();
    }
    if (maybe(Feature.PRIVATE_ZONES)) {
      privateZone = privateZone.alias(pick(hosts), pick(lbDns)).alias("internal", pick(lbDns));
      parts.add(privateZone);
    }
    parts.add(zone);
    return Estate.of(parts.toArray());
  }

  /**
   * Wildcards over explicit names of other load balancers and splits. Each goes only where the zone
   * has no record of that name yet (a CNAME and an A record cannot share a name).
   */
  private void wildcardCollisions() {
    // the wildcards under an ALB's names, at random on that ALB (then its wildcard host rules
    // take their requests)
    for (List<String> h : albHosts) {
      for (String w : List.of("*." + h.get(0), "*.eu." + h.get(0))) {
        if (rnd.nextBoolean() && free(w)) {
          zone = zone.alias(w, h.get(1));
        }
      }
    }
    if (free("*")) {
      zone = rnd.nextBoolean() ? zone.alias("*", pick(lbDns)) : zone.cname("*", pick(lbDns));
    }
    String host = pick(hosts);
    if (free("*." + host)) {
      zone = zone.alias("*." + host, pick(lbDns));
    }
    // nested: a wildcard under the one above, and an explicit name under the nested one
    if (free("*.eu." + host)) {
      zone = zone.alias("*.eu." + host, pick(lbDns));
    }
    if (free("static.eu." + host)) {
      zone = zone.alias("static.eu." + host, pick(lbDns));
    }
    // a weighted wildcard (another split) beside an explicit name on yet another load balancer:
    // its two load balancers may listen on different ports, which is the known gap
    // UNEVEN_LISTENERS (a name's split ignores which of its load balancers listen on the request's
    // port), so it comes only with that feature
    if (features.contains(Feature.UNEVEN_LISTENERS) && free("*.shop")) {
      zone = zone.weighted("*.shop", "one", 1 + rnd.nextInt(9), pick(lbDns));
      zone = zone.weighted("*.shop", "two", rnd.nextInt(10), pick(lbDns));
      zone = zone.alias("www.shop", pick(lbDns));
    }
  }

  /** Whether the zone has no record named {@code relative} yet. */
  private boolean free(String relative) {
    String name = zone.fqdn(relative);
    return zone.records().stream().noneMatch(r -> r.name().equals(name));
  }

  private String pick(List<String> from) {
    return from.get(rnd.nextInt(from.size()));
  }

  private String[] someZones() {
    List<String> z = new ArrayList<>();
    for (String letter : ZONE_LETTERS) {
      if (rnd.nextBoolean()) {
        z.add(letter);
      }
    }
    if (z.isEmpty()) {
      z.add(ZONE_LETTERS[rnd.nextInt(ZONE_LETTERS.length)]);
    }
    return z.toArray(String[]::new);
  }

  /**
   * The groups of one track set: a stable group and zero to two canaries, each in some zones; the
   * stable one tagged or strictly the largest, so that it is the stable track either way.
   */
  private List<Asg> groups(String app) {
    List<Asg> out = new ArrayList<>();
    boolean larger = maybe(Feature.CANARY_LARGER);
    int stable = 2 + rnd.nextInt(11);
    boolean tagged = larger || rnd.nextBoolean();
    // names need not say which is which: the tag, else the largest group, is the stable one
    String[] stableNames = {"stable", "main", "live"};
    String[] canaryNames = {"canary", "next", "v2"};
    Asg s = Asg.of(app + "-" + stableNames[rnd.nextInt(3)], stable, someZones());
    out.add(tagged ? s.track("stable") : s);
    int canaries = rnd.nextInt(3);
    for (int c = 0; c < canaries; c++) {
      int desired =
          larger && c == 0 ? stable + 1 + rnd.nextInt(6) : rnd.nextInt(Math.min(6, stable));
      String name = app + "-" + canaryNames[rnd.nextInt(3)] + (c == 0 ? "" : "-" + c);
      out.add(Asg.of(name, desired, someZones()));
    }
    for (int i = 0; i < out.size(); i++) {
      Asg g = out.get(i);
      if (rnd.nextInt(4) == 0 && !g.instances().isEmpty()) {
        // right now one instance is still pending and another unhealthy: desired counts neither
        List<Asg.Instance> now = new ArrayList<>(g.instances().subList(1, g.instances().size()));
        Asg.Instance first = g.instances().get(0);
        now.add(new Asg.Instance(first.id(), first.zone(), "Pending", "Healthy"));
        now.add(new Asg.Instance(first.id() + "u", first.zone(), "InService", "Unhealthy"));
        out.set(i, g.instances(now));
      }
    }
    if (maybe(Feature.CAPACITY_UNITS)) {
      int units = 2 + rnd.nextInt(3);
      Asg g = out.get(rnd.nextInt(out.size()));
      out.set(
          out.indexOf(g),
          new Asg(
              g.name(),
              g.desired() * units,
              g.zones(),
              g.tags(),
              g.loadBalancers(),
              g.targetGroups(),
              units,
              null));
    }
    return out;
  }

  private static final String[][] LISTENER_SETS = {
    {"HTTP:80"}, {"HTTP:80", "HTTPS:443"}, {"HTTPS:443"}
  };

  private String[] someListeners() {
    return LISTENER_SETS[rnd.nextInt(LISTENER_SETS.length)];
  }

  /**
   * A classic ELB in some zones, at least one of them a zone of {@code serving} (so that it has
   * instances) unless an empty load balancer is a feature of the run.
   */
  private ClassicElb classic(String name, String[] listeners, Asg serving) {
    ClassicElb e = ClassicElb.of(name, listeners);
    if (maybe(Feature.TCP_LISTENERS)) {
      List<ClassicElb.Listener> ls = new ArrayList<>(e.listeners());
      ls.add(ClassicElb.Listener.parse(rnd.nextBoolean() ? "TCP:5432" : "SSL:8443"));
      e =
          new ClassicElb(
              e.name(),
              e.dnsName(),
              e.zones(),
              ls,
              e.crossZone(),
              true,
              e.tags(),
              e.manualInstances());
    }
    List<String> zones = new ArrayList<>(List.of(someZones()));
    String home = serving.zones().get(0);
    String letter = home.substring(home.length() - 1);
    if (serving.desired() > 0 && !zones.contains(letter) && !maybe(Feature.EMPTY_TARGETS)) {
      zones.add(letter);
    }
    e = e.zones(zones.toArray(String[]::new)).crossZone(rnd.nextBoolean());
    if (e.crossZone() && rnd.nextInt(5) == 0) {
      e = e.attributesMissing(); // the product then assumes on: the truth here
    }
    lbDns.add(e.dnsName());
    classicDns.add(e.dnsName());
    parts.add(e);
    return e;
  }

  private void classicApp(String app) {
    String[] listeners = someListeners();
    List<Asg> groups = groups(app);
    ClassicElb elb = classic(app, listeners, groups.get(0));
    for (Asg g : groups) {
      parts.add(g.behind(app));
    }
    String host = app + ".example.com";
    hosts.add(host);
    switch (rnd.nextInt(4)) {
      case 0 -> zone = zone.cname(host, elb.dnsName());
      case 1 -> zone = zone.alias(host, elb.dnsName()).alias(host, "AAAA", elb.dnsName());
      case 2 -> {
        // a twin with other listeners: AWS refuses the scheme it lacks for its share of the name
        List<Asg> greens = groups(app + "-green");
        ClassicElb green =
            classic(
                app + "-green",
                maybe(Feature.UNEVEN_LISTENERS) ? someListeners() : listeners,
                greens.get(0));
        for (Asg g : greens) {
          parts.add(g.behind(app + "-green"));
        }
        zone =
            zone.weighted(host, "blue", rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(256), elb.dnsName());
        zone = zone.weighted(host, "green", rnd.nextInt(256), green.dnsName());
        if (rnd.nextInt(3) == 0) {
          zone = zone.withoutTargetHealth(host); // an empty twin then keeps its share, as 503s
        }
      }
      default -> {
        zone = zone.alias(host, elb.dnsName());
        Asg only = Asg.of(app + "-canary-only", rnd.nextInt(4), someZones());
        ClassicElb canary = classic(app + "-canary", someListeners(), only);
        parts.add(only.behind(app + "-canary"));
        zone = zone.alias("canary." + host, canary.dnsName());
        hosts.add("canary." + host);
      }
    }
  }

  private void albApp(String app) {
    List<String> tgs = new ArrayList<>();
    List<Asg> groups = groups(app);
    for (Asg g : groups) {
      TargetGroup tg = TargetGroup.of(g.name());
      String cz = List.of("true", "false", TargetGroup.USE_LB).get(rnd.nextInt(3));
      parts.add(tg.crossZone(cz));
      tgs.add(tg.name());
      parts.add(g.in(tg.name()));
    }
    String host = app + ".example.com";
    String admin = "admin." + host;
    hosts.add(host);
    hosts.add(admin);
    boolean https = rnd.nextBoolean();
    V2LoadBalancer.Listener main =
        listen(https ? "HTTPS" : "HTTP", https ? 443 : 80, weighted(tgs));
    int rules = rnd.nextInt(4);
    for (int r = 0; r < rules; r++) {
      int priority = 10 * (r + 1);
      Condition c =
          switch (rnd.nextInt(3)) {
            case 0 -> Condition.host(rnd.nextBoolean() ? admin : host);
            case 1 -> Condition.path("/api" + r + "/*");
            default -> Condition.path("/exact" + r);
          };
      main = main.rule(priority, weighted(tgs), c);
    }
    if (maybe(Feature.ALB_WILDCARD_CONDITIONS)) {
      main = main.rule(5, weighted(tgs), Condition.path("/v?/beta/*"));
      main = main.rule(6, weighted(tgs), Condition.host("*." + host));
    }
    if (maybe(Feature.ALB_UNMIGRATED_RULES)) {
      main = main.rule(7, weighted(tgs), Condition.header("X-Canary", "always"));
      main = main.rule(8, new V2LoadBalancer.Fixed(410), Condition.path("/legacy/*"));
    }
    if (collide) {
      // wildcard host conditions that the zone's wildcards below send requests to
      main = main.rule(2, weighted(tgs), Condition.host("*.eu." + host));
      main = main.rule(3, weighted(tgs), Condition.host("*." + host));
      main = main.rule(4, weighted(tgs), Condition.host("api-?." + host));
    }
    V2LoadBalancer alb = V2LoadBalancer.alb(app + "-alb").zones(someZones()).listener(main);
    if (https) {
      alb = alb.listener(listen("HTTP", 80, V2LoadBalancer.toHttps()));
    }
    parts.add(alb);
    lbDns.add(alb.dnsName());
    albDns.add(alb.dnsName());
    zone = zone.alias(host, alb.dnsName()).alias(admin, alb.dnsName());
    if (collide) {
      zone = zone.alias("api-1." + host, alb.dnsName());
      albHosts.add(List.of(host, alb.dnsName()));
    }
  }

  private void nlbApp(String app) {
    List<Asg> groups = groups(app);
    TargetGroup tg = TargetGroup.tcp(app, 6379);
    parts.add(tg);
    for (Asg g : groups) {
      parts.add(g.in(tg.name()));
    }
    V2LoadBalancer nlb =
        V2LoadBalancer.nlb(app + "-nlb")
            .zones(someZones())
            .crossZone(rnd.nextBoolean())
            .listener(listen(rnd.nextBoolean() ? "TCP" : "TLS", 6379, forward(tg.name())));
    parts.add(nlb);
    zone = zone.alias(app, nlb.dnsName());
  }

  /** A forward to some of the groups, weights 0..999 (not all zero), sometimes without weights. */
  private Action weighted(List<String> tgs) {
    if (tgs.size() == 1 || rnd.nextInt(4) == 0) {
      return forward(tgs.get(rnd.nextInt(tgs.size())));
    }
    List<Object> args = new ArrayList<>();
    int nonZero = 0;
    for (String tg : tgs) {
      int w = rnd.nextInt(6) == 0 ? 0 : 1 + rnd.nextInt(999);
      nonZero += w;
      args.add(tg);
      args.add(w);
    }
    if (nonZero == 0) {
      args.set(1, 1);
    }
    return forward(args.toArray());
  }
}
