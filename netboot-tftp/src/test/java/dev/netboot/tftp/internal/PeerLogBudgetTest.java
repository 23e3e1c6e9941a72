package dev.netboot.tftp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerLogBudgetTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aFloodFromOnePeerIsCappedAndCountedThenReportedOnceThePeriodIsOver() throws Exception {
    PeerLogBudget budget = new PeerLogBudget();
    InetAddress flooder = InetAddress.getByName("192.0.2.7");
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String suffix = budget.spend(flooder, i * 1_000_000L);
      if (suffix != null) {
        written.add(suffix);
      }
    }
    assertThat(written).hasSize(PeerLogBudget.LINES_PER_PERIOD);
    assertThat(written.get(written.size() - 1)).contains("counted, not logged");

    String next = budget.spend(flooder, PeerLogBudget.PERIOD_NANOS + SECOND);
    assertThat(next).contains((500 - PeerLogBudget.LINES_PER_PERIOD) + " more");
  }

  @Test
  void eachPeerHasItsOwnBudget() throws Exception {
    PeerLogBudget budget = new PeerLogBudget();
    InetAddress flooder = InetAddress.getByName("192.0.2.7");
    for (int i = 0; i <= PeerLogBudget.LINES_PER_PERIOD; i++) {
      budget.spend(flooder, 0);
    }
    assertThat(budget.spend(flooder, SECOND)).isNull();
    assertThat(budget.spend(InetAddress.getByName("192.0.2.8"), SECOND)).isEmpty();
  }

  @Test
  void aMachineProbingTenMissingConfigsIsLoggedInFull() throws Exception {
    PeerLogBudget budget = new PeerLogBudget();
    InetAddress pxelinux = InetAddress.getByName("192.0.2.9");
    for (int i = 0; i < 12; i++) {
      assertThat(budget.spend(pxelinux, i * SECOND / 100)).as("miss " + i).isEmpty();
    }
  }
}
