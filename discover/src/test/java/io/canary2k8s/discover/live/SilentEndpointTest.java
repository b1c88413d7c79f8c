package io.canary2k8s.discover.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.canary2k8s.notes.Notes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Live discovery against an endpoint that accepts connections and never replies: it fails within
 * its timeouts, naming the call, the endpoint and what to check, and says which call it waits for
 * while it waits.
 */
class SilentEndpointTest {
  @Test
  @Timeout(120) // a bound for the test, not a claim: these timeouts end the run in about 6 s
  void aSilentEndpointFailsAfterAFewAttemptsNamingTheCallAndTheEndpoint() throws Exception {
    try (SilentEndpoint silent = new SilentEndpoint()) {
      List<String> waits = Collections.synchronizedList(new ArrayList<>());
      Progress progress =
          new Progress() {
            @Override
            public void update(String service, String region, int itemsSoFar) {}

            @Override
            public void waiting(String action, String region, String endpoint, long seconds) {
              waits.add(action + " " + region + " " + endpoint + " " + seconds);
            }
          };
      LiveOptions options =
          LiveOptions.defaults()
              .withRegions(List.of("eu-west-1"))
              .withEndpointUrl(silent.uri())
              .withCredentialsProvider(Seeder.CREDENTIALS)
              .withTimeouts(Timeouts.parse("2,30"));
      assertThatThrownBy(() -> LiveDiscovery.discover(options, new Notes(), progress))
          .isInstanceOf(AwsAccessException.class)
          .hasMessageStartingWith(
              "sts:GetCallerIdentity in eu-west-1 failed: no answer from "
                  + silent.uri()
                  + " within 2 s (3 attempts); ")
          .hasMessageContaining("check that " + silent.uri() + " is reachable from here")
          .hasMessageContaining("--timeout")
          .satisfies(e -> assertThat(((AwsAccessException) e).denied()).isFalse());
      assertThat(silent.requests("sts")).as("attempts of the STS call").isEqualTo(3);
      assertThat(waits)
          .as("the progress is told which call waits, and where")
          .isNotEmpty()
          .allSatisfy(w -> assertThat(w).contains(" " + silent.uri() + " "));
    }
  }

  @Test
  void nothingListeningIsACallThatCannotConnect() throws Exception {
    java.net.URI closed;
    try (SilentEndpoint silent = new SilentEndpoint()) {
      closed = silent.uri();
    }
    LiveOptions options =
        LiveOptions.defaults()
            .withRegions(List.of("eu-west-1"))
            .withEndpointUrl(closed)
            .withCredentialsProvider(Seeder.CREDENTIALS);
    assertThatThrownBy(() -> LiveDiscovery.discover(options, new Notes(), null))
        .isInstanceOf(AwsAccessException.class)
        .hasMessageStartingWith(
            "sts:GetCallerIdentity in eu-west-1 failed: cannot connect to "
                + closed
                + " (3 attempts")
        .hasMessageContaining("check its host name and port");
  }

  @Test
  void timeoutsAreParsedAsTheFlagSaysAndRefusedWhenOdd() {
    assertThat(Timeouts.parse("10")).isEqualTo(Timeouts.DEFAULT);
    assertThat(Timeouts.parse("5s,20s").call().toSeconds()).isEqualTo(20);
    assertThatThrownBy(() -> Timeouts.parse("0")).hasMessageContaining("1 to 3600");
    assertThatThrownBy(() -> Timeouts.parse("20,10")).hasMessageContaining("below");
    assertThatThrownBy(() -> Timeouts.parse("1,2,3")).hasMessageContaining("SECONDS");
    assertThatThrownBy(() -> Timeouts.parse("ten")).hasMessageContaining("'ten'");
  }
}
