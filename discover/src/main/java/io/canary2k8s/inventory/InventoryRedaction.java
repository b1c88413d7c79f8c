package io.canary2k8s.inventory;

import io.canary2k8s.inventory.RecordWalk.Field;
import io.canary2k8s.inventory.SecretPatterns.Kind;
import io.canary2k8s.inventory.SecretPatterns.Match;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Severity;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * The boundary where an inventory enters the pipeline: every value that looks like a secret ({@link
 * SecretPatterns}) is replaced by a placeholder before anything downstream sees it, so that no
 * output (inventory.json, notes, the review, YAML, file names, the diff, stderr) can hold it; one
 * WARNING per item names the item and its fields, never the value. Applied once wherever an
 * inventory is made or read: after a capture is read, after live discovery, when inventory.json is
 * read.
 *
 * <p><b>Where.</b> Every string of the inventory, map keys included: exactly what inventory.json
 * holds ({@link RecordWalk}), discovery's notes included. A value under a key that names a secret
 * (a tag {@code db_password}, an HTTP header condition on {@code X-Api-Token}) is replaced whole;
 * elsewhere only the secret is ({@code web-<redacted>-asg}, {@code password=<redacted>}).
 *
 * <p><b>Placeholders keep the inventory whole.</b> Names are identities: an Auto Scaling group
 * names its load balancers, a record its load balancer's DNS name, a target group's ARN holds its
 * name. So each distinct secret gets its own placeholder ({@code <redacted>}, then {@code
 * <redacted-2>}, ... in the order of the secrets, without case), the same wherever it occurs: two
 * groups named by two keys stay two groups, an ELB's name and the lower-cased name inside its DNS
 * name and the records pointing at it stay matched. A secret of 8 characters or more is replaced
 * wherever it occurs (any case), also where no rule would find it alone (a lower-cased copy, a name
 * inside an ARN); a shorter one (a short password) only where a rule finds it, since replacing a
 * short string everywhere would cut ordinary names apart. Numbers already used by an inventory that
 * was redacted before are not used again; redacting twice changes nothing.
 */
public final class InventoryRedaction {
  private InventoryRedaction() {}

  /** The stage of the notes this step writes. */
  public static final String STAGE = "discover/secrets";

  /** A secret this long or longer is replaced wherever it occurs, not only where it was found. */
  static final int EVERYWHERE_LENGTH = 8;

  /**
   * {@code inventory} with every secret replaced and one WARNING per item that held one; the same
   * instance when it holds none.
   */
  public static Inventory redact(Inventory inventory) {
    // this step's own notes hold placeholders only, and words that must not read as a pair
    List<Note> said = inventory.notes().stream().filter(n -> n.stage().equals(STAGE)).toList();
    Inventory walked =
        said.isEmpty() ? inventory : withNotes(inventory, others(inventory), List.of());
    Finder finder = new Finder();
    new RecordWalk(finder, false).walk(walked, null, false);
    if (finder.secrets.isEmpty()) {
      return inventory;
    }
    Placeholders placeholders = new Placeholders(finder.secrets, finder.usedNumbers);
    Inventory redacted =
        (Inventory) new RecordWalk(new Rewriter(placeholders), false).walk(walked, null, false);
    List<Note> warnings = new ArrayList<>(said);
    warnings.addAll(warnings(redacted, placeholders));
    return withNotes(redacted, redacted.notes(), warnings);
  }

  private static List<Note> others(Inventory inventory) {
    return inventory.notes().stream().filter(n -> !n.stage().equals(STAGE)).toList();
  }

  private static Inventory withNotes(Inventory i, List<Note> notes, List<Note> more) {
    List<Note> all = new ArrayList<>(notes);
    all.addAll(more);
    return new Inventory(
        i.schemaVersion(),
        i.provenance(),
        i.classicLoadBalancers(),
        i.loadBalancersV2(),
        i.targetGroups(),
        i.autoScalingGroups(),
        i.hostedZones(),
        i.dnsRecords(),
        all);
  }

  /** The secrets of a value: what the rules find, or all of it under a key naming a secret. */
  private static List<Match> secretsIn(String value, boolean secretNamed) {
    List<Match> found = SecretPatterns.find(value);
    if (!secretNamed || value.isBlank() || SecretPatterns.isPlaceholder(value)) {
      return found;
    }
    Kind kind = found.stream().map(Match::kind).min(Comparator.naturalOrder()).orElse(null);
    return List.of(new Match(kind == null ? Kind.NAMED_SECRET : kind, 0, value.length()));
  }

