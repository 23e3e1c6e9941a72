package dev.netboot.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The files {@code netboot boot} reports having served, read from its output: one line per
 * transfer, {@code <mac|-> TFTP|HTTP <path> to <peer>: <n> bytes in <t> ms [(incomplete)]}.
 * A boot's console proves that the guest got a kernel; these lines prove which way it came, so
 * that a test for "BIOS, lpxelinux.0, then HTTP" cannot pass through some other chain.
 */
final class ServedFiles {
  private static final Pattern LINE = Pattern.compile(
      "^(\\S+) (TFTP|HTTP) (\\S+) to (\\S+): (\\d+) bytes in (\\d+) ms( \\(incomplete\\))?$");

  /**
   * One complete or incomplete transfer.
   *
   * @param protocol {@code TFTP} or {@code HTTP}
   * @param path the name or URL path asked for
   * @param bytes how many bytes went out
   * @param complete whether the transfer finished
   */
  record Transfer(String protocol, String path, long bytes, boolean complete) {}

  private final List<Transfer> transfers;
  private final String output;

  private ServedFiles(List<Transfer> transfers, String output) {
    this.transfers = transfers;
    this.output = output;
  }

  /** Parses netboot's output. */
  static ServedFiles parse(String output) {
    List<Transfer> transfers = output.lines().map(LINE::matcher).filter(Matcher::matches)
        .map(m -> new Transfer(m.group(2), m.group(3), Long.parseLong(m.group(5)),
            m.group(7) == null))
        .toList();
    return new ServedFiles(transfers, output);
  }

  /**
   * Asserts that a transfer over {@code protocol} (either, when null) of a path ending in
   * {@code suffix} completed, with exactly {@code bytes} bytes when {@code bytes >= 0}, and
   * returns this for chaining.
   */
  ServedFiles completed(@Nullable String protocol, String suffix, long bytes) {
    assertThat(transfers)
        .as("netboot served %s ...%s%s completely; its output:%n%s",
            protocol == null ? "over TFTP or HTTP" : protocol, suffix,
            bytes >= 0 ? " (" + bytes + " bytes)" : "", output)
        .anySatisfy(t -> {
          if (protocol != null) {
            assertThat(t.protocol()).isEqualTo(protocol);
          }
          assertThat(t.path()).endsWith(suffix);
          assertThat(t.complete()).isTrue();
          if (bytes >= 0) {
            assertThat(t.bytes()).isEqualTo(bytes);
          }
        });
    return this;
  }

  /** Asserts that nothing ending in {@code suffix} was served over {@code protocol}. */
  ServedFiles none(String protocol, String suffix) {
    assertThat(transfers)
        .as("netboot served no %s ...%s; its output:%n%s", protocol, suffix, output)
        .noneMatch(t -> t.protocol().equals(protocol) && t.path().endsWith(suffix));
    return this;
  }
}
