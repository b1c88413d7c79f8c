package io.canary2k8s.render;

import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Route;
import io.canary2k8s.plan.Step;
import io.canary2k8s.plan.Track;
import io.canary2k8s.split.Capacity;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.LoadBalancerShares;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * One app's page of the review, {@code review/<app>.md} ({@code templates/review-app.md.ftl}): its
 * traffic today and after with a diagram, the recovered split with its inputs, its tracks, its
 * canary steps and its objects; and its line in the index. Made from the app alone, on any core, as
 * soon as the app's objects are written.
 *
 * <p>Every table has a few columns of short values (a name, a number), so that none needs more than
 * a laptop's screen: what was one wide table is several narrow ones. Names reach the page through
 * {@link Md} only.
 */
final class AppPage {
  /** What the index shows of an app at most: its routes, and hosts per route. */
  static final int INDEX_ROUTES = 4;

  static final int INDEX_HOSTS = 3;

  private AppPage() {}

  /** The page's path in the bundle and its text; the app's row in the index's table of apps. */
  record Made(String file, String text, String indexRow) {}

  /** The page's path: app names are Kubernetes names (DNS labels), safe in a path and a link. */
  static String file(App app) {
    return BundleLayout.REVIEW_DIR + "/" + app.name() + ".md";
  }

  /**
   * @param groups the inventory's Auto Scaling groups by name
   * @param objects the app's objects, in {@link ObjectEntry#ORDER}
   */
  static Made make(
      App app,
      RouteEmitter target,
      Map<String, AutoScalingGroup> groups,
      List<Step> steps,
      List<ObjectEntry> objects) {
    Held held = new Held(app, target, objects);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("app", model(app, target, groups, held));
    model.put("target", Md.code(target.name()));
    model.put("steps", steps(app, target, steps, held));
    model.put("mapping", ReviewModel.mapping(objects));
    return new Made(file(app), Review.render("review-app.md.ftl", model), indexRow(app));
  }

  /**
   * {@code | app (linked) | routes |}: each route's hosts and the share of each track, a few routes
   * and hosts at most (the page has them all), so that the index grows by a bounded line per app.
   */
  static String indexRow(App app) {
    StringBuilder sb = new StringBuilder(160);
    sb.append("| [").append(Md.cellCode(app.name())).append("](").append(file(app)).append(") | ");
    List<Route> routes = app.routes();
    for (int i = 0; i < Math.min(routes.size(), INDEX_ROUTES); i++) {
      Route r = routes.get(i);
      if (i > 0) {
        sb.append("<br>");
      }
      List<String> hosts = r.hosts();
      for (int h = 0; h < Math.min(hosts.size(), INDEX_HOSTS); h++) {
        sb.append(h > 0 ? ", " : "").append(Md.cellCode(hosts.get(h)));
      }
      if (hosts.size() > INDEX_HOSTS) {
        sb.append(" and ").append(hosts.size() - INDEX_HOSTS).append(" more");
      }
      if (hosts.isEmpty()) {
        sb.append("(no host)");
      }
      for (Route.PathMatch p : r.paths()) {
        sb.append(" ").append(Md.cellCode(p.describe()));
      }
      sb.append(" → ");
      for (int b = 0; b < r.backends().size(); b++) {
        Route.Backend backend = r.backends().get(b);
        sb.append(b > 0 ? ", " : "")
            .append(Md.cellCode(backend.track()))
            .append(' ')
            .append(Md.percent(backend.share()));
      }
      if (r.backends().isEmpty()) {
        sb.append("nothing");
      }
    }
    if (routes.size() > INDEX_ROUTES) {
      sb.append("<br>and ").append(routes.size() - INDEX_ROUTES).append(" more routes");
    }
    return sb.append(" |").toString();
  }

  /**
   * Where the target holds each route's weights: the object {@link RouteEmitter#weightedObject}
   * names when the app's objects have it; a route the target left out (a note says why: a rule the
   * dialect cannot match, a TCP listener Traefik 1.7 cannot serve) has no such object, and the page
   * must not send the reader to one or list it in a step no overlay patches.
   */
  private record Held(App app, RouteEmitter target, Set<String> objects) {
    Held(App app, RouteEmitter target, List<ObjectEntry> entries) {
      this(app, target, names(entries));
    }

    private static Set<String> names(List<ObjectEntry> entries) {
      Set<String> out = new java.util.HashSet<>();
      for (ObjectEntry e : entries) {
        out.add(e.kind() + " " + e.namespace() + "/" + e.name());
      }
      return out;
    }

