package dev.netboot.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * A status line under the command's output, rewritten in place while a long transfer runs, on
 * a terminal only: in a log file or a pipe, lines that rewrite themselves are noise, so there
 * every call to {@link #update} is dropped and only whole lines are printed.
 */
public final class ProgressLine {
  /** Clears the terminal line the cursor is on (carriage return, ANSI "erase in line"). */
  private static final String CLEAR = "\r\u001b[K";

  private final PrintWriter out;
  private final boolean terminal;
  private boolean showing;

  /**
   * Creates the line.
   *
   * @param out where lines go
   * @param terminal whether {@code out} is a terminal ({@link #stdoutIsTerminal()})
   */
  public ProgressLine(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /**
   * Returns whether standard output is an interactive terminal. Java 17's {@link System#console()}
   * is null when it is not; from Java 22 on it may be there anyway, and {@code isTerminal()}
   * tells.
   */
  public static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** Prints a whole line, above the status line if one is showing. */
  public synchronized void println(String line) {
    if (showing) {
      out.print(CLEAR);
      showing = false;
    }
    out.println(line);
    out.flush();
  }

  /** Replaces the status line with {@code status}; does nothing unless on a terminal. */
  public synchronized void update(String status) {
    if (!terminal) {
      return;
    }
    out.print(CLEAR + status);
    out.flush();
    showing = true;
  }

  /**
   * Describes how far a transfer is, for example {@code 45% of 12.3 MB} or, when the size is
   * not known, {@code 5.1 MB}.
   *
   * @param bytes the bytes so far
   * @param totalBytes the whole size, or -1 when unknown
   * @return the text
   */
  public static String amount(long bytes, long totalBytes) {
    if (totalBytes > 0) {
      return String.format(Locale.ROOT, "%d%% of %.1f MB", Math.min(100, bytes * 100 / totalBytes),
          totalBytes / 1e6);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
