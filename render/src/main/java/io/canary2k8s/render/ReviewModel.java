package io.canary2k8s.render;

import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.Provenance;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Severity;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Plan;
import io.canary2k8s.plan.Route;
import io.canary2k8s.plan.Step;
import io.canary2k8s.plan.Track;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.LoadBalancerShares;
import io.canary2k8s.translate.Translation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The flat, pre-formatted view of a translation that {@code templates/review.md.ftl} renders: every
 * number is computed here, the template only lays it out.
 */
final class ReviewModel {
  private ReviewModel() {}

  /**
   * The parts of the review that depend on the plan only: the per-app tables and diagrams, the
   * edge, the step weights. Made while the apps' files are written; {@link #build} adds what needs
   * the finished run (the notes, the objects).
   */
  record PlanView(
      List<Review.Piece> apps, Map<String, Object> edge, List<Map<String, Object>> steps) {}

  static PlanView planView(Translation tr, Inventory inventory, RenderOptions options) {
    Plan plan = tr.plan();
    RouteEmitter target = tr.target();
    Map<String, AutoScalingGroup> groups = new HashMap<>();
    inventory.autoScalingGroups().forEach(g -> groups.put(g.name(), g));
    // one app's section depends only on that app: rendered here, on every core, in plan order,
    // and held as the report's bytes; the template's run over 10,000 apps otherwise came last,
    // on one core
    List<Review.Piece> apps =
        plan.apps().parallelStream()
            .map(
                app ->
                    Review.piece(
                        "review-app.md.ftl",
                        Map.of("app", app(app, target, groups, plan), "target", target.name())))
            .toList();
    return new PlanView(apps, edge(plan, target), steps(plan, target, options.steps()));
  }

  /**
   * The part of the review that depends on the objects only: which AWS item became which objects,
   * rendered ({@code review-mapping.md.ftl}). Made on another core while the notes are completed
   * and the report begins. {@code objects}: every object of the bundle, in {@link
   * ObjectEntry#ORDER}.
   */
  static Review.Piece mappingTable(List<ObjectEntry> objects) {
    return Review.piece("review-mapping.md.ftl", Map.of("mapping", mapping(objects)));
  }

  /**
   * The notes' part of the review: the counts by severity (the summary table) and the rows of every
   * note, grouped by severity, in {@link Note#ORDER} (made on every core: 82,000 notes at 10,000
   * apps, at the end of the run). {@link #actions} and {@link #notesTables} render them.
   */
  record NotesView(Map<String, Long> counts, Map<String, Object> groups) {}

  /** {@code notes}: every note of the run, in {@link Note#ORDER}. */
  static NotesView notesView(List<Note> notes) {
    List<Map<String, String>> rows =
        notes.parallelStream()
            .map(
                n ->
                    Map.of(
                        "subject",
                        Md.cell(n.subject()),
                        "message",
                        Md.cell(n.message()),
                        "stage",
                        n.stage()))
            .toList();
    Map<String, Long> counts = new LinkedHashMap<>();
    List<Map<String, Object>> bySeverity = new ArrayList<>();
    int from = 0;
    for (Severity s : Severity.values()) {
      int to = from;
      while (to < notes.size() && notes.get(to).severity() == s) {
        to++;
      }
      counts.put(s.name().toLowerCase(java.util.Locale.ROOT), (long) (to - from));
      bySeverity.add(
          Map.of("title", title(s), "severity", s.name(), "notes", rows.subList(from, to)));
      from = to;
    }
    if (from != notes.size()) {
      throw new IllegalArgumentException("notes not in Note.ORDER");
    }
    return new NotesView(counts, Map.of("notes", bySeverity));
  }

  /** The errors and action items near the top of the review ({@code review-actions.md.ftl}). */
  static Review.Piece actions(NotesView notes) {
    return Review.piece("review-actions.md.ftl", notes.groups());
  }

  /** Every note, a table per severity, at the end of the review ({@code review-notes.md.ftl}). */
  static Review.Piece notesTables(NotesView notes) {
    return Review.piece("review-notes.md.ftl", notes.groups());
  }

