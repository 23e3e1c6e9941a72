package dev.netboot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PeersTest {
  private static final String MISSING = "netboot-no-such-peer-program";

  private final String saved = System.getProperty(Peers.REQUIRED_PROPERTY);

  @AfterEach
  void restoreProperty() {
    if (saved == null) {
      System.clearProperty(Peers.REQUIRED_PROPERTY);
    } else {
      System.setProperty(Peers.REQUIRED_PROPERTY, saved);
    }
  }

  @Test
  void findsAProgramOnPath() {
    assertThat(Peers.find("sh")).isPresent();
    assertThat(Peers.find(MISSING)).isEmpty();
  }

  @Test
  void missingPeerSkipsByDefault() {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        "true".equals(System.getenv(Peers.REQUIRED_ENV)), "peers are required by the environment");
    System.clearProperty(Peers.REQUIRED_PROPERTY);
    assertThatThrownBy(() -> Peers.require(MISSING))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("install it");
  }

  @Test
  void missingPeerFailsWhenPeersAreRequired() {
    System.setProperty(Peers.REQUIRED_PROPERTY, "true");
    assertThatThrownBy(() -> Peers.require(MISSING))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining(MISSING)
        .hasMessageContaining("peers are required here");
  }
}
