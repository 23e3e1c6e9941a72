package dev.netboot.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Bind failures say what to do. */
class BindErrorsTest {
  @Test
  void privilegedPortSaysRootOrCapability() {
    var e = BindErrors.explain("DHCP", "--dhcp-port",
        new InetSocketAddress(Ipv4Text.parse("0.0.0.0"), 67), new BindException("Permission denied"));
    assertThat(e).hasMessageContaining("port 67 needs root (or CAP_NET_BIND_SERVICE)")
        .hasMessageContaining("--dhcp-port");
  }

  @Test
  void foreignAddressSaysItIsNotOnThisHost() {
    var e = BindErrors.explain("HTTP", "--http-port",
        new InetSocketAddress(Ipv4Text.parse("192.0.2.1"), 80),
        new BindException("Cannot assign requested address"));
    assertThat(e).hasMessageContaining("192.0.2.1 is not on this host");
  }
}
