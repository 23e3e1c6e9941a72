package dev.netboot.ipxe.internal;

import dev.netboot.ipxe.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * One line as iPXE's {@code process_script} assembles it: physical lines joined where one ends in
 * a backslash (the backslash and the newline removed, nothing inserted), one trailing CR removed.
 *
 * @param text the joined text iPXE executes
 * @param source the exact physical text, terminators included
 * @param segments where each physical piece starts in {@code text}, for positions
 * @param continuedAtEnd whether the last piece asked for a continuation the script never gave
 *     (iPXE then fails with EINVAL without running the line)
 */
public record LogicalLine(String text, String source, List<Segment> segments,
    boolean continuedAtEnd) {
  /**
   * A physical piece of a logical line.
   *
   * @param offset where it starts in the logical text
   * @param line its 1-based physical line
   */
  public record Segment(int offset, int line) {}

  /** Returns the physical line and column of the character at {@code offset}. */
  public SourcePosition positionOf(int offset) {
    Segment found = segments.get(0);
    for (Segment s : segments) {
      if (s.offset() <= offset) {
        found = s;
      }
    }
    return new SourcePosition(found.line(), offset - found.offset() + 1);
  }

  /** Returns the first physical line. */
  public int firstLine() {
    return segments.get(0).line();
  }

  /**
   * Splits a script's text into logical lines exactly as {@code process_script} does. A final
   * newline does not start another line.
   *
   * @param script the whole text
   * @return the lines
   */
  public static List<LogicalLine> split(String script) {
    List<LogicalLine> lines = new ArrayList<>();
    int pos = 0;
    int physical = 1;
    int length = script.length();
    while (pos < length) {
      int sourceStart = pos;
      StringBuilder text = new StringBuilder();
      List<Segment> segments = new ArrayList<>();
      boolean continued = false;
      while (true) {
        int newline = script.indexOf('\n', pos);
        int end = newline < 0 ? length : newline;
        segments.add(new Segment(text.length(), physical));
        text.append(script, pos, end);
        pos = newline < 0 ? length : newline + 1;
        physical++;
        if (text.length() > 0 && text.charAt(text.length() - 1) == '\r') {
          text.setLength(text.length() - 1);
        }
        if (text.length() > 0 && text.charAt(text.length() - 1) == '\\') {
          text.setLength(text.length() - 1);
          if (pos < length) {
            continue;
          }
          continued = true;
        }
        break;
      }
      lines.add(new LogicalLine(text.toString(), script.substring(sourceStart, pos),
          List.copyOf(segments), continued));
    }
    return lines;
  }
}