  /**
   * {@code s} case-folded one character at a time, as {@link String#regionMatches(boolean, int,
   * String, int, int)} compares: the same length as {@code s}.
   */
  static String fold(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      sb.append(fold(s.charAt(i)));
    }
    return sb.toString();
  }

  static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /** Pass one: the secrets (folded), each with its most specific kind. */
  private static final class Finder implements RecordWalk.Visitor {
    final Map<String, Kind> secrets = new HashMap<>();
    final Set<Integer> usedNumbers = new TreeSet<>();

    @Override
    public String value(String value, Field field, boolean secretNamed) {
      look(value, secretNamed);
      return value;
    }

    @Override
    public String key(String key, Field field) {
      look(key, false);
      return key;
    }

    private void look(String s, boolean secretNamed) {
      if (s.indexOf("<redacted") >= 0) {
        Matcher m = SecretPatterns.placeholders(s);
        while (m.find()) {
          usedNumbers.add(Placeholders.number(m.group()));
        }
      }
      for (Match m : secretsIn(s, secretNamed)) {
        secrets.merge(fold(m.in(s)), m.kind(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
  }

  /**
   * Each secret's placeholder, numbered as the secrets are first replaced (in the walk's order: the
   * same input, the same numbers), and the secrets replaced wherever they occur.
   */
  static final class Placeholders {
    private final Map<String, Kind> secrets;
    private final Set<Integer> used;
    private int next = 1;

    /** Folded secret → placeholder. */
    private final Map<String, String> of = new HashMap<>();

    /** Placeholder → the kind of its secret. */
    final Map<String, Kind> kinds = new HashMap<>();

    /** The secrets replaced wherever they occur. */
    final Everywhere everywhere;

    Placeholders(Map<String, Kind> secrets, Set<Integer> used) {
      this.secrets = secrets;
      this.used = used;
      Set<String> anywhere = new TreeSet<>();
      for (Map.Entry<String, Kind> e : secrets.entrySet()) {
        String secret = e.getKey();
        if (secret.length() >= EVERYWHERE_LENGTH
            && !(e.getValue() == Kind.PAIR && beginsWithAnother(secret))) {
          anywhere.add(secret);
        }
      }
      everywhere = new Everywhere(anywhere);
    }

    /**
     * Whether a pair's value begins with another secret: it ran on past that secret into the name
     * the secret is part of ({@code password=x-123.elb.amazonaws.com}, the DNS name of a load
     * balancer named {@code password=x}). There the other secret is replaced, and the name stays
     * the name of that load balancer.
     */
    private boolean beginsWithAnother(String secret) {
      for (int k = EVERYWHERE_LENGTH; k < secret.length(); k++) {
        if (secrets.containsKey(secret.substring(0, k))) {
          return true;
        }
      }
      return false;
    }

    static int number(String placeholder) {
      return placeholder.equals(SecretPatterns.PLACEHOLDER)
          ? 1
          : Integer.parseInt(
              placeholder.substring("<redacted-".length(), placeholder.length() - 1));
    }

    /**
     * The placeholder of {@code secret}, made at its first use; {@code kind} if pass one missed it.
     */
    String placeholder(String secret, Kind kind) {
      String folded = fold(secret);
      String p = of.get(folded);
      if (p == null) {
        while (used.contains(next)) {
          next++;
        }
        p = next == 1 ? SecretPatterns.PLACEHOLDER : "<redacted-" + next + ">";
        next++;
        of.put(folded, p);
        kinds.put(p, secrets.getOrDefault(folded, kind));
      }
      return p;
    }

    boolean isNew(String placeholder) {
      return kinds.containsKey(placeholder);
    }
  }

  /** Pass two: each secret replaced by its placeholder. */
  private record Rewriter(Placeholders placeholders) implements RecordWalk.Visitor {
    @Override
    public String value(String value, Field field, boolean secretNamed) {
      return rewrite(value, secretNamed);
    }

    @Override
    public String key(String key, Field field) {
      return rewrite(key, false);
    }

    private String rewrite(String s, boolean secretNamed) {
      if (secretNamed && !s.isBlank() && !SecretPatterns.isPlaceholder(s)) {
        return placeholders.placeholder(s, secretsIn(s, true).get(0).kind());
      }
      // the secrets replaced anywhere first, then what the rules find in the rest
      String out = placeholders.everywhere.replace(s, placeholders);
      List<Match> found = SecretPatterns.find(out);
      if (!found.isEmpty()) {
        StringBuilder sb = new StringBuilder(out.length());
        int at = 0;
        for (Match m : found) {
          String secret = m.in(out);
          if (secret.indexOf("<redacted") < 0) {
            sb.append(out, at, m.start()).append(placeholders.placeholder(secret, m.kind()));
            at = m.end();
          }
        }
        out = at == 0 ? out : sb.append(out, at, out.length()).toString();
      }
      return out.equals(s) ? s : out;
    }
  }

  /**
   * Pass three: one WARNING per item of {@code redacted} with a field holding a new placeholder.
   */
  private static List<Note> warnings(Inventory redacted, Placeholders placeholders) {
    List<Note> out = new ArrayList<>();
    for (RecordComponent c : Inventory.class.getRecordComponents()) {
      Object value;
      try {
        value = c.getAccessor().invoke(redacted);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (value instanceof List<?> items) {
        for (int i = 0; i < items.size(); i++) {
          Object item = items.get(i);
          warn(item, i, items.size(), c.getName(), placeholders, out);
        }
      } else if (value instanceof Record) {
        warn(value, 0, 1, c.getName(), placeholders, out);
      }
    }
    return out;
  }

  private static void warn(
      Object item,
      int position,
      int of,
      String component,
      Placeholders placeholders,
      List<Note> out) {
    // field -> the new placeholders in it, in the order the fields are walked
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    RecordWalk.Visitor v =
        new RecordWalk.Visitor() {
          @Override
          public String value(String value, Field field, boolean secretNamed) {
            collect(value, field == null ? "" : field.toString());
            return value;
          }

          @Override
          public String key(String key, Field field) {
            collect(key, field + " (its key)");
            return key;
          }

          private void collect(String s, String field) {
            if (s.indexOf("<redacted") < 0) {
              return;
            }
            Matcher m = SecretPatterns.placeholders(s);
            while (m.find()) {
              if (placeholders.isNew(m.group())) {
                fields.computeIfAbsent(field, k -> new TreeSet<>()).add(m.group());
              }
            }
          }
        };
    new RecordWalk(v, true).walk(item, null, false);
    if (fields.isEmpty()) {
      return;
    }
    Item it = Item.of(item, component);
    Set<String> shown = new TreeSet<>(Comparator.comparingInt(Placeholders::number));
    Set<Kind> kinds = new TreeSet<>();
    fields.values().forEach(shown::addAll);
    shown.forEach(p -> kinds.add(placeholders.kinds.get(p)));
    boolean one = fields.size() == 1;
    out.add(
        new Note(
            Severity.WARNING,
            STAGE,
            it.name(),
            (one ? "Field " : "Fields ")
                + String.join(", ", fields.keySet())
                + " of "
                + it.kind()
                + " "
                + it.name()
                + (it.name().indexOf("<redacted") >= 0
                    ? " (the " + ordinal(position + 1) + " of " + of + " in inventory.json)"
                    : "")
                + (one ? " holds " : " hold ")
                + kinds.stream().map(Kind::description).collect(Collectors.joining(" and "))
                + ". Every output shows "
                + String.join(", ", shown)
                + " instead, never the value. Whoever may describe the resource in AWS can read"
                + " it there: rotate it, and keep secrets out of names and tags."));
  }

  /** How an item of the inventory is named in a note. */
  private record Item(String kind, String name) {
    static Item of(Object item, String component) {
      if (item instanceof ClassicLoadBalancer lb) {
        return new Item("classic ELB", lb.name());
      }
      if (item instanceof LoadBalancerV2 lb) {
        return new Item("load balancer", lb.name());
      }
      if (item instanceof TargetGroup tg) {
        return new Item("target group", tg.name());
      }
      if (item instanceof AutoScalingGroup g) {
        return new Item("Auto Scaling group", g.name());
      }
      if (item instanceof HostedZone z) {
        return new Item("hosted zone", z.name() + " (" + z.id() + ")");
      }
      if (item instanceof DnsRecord r) {
        return new Item(
            "DNS record",
            r.name()
                + " "
                + r.type()
                + (r.setIdentifier() == null ? "" : " (" + r.setIdentifier() + ")"));
      }
      if (item instanceof Note n) {
        return new Item("the discovery note (" + n.stage() + ") about", n.subject());
      }
      if (item instanceof Provenance) {
        return new Item("the inventory's", "provenance");
      }
      return new Item(component, component);
    }
  }

  static String ordinal(int n) {
    int mod100 = n % 100;
    String suffix =
        mod100 >= 11 && mod100 <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