    boolean has(Route r) {
      return objects.contains(target.weightedObject(app, r));
    }

    /** The object's name, or why there is none. */
    String object(Route r) {
      String o = target.weightedObject(app, r);
      return objects.contains(o) || o.startsWith("none") ? o : NOT_MIGRATED;
    }
  }

  static final String NOT_MIGRATED = "none (not migrated to this target: see the warnings)";

  private static Map<String, Object> model(
      App app, RouteEmitter target, Map<String, AutoScalingGroup> groups, Held held) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", Md.code(app.name()));
    a.put("namespace", Md.code(app.namespace()));
    a.put(
        "loadBalancers",
        app.loadBalancers().stream()
            .filter(lb -> !app.isLoadBalancerV2(lb))
            .map(Md::code)
            .toList());
    a.put(
        "loadBalancersV2",
        app.loadBalancers().stream().filter(app::isLoadBalancerV2).map(Md::code).toList());
    Map<String, String> trackOfGroup = new TreeMap<>();
    app.tracks().forEach(t -> trackOfGroup.put(t.autoScalingGroup(), t.name()));
    a.put("groups", trackOfGroup.keySet().stream().map(Md::code).toList());
    a.put("tracks", tracks(app, groups));
    a.put("rolesFrom", Md.text(app.rolesFrom()));
    a.put("autoscaled", app.tracks().stream().anyMatch(t -> t.scaling() != null));
    List<Map<String, Object>> routes = new ArrayList<>();
    Set<String> redirected = new java.util.LinkedHashSet<>();
    for (Route r : app.routes()) {
      Map<String, Object> row = new LinkedHashMap<>();
      StringBuilder hosts = new StringBuilder();
      for (String h : r.hosts()) {
        hosts.append(hosts.length() == 0 ? "" : "<br>").append(Md.cellCode(h));
      }
      for (Route.PathMatch p : r.paths()) {
        hosts.append("<br>path ").append(Md.cellCode(p.describe()));
      }
      row.put("hosts", hosts.toString());
      List<String> today = new ArrayList<>();
      List<String> after = new ArrayList<>();
      List<String> w = target.weights(r);
      for (int i = 0; i < r.backends().size(); i++) {
        Route.Backend b = r.backends().get(i);
        today.add(
            "ASG "
                + Md.cellCode(app.track(b.track()).autoScalingGroup())
                + " "
                + Md.percent(b.share())
                + (Md.whole(b.share()) ? "" : " (" + b.share() + ")"));
        after.add(Md.cellCode(b.track()) + " " + Md.cell(w.get(i)));
      }
      row.put(
          "today", (r.rule() == null ? "" : Md.cell(r.rule()) + ": ") + String.join(", ", today));
      row.put(
          "after", held.object(r).equals(NOT_MIGRATED) ? "not migrated" : String.join(", ", after));
      row.put("object", Md.cellCode(held.object(r)));
      routes.add(row);
      if (r.redirectsToHttps()) {
        r.hosts().forEach(h -> redirected.add(Md.code(h)));
      }
    }
    a.put("routes", routes);
    a.put("redirected", List.copyOf(redirected));
    List<Map<String, Object>> splits = new ArrayList<>();
    for (int i = 0; i < app.shares().size(); i++) {
      splits.add(split(app.shares().get(i), app.otherBasisShares().get(i), trackOfGroup, groups));
    }
    a.put("splits", splits);
    a.put("mermaid", mermaid(app, target, groups, held));
    return a;
  }

  private static List<Map<String, Object>> tracks(App app, Map<String, AutoScalingGroup> groups) {
    List<Map<String, Object>> tracks = new ArrayList<>();
    for (Track t : app.tracks()) {
      Map<String, Object> row = new LinkedHashMap<>();
      AutoScalingGroup g = groups.get(t.autoScalingGroup());
      row.put("name", Md.cellCode(t.name()));
      row.put("role", t.role().label());
      row.put("group", Md.cellCode(t.autoScalingGroup()));
      row.put("capacity", g == null ? "" : capacity(Capacity.of(g)));
      row.put(
          "replicas",
          t.scaling() == null
              ? String.valueOf(t.replicas())
              : "none in the Deployment: the HPA owns them (" + t.replicas() + " today)");
      row.put(
          "hpa",
          t.scaling() == null
              ? "none"
              : t.scaling().min()
                  + "–"
                  + t.scaling().max()
                  + " at "
                  + t.scaling().cpuUtilization()
                  + " % CPU ("
                  + Md.cell(t.scaling().origin())
                  + ")"
                  + (t.scaling().minOrigin() == null
                      ? ""
                      : "; minimum " + Md.cell(t.scaling().minOrigin())));
      row.put("image", Md.cellCode(t.image().reference()));
      row.put("imageOrigin", Md.cell(t.image().origin()));
      row.put("probe", t.probe() == null ? "none" : Md.cell(probe(t.probe())));
      tracks.add(row);
    }
    return tracks;
  }

  /**
   * {@code min / desired / max} in instances, and the group's own values when it counts other
   * units.
   */
  static String capacity(Capacity c) {
    String instances = c.min() + " / " + c.desired() + " / " + c.max();
    if (c.countsInstances()) {
      return instances;
    }
    return instances
        + " instances ("
        + c.units().min()
        + " / "
        + c.units().desired()
        + " / "
        + c.units().max()
        + " "
        + c.unitName()
        + (c.inService() ? "; desired: the in-service instances" : "")
        + ")";
  }

  private static String probe(Track.Probe p) {
    String what =
        p.scheme().equals("TCP") ? "TCP :" + p.port() : p.scheme() + " :" + p.port() + p.path();
    return what + " every " + p.periodSeconds() + " s (from " + p.source() + ")";
  }

  private static Map<String, Object> split(
      LoadBalancerShares s,
      LoadBalancerShares other,
      Map<String, String> trackOf,
      Map<String, AutoScalingGroup> groups) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<String> units = new ArrayList<>();
    for (String group : s.counts().keySet()) {
      AutoScalingGroup g = groups.get(group);
      Capacity c = g == null ? null : Capacity.of(g);
      if (c != null && !c.countsInstances()) {
        units.add(Md.code(group) + ": " + Md.text(c.explain()));
      }
    }
    m.put("units", units);
    m.put("loadBalancer", Md.code(s.loadBalancer()));
    if (s.isLoadBalancerV2()) {
      m.put("rule", Md.text(s.rule()));
      List<Map<String, Object>> tgs = new ArrayList<>();
      for (var t : s.targetGroups()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", Md.cellCode(t.targetGroup()));
        row.put("weight", t.weight());
        row.put("weightShare", t.weightShare().describe());
        row.put(
            "crossZone",
            (t.crossZone() ? "on" : "off") + " (" + Md.cell(t.crossZoneSource()) + ")");
        List<String> inside = new ArrayList<>();
        t.inGroup().forEach((g, f) -> inside.add(Md.cellCode(g) + " " + f.describe()));
        row.put("inside", inside.isEmpty() ? "no instances" : String.join(", ", inside));
        tgs.add(row);
      }
      m.put("targetGroups", tgs);
    }
    m.put(
        "crossZone",
        (s.crossZone() ? "on" : "off")
            + (s.crossZoneAssumed() ? " (assumed: attributes not captured)" : ""));
    m.put("basis", Md.code(s.basis().flag()));
    Set<String> zones = new TreeSet<>();
    s.counts().values().forEach(c -> zones.addAll(c.keySet()));
    m.put("zones", zones.stream().map(Md::cell).toList());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (var e : s.counts().entrySet()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", Md.cellCode(e.getKey()));
      row.put("track", Md.cellCode(trackOf.getOrDefault(e.getKey(), "?")));
      List<String> perZone = new ArrayList<>();
      for (String z : zones) {
        perZone.add(Md.count(e.getValue().getOrDefault(z, Fraction.ZERO)));
      }
      row.put("perZone", perZone);
      row.put("total", Md.count(s.total(e.getKey())));
      row.put("share", s.share(e.getKey()).describe());
      row.put("otherShare", other.share(e.getKey()).describe());
      rows.add(row);
    }
    m.put("rows", rows);
    m.put("formula", Md.code(s.formula()));
    m.put("otherBasis", Md.code(other.basis().flag()));
    m.put("otherFlag", Md.code("--weight-basis " + other.basis().flag()));
    m.put("otherDiffers", !s.shares().equals(other.shares()));
    return m;
  }

  /**
   * Per overlay, each split route's canary share today and in the overlay (or that it keeps its
   * weights, being at or past the step already), and its weights in it.
   */
  private static List<Map<String, Object>> steps(
      App app, RouteEmitter target, List<Step> steps, Held held) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Step step : steps) {
      for (Route r : app.routes()) {
        if (!r.split() || !held.has(r)) {
          continue; // a pinned route, or one the target left out: no overlay patches it
        }
        Route at = step.apply(r, app);
        List<String> w = target.weights(at);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < at.backends().size(); i++) {
          items.add(Md.cellCode(at.backends().get(i).track()) + " " + Md.cell(w.get(i)));
        }
        Fraction today = Step.canaryShare(r, app);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("overlay", Md.cellCode(BundleLayout.OVERLAYS + "/" + step.name()));
        row.put("percent", step.canaryPercent());
        row.put("object", Md.cellCode(target.weightedObject(app, r)));
        row.put(
            "canary",
            step.moves(r, app)
                ? Md.percent(today) + " → " + Md.percent(Step.canaryShare(at, app))
                : "unchanged: already at " + Md.percent(today));
        row.put("weights", items.isEmpty() ? "none" : String.join(", ", items));
        out.add(row);
      }
    }
    return out;
  }

  /** A group's desired count in the diagram: instances, and its units when it counts others. */
  private static String desiredLabel(Capacity c) {
    return c.countsInstances()
        ? " (desired " + c.desired() + ")"
        : " (desired "
            + c.desired()
            + (c.desired() == 1 ? " instance, " : " instances, ")
            + c.units().desired()
            + " "
            + c.unitName()
            + ")";
  }

  /**
   * The app today (top) and after (below), each a subgraph read left to right. Mermaid lays out
   * disconnected subgraphs in no order a reader can rely on: the invisible link {@code today ~~~
   * after} ranks "after" below "today".
   */
  private static String mermaid(
      App app, RouteEmitter target, Map<String, AutoScalingGroup> groups, Held held) {
    StringBuilder sb = new StringBuilder("flowchart TB\n");
    Map<String, String> ids = new LinkedHashMap<>();
    Set<String> labelled = new TreeSet<>();
    // a node's label is written where it first appears; later mentions use the bare id
    BiFunction<String, String, String> node =
        (k, label) -> {
          String id = ids.computeIfAbsent(k, x -> "n" + (ids.size() + 1));
          return labelled.add(id) ? id + "[\"" + Md.mermaid(label) + "\"]" : id;
        };
    sb.append("  subgraph today[\"AWS today\"]\n    direction LR\n");
    Set<String> drawn = new TreeSet<>();
    for (Route r : app.routes()) {
      for (String h : r.hosts()) {
        for (String lb : r.loadBalancers()) {
          if (drawn.add(h + " " + lb)) {
            sb.append("    ")
                .append(node.apply("h:" + h, h))
                .append(" --> ")
                .append(
                    node.apply("lb:" + lb, (app.isLoadBalancerV2(lb) ? "ALB/NLB " : "ELB ") + lb))
                .append("\n");
          }
        }
      }
    }
    for (LoadBalancerShares s : app.shares()) {
      if (s.rule() != null && !s.rule().endsWith("default rule")) {
        continue; // a rule's split is per request content; the diagram shows each load balancer's
      }
      for (var e : s.shares().entrySet()) {
        AutoScalingGroup g = groups.get(e.getKey());
        String label = "ASG " + e.getKey() + (g == null ? "" : desiredLabel(Capacity.of(g)));
        sb.append("    ")
            .append(
                node.apply(
                    "lb:" + s.loadBalancer(),
                    (s.isLoadBalancerV2() ? "ALB/NLB " : "ELB ") + s.loadBalancer()))
            .append(" -->|\"")
            .append(Md.mermaid(Md.percent(e.getValue())))
            .append("\"| ")
            .append(node.apply("asg:" + e.getKey(), label))
            .append("\n");
      }
    }
    sb.append("  end\n");
    sb.append("  subgraph after[\"Kubernetes after (")
        .append(Md.mermaid(target.name()))
        .append(")\"]\n    direction LR\n");
    for (Route r : app.routes()) {
      String obj = held.object(r);
      for (String h : r.hosts()) {
        sb.append("    ")
            .append(node.apply("kh:" + h, h))
            .append(" --> ")
            .append(node.apply("obj:" + obj, obj))
            .append("\n");
      }
      List<String> w = target.weights(r);
      for (int i = 0; held.has(r) && i < r.backends().size(); i++) {
        Route.Backend b = r.backends().get(i);
        sb.append("    ")
            .append(node.apply("obj:" + obj, obj))
            .append(" -->|\"")
            .append(Md.mermaid(w.get(i) + " (" + Md.percent(b.share()) + ")"))
            .append("\"| ")
            .append(node.apply("svc:" + b.track(), "Service " + b.track()))
            .append("\n");
      }
    }
    sb.append("  end\n");
    sb.append("  today ~~~ after\n");
    return sb.toString();
  }
}
