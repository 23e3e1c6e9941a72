package dev.netboot.cli.ipxe;

import dev.netboot.ipxe.IpxeScript;
import dev.netboot.ipxe.IpxeScriptParser;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a script file for the {@code ipxe} sub-commands, refusing what is too big to be one. */
final class ScriptFile {
  private ScriptFile() {}

  /** A file that exists on the command line but cannot be read. */
  static final class UnreadableFileException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableFileException(String message) {
      // No stack trace: it is reported as one line, and it is not a bug.
      super(message, null, false, false);
    }
  }

  /**
   * Parses {@code file}, named in messages as given.
   *
   * @throws UnreadableFileException when it cannot be read or is larger than any script
   * @throws dev.netboot.ipxe.IpxeParseException when it is not a script this library reads
   */
  static IpxeScript parse(Path file) throws UnreadableFileException {
    try {
      // Checked before reading, so that pointing at an ISO by mistake costs no memory.
      long size = Files.size(file);
      if (size > IpxeScriptParser.MAX_SCRIPT_LENGTH) {
        throw new UnreadableFileException(file + ": " + size + " bytes, more than any script ("
            + IpxeScriptParser.MAX_SCRIPT_LENGTH + ")");
      }
      return IpxeScriptParser.parse(Files.readAllBytes(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new UnreadableFileException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UnreadableFileException(file + ": permission denied");
    } catch (IOException e) {
      throw new UnreadableFileException(file + ": " + e.getMessage());
    }
  }
}
