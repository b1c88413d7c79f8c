package io.canary2k8s.oracle;

import static io.canary2k8s.oracle.estate.V2LoadBalancer.forward;
import static io.canary2k8s.oracle.estate.V2LoadBalancer.listen;
import static io.canary2k8s.oracle.estate.V2LoadBalancer.toHttps;

import io.canary2k8s.oracle.estate.Asg;
import io.canary2k8s.oracle.estate.ClassicElb;
import io.canary2k8s.oracle.estate.Estate;
import io.canary2k8s.oracle.estate.HostedZone;
import io.canary2k8s.oracle.estate.TargetGroup;
import io.canary2k8s.oracle.estate.V2LoadBalancer;
import io.canary2k8s.oracle.estate.V2LoadBalancer.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-built estates: the shapes of {@code samples/} and the shapes the routing promise is
 * hardest to keep on. An entry may name, per target, a difference the product has today (a known
 * gap): the check must then find it, so that the entry is switched back on when it is fixed.
 */
final class HandBuilt {
  /**
   * A difference the product has today on one target: the probes (those whose description contains
   * {@code probe}, e.g. {@code "http://www.example.com/"} or {@code "TCP:5432"}) it routes
   * otherwise than AWS without a note saying so, and why.
   */
  record Gap(String target, String probe, String why) {
    /** {@code host/path} covers both schemes; a listener ({@code TCP:5432}) its listener probe. */
    boolean covers(String p) {
      return p.equals(probe)
          || p.endsWith("://" + probe)
          || (p.startsWith("listener ") && p.contains(" " + probe));
    }
  }

  /** A named estate and its known gaps (none: it must pass everywhere). */
  record Case(String name, Estate estate, List<Gap> gaps) {
    Case gap(String target, String probe, String why) {
      List<Gap> g = new ArrayList<>(gaps);
      g.add(new Gap(target, probe, why));
      return new Case(name, estate, List.copyOf(g));
    }

    Case gapEverywhere(String probe, String why) {
      Case c = this;
      for (String t : OracleCheck.TARGETS) {
        c = c.gap(t, probe, why);
      }
      return c;
    }

