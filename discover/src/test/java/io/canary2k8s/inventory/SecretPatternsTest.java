package io.canary2k8s.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.SecretPatterns.Kind;
import io.canary2k8s.inventory.SecretPatterns.Match;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each rule of {@link SecretPatterns}, what it finds and the false positives it avoids or accepts.
 */
class SecretPatternsTest {
  static final String KEY_ID = "AKIAQX7EXAMPLE2Z4W6Y";
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String PEM =
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx7Q\n-----END RSA PRIVATE KEY-----";

  private static List<Kind> kinds(String text) {
    return SecretPatterns.find(text).stream().map(Match::kind).toList();
  }

  @Test
  void accessKeyIdsOfEveryCredentialPrefixAndIamUniqueIds() {
    for (String prefix : List.of("AKIA", "ASIA", "ABIA", "ACCA")) {
      assertThat(kinds(prefix + "QX7EXAMPLE2Z4W6Y")).containsExactly(Kind.ACCESS_KEY_ID);
    }
    for (String prefix : List.of("AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "APKA", "AROA", "ASCA")) {
      assertThat(kinds(prefix + "QX7EXAMPLE2Z4W6Y")).containsExactly(Kind.UNIQUE_ID);
    }
    assertThat(SecretPatterns.scrub("web-" + KEY_ID + "-asg")).isEqualTo("web-<redacted>-asg");
    assertThat(SecretPatterns.scrub("key_" + KEY_ID)).isEqualTo("key_<redacted>");
    // lower-cased by discovery (a Route53 name): found when the 16 characters hold a digit
    assertThat(SecretPatterns.scrub("akiaqx7example2z4w6y.example.com"))
        .isEqualTo("<redacted>.example.com");
    // not inside a longer run of letters and digits, not 15 or 17 characters
    assertThat(kinds("X" + KEY_ID)).isEmpty();
    assertThat(kinds(KEY_ID + "7")).isEmpty();
    assertThat(kinds("AKIAQX7EXAMPLE2Z4W6")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEE\\n-----END EC PRIVATE KEY-----",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHz\n-----END ENCRYPTED PRIVATE KEY-----",
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF\n-----END PGP PRIVATE KEY BLOCK-----",
        "-----begin rsa private key-----\nmiieow\n-----end rsa private key-----"
      })
  void privateKeyBlocksWholeWhateverTheAlgorithm(String block) {
    assertThat(SecretPatterns.scrub("before " + block + " after"))
        .isEqualTo("before <redacted> after");
  }

  @Test
  void aPrivateKeyWithoutItsEndLineRunsToTheEnd() {
    assertThat(SecretPatterns.scrub("k=-----BEGIN RSA PRIVATE KEY-----\nMIIEow and the rest"))
        .isEqualTo("k=<redacted>");
  }

  @Test
  void secretAccessKeysStandingAlone() {
    assertThat(kinds(SECRET_KEY)).containsExactly(Kind.SECRET_ACCESS_KEY);
    assertThat(SecretPatterns.scrub("x " + SECRET_KEY + ".")).isEqualTo("x <redacted>.");
    // a name that ends in one: the name is an identity and keeps its other characters
    assertThat(SecretPatterns.scrub("web-" + SECRET_KEY)).isEqualTo("web-<redacted>");
    // a path segment of a file an error names, and a key whose own '/' ends a segment
    assertThat(
            SecretPatterns.scrub("/tmp/c/elbv2/rules/" + SECRET_KEY.replace('/', 'x') + "-1.json"))
        .isEqualTo("/tmp/c/elbv2/rules/<redacted>-1.json");
    assertThat(SecretPatterns.scrub("/tmp/c/" + SECRET_KEY + "/x.json"))
        .isEqualTo("/tmp/c/<redacted>/x.json");
    // near misses: 39 or 41 characters in a segment, or a segment made of words
    assertThat(kinds("/tmp/c/" + SECRET_KEY.substring(1).replace('/', 'x') + "/x")).isEmpty();
    assertThat(kinds("/tmp/c/" + SECRET_KEY.replace('/', 'x') + "Q/x")).isEmpty();
    assertThat(kinds("/srv/UserProfileServiceCanaryAutoScalingGrp01/x.json")).isEmpty();
  }

  @Test
  void randomKeysAreFoundAlmostAlways() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";
    Random random = new Random(7);
    int found = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      StringBuilder key = new StringBuilder();
      for (int j = 0; j < 40; j++) {
        key.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (kinds(key.toString()).contains(Kind.SECRET_ACCESS_KEY)) {
        found++;
      }
    }
    // the ones missed are mostly keys without a digit (0.1 %); see the class comment
    assertThat(found).isGreaterThan(n * 995 / 1000);
  }

