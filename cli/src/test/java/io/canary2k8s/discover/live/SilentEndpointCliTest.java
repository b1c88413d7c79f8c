package io.canary2k8s.discover.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code discover} against an endpoint that accepts connections and never replies (a blackholed VPC
 * endpoint or proxy), with the default timeouts: exit 4, one line naming the call, the endpoint and
 * what to check, nothing on stdout.
 */
class SilentEndpointCliTest {
  @BeforeAll
  static void credentials() {
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
  }

  @AfterAll
  static void clear() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Test
  @Timeout(90) // the bound for the whole run; the default timeouts end it in about 30 s
  void discoveryAgainstASilentEndpointExitsFourNamingTheCallTheEndpointAndWhatToCheck()
      throws Exception {
    try (SilentEndpoint silent = new SilentEndpoint()) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          io.canary2k8s.cli.Main.run(
              new String[] {
                "discover", "--region", "eu-west-1", "--endpoint-url", silent.uri().toString()
              },
              new PrintWriter(out),
              new PrintWriter(err));
      assertThat(code).as(err.toString()).isEqualTo(4);
      assertThat(out.toString()).isEmpty();
      assertThat(err.toString().strip().split("\n"))
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .startsWith(
                          "canary2k8s: sts:GetCallerIdentity in eu-west-1 failed: no answer from "
                              + silent.uri()
                              + " within 10 s (3 attempts); check that ")
                      .contains("is reachable from here")
                      .contains("--endpoint-url")
                      .contains("--timeout"));
    }
  }

  @Test
  void aTimeoutThatIsNotSecondsIsBadUsage() {
    StringWriter err = new StringWriter();
    int code =
        io.canary2k8s.cli.Main.run(
            new String[] {"discover", "--region", "eu-west-1", "--timeout", "soon"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--timeout: 'soon'");
  }
}
