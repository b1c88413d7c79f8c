package io.canary2k8s.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DnsNamesTest {
  @Test
  void recordNamesLoseTheTrailingDotAndCaseAndDecodeOctalEscapes() {
    assertThat(DnsNames.normalise("MyApp.Example.COM.")).isEqualTo("myapp.example.com");
    assertThat(DnsNames.normalise("\\052.example.com.")).isEqualTo("*.example.com");
    assertThat(DnsNames.normalise("*.example.com")).isEqualTo("*.example.com");
    assertThat(DnsNames.normalise("a\\100b.example.com.")).isEqualTo("a@b.example.com");
    assertThat(DnsNames.normalise("trailing\\05")).isEqualTo("trailing\\05");
  }

  @Test
  void loadBalancerKeysIgnoreDualstackAndIpv6PrefixesAndCase() {
    String plain = "my-lb-123.eu-west-1.elb.amazonaws.com";
    assertThat(DnsNames.loadBalancerKey("dualstack.My-LB-123.eu-west-1.elb.amazonaws.com."))
        .isEqualTo(plain);
    assertThat(DnsNames.loadBalancerKey("ipv6.my-lb-123.eu-west-1.elb.amazonaws.com"))
        .isEqualTo(plain);
    assertThat(DnsNames.loadBalancerKey(plain)).isEqualTo(plain);
    assertThat(DnsNames.loadBalancerKey("dualstack.internal-x-1.eu-west-1.elb.amazonaws.com"))
        .isEqualTo("internal-x-1.eu-west-1.elb.amazonaws.com");
  }
}
