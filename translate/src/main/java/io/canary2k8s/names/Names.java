package io.canary2k8s.names;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Kubernetes names from AWS names. A name that is already valid is kept; any other is lower-cased,
 * every run of invalid characters becomes one {@code -}, and it gets a short stable hash of the
 * original as a suffix, so two different AWS names never end up with the same Kubernetes name by
 * accident.
 */
public final class Names {
  /** RFC 1035 label: what a Service (and our namespaces) must be. */
  public static final Pattern RFC1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  /** RFC 1123 label. */
  public static final Pattern RFC1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  public static final int LABEL_MAX = 63;
  private static final int HASH_CHARS = 8;

  private Names() {}

  /** A valid RFC 1035 label (≤ 63 characters, starts with a letter) for {@code raw}. */
  public static String label(String raw) {
    return label(raw, LABEL_MAX);
  }

  /** Same as {@link #label(String)} with a shorter limit (to leave room for a suffix). */
  public static String label(String raw, int max) {
    if (raw.length() <= max && isLabel(raw)) {
      return raw;
    }
    // accents off first (Ünïcode -> unicode), so that the readable part stays readable
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    s = s.replaceAll("^[-0-9]+", "").replaceAll("-+$", "");
    if (s.isEmpty()) {
      s = "x";
    }
    int room = max - 1 - HASH_CHARS;
    if (s.length() > room) {
      s = s.substring(0, room).replaceAll("-+$", "");
    }
    return s + "-" + hash(raw);
  }

  /** {@code base-suffix} as a label: the suffix is kept whole, the base shortened if needed. */
  public static String join(String base, String suffix) {
    String joined = base + "-" + suffix;
    if (joined.length() <= LABEL_MAX && isLabel(joined)) {
      return joined;
    }
    return label(joined);
  }

  /**
   * Whether {@code s} matches {@link #RFC1035_LABEL} (any length): a lower-case letter, then
   * lower-case letters, digits and {@code -}, not ending with {@code -}. Written out rather than
   * matched by the regular expression, since names are checked for every object of every app;
   * {@code NamesTest} holds both checks to their patterns.
   */
  static boolean isLabel(String s) {
    int n = s.length();
    if (n == 0 || !lower(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      if (!lower(c) && !digit(c) && c != '-') {
        return false;
      }
    }
    return s.charAt(n - 1) != '-';
  }

  /**
   * Whether a (normalised) DNS name can be an Ingress host and sit inside a Traefik {@code
   * Host(`…`)} rule: an RFC 1123 subdomain of at most 253 characters, optionally with a leading
   * {@code *.}. Route53 names can hold any byte through {@code \ddd} escapes; those must never
   * reach a routing rule. (The pattern {@code (\*\.)?L(\.L)*}, each label L of 1 to 63 lower-case
   * letters, digits and {@code -}, not starting or ending with {@code -}; written out.)
   */
  public static boolean isHost(String name) {
    int n = name.length();
    if (n > 253) {
      return false;
    }
    int from = name.startsWith("*.") ? 2 : 0;
    while (true) {
      int dot = name.indexOf('.', from);
      int end = dot < 0 ? n : dot;
      if (!rfc1123Label(name, from, end)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      from = dot + 1;
    }
  }

  /** {@code s[from, end)} is an RFC 1123 label of at most 63 characters. */
  private static boolean rfc1123Label(String s, int from, int end) {
    int len = end - from;
    if (len < 1 || len > LABEL_MAX) {
      return false;
    }
    for (int i = from; i < end; i++) {
      char c = s.charAt(i);
      if (!lower(c) && !digit(c) && !(c == '-' && i != from && i != end - 1)) {
        return false;
      }
    }
    return true;
  }

  private static boolean lower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * {@code s} with every character outside printable ASCII (and {@code \}, {@code `}) escaped, for
   * notes.
   */
  public static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c >= 0x21 && c < 0x7f && c != '\\' && c != '`') {
        sb.append(c);
      } else if (c <= 0xff) {
        sb.append(String.format(Locale.ROOT, "\\%03o", (int) c));
      } else {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /** One SHA-256 per thread: looking the algorithm up costs more than hashing a short name. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  /** The first eight hex characters of SHA-256 of {@code s}. */
  public static String hash(String s) {
    byte[] d = SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d, 0, HASH_CHARS / 2);
  }
}
