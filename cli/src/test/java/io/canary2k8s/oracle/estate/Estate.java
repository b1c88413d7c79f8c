package io.canary2k8s.oracle.estate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An AWS estate as the oracle sees it: Auto Scaling groups, classic ELBs, ALBs and NLBs, target
 * groups, and Route53 zones. It is the single source from which both the AWS CLI capture and the
 * expected traffic shares are derived.
 */
public record Estate(
    List<Asg> asgs,
    List<ClassicElb> elbs,
    List<V2LoadBalancer> v2,
    List<TargetGroup> targetGroups,
    List<HostedZone> zones) {

  public Estate {
    asgs = List.copyOf(asgs);
    elbs = List.copyOf(elbs);
    v2 = List.copyOf(v2);
    targetGroups = List.copyOf(targetGroups);
    zones = List.copyOf(zones);
  }

  /** An estate of the given parts, of any of the five kinds, in any order. */
  public static Estate of(Object... parts) {
    List<Asg> a = new ArrayList<>();
    List<ClassicElb> e = new ArrayList<>();
    List<V2LoadBalancer> v = new ArrayList<>();
    List<TargetGroup> t = new ArrayList<>();
    List<HostedZone> z = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Asg x) {
        a.add(x);
      } else if (p instanceof ClassicElb x) {
        e.add(x);
      } else if (p instanceof V2LoadBalancer x) {
        v.add(x);
      } else if (p instanceof TargetGroup x) {
        t.add(x);
      } else if (p instanceof HostedZone x) {
        z.add(x);
      } else {
        throw new IllegalArgumentException("not a part of an estate: " + p);
      }
    }
    return new Estate(a, e, v, t, z);
  }

  public ClassicElb elb(String name) {
    return elbs.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
  }

  public V2LoadBalancer v2(String name) {
    return v2.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
  }

  public TargetGroup targetGroup(String name) {
    return targetGroups.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
  }

  public List<Asg> behindElb(String elb) {
    return asgs.stream().filter(g -> g.loadBalancers().contains(elb)).toList();
  }

  public List<Asg> inTargetGroup(String tg) {
    return asgs.stream().filter(g -> g.targetGroups().contains(tg)).toList();
  }

  /** The load balancer (classic or v2) whose DNS name is {@code dns}, compared normalised. */
  public String loadBalancerByDns(String dns) {
    String key = normalise(dns);
    for (ClassicElb e : elbs) {
      if (normalise(e.dnsName()).equals(key)) {
        return e.name();
      }
    }
    for (V2LoadBalancer l : v2) {
      if (normalise(l.dnsName()).equals(key)) {
        return l.name();
      }
    }
    return null;
  }

  /** Lower case, no trailing dot, no {@code dualstack.} or {@code ipv6.} prefix. */
  public static String normalise(String dns) {
    String s = dns.toLowerCase(Locale.ROOT);
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    for (String p : List.of("dualstack.", "ipv6.")) {
      if (s.startsWith(p)) {
        s = s.substring(p.length());
      }
    }
    return s;
  }
}
