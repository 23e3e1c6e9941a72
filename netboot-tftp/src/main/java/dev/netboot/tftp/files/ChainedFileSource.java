package dev.netboot.tftp.files;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequestInfo;
import dev.netboot.tftp.TftpWritableFile;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Asks several sources in turn: the first that has the file serves it.
 *
 * <p>Only "file not found" (error 1) passes a read on to the next source; any other refusal,
 * such as an access violation, ends the search, so a later source cannot serve what an earlier
 * one denied. If every source answers error 1, so does the chain. Writes go to the one
 * {@linkplain Builder#writeTarget write target}, if any; without one they are refused (error 2).
 */
public final class ChainedFileSource implements TftpFileSource {
  private final List<TftpFileSource> sources;
  private final @Nullable TftpFileSource writeTarget;

  private ChainedFileSource(List<TftpFileSource> sources, @Nullable TftpFileSource writeTarget) {
    this.sources = List.copyOf(sources);
    this.writeTarget = writeTarget;
  }

  /**
   * Chains sources for reading; writes are refused.
   *
   * @param sources the sources, asked in this order
   * @return the chain
   */
  public static ChainedFileSource of(TftpFileSource... sources) {
    return new ChainedFileSource(List.of(sources), null);
  }

  /** Starts an empty chain. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the sources, in the order they are asked. */
  public List<TftpFileSource> sources() {
    return sources;
  }

  /**
   * Opens the file from the first source that has it.
   *
   * @throws TftpFileException 1 if no source has it, or the first refusal other than 1
   */
  @Override
  public TftpReadableFile openForRead(TftpRequestInfo request) throws TftpFileException {
    TftpFileException notFound = null;
    for (TftpFileSource source : sources) {
      try {
        return source.openForRead(request);
      } catch (TftpFileException e) {
        if (!e.errorCode().equals(TftpErrorCode.FILE_NOT_FOUND)) {
          throw e;
        }
        notFound = e;
      }
    }
    throw notFound != null ? notFound : PathResolver.notFound();
  }

  /**
   * Starts an upload on the write target.
   *
   * @throws TftpFileException 2 if there is no write target, or the target's refusal
   */
  @Override
  public TftpWritableFile openForWrite(TftpRequestInfo request, long declaredSize)
      throws TftpFileException {
    if (writeTarget == null) {
      throw RequestedPath.refused("writes are not allowed");
    }
    return writeTarget.openForWrite(request, declaredSize);
  }

  /** Collects the sources of a {@link ChainedFileSource}. */
  public static final class Builder {
    private final List<TftpFileSource> sources = new ArrayList<>();
    private @Nullable TftpFileSource writeTarget;

    private Builder() {}

    /** Appends a source, asked after those already added. */
    public Builder add(TftpFileSource source) {
      sources.add(source);
      return this;
    }

    /** Sends every write request to this source; it need not be one of the read sources. */
    public Builder writeTarget(TftpFileSource writeTarget) {
      this.writeTarget = writeTarget;
      return this;
    }

    /** Builds the chain. */
    public ChainedFileSource build() {
      return new ChainedFileSource(sources, writeTarget);
    }
  }
}