    List<Gap> gaps(String target) {
      return gaps.stream().filter(g -> g.target().equals(target)).toList();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private HandBuilt() {}

  static Case of(String name, Object... parts) {
    return new Case(name, Estate.of(parts), List.of());
  }

  static List<Case> all() {
    List<Case> out = new ArrayList<>();
    out.add(razorpay());
    out.add(crossZoneOff());
    out.add(canaryAtZero());
    out.add(route53Weighted());
    out.add(albWeighted());
    out.add(aliasRecords());
    out.add(wildcardNextToExplicit());
    out.add(failover());
    out.add(publicAndPrivate());
    out.add(aliasChain());
    out.add(weightedAcrossElbAndAlb());
    out.add(weightedAcrossTwoAlbs());
    out.add(weightedAcrossAlbsPartialPaths());
    out.add(canaryLarger());
    out.add(tcpAndSslOnClassic());
    out.add(nlbTcpAndTls());
    out.add(latency());
    out.add(albWildcardConditions());
    out.add(capacityUnits());
    out.add(emptyTargetGroup());
    out.add(unnamedLoadBalancer());
    out.add(targetHealth());
    out.add(unevenListeners());
    out.add(tlsWildcardOverEmptyElb());
    return out;
  }

  /** samples/razorpay-myapp: 9 stable, 1 canary behind one ELB, cross-zone on, HTTP and HTTPS. */
  static Case razorpay() {
    ClassicElb elb = ClassicElb.of("myapp", "HTTP:80", "HTTPS:443");
    ClassicElb canary = ClassicElb.of("myapp-canary", "HTTP:80");
    return of(
        "razorpay-myapp",
        elb,
        canary,
        Asg.of("myapp-stable", 9, "a", "b").behind("myapp").track("stable"),
        Asg.of("myapp-canary", 1, "a", "b").behind("myapp", "myapp-canary"),
        HostedZone.publicZone("ZRAZOR0000000001", "example.com")
            .cname("myapp", elb.dnsName())
            .alias("canary.myapp", canary.dnsName()));
  }

  /** samples/cross-zone-off: the canary in one zone of three, alias, wildcard, outside CNAME. */
  static Case crossZoneOff() {
    ClassicElb elb = ClassicElb.of("checkout", "HTTP:80").zones("a", "b", "c").crossZone(false);
    return of(
        "cross-zone-off",
        elb,
        Asg.of("checkout-stable", 6, "a", "b", "c").behind("checkout").track("stable"),
        Asg.of("checkout-canary", 1, "a").behind("checkout"),
        HostedZone.publicZone("ZCROSSZONE000001", "shop.example.org")
            .alias("checkout", elb.dnsName())
            .alias("checkout", "AAAA", elb.dnsName())
            .cname("*.checkout", elb.dnsName())
            .cname("www", "shop-frontend.example.net"));
  }

  /** samples/canary-at-zero: a canary at 0, a canary-only ELB, an ELB of hand-made instances. */
  static Case canaryAtZero() {
    ClassicElb search = ClassicElb.of("search", "HTTP:80").attributesMissing();
    ClassicElb canary = ClassicElb.of("search-canary", "HTTP:80").attributesMissing();
    ClassicElb legacy = ClassicElb.of("legacy-admin", "HTTP:80").manual("a", 1);
    return of(
        "canary-at-zero",
        search,
        canary,
        legacy,
        Asg.of("search-stable", 4, "a", "b").behind("search"),
        Asg.of("search-canary", 0, "a", "b").behind("search", "search-canary"),
        Asg.of("batch-workers", 3, "a"),
        HostedZone.publicZone("ZCANARYZERO00001", "example.net")
            .cname("search", search.dnsName())
            .cname("search-canary", canary.dnsName())
            .alias("admin", legacy.dnsName()));
  }

  /** samples/route53-weighted: blue 80, green 20 (3:1 itself), old 0; a CNAME for green alone. */
  static Case route53Weighted() {
    ClassicElb blue = ClassicElb.of("shop-blue", "HTTP:80");
    ClassicElb green = ClassicElb.of("shop-green", "HTTP:80");
    ClassicElb old = ClassicElb.of("shop-old", "HTTP:80");
    return of(
        "route53-weighted",
        blue,
        green,
        old,
        Asg.of("shop-blue", 4, "a", "b").behind("shop-blue").track("stable"),
        Asg.of("shop-green", 3, "a", "b").behind("shop-green"),
        Asg.of("shop-green-canary", 1, "a", "b").behind("shop-green"),
        Asg.of("shop-old", 2, "a", "b").behind("shop-old"),
        HostedZone.publicZone("ZSHOPWEIGHTED001", "example.com")
            .weighted("shop", "blue", 80, blue.dnsName())
            .weighted("shop", "green", 20, green.dnsName())
            .weighted("shop", "old", 0, old.dnsName())
            .cname("green.shop", green.dnsName()));
  }

  /**
   * One name weighted 3:1:1 over an ELB with HTTP and HTTPS, one with HTTP only and one with HTTPS
   * only: AWS refuses each scheme's share of the ELB that does not listen on its port.
   */
  static Case unevenListeners() {
    ClassicElb both = ClassicElb.of("pay", "HTTP:80", "HTTPS:443");
    ClassicElb plain = ClassicElb.of("pay-plain", "HTTP:80");
    ClassicElb secure = ClassicElb.of("pay-secure", "HTTPS:443");
    return of(
        "uneven-listeners",
        both,
        plain,
        secure,
        Asg.of("pay-main", 6, "a", "b").behind("pay").track("stable"),
        Asg.of("pay-canary", 2, "a", "b").behind("pay", "pay-secure"),
        Asg.of("pay-plain", 2, "a", "b").behind("pay-plain"),
        Asg.of("pay-secure", 2, "a", "b").behind("pay-secure"),
        HostedZone.publicZone("ZUNEVENLISTEN001", "example.com")
            .weighted("pay", "both", 3, both.dnsName())
            .weighted("pay", "plain", 1, plain.dnsName())
            .weighted("pay", "secure", 1, secure.dnsName()));
  }

  /**
   * samples/alb-weighted: default 90/10, a host rule pinning admin to stable, /api/* at 50/50, a
   * header rule and a fixed response (not migrated, warned), HTTP:80 redirecting to HTTPS.
   */
  static Case albWeighted() {
    V2LoadBalancer alb =
        V2LoadBalancer.alb("web-alb")
            .listener(
                listen("HTTPS", 443, forward("web-stable", 90, "web-canary", 10))
                    .rule(10, forward("web-stable"), Condition.host("admin.example.com"))
                    .rule(20, forward("web-stable", 50, "web-canary", 50), Condition.path("/api/*"))
                    .rule(30, forward("web-canary"), Condition.header("X-Canary", "always"))
                    .rule(40, new V2LoadBalancer.Fixed(410), Condition.path("/legacy/*")))
            .listener(listen("HTTP", 80, toHttps()));
    return of(
        "alb-weighted",
        alb,
        TargetGroup.of("web-stable"),
        TargetGroup.of("web-canary").crossZone("false"),
        Asg.of("web-stable", 6, "a", "b").in("web-stable").track("stable"),
        Asg.of("web-canary", 2, "a", "b").in("web-canary").track("canary"),
        HostedZone.publicZone("ZWEBALB000000001", "example.com")
            .alias("admin", alb.dnsName())
            .alias("www", alb.dnsName()));
  }

  /** samples/alias-records: dualstack A and AAAA aliases at the apex and www; HTTP-only ELB. */
  static Case aliasRecords() {
    ClassicElb api = ClassicElb.of("api", "HTTP:80", "HTTPS:443");
    ClassicElb stat = ClassicElb.of("static", "HTTP:80");
    return of(
        "alias-records",
        api,
        stat,
        Asg.of("api-stable", 5, "a", "b").behind("api").track("stable"),
        Asg.of("api-canary", 1, "b").behind("api"),
        Asg.of("static-web", 2, "a", "b").behind("static"),
        HostedZone.publicZone("ZALIASRECORDS001", "example.org")
            .alias("@", api.dnsName())
            .alias("@", "AAAA", api.dnsName())
            .alias("www", api.dnsName())
            .alias("www", "AAAA", api.dnsName())
            .alias("static", stat.dnsName()));
  }

  /** A wildcard next to an explicit name, on different ELBs: the explicit name must win. */
  static Case wildcardNextToExplicit() {
    ClassicElb catchAll = ClassicElb.of("tenants", "HTTP:80", "HTTPS:443");
    ClassicElb www = ClassicElb.of("www", "HTTP:80", "HTTPS:443");
    return of(
        "wildcard-next-to-explicit",
        catchAll,
        www,
        Asg.of("tenants-stable", 3, "a", "b").behind("tenants").track("stable"),
        Asg.of("tenants-canary", 1, "a", "b").behind("tenants"),
        Asg.of("www-stable", 9, "a", "b").behind("www").track("stable"),
        Asg.of("www-canary", 1, "a", "b").behind("www"),
        HostedZone.publicZone("ZWILDCARD0000001", "example.com")
            .alias("*", catchAll.dnsName())
            .alias("www", www.dnsName()));
  }

  /** A failover pair: the PRIMARY answers. */
  static Case failover() {
    ClassicElb primary = ClassicElb.of("pay-primary", "HTTP:80");
    ClassicElb secondary = ClassicElb.of("pay-standby", "HTTP:80");
    return of(
        "failover",
        primary,
        secondary,
        Asg.of("pay-stable", 4, "a", "b").behind("pay-primary").track("stable"),
        Asg.of("pay-canary", 1, "a", "b").behind("pay-primary"),
        Asg.of("pay-standby", 2, "a", "b").behind("pay-standby"),
        HostedZone.publicZone("ZFAILOVER0000001", "example.com")
            .failover("pay", "PRIMARY", primary.dnsName())
            .failover("pay", "SECONDARY", secondary.dnsName()));
  }

  /** One name in a public and a private zone (split horizon): internet clients see the public. */
  static Case publicAndPrivate() {
    ClassicElb outside = ClassicElb.of("portal", "HTTP:80");
    ClassicElb inside = ClassicElb.of("portal-internal", "HTTP:80");
    return of(
        "public-and-private",
        outside,
        inside,
        Asg.of("portal-stable", 4, "a", "b").behind("portal").track("stable"),
        Asg.of("portal-canary", 1, "a", "b").behind("portal"),
        Asg.of("portal-internal", 2, "a", "b").behind("portal-internal"),
        HostedZone.publicZone("ZPUBLIC000000001", "example.com").alias("portal", outside.dnsName()),
        HostedZone.privateZone("ZPRIVATE00000001", "example.com")
            .alias("portal", inside.dnsName())
            .alias("internal", inside.dnsName()));
  }

  /** www alias -> apex alias -> ELB, and a CNAME to www: the chain carries the ELB's split. */
  static Case aliasChain() {
    ClassicElb elb = ClassicElb.of("blog", "HTTP:80", "HTTPS:443");
    HostedZone zone = HostedZone.publicZone("ZALIASCHAIN00001", "example.com");
    return of(
        "alias-chain",
        elb,
        Asg.of("blog-stable", 3, "a", "b").behind("blog").track("stable"),
        Asg.of("blog-canary", 1, "a", "b").behind("blog"),
        zone.alias("@", elb.dnsName()).aliasInZone("www", "@").cname("m", "www.example.com"));
  }

  /** A name weighted across a classic ELB and an ALB that has a path rule. */
  static Case weightedAcrossElbAndAlb() {
    ClassicElb elb = ClassicElb.of("shop-classic", "HTTP:80");
    V2LoadBalancer alb =
        V2LoadBalancer.alb("shop-alb")
            .listener(
                listen("HTTP", 80, forward("shop-v2", 1, "shop-v2-canary", 1))
                    .rule(5, forward("shop-v2-canary"), Condition.path("/api/*")));
    return of(
        "weighted-across-elb-and-alb",
        elb,
        alb,
        TargetGroup.of("shop-v2"),
        TargetGroup.of("shop-v2-canary"),
        Asg.of("shop-classic", 9, "a", "b").behind("shop-classic").track("stable"),
        Asg.of("shop-classic-canary", 1, "a", "b").behind("shop-classic"),
        Asg.of("shop-v2", 2, "a", "b").in("shop-v2"),
        Asg.of("shop-v2-canary", 2, "a", "b").in("shop-v2-canary"),
        HostedZone.publicZone("ZCROSSLB00000001", "example.com")
            .weighted("shop", "classic", 3, elb.dnsName())
            .weighted("shop", "alb", 1, alb.dnsName()));
  }

  /**
   * A name weighted 2:1 across two ALBs that both have a {@code /api/*} rule (one composed route),
   * and rules only one of them has ({@code /static/*}, {@code /media/*}).
   */
  static Case weightedAcrossTwoAlbs() {
    V2LoadBalancer blue =
        V2LoadBalancer.alb("blue-alb")
            .listener(
                listen("HTTP", 80, forward("blue", 3, "blue-canary", 1))
                    .rule(5, forward("blue-canary"), Condition.path("/api/*"))
                    .rule(6, forward("blue"), Condition.path("/static/*")));
    V2LoadBalancer green =
        V2LoadBalancer.alb("green-alb")
            .listener(
                listen("HTTP", 80, forward("green", 1, "green-canary", 1))
                    .rule(8, forward("green"), Condition.path("/api/*"))
                    .rule(9, forward("green-canary"), Condition.path("/media/*")));
    return of(
        "weighted-across-two-albs",
        blue,
        green,
        TargetGroup.of("blue"),
        TargetGroup.of("blue-canary"),
        TargetGroup.of("green"),
        TargetGroup.of("green-canary"),
        Asg.of("blue", 4, "a", "b").in("blue").track("stable"),
        Asg.of("blue-canary", 2, "a", "b").in("blue-canary"),
        Asg.of("green", 2, "a", "b").in("green"),
        Asg.of("green-canary", 2, "a", "b").in("green-canary"),
        HostedZone.publicZone("ZTWOALBS00000001", "example.com")
            .weighted("app", "blue", 2, blue.dnsName())
            .weighted("app", "green", 1, green.dnsName()));
  }

  /**
   * A name weighted 1:1 across two ALBs whose path rules overlap in part: {@code /api/*} on one,
   * {@code /api/v2/*} on the other: the wider rule's route keeps its split, with a WARNING naming
   * the host, and the narrower one's is composed (the Gateway API prefers it by its longer path;
   * the Traefik targets rank the wider rule's route ahead by its priority, which the WARNING says).
   */
  static Case weightedAcrossAlbsPartialPaths() {
    V2LoadBalancer blue =
        V2LoadBalancer.alb("wide-alb")
            .listener(
                listen("HTTP", 80, forward("wide", 1))
                    .rule(5, forward("wide-canary"), Condition.path("/api/*")));
    V2LoadBalancer green =
        V2LoadBalancer.alb("narrow-alb")
            .listener(
                listen("HTTP", 80, forward("narrow", 1))
                    .rule(7, forward("narrow-canary"), Condition.path("/api/v2/*")));
    return of(
        "weighted-across-albs-partial-paths",
        blue,
        green,
        TargetGroup.of("wide"),
        TargetGroup.of("wide-canary"),
        TargetGroup.of("narrow"),
        TargetGroup.of("narrow-canary"),
        Asg.of("wide", 4, "a", "b").in("wide").track("stable"),
        Asg.of("wide-canary", 2, "a", "b").in("wide-canary"),
        Asg.of("narrow", 2, "a", "b").in("narrow"),
        Asg.of("narrow-canary", 2, "a", "b").in("narrow-canary"),
        HostedZone.publicZone("ZPARTIALPATHS001", "example.com")
            .weighted("api", "wide", 1, blue.dnsName())
            .weighted("api", "narrow", 1, green.dnsName()));
  }

  /** A canary Auto Scaling group larger than the stable one (tagged stable). */
  static Case canaryLarger() {
    ClassicElb elb = ClassicElb.of("feed", "HTTP:80");
    return of(
        "canary-larger",
        elb,
        Asg.of("feed-stable", 2, "a", "b").behind("feed").track("stable"),
        Asg.of("feed-canary", 6, "a", "b").behind("feed").track("canary"),
        HostedZone.publicZone("ZCANARYLARGER001", "example.com").alias("feed", elb.dnsName()));
  }

  /** TCP and SSL listeners on a classic ELB next to HTTP. */
  static Case tcpAndSslOnClassic() {
    ClassicElb elb = ClassicElb.of("ledger", "HTTP:80", "TCP:5432", "SSL:8443");
    return of(
        "tcp-and-ssl-on-classic",
        elb,
        Asg.of("ledger-stable", 4, "a", "b").behind("ledger").track("stable"),
        Asg.of("ledger-canary", 1, "a", "b").behind("ledger"),
        HostedZone.publicZone("ZTCPCLASSIC00001", "example.com").alias("ledger", elb.dnsName()));
  }

  /**
   * An SSL:8443 listener whose wildcard name covers an explicit name of another ELB's SSL:8443
   * listener, and that ELB has no instances: AWS answers nothing there, while the edge's wildcard
   * router takes the name (its own route is left out for want of instances): an ERROR says so.
   */
  static Case tlsWildcardOverEmptyElb() {
    ClassicElb vault = ClassicElb.of("vault", "SSL:8443");
    ClassicElb spare = ClassicElb.of("vault-spare", "SSL:8443");
    return of(
        "tls-wildcard-over-empty-elb",
        vault,
        spare,
        Asg.of("vault-stable", 4, "a", "b").behind("vault").track("stable"),
        Asg.of("vault-canary", 1, "a", "b").behind("vault"),
        Asg.of("vault-spare", 0, "a", "b").behind("vault-spare"),
        HostedZone.publicZone("ZTLSWILDCARD0001", "example.com")
            .alias("vault", vault.dnsName())
            .alias("*.vault", vault.dnsName())
            .alias("spare.vault", spare.dnsName()));
  }

  /** An NLB with TCP and TLS listeners, cross-zone off, the canary in one zone. */
  static Case nlbTcpAndTls() {
    V2LoadBalancer nlb =
        V2LoadBalancer.nlb("queue-nlb")
            .listener(listen("TCP", 6379, forward("queue")))
            .listener(listen("TLS", 443, forward("queue-tls")));
    return of(
        "nlb-tcp-and-tls",
        nlb,
        TargetGroup.tcp("queue", 6379),
        TargetGroup.tcp("queue-tls", 6380),
        Asg.of("queue-stable", 4, "a", "b").in("queue", "queue-tls").track("stable"),
        Asg.of("queue-canary", 1, "a").in("queue", "queue-tls"),
        HostedZone.publicZone("ZNLB000000000001", "example.com").alias("queue", nlb.dnsName()));
  }

  /** Latency records across two ELBs: no single client's split; equal is assumed. */
  static Case latency() {
    ClassicElb eu = ClassicElb.of("api-eu", "HTTP:80");
    ClassicElb us = ClassicElb.of("api-us", "HTTP:80");
    return of(
        "latency",
        eu,
        us,
        Asg.of("api-eu", 2, "a", "b").behind("api-eu").track("stable"),
        Asg.of("api-us", 2, "a", "b").behind("api-us"),
        HostedZone.publicZone("ZLATENCY00000001", "example.com")
            .latency("api", "eu-west-1", eu.dnsName())
            .latency("api", "us-east-1", us.dnsName()));
  }

  /** ALB conditions with AWS wildcards: a host-header wildcard and a path with '?'. */
  static Case albWildcardConditions() {
    V2LoadBalancer alb =
        V2LoadBalancer.alb("docs-alb")
            .listener(
                listen("HTTP", 80, forward("docs", 3, "docs-canary", 1))
                    .rule(1, forward("docs-canary"), Condition.path("/v?/beta/*"))
                    .rule(2, forward("docs"), Condition.host("*.docs.example.com")));
    return of(
        "alb-wildcard-conditions",
        alb,
        TargetGroup.of("docs"),
        TargetGroup.of("docs-canary"),
        Asg.of("docs", 3, "a", "b").in("docs").track("stable"),
        Asg.of("docs-canary", 1, "a", "b").in("docs-canary"),
        HostedZone.publicZone("ZDOCS00000000001", "example.com")
            .alias("docs", alb.dnsName())
            .alias("eu.docs", alb.dnsName()));
  }

  /** Desired capacity in units: 12 units of 4-unit instances (3) against 1 instance. */
  static Case capacityUnits() {
    ClassicElb elb = ClassicElb.of("render", "HTTP:80");
    return of(
        "capacity-units",
        elb,
        Asg.of("render-stable", 12, "a", "b", "c").units(4).behind("render").track("stable"),
        Asg.of("render-canary", 1, "a").behind("render"),
        HostedZone.publicZone("ZUNITS0000000001", "example.com").alias("render", elb.dnsName()));
  }

  /** A weighted forward to a target group without instances: its share gets 503s on AWS. */
  static Case emptyTargetGroup() {
    V2LoadBalancer alb =
        V2LoadBalancer.alb("img-alb")
            .listener(listen("HTTP", 80, forward("img", 4, "img-canary", 1)));
    return of(
        "empty-target-group",
        alb,
        TargetGroup.of("img"),
        TargetGroup.of("img-canary"),
        Asg.of("img", 4, "a", "b").in("img").track("stable"),
        Asg.of("img-canary", 0, "a", "b").in("img-canary"),
        HostedZone.publicZone("ZEMPTYTG00000001", "example.com").alias("img", alb.dnsName()));
  }

  /** A load balancer with instances that no Route53 name leads to (clients use its DNS name). */
  static Case unnamedLoadBalancer() {
    ClassicElb named = ClassicElb.of("site", "HTTP:80");
    ClassicElb orphan = ClassicElb.of("reports", "HTTP:80", "HTTPS:443");
    return of(
        "unnamed-load-balancer",
        named,
        orphan,
        Asg.of("site", 2, "a", "b").behind("site"),
        Asg.of("reports-stable", 3, "a", "b").behind("reports").track("stable"),
        Asg.of("reports-canary", 1, "a", "b").behind("reports"),
        HostedZone.publicZone("ZUNNAMED00000001", "example.com").alias("site", named.dnsName()));
  }

  /**
   * Route53 target health: an alias that evaluates it drops its empty ELB out of the weighted set
   * (and the failover answers the SECONDARY); a CNAME cannot, and its share gets errors.
   */
  static Case targetHealth() {
    ClassicElb live = ClassicElb.of("cart", "HTTP:80");
    ClassicElb empty = ClassicElb.of("cart-next", "HTTP:80");
    ClassicElb standby = ClassicElb.of("cart-standby", "HTTP:80");
    return of(
        "target-health",
        live,
        empty,
        standby,
        Asg.of("cart-stable", 3, "a", "b").behind("cart").track("stable"),
        Asg.of("cart-canary", 1, "a", "b").behind("cart"),
        Asg.of("cart-next", 0, "a", "b").behind("cart-next"),
        Asg.of("cart-standby", 2, "a", "b").behind("cart-standby"),
        HostedZone.publicZone("ZHEALTH000000001", "example.com")
            .weighted("cart", "live", 3, live.dnsName())
            .weighted("cart", "next", 1, empty.dnsName())
            .weightedCname("old-cart", "live", 3, live.dnsName())
            .weightedCname("old-cart", "next", 1, empty.dnsName())
            .failover("pay", "PRIMARY", empty.dnsName())
            .failover("pay", "SECONDARY", standby.dnsName()));
  }
}