  /**
   * A token of {@code length} characters of an obviously fake alphabet pattern, made at test time
   * so that no string in the repository looks like a live token to a secret scanner.
   */
  static String fake(int length) {
    return "FAKEfake0123456789".repeat(length / 18 + 1).substring(0, length);
  }

  static final String GITHUB_CLASSIC = "ghp_" + fake(36);
  static final String GITHUB_FINE_GRAINED = "github_pat_" + fake(22) + "_" + fake(59);
  static final String SLACK_BOT = "xoxb-" + "1234567890-1234567890123-" + fake(24);
  static final String SLACK_PATH = "T0FAKE0001/B0FAKE0002/" + fake(24);
  static final String SLACK_WEBHOOK = "https://hooks.slack.com/services/" + SLACK_PATH;

  @Test
  void githubTokensOfEveryPrefixClassicAndFineGrained() {
    for (String prefix : List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_")) {
      assertThat(kinds(prefix + fake(36))).as(prefix).containsExactly(Kind.GITHUB_TOKEN);
    }
    // longer tokens: GitHub announced lengths of up to 255 characters
    assertThat(kinds("ghs_" + fake(76))).containsExactly(Kind.GITHUB_TOKEN);
    assertThat(kinds(GITHUB_FINE_GRAINED)).containsExactly(Kind.GITHUB_TOKEN);
    assertThat(SecretPatterns.scrub("ci " + GITHUB_CLASSIC + " rotated"))
        .isEqualTo("ci <redacted> rotated");
    assertThat(SecretPatterns.scrub("deploy-" + GITHUB_FINE_GRAINED + ".example.com"))
        .isEqualTo("deploy-<redacted>.example.com");
    // lower-cased by discovery (a Route53 name): still a token
    assertThat(kinds(GITHUB_CLASSIC.toLowerCase(Locale.ROOT) + ".example.com"))
        .containsExactly(Kind.GITHUB_TOKEN);
    // upper-cased, as an error line quoting a protocol shows it
    assertThat(kinds("unknown protocol '" + GITHUB_CLASSIC.toUpperCase(Locale.ROOT) + "'"))
        .containsExactly(Kind.GITHUB_TOKEN);
    assertThat(kinds(GITHUB_FINE_GRAINED.toUpperCase(Locale.ROOT)))
        .containsExactly(Kind.GITHUB_TOKEN);
    // the value of a pair is the token: one match, of the more specific kind
    assertThat(kinds("GH_TOKEN=" + GITHUB_CLASSIC)).containsExactly(Kind.GITHUB_TOKEN);
  }

  /** Near misses, made at test time like the tokens above. */
  static List<String> nearMisses() {
    return List.of(
        // one character short, or run on from a longer word
        "ghp_" + fake(35),
        "xghp_" + fake(36),
        // another prefix, or not one at all
        "ghx_" + fake(36),
        "gh_" + fake(36),
        // fine-grained with a part one short
        "github_pat_" + fake(21) + "_" + fake(59),
        "github_pat_" + fake(22) + "_" + fake(58),
        "the github_pat_ prefix marks a fine-grained token",
        // the prefixes in prose, and Slack tokens that are placeholders or too short
        "xoxb tokens are stored in the vault, see runbook-2024",
        "set xoxb-your-bot-token-goes-here in the app config",
        "xoxb-12345-abcd234",
        "xapp-1-placeholder",
        "xoxbx-1234567890-1234567890-" + fake(24),
        // the Slack webhook host without a hook, or another Slack URL
        "https://hooks.slack.com/services/",
        "https://hooks.slack.com/services/T0FAKE",
        "https://api.slack.com/messaging/webhooks#posting_with_webhooks");
  }

  @ParameterizedTest
  @MethodSource("nearMisses")
  void nearMissesOfGithubAndSlackTokensAreNotSecrets(String value) {
    assertThat(SecretPatterns.find(value)).as(value).isEmpty();
  }

