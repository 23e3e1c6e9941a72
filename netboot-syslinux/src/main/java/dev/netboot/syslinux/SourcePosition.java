package dev.netboot.syslinux;

/**
 * Where something is in a configuration file: its name and 1-based line and column.
 *
 * @param file the file name as given to the parser or resolver
 * @param line the line, from 1
 * @param column the column, from 1, counting characters
 */
public record SourcePosition(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
