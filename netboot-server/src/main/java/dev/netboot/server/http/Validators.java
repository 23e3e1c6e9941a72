package dev.netboot.server.http;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Instant;
import java.util.Date;

/**
 * The validators of one representation, {@code ETag} and {@code Last-Modified}, and the
 * conditional requests they answer (RFC 9110 section 13).
 *
 * <p>The entity tag is weak (section 8.8.1): it is made from the size and modification time, not
 * the content, so two versions written in the same instant with the same size would share it.
 * Weak tags still answer {@code If-None-Match} (weak comparison) but never satisfy
 * {@code If-Range}, which needs a strong match: such a range request gets the whole file.
 *
 * @param size the representation's size in bytes
 * @param lastModified when it last changed
 */
record Validators(long size, Instant lastModified) {
  /** Returns the weak entity tag. */
  String etag() {
    return "W/\"" + Long.toHexString(size) + "-" + Long.toHexString(lastModified.getEpochSecond())
        + "-" + Integer.toHexString(lastModified.getNano()) + "\"";
  }

  /** Returns the {@code Last-Modified} value (whole seconds, IMF-fixdate). */
  String lastModifiedHeader() {
    return DateFormatter.format(Date.from(Instant.ofEpochSecond(lastModified.getEpochSecond())));
  }

  /**
   * Returns whether a GET or HEAD with these headers gets 304 Not Modified: {@code If-None-Match}
   * when present, otherwise {@code If-Modified-Since} (section 13.2.2).
   */
  boolean notModified(HttpHeaders headers) {
    String ifNoneMatch = headers.get(HttpHeaderNames.IF_NONE_MATCH);
    if (ifNoneMatch != null) {
      return matchesWeakly(ifNoneMatch);
    }
    String ifModifiedSince = headers.get(HttpHeaderNames.IF_MODIFIED_SINCE);
    if (ifModifiedSince == null) {
      return false;
    }
    Date since = DateFormatter.parseHttpDate(ifModifiedSince);
    return since != null && lastModified.getEpochSecond() <= since.getTime() / 1000;
  }

  /**
   * Returns whether a {@code Range} may be honoured: there is no {@code If-Range}, or it is a
   * date equal to {@code Last-Modified} (section 13.1.5). An entity tag never matches, ours
   * being weak.
   */
  boolean rangeAllowed(HttpHeaders headers) {
    String ifRange = headers.get(HttpHeaderNames.IF_RANGE);
    if (ifRange == null) {
      return true;
    }
    String value = ifRange.trim();
    if (value.startsWith("\"") || value.startsWith("W/")) {
      return false;
    }
    Date date = DateFormatter.parseHttpDate(value);
    return date != null && date.getTime() / 1000 == lastModified.getEpochSecond();
  }

  private boolean matchesWeakly(String ifNoneMatch) {
    String ours = opaque(etag());
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || opaque(tag).equals(ours)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
