package dev.netboot.cli.ipxe;

import dev.netboot.cli.ConfigFileInput.UnreadableFileException;
import dev.netboot.ipxe.IpxeScript;
import dev.netboot.ipxe.IpxeScriptParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a script file for the {@code ipxe} sub-commands, refusing what is too big to be one. */
final class ScriptFile {
  private ScriptFile() {}

  /**
   * Parses {@code file}, named in messages as given.
   *
   * @throws UnreadableFileException when it is larger than any script
   * @throws IOException when it cannot be read
   * @throws dev.netboot.ipxe.IpxeParseException when it is not a script this library reads
   */
  static IpxeScript parse(Path file) throws IOException, UnreadableFileException {
    // Checked before reading, so that pointing at an ISO by mistake costs no memory.
    long size = Files.size(file);
    if (size > IpxeScriptParser.MAX_SCRIPT_LENGTH) {
      throw new UnreadableFileException(file + ": " + size + " bytes, more than any script ("
          + IpxeScriptParser.MAX_SCRIPT_LENGTH + ")");
    }
    return IpxeScriptParser.parse(Files.readAllBytes(file), file.toString());
  }
}
