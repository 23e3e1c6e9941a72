package dev.netboot.cli.syslinux;

import dev.netboot.syslinux.ConfigDocument;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a configuration file named on the command line, with one-line error messages. */
final class ConfigFileReader {
  private ConfigFileReader() {}

  /** A file named on the command line that cannot be read. */
  static final class UnreadableFileException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableFileException(String message) {
      // No stack trace: it is reported as one line, and it is not a bug.
      super(message, null, false, false);
    }
  }

  static ConfigDocument read(Path file) throws UnreadableFileException {
    try {
      return ConfigDocument.read(file);
    } catch (NoSuchFileException e) {
      throw new UnreadableFileException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UnreadableFileException(file + ": permission denied");
    } catch (IOException e) {
      throw new UnreadableFileException(file + ": " + e.getMessage());
    }
  }
}
