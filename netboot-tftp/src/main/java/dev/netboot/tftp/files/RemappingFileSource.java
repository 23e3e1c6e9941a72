package dev.netboot.tftp.files;

import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequestInfo;
import dev.netboot.tftp.TftpWritableFile;

/**
 * Rewrites requested names with {@link RemapRules} before another source sees them, as
 * tftp-hpa's {@code --map-file} does; the other source then checks the rewritten name, so rules
 * cannot open a way out of a {@link DirectoryFileSource}'s root.
 */
public final class RemappingFileSource implements TftpFileSource {
  private final TftpFileSource delegate;
  private final RemapRules rules;

  private RemappingFileSource(TftpFileSource delegate, RemapRules rules) {
    this.delegate = delegate;
    this.rules = rules;
  }

  /**
   * Puts rules in front of a source.
   *
   * @param delegate the source that receives the rewritten names
   * @param rules the rules
   * @return the remapping source
   */
  public static RemappingFileSource of(TftpFileSource delegate, RemapRules rules) {
    return new RemappingFileSource(delegate, rules);
  }

  /**
   * Opens the file the rewritten name designates.
   *
   * @throws TftpFileException 2 if a rule refused the name, or the delegate's refusal
   */
  @Override
  public TftpReadableFile openForRead(TftpRequestInfo request) throws TftpFileException {
    return delegate.openForRead(rewrite(request, RemapRules.Operation.GET));
  }

  /**
   * Starts an upload under the rewritten name.
   *
   * @throws TftpFileException 2 if a rule refused the name, or the delegate's refusal
   */
  @Override
  public TftpWritableFile openForWrite(TftpRequestInfo request, long declaredSize)
      throws TftpFileException {
    return delegate.openForWrite(rewrite(request, RemapRules.Operation.PUT), declaredSize);
  }

  private TftpRequestInfo rewrite(TftpRequestInfo request, RemapRules.Operation operation)
      throws TftpFileException {
    String name = rules.rewrite(request.filename(), operation, request.peer().getAddress());
    return new TftpRequestInfo(name, request.mode(), request.options(), request.peer());
  }
}
