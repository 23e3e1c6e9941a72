package dev.netboot.tftp;

import dev.netboot.tftp.internal.OptionValues;
import dev.netboot.tftp.internal.RefusedTransfer;
import dev.netboot.tftp.internal.ServerOptionNegotiation;
import dev.netboot.tftp.internal.ServerReadTransfer;
import dev.netboot.tftp.internal.ServerWriteTransfer;
import dev.netboot.tftp.internal.WireStrings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the server side of transfers from requests (RFC 1350, RFC 2347, RFC 2348, RFC 2349,
 * RFC 7440). The file is opened here; a refusal (the source's {@link TftpFileException}, an
 * unknown mode, writes not allowed, a declared size over the limit) gives a transfer that just
 * sends that ERROR on {@link TftpTransfer#start} and finishes.
 */
public final class TftpServerTransfers {
  private static final Logger log = LoggerFactory.getLogger(TftpServerTransfers.class);

  private TftpServerTransfers() {}

  /**
   * Makes the transfer answering a read request.
   *
   * @param request the RRQ
   * @param info the request as the file source sees it, with the client's address
   * @param files where files come from
   * @param settings the server's caps and timers
   * @return the transfer, not started
   * @throws IllegalArgumentException if {@code request} is not an RRQ
   */
  public static TftpTransfer read(TftpRequest request, TftpRequestInfo info, TftpFileSource files,
      TftpServerSettings settings) {
    if (!request.isRead()) {
      throw new IllegalArgumentException("request: " + request + " (expected: an RRQ)");
    }
    TftpTransfer refused = checkMode(request, settings);
    if (refused != null) {
      return refused;
    }
    TftpReadableFile file;
    try {
      file = files.openForRead(info);
    } catch (TftpFileException e) {
      return refuse(request, e.errorCode(), String.valueOf(e.getMessage()), settings);
    } catch (RuntimeException e) {
      log.warn("TFTP file source failed to open {}", request.filename(), e);
      return refuse(request, TftpErrorCode.NOT_DEFINED, "internal error", settings);
    }
    // netascii's converted size is not known in advance: no tsize rather than a wrong one.
    long size = TftpRequest.MODE_NETASCII.equals(request.mode()) ? -1 : file.size();
    ServerOptionNegotiation answer =
        ServerOptionNegotiation.forRead(request.options(), size, settings);
    return new ServerReadTransfer(request, file, answer, settings.retransmit());
  }

  /**
   * Makes the transfer answering a write request.
   *
   * @param request the WRQ
   * @param info the request as the file source sees it, with the client's address
   * @param files where files go
   * @param settings the server's caps and timers; writes must be allowed
   * @return the transfer, not started
   * @throws IllegalArgumentException if {@code request} is not a WRQ
   */
  public static TftpTransfer write(TftpRequest request, TftpRequestInfo info,
      TftpFileSource files, TftpServerSettings settings) {
    if (request.isRead()) {
      throw new IllegalArgumentException("request: " + request + " (expected: a WRQ)");
    }
    if (!settings.writeAllowed()) {
      return refuse(request, TftpErrorCode.ACCESS_VIOLATION, "writes are not allowed", settings);
    }
    TftpTransfer refused = checkMode(request, settings);
    if (refused != null) {
      return refused;
    }
    String tsize = request.options().get(TftpOptions.TSIZE);
    long declared = tsize == null ? -1 : OptionValues.parse(tsize);
    if (declared > settings.maxWriteSize()) {
      // RFC 2349 section "Transfer Size Option": a server may refuse a size it cannot take.
      return refuse(request, TftpErrorCode.DISK_FULL,
          "file larger than " + settings.maxWriteSize() + " bytes", settings);
    }
    TftpWritableFile file;
    try {
      file = files.openForWrite(info, declared);
    } catch (TftpFileException e) {
      return refuse(request, e.errorCode(), String.valueOf(e.getMessage()), settings);
    } catch (RuntimeException e) {
      log.warn("TFTP file source failed to open {} for writing", request.filename(), e);
      return refuse(request, TftpErrorCode.NOT_DEFINED, "internal error", settings);
    }
    ServerOptionNegotiation answer =
        ServerOptionNegotiation.forWrite(request.options(), settings);
    return new ServerWriteTransfer(
        request, file, answer, settings.maxWriteSize(), settings.retransmit());
  }

  private static @Nullable TftpTransfer checkMode(TftpRequest request, TftpServerSettings settings) {
    String mode = request.mode();
    if (mode.equals(TftpRequest.MODE_OCTET) || mode.equals(TftpRequest.MODE_NETASCII)) {
      return null;
    }
    // RFC 1350's "mail" mode is obsolete; tftp-hpa answers any other mode with ERROR 4 too.
    return refuse(request, TftpErrorCode.ILLEGAL_OPERATION, "unknown mode", settings);
  }

  private static TftpTransfer refuse(
      TftpRequest request, TftpErrorCode code, String message, TftpServerSettings settings) {
    return new RefusedTransfer(request.filename(), code,
        WireStrings.fit(message, TftpError.MAX_MESSAGE_LENGTH),
        settings.retransmit());
  }
}
