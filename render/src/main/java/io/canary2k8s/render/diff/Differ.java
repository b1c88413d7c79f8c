package io.canary2k8s.render.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.render.Md;
import io.canary2k8s.render.diff.DiffReport.Change;
import io.canary2k8s.render.diff.DiffReport.KindCount;
import io.canary2k8s.render.diff.DiffReport.Share;
import io.canary2k8s.render.diff.DiffReport.Status;
import io.canary2k8s.render.diff.DiffReport.TrafficChange;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.yaml.Yaml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two sets of objects by identity: parsed trees, not text, so key order, quoting and
 * formatting never show as changes. An object that disappeared and one that appeared with the same
 * apiVersion, kind, namespace and content (all but {@code metadata.name}) are a rename.
 */
public final class Differ {
  /** Lines of context around each change in the unified diffs. */
  static final int CONTEXT = 3;

  private Differ() {}

  public static DiffReport diff(
      Documents before, Documents after, String beforeName, String afterName) {
    List<ObjectId> removed = new ArrayList<>();
    List<ObjectId> added = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    int unchanged = 0;
    List<Manifest[]> toCompare = new ArrayList<>(); // same identity, not the same document
    // both sides in identity order, side by side: one pass, no look-ups (100,000 objects a side)
    Iterator<Manifest> olds = before.objects().values().iterator();
    Iterator<Manifest> news = after.objects().values().iterator();
    Manifest was = olds.hasNext() ? olds.next() : null;
    Manifest now = news.hasNext() ? news.next() : null;
    while (was != null || now != null) {
      int c = was == null ? 1 : now == null ? -1 : was.id().compareTo(now.id());
      if (c < 0) {
        removed.add(was.id());
      } else if (c > 0) {
        added.add(now.id());
      } else if (was.sameDocument(now)) {
        unchanged++; // the same document of an unchanged file: no parsing
      } else {
        toCompare.add(new Manifest[] {was, now});
      }
      if (c <= 0) {
        was = olds.hasNext() ? olds.next() : null;
      }
      if (c >= 0) {
        now = news.hasNext() ? news.next() : null;
      }
    }
    // parsing, canonical forms and unified diffs of the objects to compare: on every core, in order
    for (Change change : toCompare.parallelStream().map(p -> compare(p[0], p[1])).toList()) {
      if (change == null) {
        unchanged++;
      } else {
        changes.add(change);
      }
    }
    // renames: same slot, same content but the name; paired in identity order, one to one
    Map<String, List<ObjectId>> removedByContent = new HashMap<>();
    for (ObjectId id : removed) {
      removedByContent
          .computeIfAbsent(renameKey(id, before.get(id)), k -> new ArrayList<>())
          .add(id);
    }
    List<ObjectId> stillAdded = new ArrayList<>();
    TreeSet<ObjectId> renamedAway = new TreeSet<>();
    for (ObjectId id : added) {
      List<ObjectId> candidates = removedByContent.get(renameKey(id, after.get(id)));
      if (candidates != null && !candidates.isEmpty()) {
        ObjectId from = candidates.remove(0);
        renamedAway.add(from);
        changes.add(
            new Change(
                Status.RENAMED,
                id,
                from,
                null,
                unified(id, before.get(from).view(), after.get(id).view())));
      } else {
        stillAdded.add(id);
      }
    }
    for (ObjectId id : stillAdded) {
      changes.add(
          new Change(Status.ADDED, id, null, null, unified(id, null, after.get(id).view())));
    }
    for (ObjectId id : removed) {
      if (!renamedAway.contains(id)) {
        changes.add(
            new Change(Status.REMOVED, id, null, null, unified(id, before.get(id).view(), null)));
      }
    }
    changes.sort((a, b) -> a.id().compareTo(b.id()));
    return new DiffReport(
        DiffReport.SCHEMA_VERSION,
        beforeName,
        afterName,
        summary(changes, unchanged),
        kinds(changes),
        traffic(before, after),
        changes);
  }

  /**
   * The change between two documents of one identity, or null when they are equal as compared.
   * Equal trees have equal canonical forms, which (the cost of a diff of two large bundles) are
   * made only for the objects that differ as parsed.
   */
  private static Change compare(Manifest was, Manifest now) {
    JsonNode wasTree = was.view();
    JsonNode nowTree = now.view();
    if (wasTree.equals(nowTree)) {
      return null;
    }
    JsonNode old = Trees.canonical(wasTree);
    JsonNode canonicalNow = Trees.canonical(nowTree);
    if (old.equals(canonicalNow)) {
      return null;
    }
    return new Change(
        Status.CHANGED,
        now.id(),
        null,
        Trees.changedPaths(old, canonicalNow),
        unified(now.id(), wasTree, nowTree));
  }

  private static String renameKey(ObjectId id, Manifest m) {
    return id.apiVersion()
        + "\n"
        + id.kind()
        + "\n"
        + id.namespace()
        + "\n"
        + Trees.withoutName(Trees.canonical(m.view()));
  }

