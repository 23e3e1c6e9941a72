package dev.netboot.ipxe.internal;

/** Character classes exactly as iPXE's C code tests them. */
public final class IpxeChars {
  private IpxeChars() {}

  /**
   * Returns whether iPXE's {@code isspace} ({@code src/core/ctype.c}) accepts {@code c}: space,
   * form feed, newline, carriage return, tab and vertical tab, nothing else. Java's notion of
   * whitespace is wider and must not be used for splitting.
   */
  public static boolean isSpace(char c) {
    return c == ' ' || c == '\f' || c == '\n' || c == '\r' || c == '\t' || c == '\u000B';
  }

  /** Returns whether {@code s} holds any iPXE whitespace. */
  public static boolean hasSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isSpace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether {@code s} can be literal text inside {@code ${...}}. */
  public static boolean isReferenceNameText(String s) {
    return !hasSpace(s) && s.indexOf('}') < 0 && !s.contains("${") && s.indexOf('\0') < 0;
  }

  /**
   * Returns whether a final expansion result can hold {@code s}: iPXE keeps expanding while any
   * <code>${</code> is followed, anywhere later, by a <code>}</code>, so no result ever has that shape.
   */
  public static boolean isExpansionFixedPoint(String s) {
    int open = s.indexOf("${");
    return open < 0 || s.indexOf('}', open + 2) < 0;
  }
}
