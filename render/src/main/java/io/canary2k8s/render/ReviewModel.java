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
import io.canary2k8s.translate.Translation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The flat, pre-formatted view of a translation that {@code templates/review.md.ftl} renders as
 * {@code REVIEW.md}, the review's index: every number is computed here and every name escaped here
 * ({@link Md}), the template only lays them out. Each app's detail is a page of its own ({@link
 * AppPage}); the lists that grow with the estate go on pages when they are long ({@link
 * ReviewLists}), so that the index stays under 512 KiB at any estate size.
 */
final class ReviewModel {
  /** What the index holds of each list at most, in UTF-8 bytes, before it goes on pages. */
  static final int INLINE_ACTIONS = 96 * 1024;

  static final int INLINE_APPS = 160 * 1024;
  static final int INLINE_NOTES = 128 * 1024;

  /** Hosts named in the edge's redirect sentence at most (each app's page names its own). */
  static final int EDGE_HOSTS = 10;

  /**
   * A note's message in the review at most, in characters; {@code notes.json} has it whole (a
   * plan-wide note can list every host of the estate).
   */
  static final int NOTE_CHARS = 2_000;

  private ReviewModel() {}

  /**
   * The part of the index that depends on the plan only: the edge, the steps. Made while the apps'
   * files are written.
   */
  record PlanView(Map<String, Object> edge, List<Map<String, Object>> steps) {}

  static PlanView planView(Translation tr, RenderOptions options) {
    return new PlanView(
        edge(tr.plan(), tr.target()),
        options.steps().stream()
            .map(
                s ->
                    Map.<String, Object>of(
                        "overlay",
                        Md.cellCode(BundleLayout.OVERLAYS + "/" + s.name()),
                        "percent",
                        s.canaryPercent()))
            .toList());
  }

  /** The inventory's Auto Scaling groups by name, for the apps' pages. */
  static Map<String, AutoScalingGroup> groups(Inventory inventory) {
    Map<String, AutoScalingGroup> groups = new HashMap<>();
    inventory.autoScalingGroups().forEach(g -> groups.put(g.name(), g));
    return groups;
  }