  @Test
  void slackTokensOfEveryPrefix() {
    for (String prefix : List.of("xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-")) {
      String token = prefix + "1234567890-1234567890-" + fake(32);
      assertThat(kinds(token)).as(prefix).containsExactly(Kind.SLACK_TOKEN);
    }
    assertThat(kinds("xapp-1-A0FAKE00001-1234567890123-" + fake(64)))
        .containsExactly(Kind.SLACK_TOKEN);
    // a legacy bot token: one number, then the secret
    assertThat(kinds("xoxb-12345678-" + fake(24))).containsExactly(Kind.SLACK_TOKEN);
    assertThat(SecretPatterns.scrub("alerts via " + SLACK_BOT + ", ask #ops"))
        .isEqualTo("alerts via <redacted>, ask #ops");
    // a configuration token: the part after its "xoxe." is the token
    assertThat(SecretPatterns.scrub("xoxe.xoxp-1-" + fake(163))).isEqualTo("xoxe.<redacted>");
    assertThat(kinds(SLACK_BOT.toUpperCase(Locale.ROOT))).containsExactly(Kind.SLACK_TOKEN);
    assertThat(kinds("slack_token=" + SLACK_BOT)).containsExactly(Kind.SLACK_TOKEN);
  }

  @Test
  void slackWebhookUrlsLoseTheirPathAndKeepTheHost() {
    assertThat(kinds(SLACK_WEBHOOK)).containsExactly(Kind.SLACK_WEBHOOK);
    assertThat(SecretPatterns.scrub("notify " + SLACK_WEBHOOK + " on failure"))
        .isEqualTo("notify https://hooks.slack.com/services/<redacted> on failure");
    assertThat(SecretPatterns.scrub("HTTPS://Hooks.Slack.com/services/" + SLACK_PATH + "/"))
        .isEqualTo("HTTPS://Hooks.Slack.com/services/<redacted>/");
    assertThat(SecretPatterns.scrub("hooks.slack.com/workflows/" + SLACK_PATH))
        .isEqualTo("hooks.slack.com/workflows/<redacted>");
    assertThat(SecretPatterns.scrub("https://hooks.slack.com/triggers/" + SLACK_PATH))
        .isEqualTo("https://hooks.slack.com/triggers/<redacted>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password=hunter2",
        "PASSWORD: hunter2",
        "db_password=hunter2",
        "DB_PWD=hunter2",
        "passwd=hunter2",
        "token=hunter2",
        "x-auth-token: hunter2",
        "api_key=hunter2",
        "apiKey=hunter2",
        "API-KEY=hunter2",
        "client_secret=hunter2",
        "aws_secret_access_key = hunter2",
        "credentials=hunter2",
        "private_key=hunter2",
        "\"password\": \"hunter2\"",
        "'token': 'hunter2'"
      })
  void pairsKeepTheirKeyAndLoseTheirValue(String pair) {
    String scrubbed = SecretPatterns.scrub(pair);
    assertThat(scrubbed).doesNotContain("hunter2").contains("<redacted>");
    assertThat(kinds(pair)).containsExactly(Kind.PAIR);
  }

  @Test
  void pairValuesEndAtWhiteSpaceAndSeparatorsOrTheirQuote() {
    assertThat(SecretPatterns.scrub("/x?a=1&token=abc123&b=2"))
        .isEqualTo("/x?a=1&token=<redacted>&b=2");
    assertThat(SecretPatterns.scrub("password=\"correct horse\" rest"))
        .isEqualTo("password=\"<redacted>\" rest");
    assertThat(SecretPatterns.scrub("password=a;user=b")).isEqualTo("password=<redacted>;user=b");
    // the value is a key id too: one match, of the more specific kind
    assertThat(kinds("aws_access_key_id=" + KEY_ID)).containsExactly(Kind.ACCESS_KEY_ID);
  }

  @Test
  void overlappingMatchesAreJoinedSoThatNothingOfAKeyIsLeft() {
    String text = "password=x" + PEM + " tail";
    assertThat(SecretPatterns.scrub(text)).isEqualTo("password=<redacted> tail");
    assertThat(kinds(text)).containsExactly(Kind.PRIVATE_KEY);
  }

  @Test
  void placeholdersAreNeverSecretsAgain() {
    for (String s :
        List.of("<redacted>", "password=<redacted>", "token=<redacted-12>", "web-<redacted-2>-x")) {
      assertThat(SecretPatterns.find(s)).as(s).isEmpty();
    }
    assertThat(SecretPatterns.isPlaceholder("<redacted-3>")).isTrue();
    assertThat(SecretPatterns.isPlaceholder("<redacted-0>")).isFalse();
  }

