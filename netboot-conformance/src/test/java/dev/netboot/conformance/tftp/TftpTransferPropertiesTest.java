package dev.netboot.conformance.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.conformance.PropertyCheck;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.TftpTransferResult.Outcome;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generated transfer scenarios (sizes, options, loss, duplicates, reordering, small buffers)
 * always end, within a bounded number of steps, either complete with the right bytes or with a
 * clean error that leaves nothing behind.
 */
class TftpTransferPropertiesTest {
  private static final Set<Outcome> CLEAN_FAILURES =
      EnumSet.of(Outcome.ERROR_SENT, Outcome.ERROR_RECEIVED, Outcome.TIMED_OUT);

  @Test
  void scenariosEndCompleteWithTheRightBytesOrCleanly() {
    int[] completed = new int[1];
    int[] cases = new int[1];
    PropertyCheck.forAll("transfer scenarios", 400, TftpGenerators.scenarios(), scenario -> {
      cases[0]++;
      TftpSimulation.Run run = TftpSimulation.run(scenario);
      TftpTransferResult client = run.client();
      TftpTransferResult server = run.server();
      TftpTransferResult sender = scenario.upload() ? client : server;
      TftpTransferResult receiver = scenario.upload() ? server : client;
      if (run.received() != null) {
        assertThat(run.received()).as("committed bytes").isEqualTo(run.content());
      }
      if (receiver != null && receiver.outcome() == Outcome.COMPLETED) {
        assertThat(run.received()).as("a completed receiver committed the file").isNotNull();
      }
      if (sender != null && sender.outcome() == Outcome.COMPLETED) {
        // The sender completes only on the final ACK, sent after the receiver committed.
        assertThat(run.received()).as("a completed sender's file arrived").isNotNull();
        assertThat(receiver.outcome()).isEqualTo(Outcome.COMPLETED);
      }
      for (TftpTransferResult r : new TftpTransferResult[] {client, server}) {
        if (r != null && r.outcome() != Outcome.COMPLETED) {
          assertThat(r.outcome()).as("%s", r).isIn(CLEAN_FAILURES);
        }
      }
      if (client.outcome() == Outcome.COMPLETED) {
        completed[0]++;
      }
      checkOptionAnswers(scenario, run);
    });
    // Most scenarios must complete, or the property proves less than it claims.
    assertThat(completed[0]).as("scenarios that completed, of %d", cases[0])
        .isGreaterThan(cases[0] / 2);
  }

  /** A clean network with patient retries always completes, whatever the options and size. */
  @Test
  void withoutFaultsEveryScenarioCompletes() {
    PropertyCheck.forAll("clean network", 200, TftpGenerators.scenarios().map(s ->
        new TftpScenario(s.upload(), s.mode(), Math.min(s.fileSize(), 100_000), s.contentSeed(),
            s.options(), s.serverMaxBlksize(), s.serverMaxWindowsize(), s.retransmit(),
            TftpFaults.NONE)), scenario -> {
      TftpSimulation.Run run = TftpSimulation.run(scenario);
      assertThat(run.client().outcome()).as("%s", run.client()).isEqualTo(Outcome.COMPLETED);
      assertThat(run.server().outcome()).as("%s", run.server()).isEqualTo(Outcome.COMPLETED);
      assertThat(run.received()).isEqualTo(run.content());
      assertThat(run.client().retransmissions()).isZero();
      assertThat(run.server().retransmissions()).isZero();
    });
  }

  private static void checkOptionAnswers(TftpScenario scenario, TftpSimulation.Run run) {
    for (TftpPacket p : run.toClient()) {
      if (p instanceof TftpOptionAck) {
        Map<String, String> oack = ((TftpOptionAck) p).options();
        assertThat(scenario.options()).containsKeys(oack.keySet().toArray(new String[0]));
        String blksize = oack.get(TftpOptions.BLKSIZE);
        if (blksize != null) {
          assertThat(Integer.parseInt(blksize))
              .isLessThanOrEqualTo(Integer.parseInt(scenario.options().get(TftpOptions.BLKSIZE)))
              .isLessThanOrEqualTo(scenario.serverMaxBlksize());
        }
      }
    }
  }
}
