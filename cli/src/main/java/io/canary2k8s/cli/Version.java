package io.canary2k8s.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The tool version, from the build. */
public final class Version implements CommandLine.IVersionProvider {
  /** The version; the system property {@code canary2k8s.version} overrides it (golden tests). */
  public static String get() {
    String forced = System.getProperty("canary2k8s.version");
    if (forced != null) {
      return forced;
    }
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/canary2k8s-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through
    }
    return p.getProperty("version", "dev");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"canary2k8s " + get()};
  }
}
