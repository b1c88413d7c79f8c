package io.canary2k8s.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The tool version and the commit it was built from, both stamped by the build into {@code
 * canary2k8s-version.properties} (no time stamp: the same commit builds the same bytes).
 */
public final class Version implements CommandLine.IVersionProvider {
  /** What the commit is outside a git checkout (a build from a source archive). */
  static final String UNKNOWN = "unknown";

  /**
   * The version, as REVIEW.md states it: without the commit, so that a bundle is a function of its
   * input and the release, not of the build. The system property {@code canary2k8s.version}
   * overrides it (golden tests).
   */
  public static String get() {
    String forced = System.getProperty("canary2k8s.version");
    return forced != null ? forced : stamped().getProperty("version", "dev");
  }

  /** The full commit id the jar was built from, or {@value #UNKNOWN}. */
  static String commit() {
    String c = stamped().getProperty("commit", UNKNOWN);
    // an unfiltered placeholder means the file did not go through the build's filtering
    return c.matches("[0-9a-f]{40}|[0-9a-f]{64}") ? c : UNKNOWN;
  }

  private static Properties stamped() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/canary2k8s-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the version stamped into the jar", e);
    }
    return p;
  }

  /** {@code canary2k8s 0.1.0 (commit 0123…)}: what {@code --version} prints. */
  @Override
  public String[] getVersion() {
    return new String[] {"canary2k8s " + get() + " (commit " + commit() + ")"};
  }
}
