package dev.netboot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The FILE operand of a sub-command that reads one script or configuration file ({@code ipxe
 * check}, {@code syslinux fmt}, ...), so that all of them fail alike: a file that cannot be read is
 * one {@code netboot: MESSAGE} line on standard error and exit status
 * {@link Netboot#EXIT_BAD_INPUT}; so is a file that does not parse, reported as the command
 * chooses ({@code check} prints it among its findings on standard output).
 */
public final class ConfigFileInput {
  private final Path file;
  private final PrintWriter out;
  private final PrintWriter err;

  private ConfigFileInput(Path file, PrintWriter out, PrintWriter err) {
    this.file = file;
    this.out = out;
    this.err = err;
  }

  /** A file named on the command line that cannot be read; its message is the whole report. */
  public static final class UnreadableFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Returns an exception reported as {@code netboot: message}. */
    public UnreadableFileException(String message) {
      // No stack trace: it is reported as one line, and it is not a bug.
      super(message, null, false, false);
    }
  }

  /**
   * Reads a file into what a command works on.
   *
   * @param <T> what is read
   */
  @FunctionalInterface
  public interface Reader<T> {
    /** Reads {@code file}; an {@link IOException} is reported naming the file. */
    T read(Path file) throws IOException, UnreadableFileException;
  }

  /**
   * Prints the report of a file that does not parse.
   *
   * @param <X> the format's parse exception
   */
  @FunctionalInterface
  public interface ParseFailureReport<X> {
    /** Prints {@code failure} on {@code out} or {@code err}. */
    void print(X failure, PrintWriter out, PrintWriter err);
  }

  /**
   * The command's work on what was read.
   *
   * @param <T> what was read
   */
  @FunctionalInterface
  public interface Action<T> {
    /** Prints the result on {@code out} and returns the exit status. */
    int run(T input, PrintWriter out);
  }

  /**
   * Returns the FILE of a command.
   *
   * @throws IllegalStateException if picocli did not inject {@code spec} or {@code file}
   */
  public static ConfigFileInput of(@Nullable CommandSpec spec, @Nullable Path file) {
    if (spec == null || file == null) {
      throw new IllegalStateException("picocli did not inject the command spec and FILE");
    }
    return new ConfigFileInput(file, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Returns the file as named on the command line. */
  public Path file() {
    return file;
  }

  /**
   * Reads the file with {@code reader} and hands the result to {@code action}.
   *
   * @param parseFailure the exception {@code reader} throws for a file that does not parse
   * @return the exit status of {@code action}, or {@link Netboot#EXIT_BAD_INPUT} when the file
   *     cannot be read or does not parse
   */
  public <T, X extends RuntimeException> int run(
      Reader<T> reader,
      Class<X> parseFailure,
      ParseFailureReport<? super X> report,
      Action<? super T> action) {
    T input;
    try {
      input = read(file, reader);
    } catch (UnreadableFileException e) {
      err.println("netboot: " + e.getMessage());
      err.flush();
      return Netboot.EXIT_BAD_INPUT;
    } catch (RuntimeException e) {
      if (!parseFailure.isInstance(e)) {
        throw e;
      }
      report.print(parseFailure.cast(e), out, err);
      out.flush();
      err.flush();
      return Netboot.EXIT_BAD_INPUT;
    }
    int status = action.run(input, out);
    out.flush();
    return status;
  }

  /**
   * Reads {@code file} with {@code reader}, turning an {@link IOException} into a one-line message
   * that names the file: {@code FILE: no such file}, {@code FILE: permission denied}, or
   * {@code FILE: } and the exception's message.
   */
  private static <T> T read(Path file, Reader<T> reader) throws UnreadableFileException {
    try {
      return reader.read(file);
    } catch (NoSuchFileException e) {
      throw new UnreadableFileException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UnreadableFileException(file + ": permission denied");
    } catch (IOException e) {
      throw new UnreadableFileException(file + ": " + e.getMessage());
    }
  }
}
