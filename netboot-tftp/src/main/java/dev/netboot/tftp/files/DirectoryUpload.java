package dev.netboot.tftp.files;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpWritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload written to a hidden temporary file beside its target and renamed into place on
 * commit, so readers see the old file or the complete new one, never a part.
 */
final class DirectoryUpload implements TftpWritableFile {
  private static final Logger log = LoggerFactory.getLogger(DirectoryUpload.class);

  private final FileChannel channel;
  private final Path temporary;
  private final Path target;
  private final long maxSize;
  private final boolean replaceExisting;
  private long written;
  private boolean committed;
  private boolean closed;

  DirectoryUpload(
      FileChannel channel, Path temporary, Path target, long maxSize, boolean replaceExisting) {
    this.channel = channel;
    this.temporary = temporary;
    this.target = target;
    this.maxSize = maxSize;
    this.replaceExisting = replaceExisting;
  }

  @Override
  public void write(ByteBuffer src) throws IOException, TftpFileException {
    checkOpen();
    if (src.remaining() > maxSize - written) {
      throw new TftpFileException(TftpErrorCode.DISK_FULL, "file too large");
    }
    while (src.hasRemaining()) {
      written += channel.write(src);
    }
  }

  @Override
  public void commit() throws IOException {
    checkOpen();
    // Durable before visible: a crash after the rename must not leave an empty file in place.
    channel.force(true);
    channel.close();
    if (replaceExisting) {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } else {
      moveUnlessExists();
    }
    committed = true;
  }

  /**
   * A hard link fails atomically if the target appeared since the upload was opened, where a
   * rename would silently replace it. File systems without hard links get check-then-rename.
   */
  private void moveUnlessExists() throws IOException {
    boolean linked;
    try {
      Files.createLink(target, temporary);
      linked = true;
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | IOException e) {
      linked = false;
    }
    if (linked) {
      Files.delete(temporary);
    } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException("file exists");
    } else {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("closing an upload failed", e);
    }
    if (!committed) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        log.warn("cannot delete the abandoned upload {}", temporary, e);
      }
    }
  }

  private void checkOpen() {
    if (closed || committed) {
      throw new IllegalStateException("upload already " + (committed ? "committed" : "closed"));
    }
  }
}