  /**
   * The pieces of the review made on other cores while it begins (the template waits for each where
   * it places it): {@link #mappingTable}, {@link #actions}, {@link #notesTables}.
   */
  record Ahead(
      CompletableFuture<Review.Piece> mapping,
      CompletableFuture<Review.Piece> actions,
      CompletableFuture<Review.Piece> notesTables) {}

  /** The whole model; {@code counts}: {@link NotesView#counts}. */
  static Map<String, Object> build(
      Translation tr,
      PlanView view,
      int objectCount,
      Map<String, Long> counts,
      Ahead ahead,
      Inventory inventory,
      RenderOptions options) {
    Plan plan = tr.plan();
    RouteEmitter target = tr.target();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", options.toolVersion());
    m.put("target", target.name());
    m.put("basis", plan.basis().flag());
    m.put("source", source(inventory.provenance()));
    m.put("objectCount", objectCount);
    m.put("counts", counts);
    m.put("actions", ahead.actions());
    m.put("apps", view.apps());
    m.put("edge", view.edge());
    m.put("mapping", ahead.mapping());
    m.put("steps", view.steps());
    m.put("notesTable", ahead.notesTables());
    return m;
  }

  private static String source(Provenance p) {
    StringBuilder sb =
        new StringBuilder(
            p.source().equals("aws-api") ? "live AWS discovery" : "an AWS CLI capture");
    List<String> parts = new ArrayList<>();
    if (p.region() != null) {
      parts.add("region " + p.region());
    }
    if (p.accountId() != null) {
      parts.add("account " + p.accountId());
    }
    if (p.capturedAt() != null) {
      parts.add("captured " + p.capturedAt());
    }
    if (!parts.isEmpty()) {
      sb.append(" (").append(String.join(", ", parts)).append(")");
    }
    return sb.toString();
  }

  private static String title(Severity s) {
    return switch (s) {
      case ERROR -> "Errors";
      case ACTION -> "Action items";
      case WARNING -> "Warnings";
      case INFO -> "Information";
    };
  }

