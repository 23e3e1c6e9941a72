package dev.netboot.pxe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the option 43 decoder: any bytes decode or raise {@link PxeParseException}, nothing
 * else, and what decodes re-encodes to bytes that decode to the same value.
 */
class PxeOptionsFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void decode(byte[] input) {
    PxeOptions options;
    try {
      options = PxeOptions.decode(input);
    } catch (PxeParseException e) {
      assertThat(e.offset()).isBetween(0, input.length);
      return;
    }
    assertThat(PxeOptions.decode(options.encode())).isEqualTo(options);
    // The typed views of a decoded value never throw.
    options.bootServers();
    options.bootMenu();
    options.menuPrompt();
    options.bootItem();
    options.discoveryControl();
    options.toString();
  }
}
