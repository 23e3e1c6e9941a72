package dev.netboot.server.http;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something a {@link BootHttpServer} sends: a file streamed from disk, or bytes in memory. Both
 * get the same treatment: {@code Content-Length}, {@code Last-Modified}, a weak {@code ETag},
 * conditional requests (304) and single byte ranges (206/416).
 */
public sealed interface HttpResource {
  /**
   * Returns the media type sent as {@code Content-Type}.
   *
   * @return e.g. {@code application/octet-stream}
   */
  String contentType();

  /**
   * A file, streamed with zero-copy {@code sendfile} and never read into memory. It is opened
   * when requested: when it is then missing, unreadable or not a regular file, the answer is 404.
   *
   * @param file the file
   * @param contentType the media type sent as {@code Content-Type}
   */
  record FileResource(Path file, String contentType) implements HttpResource {
    /** Checks that neither part is null. */
    public FileResource {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(contentType, "contentType");
    }
  }

  /**
   * Bytes in memory, such as a generated iPXE script. The array is copied: later changes to the
   * caller's array do not show.
   *
   * @param bytes the body
   * @param contentType the media type sent as {@code Content-Type}
   * @param lastModified sent as {@code Last-Modified} (whole seconds) and part of the
   *     {@code ETag}
   */
  record BytesResource(byte[] bytes, String contentType, Instant lastModified)
      implements HttpResource {
    /** Copies {@code bytes}. */
    public BytesResource {
      bytes = bytes.clone();
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(lastModified, "lastModified");
    }

    /**
     * Returns a copy of the body; {@link #content()} avoids the copy.
     *
     * @return a new array holding the body
     */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /**
     * Returns the body as a read-only buffer, without copying it.
     *
     * @return a read-only view of the body
     */
    public ByteBuffer content() {
      return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /**
     * Returns the body's length.
     *
     * @return the number of bytes
     */
    public int length() {
      return bytes.length;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof BytesResource r && Arrays.equals(r.bytes, bytes)
          && r.contentType.equals(contentType) && r.lastModified.equals(lastModified);
    }

    @Override
    public int hashCode() {
      return Objects.hash(Arrays.hashCode(bytes), contentType, lastModified);
    }

    @Override
    public String toString() {
      return "BytesResource[length=" + bytes.length + ", contentType=" + contentType
          + ", lastModified=" + lastModified + "]";
    }
  }
}
