package dev.netboot.tftp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlockNumberingTest {
  @Test
  void rolloverToZeroByDefault() {
    BlockNumbering n = new BlockNumbering(-1);
    assertThat(n.wire(65535)).isEqualTo(65535);
    assertThat(n.wire(65536)).isZero();
    assertThat(n.wire(65537)).isEqualTo(1);
    assertThat(n.wire(3 * 65536L + 7)).isEqualTo(7);
  }

  @Test
  void rolloverToOneSkipsZero() {
    BlockNumbering n = new BlockNumbering(1);
    assertThat(n.wire(65535)).isEqualTo(65535);
    assertThat(n.wire(65536)).isEqualTo(1);
    assertThat(n.wire(65536 + 65534)).isEqualTo(65535);
    assertThat(n.wire(65536 + 65535)).isEqualTo(1);
  }

  @Test
  void nearestReadsA16BitNumberWhereTheTransferIs() {
    for (int rollover : new int[] {0, 1}) {
      BlockNumbering n = new BlockNumbering(rollover);
      for (long reference : new long[] {0, 1, 100, 65000, 65535, 65536, 65537, 131_000,
          131_072, 10_000_000}) {
        for (long delta = -300; delta <= 300; delta += 7) {
          long index = reference + delta;
          if (index < 0) {
            continue;
          }
          assertThat(n.nearest(n.wire(index), reference)).as("rollover %d, index %d near %d",
              rollover, index, reference).isEqualTo(index);
        }
      }
    }
  }

  @Test
  void farNumbersMapBelowOrAboveButNeverNegative() {
    BlockNumbering n = new BlockNumbering(0);
    assertThat(n.nearest(65535, 0)).isEqualTo(65535);
    assertThat(n.nearest(65535, 70_000)).isEqualTo(65535);
    assertThat(n.nearest(0, 70_000)).isEqualTo(65536);
  }
}
