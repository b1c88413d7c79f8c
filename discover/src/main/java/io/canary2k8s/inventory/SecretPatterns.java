package io.canary2k8s.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a secret looks like: the one place the patterns live. {@link InventoryRedaction} applies
 * them to every string of an inventory; the CLI to the one line of an error it prints.
 *
 * <p>The rules, each a {@link Kind}:
 *
 * <ul>
 *   <li><b>AWS access key id</b>: one of the credential prefixes {@code AKIA}, {@code ASIA}, {@code
 *       ABIA}, {@code ACCA}, then 16 upper-case letters or digits, not inside a longer run of
 *       letters and digits. <b>IAM unique id</b>: the same with the other documented prefixes
 *       ({@code AGPA AIDA AIPA ANPA ANVA APKA AROA ASCA}: a group, user, instance profile, policy,
 *       public key, role, certificate). The same in lower case, as a Route53 name holds it once
 *       discovery has lower-cased it, counts when the 16 characters hold a digit (so that a word
 *       like {@code asiapacificservers} does not).
 *   <li><b>AWS secret access key</b>: a run of exactly 40 characters of its alphabet ({@code A-Z
 *       a-z 0-9 / +}), not next to another such character nor followed by {@code =} (base64
 *       padding: a longer value), with an upper-case letter, a lower-case letter and a digit, that
 *       looks random: at least {@value #MIN_ENTROPY_BITS} bits of Shannon entropy per character
 *       (random keys: 99.99 % have more) and less than {@value #MAX_WORD_SHARE_PERCENT} % of it in
 *       words of three letters or more ({@code UserProfileServiceCanaryAutoScalingGrp01} is a name,
 *       not a key). In an ARN ({@code arn:...}) {@code /} separates the parts and each part is
 *       looked at alone: {@code loadbalancer/app/WebApp/50dc6c495c0c9188} is 40 characters, but not
 *       a key. In a longer run elsewhere (a file path an error quotes), 40 characters between two
 *       {@code /} or the run's ends are looked at as one.
 *   <li><b>GitHub token</b>: {@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_} or {@code ghr_}
 *       and 36 letters or digits (up to 251: GitHub said the tokens may grow), or a fine-grained
 *       {@code github_pat_}, 22 letters or digits, {@code _} and 59 more; not inside a longer run
 *       of letters and digits. The prefix in any case: an error line may quote a value upper-cased
 *       (a listener's protocol), and an upper-cased token still gives most of it away.
 *   <li><b>Slack token</b>: {@code xoxb- xoxp- xoxa- xoxr- xoxs- xoxe-} or {@code xapp-}, then
 *       {@code -}-separated parts of letters and digits, at least {@value #MIN_SLACK_TOKEN_BODY}
 *       characters with a digit among them ({@code xoxb-your-bot-token-goes-here} is not one); the
 *       prefix in any case, as above.
 *   <li><b>Slack webhook URL</b>: {@code hooks.slack.com/services/} (or {@code workflows/}, {@code
 *       triggers/}) in any case, then a path of at least {@value #MIN_SLACK_HOOK_PATH} characters
 *       and two parts ({@code T.../B.../...}): only the path is the secret, the host stays.
 *   <li><b>PEM private key</b>: {@code -----BEGIN ... PRIVATE KEY-----} (any case, any algorithm,
 *       {@code PGP ... PRIVATE KEY BLOCK} too) up to its {@code -----END ...-----} line, or to the
 *       end of the text when that is missing.
 *   <li><b>password or token pair</b>: a key naming a secret ({@link #namesSecret}), then {@code =}
 *       or {@code :} (only {@code =} inside an ARN, whose parts {@code :} separates), then a value:
 *       quoted, or up to white space, {@code &}, {@code ;} or {@code ,}. Only the value is the
 *       secret: {@code password=<redacted>}.
 *   <li><b>value under a key naming a secret</b> ({@link Kind#NAMED_SECRET}): applied by {@link
 *       InventoryRedaction} to a tag (or attribute) whose key {@link #namesSecret names a secret},
 *       whatever its value.
 * </ul>
 *
 * <p>A {@link #isPlaceholder placeholder} is never a secret again: redacting twice changes nothing.
 */
public final class SecretPatterns {
  private SecretPatterns() {}

  /** What a redacted value reads; the second and later secrets of an inventory are numbered. */
  public static final String PLACEHOLDER = "<redacted>";

  /** Minimum entropy of a secret access key (bits per character). */
  static final double MIN_ENTROPY_BITS = 4.25;

  /** Maximum share of a secret access key in words, in percent. */
  static final int MAX_WORD_SHARE_PERCENT = 80;

  static final int SECRET_KEY_LENGTH = 40;

  /** One kind of secret, most specific first (a text both kinds match is reported as the first). */
  public enum Kind {
    PRIVATE_KEY("a PEM private key"),
    ACCESS_KEY_ID("an AWS access key id"),
    GITHUB_TOKEN("a GitHub token"),
    SLACK_TOKEN("a Slack token"),
    SLACK_WEBHOOK("a Slack webhook URL"),
    SECRET_ACCESS_KEY("an AWS secret access key"),
    UNIQUE_ID("an IAM unique id"),
    PAIR("a password or token (key=value)"),
    NAMED_SECRET("a value under a key naming a secret");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /** What it looks like, for a note: {@code an AWS access key id}. */
    public String description() {
      return description;
    }
  }

  /** {@code text[start, end)} looks like a secret of that kind. */
  public record Match(Kind kind, int start, int end) {
    public String in(String text) {
      return text.substring(start, end);
    }
  }

  private static final Pattern PLACEHOLDERS = Pattern.compile("<redacted(?:-[1-9][0-9]*)?>");

  private static final Pattern PRIVATE_KEY =
      Pattern.compile(
          "-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----"
              + "(?:.*?-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|.*)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final String CREDENTIAL_PREFIXES = "AKIA|ASIA|ABIA|ACCA";
  private static final String ID_PREFIXES = "AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA";

  /** The id prefixes as plain strings: a string without one needs no id pattern run over it. */
  private static final List<String> UPPER_PREFIXES =
      List.of((CREDENTIAL_PREFIXES + "|" + ID_PREFIXES).split("\\|"));

  private static final List<String> LOWER_PREFIXES =
      UPPER_PREFIXES.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();

  /** What every GitHub token starts with: a plain search for one gates {@link #GITHUB_TOKEN}. */
  private static final List<String> GITHUB_PREFIXES =
      List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_");

  /**
   * A GitHub token: a classic prefix and 36 letters or digits (or more: GitHub announced lengths of
   * up to 255 characters), or a fine-grained personal access token, not inside a longer run.
   */
  private static final Pattern GITHUB_TOKEN =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?:(?i:gh[pousr]_)[A-Za-z0-9]{36,251}"
              + "|(?i:github_pat_)[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9])");

  /** Characters of a Slack token after its prefix, at least: its shortest documented form. */
  static final int MIN_SLACK_TOKEN_BODY = 20;

  /**
   * A Slack token: its prefix, then {@code -}-separated parts of letters and digits; counted only
   * with {@value #MIN_SLACK_TOKEN_BODY} characters or more after the prefix, a digit among them.
   */
  private static final Pattern SLACK_TOKEN =
      Pattern.compile("(?<![A-Za-z0-9])(?i:xox[abeprs]|xapp)-([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)");

  /** The shortest path of a Slack webhook counted: a team, a hook and its secret. */
  static final int MIN_SLACK_HOOK_PATH = 20;

  /** A Slack webhook URL; its path (group 1) is the secret, the host stays readable. */
  private static final Pattern SLACK_WEBHOOK =
      Pattern.compile(
          "(?i:hooks\\.slack\\.com/(?:services|workflows|triggers)/)"
              + "([A-Za-z0-9]+(?:/[A-Za-z0-9]+)+)");

  private static final String SLACK_HOOK_HOST = "hooks.slack.com";

  /** A part of every word of {@link #SECRET_WORDS}, in lower case. */
  private static final List<String> SECRET_WORD_PARTS =
      List.of("pass", "secret", "token", "key", "credential", "pwd");

  private static final Pattern UPPER_ID =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?:"
              + CREDENTIAL_PREFIXES
              + "|"
              + ID_PREFIXES
              + ")[A-Z0-9]{16}(?![A-Za-z0-9])");

  private static final Pattern LOWER_ID =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?:"
              + (CREDENTIAL_PREFIXES + "|" + ID_PREFIXES).toLowerCase(Locale.ROOT)
              + ")(?=[a-z0-9]{0,15}[0-9])[a-z0-9]{16}(?![A-Za-z0-9])");

  /** A key that names a secret; {@code pwd} only as a word of its own. */
  private static final String SECRET_WORDS =
      "password|passwd|passphrase|secret|(?<!next|continuation|pagination|page)token"
          + "|api[_-]?key|private[_-]?key|access[_-]?key"
          + "|credential|(?<![a-z])pwd(?![a-z])";

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?:" + SECRET_WORDS + ")", Pattern.CASE_INSENSITIVE);

  private static final String PAIR_VALUE = "(\"[^\"]*\"|'[^']*'|[^\\s\"'&;,]+)";

  private static final Pattern PAIR =
      Pattern.compile(
          "[A-Za-z0-9_.-]*(?:" + SECRET_WORDS + ")[A-Za-z0-9_.-]*[\"']?\\s*[=:]\\s*" + PAIR_VALUE,
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PAIR_IN_ARN =
      Pattern.compile(
          "[A-Za-z0-9_.-]*(?:" + SECRET_WORDS + ")[A-Za-z0-9_.-]*=" + PAIR_VALUE,
          Pattern.CASE_INSENSITIVE);

  private static final Pattern WORDS = Pattern.compile("[A-Z][a-z]{2,}|[a-z]{3,}");

  /** Whether {@code s} is a placeholder this class writes: never a secret. */
  public static boolean isPlaceholder(String s) {
    return PLACEHOLDERS.matcher(s).matches();
  }

  /** The placeholders in {@code s}. */
  static Matcher placeholders(String s) {
    return PLACEHOLDERS.matcher(s);
  }

  /**
   * Whether a key (a tag key, an attribute name, an HTTP header) names a secret: it contains
   * password, passwd, passphrase, secret, token, api key, private key, access key or credential
   * (any case, {@code _} or {@code -} inside), or {@code pwd} as a word. A paging token ({@code
   * NextToken}, {@code ContinuationToken}, {@code PaginationToken}, {@code PageToken}) is a
   * position in a listing, not a credential.
   */
  public static boolean namesSecret(String key) {
    return key != null && SECRET_NAME.matcher(key).find();
  }

  /** The secrets in {@code text}, by start, none overlapping (matches that overlap are joined). */
  public static List<Match> find(String text) {
    int n = text.length();
    // the cheapest checks first: most of an inventory is short names and ids
    boolean separator = text.indexOf('=') >= 0 || text.indexOf(':') >= 0;
    if (n < 20 && !separator) {
      return List.of();
    }
    boolean arn = text.startsWith("arn:");
    List<Match> found = new ArrayList<>();
    if (text.indexOf("-----") >= 0) {
      add(found, PRIVATE_KEY.matcher(text), Kind.PRIVATE_KEY, 0);
    }
    // each pattern runs only where a plain search finds what it cannot match without: the regex
    // engine tries every start of every string, and an inventory is mostly ids, ARNs and names
    if (n >= 20) {
      if (containsAny(text, UPPER_PREFIXES)) {
        Matcher m = UPPER_ID.matcher(text);
        while (m.find()) {
          found.add(new Match(idKind(m.group()), m.start(), m.end()));
        }
      }
      if (containsAny(text, LOWER_PREFIXES)) {
        Matcher m = LOWER_ID.matcher(text);
        while (m.find()) {
          found.add(new Match(idKind(m.group()), m.start(), m.end()));
        }
      }
      // tokens in any case: an error line may quote a value upper-cased (a protocol)
      if (text.indexOf('_') >= 0 && containsAnyIgnoreCase(text, GITHUB_PREFIXES)) {
        add(found, GITHUB_TOKEN.matcher(text), Kind.GITHUB_TOKEN, 0);
      }
      if (containsIgnoreCase(text, "xox") || containsIgnoreCase(text, "xapp-")) {
        slackTokens(text, found);
      }
      if (text.indexOf('/') >= 0 && containsIgnoreCase(text, SLACK_HOOK_HOST)) {
        Matcher m = SLACK_WEBHOOK.matcher(text);
        while (m.find()) {
          if (m.end(1) - m.start(1) >= MIN_SLACK_HOOK_PATH) {
            found.add(new Match(Kind.SLACK_WEBHOOK, m.start(1), m.end(1)));
          }
        }
      }
    }
    if (n >= SECRET_KEY_LENGTH) {
      secretKeys(text, arn, found);
    }
    if (separator
        && containsAny(text.toLowerCase(Locale.ROOT), SECRET_WORD_PARTS)
        && SECRET_NAME.matcher(text).find()) {
      Matcher m = (arn ? PAIR_IN_ARN : PAIR).matcher(text);
      while (m.find()) {
        int start = m.start(1);
        int end = m.end(1);
        String value = m.group(1);
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
          start++;
          end--;
        }
        if (end > start && !isPlaceholder(text.substring(start, end))) {
          found.add(new Match(Kind.PAIR, start, end));
        }
      }
    }
    return disjoint(found);
  }

  /**
   * {@code text} with every secret {@link #find found} in it replaced by {@link #PLACEHOLDER}: for
   * a line about to be printed that may quote the input.
   */
  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    List<Match> found = find(text);
    if (found.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Match m : found) {
      out.append(text, at, m.start()).append(PLACEHOLDER);
      at = m.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  private static boolean containsAny(String text, List<String> parts) {
    for (String p : parts) {
      if (text.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAnyIgnoreCase(String text, List<String> parts) {
    for (String p : parts) {
      if (containsIgnoreCase(text, p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code text} holds {@code part} (lower-case ASCII) in any case: a plain search for its first
   * character in either case, then a comparison there.
   */
  private static boolean containsIgnoreCase(String text, String part) {
    char lower = part.charAt(0);
    char upper = Character.toUpperCase(lower);
    int last = text.length() - part.length();
    for (int i = 0; i <= last; i++) {
      int l = text.indexOf(lower, i);
      int u = lower == upper ? -1 : text.indexOf(upper, i);
      i = l < 0 ? u : u < 0 ? l : Math.min(l, u);
      if (i < 0 || i > last) {
        return false;
      }
      if (text.regionMatches(true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }

  /** Slack tokens: long enough, with a digit (not {@code xoxb-your-bot-token-goes-here}). */
  private static void slackTokens(String text, List<Match> found) {
    Matcher m = SLACK_TOKEN.matcher(text);
    while (m.find()) {
      String body = m.group(1);
      if (body.length() >= MIN_SLACK_TOKEN_BODY && body.chars().anyMatch(Character::isDigit)) {
        found.add(new Match(Kind.SLACK_TOKEN, m.start(), m.end()));
      }
    }
  }

  private static Kind idKind(String id) {
    String prefix = id.substring(0, 4).toUpperCase(Locale.ROOT);
    return CREDENTIAL_PREFIXES.contains(prefix) ? Kind.ACCESS_KEY_ID : Kind.UNIQUE_ID;
  }

  private static void add(List<Match> found, Matcher m, Kind kind, int group) {
    while (m.find()) {
      found.add(new Match(kind, m.start(group), m.end(group)));
    }
  }

  /** Runs of exactly 40 characters of a secret key's alphabet that look random. */
  private static void secretKeys(String text, boolean arn, List<Match> found) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!keyChar(text.charAt(i), arn)) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && keyChar(text.charAt(i), arn)) {
        i++;
      }
      if (i < n && text.charAt(i) == '=') {
        continue;
      }
      if (i - start == SECRET_KEY_LENGTH) {
        if (looksRandom(text.substring(start, i))) {
          found.add(new Match(Kind.SECRET_ACCESS_KEY, start, i));
        }
      } else if (i - start > SECRET_KEY_LENGTH && !arn) {
        pathParts(text, start, i, found);
      }
    }
  }

  /**
   * In a longer run that holds {@code /} (a file path quoted by an error, a URL path), each 40
   * characters that begin and end at a {@code /} or at the run's ends: {@code
   * /tmp/capture/elbv2/rules/KEY-8443.json} names a load balancer by a key.
   */
  private static void pathParts(String text, int start, int end, List<Match> found) {
    for (int s = start; s + SECRET_KEY_LENGTH <= end; s++) {
      if (s > start && text.charAt(s - 1) != '/') {
        continue;
      }
      int e = s + SECRET_KEY_LENGTH;
      if ((e == end || text.charAt(e) == '/') && looksRandom(text.substring(s, e))) {
        found.add(new Match(Kind.SECRET_ACCESS_KEY, s, e));
        s = e - 1;
      }
    }
  }

  private static boolean keyChar(char c, boolean arn) {
    return c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == '+'
        || c == '/' && !arn;
  }

  /** Mixed case with a digit, high entropy, not made of words (see the class comment). */
  static boolean looksRandom(String run) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    int[] counts = new int[128];
    for (int i = 0; i < run.length(); i++) {
      char c = run.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
      counts[c]++;
    }
    if (!upper || !lower || !digit) {
      return false;
    }
    return entropy(counts, run.length()) >= MIN_ENTROPY_BITS
        && wordShare(run) * 100 < MAX_WORD_SHARE_PERCENT;
  }

  /** Shannon entropy of the characters counted, in bits per character. */
  static double entropy(int[] counts, int length) {
    double bits = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / length;
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    return bits;
  }

  /** The share of {@code run} in words: a capital and two lower-case letters, or three lower. */
  static double wordShare(String run) {
    Matcher m = WORDS.matcher(run);
    int inWords = 0;
    while (m.find()) {
      inWords += m.end() - m.start();
    }
    return (double) inWords / run.length();
  }

  /**
   * Overlapping matches joined into one (of the most specific kind among them): a pair's value that
   * runs into a private key must not leave the rest of the key out.
   */
  private static List<Match> disjoint(List<Match> found) {
    if (found.size() < 2) {
      return found;
    }
    found.sort(Comparator.comparingInt(Match::start).thenComparing(Match::kind));
    List<Match> out = new ArrayList<>();
    Match open = found.get(0);
    for (Match m : found.subList(1, found.size())) {
      if (m.start() < open.end()) {
        Kind kind = m.kind().compareTo(open.kind()) < 0 ? m.kind() : open.kind();
        open = new Match(kind, open.start(), Math.max(open.end(), m.end()));
      } else {
        out.add(open);
        open = m;
      }
    }
    out.add(open);
    return out;
  }
}
