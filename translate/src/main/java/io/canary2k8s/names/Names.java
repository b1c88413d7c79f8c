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
    if (raw.length() <= max && RFC1035_LABEL.matcher(raw).matches()) {
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
    if (joined.length() <= LABEL_MAX && RFC1035_LABEL.matcher(joined).matches()) {
      return joined;
    }
    return label(joined);
  }

  private static final Pattern HOST =
      Pattern.compile("(\\*\\.)?[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");

  /**
   * Whether a (normalised) DNS name can be an Ingress host and sit inside a Traefik
   * {@code Host(`…`)} rule: an RFC 1123 subdomain of at most 253 characters, optionally with a
   * leading {@code *.}. Route53 names can hold any byte through {@code \ddd} escapes; those must
   * never reach a routing rule.
   */
  public static boolean isHost(String name) {
    return name.length() <= 253 && HOST.matcher(name).matches();
  }

  /** {@code s} with every character outside printable ASCII (and {@code \}, {@code `}) escaped, for notes. */
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

  /** The first eight hex characters of SHA-256 of {@code s}. */
  public static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
