package dev.netboot.tftp;

/**
 * Where a TFTP server's files come from: a directory, memory, or files made per request.
 *
 * <p>Implementations decide what a requested name means and refuse what they must (a name that
 * escapes a root, a FIFO, a write they do not accept) with a {@link TftpFileException} carrying
 * the TFTP error to send. They are called on the server's I/O threads: opening must not block on
 * anything slower than a local file system.
 */
public interface TftpFileSource {
  /**
   * Opens a file for a read request (RRQ).
   *
   * @param request the request: file name as the client sent it, mode, options, peer
   * @return the file, positioned nowhere: reads are positional
   * @throws TftpFileException with the TFTP error to answer (1 file not found, 2 access
   *     violation, ...)
   */
  TftpReadableFile openForRead(TftpRequestInfo request) throws TftpFileException;

  /**
   * Opens a file for a write request (WRQ). Sources are read-only unless they override this.
   *
   * @param request the request: file name as the client sent it, mode, options, peer
   * @param declaredSize the size the client announced with {@code tsize}, or -1
   * @return the file being written; nothing is visible to readers before
   *     {@link TftpWritableFile#commit()}
   * @throws TftpFileException with the TFTP error to answer (2 access violation, 3 disk full,
   *     6 file exists, ...)
   */
  default TftpWritableFile openForWrite(TftpRequestInfo request, long declaredSize)
      throws TftpFileException {
    throw new TftpFileException(TftpErrorCode.ACCESS_VIOLATION, "writes are not allowed");
  }
}
