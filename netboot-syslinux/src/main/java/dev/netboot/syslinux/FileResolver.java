package dev.netboot.syslinux;

import java.io.IOException;
import java.util.Optional;

/**
 * Finds the files a configuration names (INCLUDE, MENU INCLUDE, CONFIG, KERNEL, INITRD), the
 * way the boot loader would: a file system, a TFTP root, or a map in memory. See
 * {@link FileResolvers} for the usual ones.
 *
 * <p>Names are passed as written in the file, so an implementation applies syslinux's rules for
 * its medium (a working directory, pxelinux's path prefix and {@code ::} absolute names).
 */
public interface FileResolver {
  /**
   * Reads a file.
   *
   * @param name the name as written in the configuration
   * @return the bytes, or empty when there is no such file
   * @throws IOException when the file exists but cannot be read
   */
  Optional<byte[]> read(String name) throws IOException;

  /**
   * Returns whether a file exists. The default reads it; implementations should do better.
   *
   * @param name the name as written in the configuration
   * @return whether it exists and can be read
   */
  default boolean exists(String name) {
    try {
      return read(name).isPresent();
    } catch (IOException e) {
      return false;
    }
  }
}