  private static Map<String, Object> app(
      App app, RouteEmitter target, Map<String, AutoScalingGroup> groups, Plan plan) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", app.name());
    a.put("namespace", app.namespace());
    a.put(
        "loadBalancers",
        app.loadBalancers().stream().filter(lb -> !app.isLoadBalancerV2(lb)).toList());
    a.put("loadBalancersV2", app.loadBalancers().stream().filter(app::isLoadBalancerV2).toList());
    Map<String, String> trackOfGroup = new TreeMap<>();
    app.tracks().forEach(t -> trackOfGroup.put(t.autoScalingGroup(), t.name()));
    a.put("groups", List.copyOf(trackOfGroup.keySet()));
    List<Map<String, Object>> tracks = new ArrayList<>();
    for (Track t : app.tracks()) {
      Map<String, Object> row = new LinkedHashMap<>();
      AutoScalingGroup g = groups.get(t.autoScalingGroup());
      row.put("name", t.name());
      row.put("role", t.role().label());
      row.put("group", t.autoScalingGroup());
      row.put(
          "capacity",
          g == null ? "" : g.minSize() + " / " + g.desiredCapacity() + " / " + g.maxSize());
      row.put("replicas", t.replicas());
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
                  + ")");
      row.put("image", Md.cell(t.image().reference()));
      row.put("imageOrigin", Md.cell(t.image().origin()));
      row.put("probe", t.probe() == null ? "none" : Md.cell(probe(t.probe())));
      tracks.add(row);
    }
    a.put("tracks", tracks);
    List<Map<String, Object>> routes = new ArrayList<>();
    for (Route r : app.routes()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("hosts", r.hosts());
      row.put("paths", r.paths().stream().map(p -> p.value() + (p.prefix() ? "*" : "")).toList());
      List<String> today = new ArrayList<>();
      List<String> after = new ArrayList<>();
      List<String> w = target.weights(r);
      for (int i = 0; i < r.backends().size(); i++) {
        Route.Backend b = r.backends().get(i);
        today.add(
            "ASG "
                + app.track(b.track()).autoScalingGroup()
                + " "
                + Md.percent(b.share())
                + (Md.whole(b.share()) ? "" : " (" + b.share() + ")"));
        after.add(b.track() + ": " + w.get(i));
      }
      row.put(
          "today", (r.rule() == null ? "" : Md.cell(r.rule()) + ": ") + String.join(", ", today));
      row.put("after", String.join(", ", after));
      row.put("object", target.weightedObject(app, r));
      row.put("split", r.split());
      row.put("loadBalancers", r.loadBalancers());
      routes.add(row);
    }
    a.put("routes", routes);
    List<Map<String, Object>> splits = new ArrayList<>();
    for (int i = 0; i < app.shares().size(); i++) {
      splits.add(split(app.shares().get(i), app.otherBasisShares().get(i), trackOfGroup));
    }
    a.put("splits", splits);
    a.put("mermaid", mermaid(app, target, groups, plan));
    return a;
  }

  private static String probe(Track.Probe p) {
    String what =
        p.scheme().equals("TCP") ? "TCP :" + p.port() : p.scheme() + " :" + p.port() + p.path();
    return what + " every " + p.periodSeconds() + " s (from " + p.source() + ")";
  }

  private static Map<String, Object> split(
      LoadBalancerShares s, LoadBalancerShares other, Map<String, String> trackOf) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loadBalancer", s.loadBalancer());
    if (s.isLoadBalancerV2()) {
      m.put("rule", Md.cell(s.rule()));
      List<Map<String, Object>> tgs = new ArrayList<>();
      for (var t : s.targetGroups()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", t.targetGroup());
        row.put("weight", t.weight());
        row.put("weightShare", t.weightShare().describe());
        row.put(
            "crossZone",
            (t.crossZone() ? "on" : "off") + " (" + Md.cell(t.crossZoneSource()) + ")");
        List<String> inside = new ArrayList<>();
        t.inGroup().forEach((g, f) -> inside.add("`" + g + "` " + f.describe()));
        row.put("inside", inside.isEmpty() ? "no instances" : String.join(", ", inside));
        tgs.add(row);
      }
      m.put("targetGroups", tgs);
    }
    m.put(
        "crossZone",
        (s.crossZone() ? "on" : "off")
            + (s.crossZoneAssumed() ? " (assumed: attributes not captured)" : ""));
    m.put("basis", s.basis().flag());
    Set<String> zones = new TreeSet<>();
    s.counts().values().forEach(c -> zones.addAll(c.keySet()));
    m.put("zones", List.copyOf(zones));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (var e : s.counts().entrySet()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", e.getKey());
      row.put("track", trackOf.getOrDefault(e.getKey(), "?"));
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
    m.put("formula", s.formula());
    m.put("otherBasis", other.basis().flag());
    m.put("otherDiffers", !s.shares().equals(other.shares()));
    return m;
  }

  private static String mermaid(
      App app, RouteEmitter target, Map<String, AutoScalingGroup> groups, Plan plan) {
    StringBuilder sb = new StringBuilder("flowchart LR\n");
    Map<String, String> ids = new LinkedHashMap<>();
    Set<String> labelled = new TreeSet<>();
    // a node's label is written where it first appears; later mentions use the bare id
    java.util.function.BiFunction<String, String, String> node =
        (k, label) -> {
          String id = ids.computeIfAbsent(k, x -> "n" + (ids.size() + 1));
          return labelled.add(id) ? id + "[\"" + Md.mermaid(label) + "\"]" : id;
        };
    sb.append("  subgraph today[\"AWS today\"]\n");
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
        // own
      }
      for (var e : s.shares().entrySet()) {
        AutoScalingGroup g = groups.get(e.getKey());
        String label =
            "ASG " + e.getKey() + (g == null ? "" : " (desired " + g.desiredCapacity() + ")");
        sb.append("    ")
            .append(
                node.apply(
                    "lb:" + s.loadBalancer(),
                    (s.isLoadBalancerV2() ? "ALB/NLB " : "ELB ") + s.loadBalancer()))
            .append(" -->|\"")
            .append(Md.percent(e.getValue()))
            .append("\"| ")
            .append(node.apply("asg:" + e.getKey(), label))
            .append("\n");
      }
    }
    sb.append("  end\n");
    sb.append("  subgraph after[\"Kubernetes after (").append(target.name()).append(")\"]\n");
    for (Route r : app.routes()) {
      String obj = target.weightedObject(app, r);
      for (String h : r.hosts()) {
        sb.append("    ")
            .append(node.apply("kh:" + h, h))
            .append(" --> ")
            .append(node.apply("obj:" + obj, obj))
            .append("\n");
      }
      List<String> w = target.weights(r);
      for (int i = 0; i < r.backends().size(); i++) {
        Route.Backend b = r.backends().get(i);
        sb.append("    ")
            .append(node.apply("obj:" + obj, obj))
            .append(" -->|\"")
            .append(Md.mermaid(w.get(i)))
            .append(" (")
            .append(Md.percent(b.share()))
            .append(")\"| ")
            .append(node.apply("svc:" + b.track(), "Service " + b.track()))
            .append("\n");
      }
    }
    sb.append("  end\n");
    return sb.toString();
  }

  private static Map<String, Object> edge(Plan plan, RouteEmitter target) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("namespace", plan.edge().namespace());
    m.put("image", plan.edge().image());
    m.put("nodeLabel", plan.edge().nodeLabelKey() + "=" + plan.edge().nodeLabelValue());
    m.put("webNodePort", plan.edge().webNodePort());
    m.put("websecureNodePort", plan.edge().websecureNodePort());
    m.put("https", plan.edge().https());
    m.put("hostNetwork", plan.edge().hostNetwork());
    List<String> redirected = new ArrayList<>();
    plan.apps()
        .forEach(
            a ->
                a.routes().stream()
                    .filter(Route::redirectsToHttps)
                    .forEach(r -> redirected.addAll(r.hosts())));
    m.put("redirect", !redirected.isEmpty());
    m.put("redirectHosts", redirected);
    m.put("redirectForm", target.redirectForm(plan.edge()));
    return m;
  }

  private static List<Map<String, String>> mapping(List<ObjectEntry> objects) {
    // grouped by hash, then the sources sorted once: 100,000 objects share long ARN prefixes,
    // and a search tree compared them at every insertion
    Map<String, StringBuilder> bySource = new HashMap<>();
    for (ObjectEntry o : objects) {
      String key = o.source() == null ? "(new: no AWS counterpart)" : o.source();
      StringBuilder v = bySource.get(key);
      if (v == null) {
        bySource.put(key, v = new StringBuilder());
      } else {
        v.append(", ");
      }
      v.append(o.kind()).append(' ');
      if (o.namespace() != null) {
        v.append(o.namespace()).append('/');
      }
      v.append(o.name());
    }
    List<String> sources = new ArrayList<>(bySource.keySet());
    Collections.sort(sources);
    List<Map<String, String>> rows = new ArrayList<>(sources.size());
    for (String k : sources) {
      rows.add(Map.of("aws", Md.cell(k), "objects", Md.cell(bySource.get(k).toString())));
    }
    return rows;
  }

  private static List<Map<String, Object>> steps(Plan plan, RouteEmitter target, List<Step> steps) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Step step : steps) {
      List<String> parts = new ArrayList<>();
      for (App app : plan.apps()) {
        for (Route r : app.routes()) {
          if (!r.split()) {
            continue;
          }
          Route at = step.apply(r, app);
          List<String> w = target.weights(at);
          List<String> items = new ArrayList<>();
          for (int i = 0; i < at.backends().size(); i++) {
            items.add(at.backends().get(i).track() + ": " + w.get(i));
          }
          parts.add(target.weightedObject(app, r) + " → " + String.join(", ", items));
        }
      }
      out.add(
          Map.of(
              "name",
              step.name(),
              "percent",
              step.canaryPercent(),
              "weights",
              Md.cell(String.join("; ", parts))));
    }
    return out;
  }
}