  /**
   * The index's table of apps, a row each ({@link AppPage#indexRow}), in plan order: in the index,
   * or on pages.
   */
  static String apps(List<App> apps, List<String> rows, BiConsumer<String, String> pages) {
    List<ReviewLists.Row> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      App app = apps.get(i);
      String row = rows.get(i);
      // on a page under review/, the link to the app's page is beside it
      String link = "](" + AppPage.file(app) + ")";
      String onPage = row.replace(link, "](" + app.name() + ".md)");
      out.add(new ReviewLists.Row(Md.code(app.name()), row, onPage));
    }
    return ReviewLists.place(
        "apps",
        "Apps",
        null,
        List.of(
            new ReviewLists.Section(null, "| App | Hosts → share of each track |\n|---|---|", out)),
        3,
        INLINE_APPS,
        pages);
  }

  /**
   * The errors and the action items, a checklist each, near the top of the index (or on pages);
   * {@code notes} in {@link Note#ORDER}.
   */
  static String actions(List<Note> notes, BiConsumer<String, String> pages) {
    List<ReviewLists.Row> errors = new ArrayList<>();
    List<ReviewLists.Row> actions = new ArrayList<>();
    for (Note n : notes) {
      if (n.severity() == Severity.ERROR) {
        errors.add(listItem("- ", n));
      } else if (n.severity() == Severity.ACTION) {
        actions.add(listItem("- [ ] ", n));
      }
    }
    List<ReviewLists.Section> sections = new ArrayList<>();
    if (!errors.isEmpty()) {
      sections.add(new ReviewLists.Section("Errors (" + errors.size() + ")", "", errors));
    }
    sections.add(new ReviewLists.Section("Action items (" + actions.size() + ")", "", actions));
    return ReviewLists.place(
        "actions",
        "Errors and action items",
        "## Errors and action items",
        sections,
        2,
        INLINE_ACTIONS,
        pages);
  }

  private static ReviewLists.Row listItem(String bullet, Note n) {
    String subject = Md.code(n.subject());
    return new ReviewLists.Row(subject, bullet + subject + ": " + Md.text(message(n)));
  }

  /** Every note, a table per severity (in the index, or on pages); {@code notes} in order. */
  static String notes(List<Note> notes, BiConsumer<String, String> pages) {
    List<ReviewLists.Row> rows =
        notes.parallelStream()
            .map(
                n -> {
                  String subject = Md.cellCode(n.subject());
                  return new ReviewLists.Row(
                      subject,
                      "| "
                          + subject
                          + " | "
                          + Md.cell(message(n))
                          + " | "
                          + Md.cell(n.stage())
                          + " |");
                })
            .toList();
    List<ReviewLists.Section> sections = new ArrayList<>();
    int from = 0;
    for (Severity s : Severity.values()) {
      int to = from;
      while (to < notes.size() && notes.get(to).severity() == s) {
        to++;
      }
      sections.add(
          new ReviewLists.Section(
              title(s) + " (" + (to - from) + ")",
              "| Subject | Note | Stage |\n|---|---|---|",
              rows.subList(from, to)));
      from = to;
    }
    if (from != notes.size()) {
      throw new IllegalArgumentException("notes not in Note.ORDER");
    }
    return ReviewLists.place("notes", "Notes", null, sections, 3, INLINE_NOTES, pages);
  }

  /** A note's message, cut at {@link #NOTE_CHARS} (between code points) with what was cut said. */
  private static String message(Note n) {
    String m = n.message();
    if (m.length() <= NOTE_CHARS) {
      return m;
    }
    int cut = Character.isLowSurrogate(m.charAt(NOTE_CHARS)) ? NOTE_CHARS - 1 : NOTE_CHARS;
    return m.substring(0, cut)
        + " … ("
        + String.format(Locale.ROOT, "%,d", m.length() - cut)
        + " characters more in notes.json)";
  }

  /** The counts by severity, for the summary table. */
  static Map<String, Long> counts(List<Note> notes) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      counts.put(s.name().toLowerCase(Locale.ROOT), 0L);
    }
    notes.forEach(n -> counts.merge(n.severity().name().toLowerCase(Locale.ROOT), 1L, Long::sum));
    return counts;
  }

  /**
   * The index's parts made on other cores while the run completes (the template waits for each
   * where it places it): the errors and action items, the apps, the notes.
   */
  record Ahead(
      CompletableFuture<String> actions,
      CompletableFuture<String> apps,
      CompletableFuture<String> notes) {}

  /**
   * The whole model of the index; {@code counts}: {@link #counts}; {@code shared}: the objects of
   * no app, in {@link ObjectEntry#ORDER}.
   */
  static Map<String, Object> build(
      Translation tr,
      PlanView view,
      List<ObjectEntry> shared,
      int objectCount,
      Map<String, Long> counts,
      Ahead ahead,
      Inventory inventory,
      RenderOptions options) {
    Plan plan = tr.plan();
    RouteEmitter target = tr.target();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", Md.text(options.toolVersion()));
    m.put("target", Md.code(target.name()));
    m.put("basis", Md.code(plan.basis().flag()));
    m.put("basisFlag", Md.code("--weight-basis " + plan.basis().flag()));
    m.put("source", Md.text(source(inventory.provenance())));
    m.put("appCount", plan.apps().size());
    m.put("objectCount", objectCount);
    m.put("counts", counts);
    m.put("actions", ahead.actions());
    m.put("apps", ahead.apps());
    m.put("edge", view.edge());
    m.put("mapping", mapping(shared));
    m.put("steps", view.steps());
    m.put("notes", ahead.notes());
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

  private static Map<String, Object> edge(Plan plan, RouteEmitter target) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("namespace", Md.code(plan.edge().namespace()));
    m.put("image", Md.code(plan.edge().image()));
    m.put("nodeLabel", Md.code(plan.edge().nodeLabelKey() + "=" + plan.edge().nodeLabelValue()));
    m.put("webNodePort", plan.edge().webNodePort());
    m.put("websecureNodePort", plan.edge().websecureNodePort());
    m.put("https", plan.edge().https());
    m.put("hostNetwork", plan.edge().hostNetwork());
    java.util.Set<String> redirected = new java.util.LinkedHashSet<>();
    plan.apps()
        .forEach(
            a ->
                a.routes().stream()
                    .filter(Route::redirectsToHttps)
                    .forEach(r -> redirected.addAll(r.hosts())));
    m.put("redirect", !redirected.isEmpty());
    m.put("redirectHosts", redirected.stream().limit(EDGE_HOSTS).map(Md::code).toList());
    m.put("redirectMore", Math.max(0, redirected.size() - EDGE_HOSTS));
    m.put("redirectForm", target.redirectForm(plan.edge()));
    m.put("tcpEntryPoints", tcpEntryPoints(plan, target));
    return m;
  }

  /**
   * The edge's entry points of TCP, SSL and TLS listeners on ports of their own, by port: what the
   * edge load balancer must forward where; none for a target that serves no TCP.
   */
  private static List<Map<String, String>> tcpEntryPoints(Plan plan, RouteEmitter target) {
    if (!target.servesTcp()) {
      return List.of();
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (io.canary2k8s.plan.Edge.TcpEntryPoint e : plan.edge().tcpEntryPoints()) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("name", Md.code(e.name()));
      m.put("port", String.valueOf(e.port()));
      m.put("nodePort", e.nodePort() == 0 ? "chosen by Kubernetes" : String.valueOf(e.nodePort()));
      m.put("containerPort", String.valueOf(e.containerPort()));
      m.put("tls", e.terminatesTls() ? "terminated at the edge" : "passed through");
      m.put("listeners", String.join(", ", e.listeners().stream().map(Md::code).toList()));
      out.add(m);
    }
    return out;
  }

  /**
   * Which AWS item became which objects, a row per item: {@code objects} in {@link
   * ObjectEntry#ORDER}, for an app's page (its objects) or the index (the objects of no app).
   */
  static List<Map<String, String>> mapping(List<ObjectEntry> objects) {
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
      rows.add(Map.of("aws", Md.cellCode(k), "objects", Md.cell(bySource.get(k).toString())));
    }
    return rows;
  }
}