  @Test
  void keysThatNameASecret() {
    for (String key :
        List.of(
            "password",
            "DB_PASSWORD",
            "db-passwd",
            "Passphrase",
            "client_secret",
            "SecretArn",
            "github-token",
            "SessionToken",
            "refresh_token",
            "api_key",
            "ApiKey",
            "private-key",
            "AccessKey",
            "credentials",
            "pwd",
            "db.pwd")) {
      assertThat(SecretPatterns.namesSecret(key)).as(key).isTrue();
    }
    for (String key :
        List.of(
            "Name",
            "canary2k8s.io/app",
            "team",
            "cost-center",
            "keyboard",
            "dbPwdx",
            "auth",
            "NextToken",
            "ContinuationToken",
            "PaginationToken",
            "nextPageToken")) {
      assertThat(SecretPatterns.namesSecret(key)).as(key).isFalse();
    }
    assertThat(SecretPatterns.namesSecret(null)).isFalse();
  }

  /** What inventories hold everywhere is not a secret. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        // a classic ELB's and an ALB's DNS names
        "myapp-1234567890.ap-south-1.elb.amazonaws.com",
        "dualstack.internal-Web-ALB-0123456789.eu-west-1.elb.amazonaws.com.",
        // ARNs, one whose resource part is a 40-character run with upper, lower and digits
        "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/WebApp/50dc6c495c0c9188",
        "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-stable/73e2d6bc24d8a067",
        "arn:aws:acm:eu-west-1:210987654321:certificate/0d6f3c1e-7a2b-4c5d-8e9f-a0b1c2d3e4f5",
        "arn:aws:iam::123456789012:server-certificate/prod/WebCert2024",
        "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:3f1d2a9c-8b7e-4f6a-9d5c"
            + "-0e1f2a3b4c5d:autoScalingGroupName/web-stable",
        // a Secrets Manager ARN: inside an ARN, ':' separates parts, it is not a pair
        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-password-AbCdEf",
        // ids
        "i-0a1b2c3d4e5f60718",
        "Z0417932KX4V6BZ2M5QGH",
        "0d6f3c1e-7a2b-4c5d-8e9f-a0b1c2d3e4f5",
        // 40-character hashes: one case only
        "2b3709e4f0c1d2e3a4b5c6d7e8f9a0b1c2d3e4f5",
        "2B3709E4F0C1D2E3A4B5C6D7E8F9A0B1C2D3E4F5",
        // 40-character names made of words
        "UserProfileServiceCanaryAutoScalingGrp01",
        "MyVeryLongApplicationName2024Production1",
        "ProdAPIGatewayCanaryAutoScalingGroupV201",
        // 40-character paths of words, and health checks
        "/api/v2/UserProfiles/Settings/Display01a",
        "HTTP:8080/health/ready",
        "/password-reset/*",
        // base64 longer than a key (a public key, a certificate): not 40 characters
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAx7Q2b3BlbnNzaC1rZXktdjE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY=",
        // words that start like an id
        "asiapacificservices.example.com",
        "asia-pacific-1",
        // the word without a value
        "token",
        "the password is in the vault",
        "registry.invalid/canary2k8s-set-me/x:unknown"
      })
  void ordinaryValuesAreNotSecrets(String value) {
    assertThat(SecretPatterns.find(value)).as(value).isEmpty();
  }

  /**
   * False positives accepted: rare shapes that cannot be told from a secret by their characters. A
   * redacted value is named in a warning, so a reader sees what was replaced.
   */
  @Test
  void acceptedFalsePositives() {
    // a 40-character path of short, mixed-case parts and a hash looks random
    assertThat(kinds("/Api/V2/Users/4f3a9b2c/Settings/Display1"))
        .containsExactly(Kind.SECRET_ACCESS_KEY);
    // a word starting like a lower-cased key id with 16 letters and digits after it
    assertThat(kinds("asiapacificwebapp01x.example.com")).containsExactly(Kind.ACCESS_KEY_ID);
    // a key that merely mentions a token, with a value
    assertThat(kinds("tokenizer=v2")).containsExactly(Kind.PAIR);
  }
}
