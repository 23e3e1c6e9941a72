package dev.netboot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version {@code netboot --version} prints, from a resource Maven writes at build time, so
 * that it is right in the jar and in tests alike (a jar manifest exists only in the jar).
 */
public final class NetbootVersion implements IVersionProvider {
  private static final String RESOURCE = "version.properties";

  /** Returns this build's version, as in {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = NetbootVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "netboot " + version(),
      "Java ${java.version} (${java.vendor} ${java.vm.name})"
    };
  }
}
