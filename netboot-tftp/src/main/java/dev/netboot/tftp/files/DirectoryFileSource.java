package dev.netboot.tftp.files;

import static dev.netboot.tftp.files.PathResolver.ioFailure;
import static dev.netboot.tftp.files.PathResolver.notFound;
import static dev.netboot.tftp.files.RequestedPath.refused;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequestInfo;
import dev.netboot.tftp.TftpWritableFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the regular files under a root directory, and nothing else.
 *
 * <p>Names are checked before the file system is touched (RFC 1350 section 1 leaves the name's
 * meaning to the server). These get error 2, access violation, decided from the name alone so
 * the answer is the same whatever exists: a {@code ..} segment, a control character (NUL
 * included), a backslash (unless {@link Builder#backslashAsSeparator}), a leading {@code /}
 * (unless {@link Builder#stripLeadingSlash}, on by default), an empty or over-long name, and
 * Windows device names ({@code CON}, {@code NUL}, {@code COM1}, ...; refused on every system so
 * a tree behaves the same everywhere). Empty and {@code .} segments are skipped.
 *
 * <p>A symbolic link is followed one component at a time; one whose text leads out of the root
 * gets error 2 without anything outside being looked at, so a client cannot tell whether its
 * target exists ({@link Builder#allowSymlinksOutsideRoot} lifts this). A missing file inside the
 * root gets error 1. A directory, FIFO, socket or device gets error 2 and is never opened:
 * opening a FIFO would block the server's thread.
 *
 * <p>Limits of the sandbox: the JDK has no {@code openat}, so a local user who can swap a
 * directory for a link inside the root between the check and the open can win that race; the
 * file's identity is compared before and after opening to catch a swapped last component.
 * Remote clients cannot create links: uploads only ever create regular files.
 *
 * <p>Writes (WRQ) are refused unless {@link Builder#allowWrite} is set; then an upload goes to a
 * hidden {@code .netboot-upload-*.part} file beside its target, capped at
 * {@link Builder#maxWriteSize}, and is renamed into place on commit. Such temporary files are
 * never served and cannot be written to by name.
 */
public final class DirectoryFileSource implements TftpFileSource {
  /** Longest file name accepted, in characters. */
  public static final int MAX_NAME_LENGTH = 1024;
  /** Longest path segment accepted, in UTF-8 bytes: what common file systems allow. */
  public static final int MAX_SEGMENT_BYTES = 255;
  /** Most path segments in a name. */
  public static final int MAX_PATH_DEPTH = 64;
  /** Most symbolic links followed while resolving one name, as Linux's {@code MAXSYMLINKS}. */
  public static final int MAX_SYMLINK_HOPS = 40;
  /** Most directory entries read per component by a case-insensitive lookup. */
  public static final int MAX_DIRECTORY_SCAN = 100_000;
  /** Default cap on the size of an upload: 64 MiB. */
  public static final long DEFAULT_MAX_WRITE_SIZE = 64L << 20;

  private static final Logger log = LoggerFactory.getLogger(DirectoryFileSource.class);

  private final Path root;
  private final boolean stripLeadingSlash;
  private final boolean backslashAsSeparator;
  private final boolean allowWrite;
  private final boolean allowOverwrite;
  private final long maxWriteSize;
  private final PathResolver resolver;

  private DirectoryFileSource(Builder builder, Path realRoot) {
    this.root = realRoot;
    this.stripLeadingSlash = builder.stripLeadingSlash;
    this.backslashAsSeparator = builder.backslashAsSeparator;
    this.allowWrite = builder.allowWrite;
    this.allowOverwrite = builder.allowOverwrite;
    this.maxWriteSize = builder.maxWriteSize;
    this.resolver =
        new PathResolver(realRoot, builder.caseInsensitive, builder.allowSymlinksOutsideRoot);
  }

  /**
   * Starts a source serving the directory {@code root}.
   *
   * @param root the directory; it must exist when {@link Builder#build()} is called
   * @return a builder with reads only, exact names and leading slashes stripped
   */
  public static Builder builder(Path root) {
    return new Builder(root);
  }

  /** Returns the root directory, with every symbolic link in it resolved. */
  public Path root() {
    return root;
  }

  /**
   * Opens a regular file under the root for reading.
   *
   * @throws TftpFileException 1 if there is no such file, 2 if the name or the file is refused
   */
  @Override
  public TftpReadableFile openForRead(TftpRequestInfo request) throws TftpFileException {
    PathResolver.Resolved resolved = resolver.resolve(segments(request));
    BasicFileAttributes before = resolved.attributes();
    if (!before.isRegularFile()) {
      log.debug("refused {}: not a regular file", resolved.path());
      throw refused("not a regular file");
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(
          resolved.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      BasicFileAttributes after = PathResolver.attributesOrNull(resolved.path());
      if (after == null || !after.isRegularFile()
          || !Objects.equals(before.fileKey(), after.fileKey())) {
        log.warn("refused {}: replaced while it was opened", resolved.path());
        throw refused("file changed while opening");
      }
      TftpReadableFile file = new ChannelReadableFile(channel);
      channel = null;
      return file;
    } catch (IOException e) {
      throw ioFailure(e);
    } finally {
      closeQuietly(channel);
    }
  }

  /**
   * Starts an upload into the root, if writes are allowed.
   *
   * @param declaredSize the client's {@code tsize} (RFC 2349), or -1; above the cap it is refused
   * @throws TftpFileException 2 if writes are off or the name is refused, 3 if the declared size
   *     is over the cap, 6 if the file exists and overwriting is off, 1 if its directory is missing
   */
  @Override
  public TftpWritableFile openForWrite(TftpRequestInfo request, long declaredSize)
      throws TftpFileException {
    if (!allowWrite) {
      throw refused("writes are not allowed");
    }
    if (declaredSize > maxWriteSize) {
      throw new TftpFileException(TftpErrorCode.DISK_FULL, "file too large");
    }
    List<String> segments = segments(request);
    PathResolver.Resolved parent = resolver.resolve(segments.subList(0, segments.size() - 1));
    if (!parent.attributes().isDirectory()) {
      throw notFound();
    }
    String leaf = segments.get(segments.size() - 1);
    Path found = resolver.lookup(parent.path(), leaf);
    Path target = found != null ? found : parent.path().resolve(leaf);
    BasicFileAttributes existing = PathResolver.attributesOrNull(target);
    if (existing != null && !existing.isRegularFile()) {
      // Links included: replacing one would change what it pointed at for other readers.
      throw refused("not a regular file");
    }
    if (existing != null && !allowOverwrite) {
      throw new TftpFileException(TftpErrorCode.FILE_EXISTS, "file exists");
    }
    return createUpload(parent.path(), target);
  }

  private TftpWritableFile createUpload(Path directory, Path target) throws TftpFileException {
    for (int attempt = 0; ; attempt++) {
      Path temporary = directory.resolve(RequestedPath.UPLOAD_PREFIX
          + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
      try {
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        return new DirectoryUpload(channel, temporary, target, maxWriteSize, allowOverwrite);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 2) {
          throw ioFailure(e);
        }
      } catch (NotDirectoryException e) {
        throw notFound();
      } catch (IOException e) {
        throw ioFailure(e);
      }
    }
  }

  private List<String> segments(TftpRequestInfo request) throws TftpFileException {
    return RequestedPath.segments(request.filename(), stripLeadingSlash, backslashAsSeparator);
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        log.debug("closing a refused file failed", e);
      }
    }
  }

  /** Options of a {@link DirectoryFileSource}; every one is off unless said otherwise. */
  public static final class Builder {
    private final Path root;
    private boolean caseInsensitive;
    private boolean stripLeadingSlash = true;
    private boolean backslashAsSeparator;
    private boolean allowSymlinksOutsideRoot;
    private boolean allowWrite;
    private boolean allowOverwrite;
    private long maxWriteSize = DEFAULT_MAX_WRITE_SIZE;

    private Builder(Path root) {
      this.root = root;
    }

    /**
     * Matches each path component ignoring case when no entry has the exact name; of several
     * entries that differ only by case, the one whose name sorts first (by UTF-16 code units)
     * wins. For clients written against case-insensitive servers.
     */
    public Builder caseInsensitive(boolean caseInsensitive) {
      this.caseInsensitive = caseInsensitive;
      return this;
    }

    /**
     * Strips leading slashes, so {@code /pxelinux.0} means {@code pxelinux.0} under the root (on
     * by default: many clients send them). Off, a leading slash is an access violation.
     */
    public Builder stripLeadingSlash(boolean stripLeadingSlash) {
      this.stripLeadingSlash = stripLeadingSlash;
      return this;
    }

    /**
     * Reads {@code \} as a path separator, as Windows boot managers send ({@code \Boot\BCD}).
     * Off by default: then a backslash is an access violation, never a name character.
     */
    public Builder backslashAsSeparator(boolean backslashAsSeparator) {
      this.backslashAsSeparator = backslashAsSeparator;
      return this;
    }

    /**
     * Follows symbolic links that lead out of the root. A link to a directory then exposes
     * everything under it.
     */
    public Builder allowSymlinksOutsideRoot(boolean allowSymlinksOutsideRoot) {
      this.allowSymlinksOutsideRoot = allowSymlinksOutsideRoot;
      return this;
    }

    /** Accepts uploads (WRQ) into existing directories under the root. */
    public Builder allowWrite(boolean allowWrite) {
      this.allowWrite = allowWrite;
      return this;
    }

    /** Lets an upload replace an existing regular file; otherwise that is error 6. */
    public Builder allowOverwrite(boolean allowOverwrite) {
      this.allowOverwrite = allowOverwrite;
      return this;
    }

    /**
     * Caps an upload's size; beyond it the upload fails with error 3.
     *
     * @param maxWriteSize bytes, at least 0; default {@link #DEFAULT_MAX_WRITE_SIZE}
     */
    public Builder maxWriteSize(long maxWriteSize) {
      if (maxWriteSize < 0) {
        throw new IllegalArgumentException("maxWriteSize: " + maxWriteSize + " (expected: >= 0)");
      }
      this.maxWriteSize = maxWriteSize;
      return this;
    }

    /**
     * Builds the source, resolving the root to its real path.
     *
     * @throws IOException if the root does not exist or cannot be resolved
     * @throws IllegalArgumentException if the root is not a directory
     */
    public DirectoryFileSource build() throws IOException {
      Path realRoot = root.toRealPath();
      if (!Files.isDirectory(realRoot)) {
        throw new IllegalArgumentException("root: " + root + " (expected: a directory)");
      }
      return new DirectoryFileSource(this, realRoot);
    }
  }
}
