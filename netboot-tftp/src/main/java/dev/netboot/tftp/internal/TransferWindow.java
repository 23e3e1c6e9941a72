package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpOutbox;
import java.io.IOException;

/** What a client transfer asks of its data phase, whichever way the blocks flow. */
interface TransferWindow {
  /**
   * Handles the window's deadline: retransmits, or gives up.
   *
   * @return {@code false} once the retries are spent
   */
  boolean onDeadline(long now, TftpOutbox out) throws IOException;

  /** Returns when {@link #onDeadline} is next due, or {@link Long#MAX_VALUE}. */
  long deadline();

  /** Returns how many packets were sent again. */
  int retransmissions();
}
