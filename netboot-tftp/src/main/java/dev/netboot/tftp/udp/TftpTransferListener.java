package dev.netboot.tftp.udp;

/**
 * Hears what a {@link TftpServer}'s transfers do: for embedders' logs, metrics and dashboards.
 * Every transfer that starts is followed by exactly one of {@link #transferCompleted} or
 * {@link #transferFailed}; a request refused before it became a transfer (server busy,
 * malformed) is not reported here.
 *
 * <p><b>Threads.</b> Unless the server was given a
 * {@linkplain TftpServer.Builder#listenerExecutor listener executor}, the methods run on the
 * server's I/O threads, between packets: they must return quickly and never block. Exceptions
 * they throw are logged and otherwise ignored.
 */
public interface TftpTransferListener {
  /**
   * A request was admitted and its transfer is starting (the file is not opened yet: a file
   * not found is a transfer that fails at once).
   *
   * @param event the transfer, without a result
   */
  default void transferStarted(TftpTransferEvent event) {}

  /**
   * A transfer did what was asked: every byte delivered, or a {@code tsize} probe answered
   * ({@link dev.netboot.tftp.TftpTransferResult#isSuccess()}).
   *
   * @param event the transfer, with its result
   */
  default void transferCompleted(TftpTransferEvent event) {}

  /**
   * A transfer ended otherwise: an error sent or received, a silent peer, an abort.
   *
   * @param event the transfer, with its result
   */
  default void transferFailed(TftpTransferEvent event) {}

  /**
   * A transfer is still running: sent at most once per the server's progress interval (one
   * second by default; {@link TftpServer.Builder#progressInterval}), and not for transfers
   * that end sooner. For progress bars; the default does nothing.
   *
   * @param event the transfer, without a result
   * @param bytes the bytes acknowledged (read) or received (write) so far
   * @param expectedBytes the size of the whole transfer if known (octet reads), else -1
   */
  default void transferProgress(TftpTransferEvent event, long bytes, long expectedBytes) {}
}
