package io.canary2k8s.plan;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a component of the estate graph is called: whether it makes an app at all, the app's name
 * (its {@code canary2k8s.io/app} tag, else its primary load balancer's name, made a valid
 * Kubernetes name and kept apart from the names taken before it), and its tracks' names.
 *
 * <p>{@link #name} runs on one thread, component after component in the graph's order: a name
 * depends on the names taken before it.
 */
final class AppNaming {
  /**
   * The namespaces a cluster starts with ({@code kubectl get namespaces} on a new cluster): an app
   * in one would relabel it (Pod Security) and mix with what runs there.
   */
  static final Set<String> SYSTEM_NAMESPACES =
      Set.of("default", "kube-node-lease", "kube-public", "kube-system");

  private final Estate estate;
  private final TrackRoles roles;
  private final Notifier notes;

  /** The edge's namespace: the edge's objects, not an app's, go there. */
  private final String edgeNamespace;

  AppNaming(Estate estate, TrackRoles roles, Notifier notes, String edgeNamespace) {
    this.estate = estate;
    this.roles = roles;
    this.notes = notes;
    this.edgeNamespace = edgeNamespace;
  }

  /** With the default edge namespace. */
  AppNaming(Estate estate, TrackRoles roles, Notifier notes) {
    this(estate, roles, notes, io.canary2k8s.config.Config.EdgeConfig.DEFAULT.namespace());
  }

  /**
   * An app as far as its name: what the rest of it is built from.
   *
   * @param loadBalancers the component's load balancers, sorted
   * @param hosts the component's DNS hosts, sorted
   * @param groups the component's Auto Scaling groups, by name
   * @param roles the stable track's group (one of {@code groups}) and the rules that chose it
   */
  record Named(
      List<String> loadBalancers,
      List<String> hosts,
      List<AutoScalingGroup> groups,
      TrackRoles.Decision roles,
      String name) {
    /** The stable track's group. */
    AutoScalingGroup stable() {
      return roles.stable();
    }
  }

  /**
   * The app of {@code component}, named and its name added to {@code taken}; null, with a note for
   * each of its load balancers, when it has no Auto Scaling group (nothing to migrate).
   */
  Named name(EstateGraph.Component component, Set<String> taken) {
    List<String> lbNames = component.loadBalancers();
    List<String> hosts = component.hosts();
    if (lbNames.isEmpty()) {
      return null;
    }
    if (component.groups().isEmpty()) {
      for (String lb : lbNames) {
        if (estate.isV2(lb)) {
          notes.warn(
              lb,
              "Load balancer forwards to no target group fed by an Auto Scaling group; nothing to"
                  + " migrate"
                  + (hosts.isEmpty()
                      ? "."
                      : ", and its names " + hosts + " are left as they are."));
          continue;
        }
        ClassicLoadBalancer elb = estate.classic(lb);
        notes.warn(
            lb,
            "Classic ELB has no Auto Scaling group attached"
                + (elb.instanceIds().isEmpty()
                    ? ""
                    : " (it lists " + elb.instanceIds().size() + " instances registered by hand)")
                + "; nothing to migrate"
                + (hosts.isEmpty() ? "." : ", and its names " + hosts + " are left as they are."));
      }
      return null;
    }
    List<AutoScalingGroup> groups = component.groups().stream().map(estate::group).toList();
    TrackRoles.Decision decision = roles.decide(groups);
    String primary = primaryLoadBalancer(lbNames, decision.stable());
    String name = appName(lbNames, groups, primary, taken);
    taken.add(name);
    return new Named(lbNames, hosts, groups, decision, name);
  }

  /**
   * The load balancer that names an untagged app: the one with most groups behind it in the whole
   * inventory, then one the stable group is behind, then the first by name.
   */
  String primaryLoadBalancer(List<String> lbNames, AutoScalingGroup stable) {
    return lbNames.stream()
        .max(
            Comparator.comparingLong(estate::groupsBehind)
                .thenComparing(
                    lb ->
                        stable.loadBalancerNames().contains(lb)
                            || estate.isV2(lb)
                                && estate.v2().groupsBehind(lb).contains(stable.name()))
                .thenComparing(Comparator.<String>reverseOrder()))
        .orElseThrow();
  }

  /**
   * The app's name: the first of its {@code canary2k8s.io/app} tags (on its classic ELBs and its
   * groups), else the primary load balancer's name; a valid Kubernetes name of at most 40
   * characters; with a hash of the primary load balancer when {@code used} has it, or when it is
   * the edge's namespace or one of {@link #SYSTEM_NAMESPACES} (the app's namespace is its name).
   */
  String appName(
      List<String> lbNames, List<AutoScalingGroup> groups, String primaryLb, Set<String> used) {
    Set<String> tagged = new TreeSet<>();
    for (String lb : lbNames) {
      ClassicLoadBalancer elb = estate.classic(lb);
      String t = elb == null ? null : elb.tags().get(PlanBuilder.TAG_APP);
      if (t != null) {
        tagged.add(t);
      }
    }
    for (AutoScalingGroup g : groups) {
      String t = g.tags().get(PlanBuilder.TAG_APP);
      if (t != null) {
        tagged.add(t);
      }
    }
    String raw = tagged.isEmpty() ? primaryLb : tagged.iterator().next();
    if (tagged.size() > 1) {
      notes.warn(
          primaryLb,
          "Conflicting "
              + PlanBuilder.TAG_APP
              + " tags "
              + tagged
              + "; the app is named '"
              + raw
              + "'.");
    }
    String name = Names.label(raw, 40);
    if (!name.equals(raw)) {
      notes.info(
          primaryLb,
          "App name '" + raw + "' is not a valid Kubernetes name; it is '" + name + "'.");
    }
    String why =
        used.contains(name)
            ? "is taken by another app"
            : name.equals(edgeNamespace)
                ? "is the edge's namespace"
                : SYSTEM_NAMESPACES.contains(name)
                    ? "is a namespace of the cluster's own " + new TreeSet<>(SYSTEM_NAMESPACES)
                    : null;
    if (why != null) {
      String renamed = Names.join(name, Names.hash(primaryLb).substring(0, 6));
      // a renamed app takes a name no other app, the edge or the cluster has, whatever the tags
      for (int salt = 1; taken(renamed, used); salt++) {
        renamed = Names.join(name, Names.hash(primaryLb + "#" + salt).substring(0, 6));
      }
      notes.warn(
          primaryLb,
          "App name '"
              + name
              + "' "
              + why
              + "; this one is '"
              + renamed
              + (used.contains(name) ? "'." : "', and so is its namespace."));
      name = renamed;
    }
    return name;
  }

  /** Whether an app may not be named {@code name}: another app's, the edge's or the cluster's. */
  private boolean taken(String name, Set<String> used) {
    return used.contains(name) || name.equals(edgeNamespace) || SYSTEM_NAMESPACES.contains(name);
  }

  /**
   * Auto Scaling group → track name: the stable track is named as the app, each canary {@code
   * <app>-<its canary2k8s.io/track tag>}, else {@code <app>-canary} (one canary) or {@code
   * <app>-canary-<n>} (by group name); a name taken twice gets a hash of the group's name. Iterated
   * stable first, then the canaries by group name.
   */
  static Map<String, String> trackNames(
      String appName, AutoScalingGroup stable, List<AutoScalingGroup> groups) {
    Map<String, String> trackOf = new LinkedHashMap<>();
    trackOf.put(stable.name(), appName);
    List<AutoScalingGroup> canaries =
        groups.stream()
            .filter(g -> g != stable)
            .sorted(Comparator.comparing(AutoScalingGroup::name))
            .toList();
    Set<String> trackNames = new TreeSet<>(List.of(appName));
    for (int i = 0; i < canaries.size(); i++) {
      AutoScalingGroup g = canaries.get(i);
      String tagged = g.tags().get(PlanBuilder.TAG_TRACK);
      String suffix =
          tagged != null && !TrackRoles.isStableTag(tagged) && !tagged.isBlank()
              ? tagged
              : canaries.size() == 1 ? "canary" : "canary-" + (i + 1);
      String name = Names.join(appName, suffix);
      while (!trackNames.add(name)) {
        name = Names.join(name, Names.hash(g.name()).substring(0, 4));
      }
      trackOf.put(g.name(), name);
    }
    return trackOf;
  }
}
