package io.canary2k8s.emit;

import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Route;
import io.canary2k8s.plan.RoutePriority;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.Weights;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.traefik.v1alpha1.IngressRouteTCP;
import io.traefik.v1alpha1.IngressRouteTCPSpec;
import io.traefik.v1alpha1.ingressroutetcpspec.Routes;
import io.traefik.v1alpha1.ingressroutetcpspec.Tls;
import io.traefik.v1alpha1.ingressroutetcpspec.routes.Services;
import io.traefik.v1alpha1.ingressroutetcpspec.routes.services.ProxyProtocol;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Traefik v3's TCP routes: per TCP route an {@code IngressRouteTCP} on the listener's entry point
 * whose routers (one per rank of its server names, with its priority, or one {@code HostSNI(`*`)})
 * hold the weighted Services (the exact reduced integer ratio, the TCP counterpart of a weighted
 * TraefikService, which TCP routers cannot use), {@code HostSNI(`*`)} for plain TCP and {@code
 * HostSNI} of the hosts with the route's TLS Secret when the edge terminates TLS, and each
 * Service's {@code proxyProtocol} where the instances expect the PROXY protocol.
 */
final class TraefikV3Tcp {
  private TraefikV3Tcp() {}

  static IngressRouteTCP ingressRouteTcp(App app, Route route) {
    IngressRouteTCP ir = new IngressRouteTCP();
    ir.setMetadata(Labels.routeMeta(app, route.name(), route));
    IngressRouteTCPSpec spec = new IngressRouteTCPSpec();
    spec.setEntryPoints(List.of(route.listener().entryPoint()));
    List<Routes> routes = new ArrayList<>();
    if (bySni(route)) {
      // one router per rank of the route's hosts, each with its priority (RoutePriority): by
      // rule length, a long list of names of one route would outrank another route's exact name
      RoutePriority.routers(route)
          .forEach(
              (priority, hosts) -> {
                Routes r = new Routes();
                r.setMatch(match(hosts));
                r.setPriority(priority);
                r.setServices(services(route));
                routes.add(r);
              });
    } else {
      Routes r = new Routes();
      r.setMatch("HostSNI(`*`)");
      r.setServices(services(route));
      routes.add(r);
    }
    spec.setRoutes(routes);
    if (route.listener().terminatesTls()) {
      Tls tls = new Tls();
      tls.setSecretName(route.tlsSecret());
      spec.setTls(tls);
    }
    ir.setSpec(spec);
    return ir;
  }

  /**
   * Whether the route's routers match server names: when the edge terminates TLS and names point at
   * the route; else one router, {@code HostSNI(`*`)} (plain TCP carries no name).
   */
  static boolean bySni(Route route) {
    return route.listener().terminatesTls() && !route.hosts().isEmpty();
  }

  /** {@code HostSNI(`a`) || HostSNI(`b`)}, a wildcard as a {@code HostSNIRegexp}. */
  static String match(List<String> hosts) {
    List<String> parts = new ArrayList<>();
    for (String h : hosts) {
      if (h.startsWith("*.")) {
        parts.add("HostSNIRegexp(`^.+\\." + h.substring(2).replace(".", "\\.") + "$`)");
      } else {
        parts.add("HostSNI(`" + h + "`)");
      }
    }
    return String.join(" || ", parts);
  }

  /** The weighted Services: the exact reduced ratio of the backends' shares. */
  static List<Services> services(Route route) {
    List<Fraction> shares = route.backends().stream().map(Route.Backend::share).toList();
    List<BigInteger> weights = Weights.integers(shares);
    List<Services> out = new ArrayList<>();
    for (int i = 0; i < route.backends().size(); i++) {
      Route.Backend b = route.backends().get(i);
      Services s = new Services();
      s.setName(b.track());
      s.setPort(new IntOrString(b.port()));
      s.setWeight(weights.get(i).longValueExact());
      if (route.listener().proxyProtocol() != null) {
        ProxyProtocol pp = new ProxyProtocol();
        pp.setVersion(route.listener().proxyProtocol().longValue());
        s.setProxyProtocol(pp);
      }
      out.add(s);
    }
    return out;
  }

  static WeightPatch weightPatch(App app, Route atStep) {
    return new WeightPatch(
        "traefik.io", "v1alpha1", "IngressRouteTCP", app.namespace(), atStep.name(), ops(atStep));
  }

  /** The services of every router of the route, as the step has them. */
  private static List<WeightPatch.Op> ops(Route atStep) {
    List<WeightPatch.Op> out = new ArrayList<>();
    int routers = bySni(atStep) ? RoutePriority.routers(atStep).size() : 1;
    for (int i = 0; i < routers; i++) {
      out.add(new WeightPatch.Op("replace", "/spec/routes/" + i + "/services", services(atStep)));
    }
    return out;
  }
}
