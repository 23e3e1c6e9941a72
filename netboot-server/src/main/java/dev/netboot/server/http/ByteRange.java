package dev.netboot.server.http;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One satisfiable byte range of a representation (RFC 9110 section 14.1.2), inclusive at both
 * ends, or the outcome of a {@code Range} header that names no such range.
 *
 * @param first the first byte's offset
 * @param last the last byte's offset, not beyond the end
 */
record ByteRange(long first, long last) {
  /** What a {@code Range} header asks of a representation of a given size. */
  sealed interface Outcome {}

  /** Send the whole representation: no header, another unit, bad syntax or several ranges. */
  record Whole() implements Outcome {}

  /** Send this part with 206. */
  record Part(ByteRange range) implements Outcome {}

  /** Answer 416: the range starts at or beyond the end. */
  record Unsatisfiable() implements Outcome {}

  private static final String BYTES_UNIT = "bytes=";
  private static final Whole WHOLE = new Whole();

  /** Returns the number of bytes in the range. */
  long length() {
    return last - first + 1;
  }

  /** Returns the {@code Content-Range} value for a representation of {@code size} bytes. */
  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /**
   * Interprets a {@code Range} header. Several ranges are answered with the whole
   * representation, which RFC 9110 section 14.2 allows and which spares clients multipart
   * parsing; boot clients ask for one range at a time.
   *
   * @param header the header value, or null when absent
   * @param size the representation's size
   */
  static Outcome parse(@Nullable String header, long size) {
    if (header == null || !header.regionMatches(true, 0, BYTES_UNIT, 0, BYTES_UNIT.length())) {
      return WHOLE;
    }
    String spec = header.substring(BYTES_UNIT.length()).trim();
    if (spec.indexOf(',') >= 0) {
      return WHOLE;
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return WHOLE;
    }
    Optional<Long> first = number(spec.substring(0, dash).trim());
    Optional<Long> last = number(spec.substring(dash + 1).trim());
    if (dash == 0) {
      // Suffix range "-n": the last n bytes.
      if (last.isEmpty()) {
        return WHOLE;
      }
      if (last.get() == 0 || size == 0) {
        return new Unsatisfiable();
      }
      long n = Math.min(last.get(), size);
      return new Part(new ByteRange(size - n, size - 1));
    }
    if (first.isEmpty() || (dash + 1 < spec.length() && last.isEmpty())) {
      return WHOLE;
    }
    if (last.isPresent() && last.get() < first.get()) {
      return WHOLE; // invalid range-spec: RFC 9110 says ignore the header
    }
    if (first.get() >= size) {
      return new Unsatisfiable();
    }
    long end = last.isEmpty() ? size - 1 : Math.min(last.get(), size - 1);
    return new Part(new ByteRange(first.get(), end));
  }

  private static Optional<Long> number(String digits) {
    // At most 18 digits: always fits a long, and no file is that large.
    if (digits.isEmpty() || digits.length() > 18
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(digits));
  }
}