  private static DiffReport.Summary summary(List<Change> changes, int unchanged) {
    int[] c = new int[Status.values().length];
    changes.forEach(x -> c[x.status().ordinal()]++);
    return new DiffReport.Summary(
        c[Status.ADDED.ordinal()],
        c[Status.CHANGED.ordinal()],
        c[Status.REMOVED.ordinal()],
        c[Status.RENAMED.ordinal()],
        unchanged);
  }

  private static List<KindCount> kinds(List<Change> changes) {
    SortedMap<String, int[]> byKind = new TreeMap<>();
    for (Change x : changes) {
      byKind
          .computeIfAbsent(x.id().kind(), k -> new int[Status.values().length])[
          x.status().ordinal()]++;
    }
    List<KindCount> out = new ArrayList<>();
    byKind.forEach(
        (k, c) ->
            out.add(
                new KindCount(
                    k,
                    c[Status.ADDED.ordinal()],
                    c[Status.CHANGED.ordinal()],
                    c[Status.REMOVED.ordinal()],
                    c[Status.RENAMED.ordinal()])));
    return out;
  }

  /**
   * A unified diff of the YAML of both sides, {@code before} in the key order of {@code after};
   * null for a missing side. Secret values are masked first.
   */
  static String unified(ObjectId id, JsonNode before, JsonNode after) {
    JsonNode b = before;
    JsonNode a = after;
    if (Trees.isSecret(id)) {
      b = b == null ? null : Trees.maskSecret(b, a, "before");
      a = a == null ? null : Trees.maskSecret(a, before, "after");
    }
    List<String> left =
        b == null ? List.of() : lines(Yaml.dump(a == null ? b : Trees.alignTo(b, a)));
    List<String> right = a == null ? List.of() : lines(Yaml.dump(a));
    String name = id.display();
    return LineDiff.unified(
        b == null ? "/dev/null" : "before: " + name,
        a == null ? "/dev/null" : "after: " + name,
        left,
        right,
        CONTEXT);
  }

  private static List<String> lines(String s) {
    String t = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    return Arrays.asList(t.split("\n", -1));
  }

  // ---- traffic --------------------------------------------------------------------------------

  private static List<TrafficChange> traffic(Documents before, Documents after) {
    SortedMap<String, HostRoute> b = Routing.of(before);
    SortedMap<String, HostRoute> a = Routing.of(after);
    TreeSet<String> keys = new TreeSet<>(b.keySet());
    keys.addAll(a.keySet());
    List<TrafficChange> out = new ArrayList<>();
    for (String k : keys) {
      HostRoute rb = b.get(k);
      HostRoute ra = a.get(k);
      SortedMap<String, Fraction> sb = rb == null ? new TreeMap<>() : rb.shares();
      SortedMap<String, Fraction> sa = ra == null ? new TreeMap<>() : ra.shares();
      if (sharesEqual(sb, sa) && rb != null && ra != null) {
        continue;
      }
      HostRoute any = ra != null ? ra : rb;
      TreeSet<String> services = new TreeSet<>(sb.keySet());
      services.addAll(sa.keySet());
      List<Share> shares = new ArrayList<>();
      for (String svc : ordered(services, any.namespace(), before, after)) {
        Fraction fb = sb.get(svc);
        Fraction fa = sa.get(svc);
        shares.add(
            new Share(
                svc,
                role(svc, any.namespace(), after, before),
                fb == null ? null : fb.toString(),
                fa == null ? null : fa.toString(),
                fb == null ? null : percent(fb),
                fa == null ? null : percent(fa)));
      }
      out.add(
          new TrafficChange(
              any.namespace(),
              any.host(),
              rb == null ? null : rb.weightedIn(),
              ra == null ? null : ra.weightedIn(),
              shares));
    }
    return out;
  }

  private static boolean sharesEqual(SortedMap<String, Fraction> a, SortedMap<String, Fraction> b) {
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      if (!Objects.equals(a.getOrDefault(k, Fraction.ZERO), b.getOrDefault(k, Fraction.ZERO))) {
        return false;
      }
    }
    return true;
  }

  /** Canaries first (they are what a canary step moves), then stable, then the rest; by name. */
  private static List<String> ordered(
      TreeSet<String> services, String ns, Documents before, Documents after) {
    List<String> out = new ArrayList<>(services);
    out.sort(
        (x, y) -> {
          int rx = rank(role(x, ns, after, before));
          int ry = rank(role(y, ns, after, before));
          return rx != ry ? Integer.compare(rx, ry) : x.compareTo(y);
        });
    return out;
  }

  private static int rank(String role) {
    return "canary".equals(role) ? 0 : "stable".equals(role) ? 1 : 2;
  }

  /** The Service's {@code canary2k8s.io/role} label, from the new side if it is there. */
  static String role(String service, String ns, Documents first, Documents second) {
    for (Documents d : List.of(first, second)) {
      Manifest m = d.get(new ObjectId("v1", "Service", ns, service));
      if (m != null) {
        JsonNode r = m.view().at("/metadata/labels").path("canary2k8s.io/role");
        if (r.isTextual()) {
          return r.asText();
        }
      }
    }
    return null;
  }

  /** {@code 10}, {@code 16.667}: the percentage to three decimals, as in REVIEW.md. */
  static String percent(Fraction f) {
    String p = Md.percent(f);
    return p.substring(0, p.length() - 2);
  }
}
