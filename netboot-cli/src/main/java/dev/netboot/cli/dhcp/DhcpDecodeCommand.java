package dev.netboot.cli.dhcp;

import dev.netboot.cli.HexBytes;
import dev.netboot.cli.Netboot;
import dev.netboot.cli.NetbootVersion;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpParseException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netboot dhcp decode}: prints every field and option of one DHCP packet. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description =
        "Decodes one DHCP/BOOTP packet (the UDP payload, from the op byte on) and prints every"
            + " header field and option, named and typed.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:decoded",
      "1:malformed packet, or a file that cannot be read",
      "2:usage error, bad hex, unknown sample"
    })
public final class DhcpDecodeCommand implements Callable<Integer> {
  /** The most hex text read from standard input: a largest DHCP message with room for spaces. */
  static final int MAX_HEX_INPUT = 1 << 20;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private @Nullable Input input;

  private @Nullable CommandSpec spec;

  /** Where the packet comes from: exactly one of these. */
  static final class Input {
    @Parameters(
        index = "0",
        paramLabel = "HEX",
        description = {
          "The packet as hex, either case; spaces, colons and newlines may separate bytes, and"
              + " 0x may start a group. '-' reads the hex from standard input."
        })
    private @Nullable String hex;

    @Option(
        names = "--file",
        paramLabel = "PATH",
        description = "Reads the packet from a raw binary file (the UDP payload, no headers).")
    private @Nullable Path file;

    @Option(
        names = "--sample",
        paramLabel = "NAME",
        completionCandidates = DhcpSample.Names.class,
        description = "Decodes an embedded sample packet: ${COMPLETION-CANDIDATES}.")
    private @Nullable String sample;
  }

  // Picocli calls this while it builds the command, so the footer lists the samples from
  // DhcpSample.ALL instead of a second copy in an annotation.
  @Spec
  void setSpec(CommandSpec spec) {
    this.spec = spec;
    StringBuilder footer = new StringBuilder(
        "%nSamples (real packets from QEMU and dnsmasq, see samples/README.md):%n");
    for (DhcpSample sample : DhcpSample.ALL) {
      footer.append(String.format("  %-18s %s%%n", sample.name(), sample.description()));
    }
    footer.append("%nExample:%n  netboot dhcp decode --sample pxe-bios-discover%n")
        .append("  netboot dhcp decode - < capture.hex%n");
    spec.usageMessage().footer(footer.toString());
  }

  @Override
  public Integer call() {
    CommandSpec spec = checkedSpec();
    PrintWriter err = spec.commandLine().getErr();
    DhcpMessage message;
    try {
      message = DhcpMessageDecoder.decode(readPacket(spec));
    } catch (UnreadableInputException e) {
      err.println("netboot: " + e.getMessage());
      err.flush();
      return Netboot.EXIT_BAD_INPUT;
    } catch (DhcpParseException e) {
      err.println("netboot: malformed DHCP packet: " + e.getMessage());
      err.flush();
      return Netboot.EXIT_BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(DhcpMessageDump.format(message));
    out.flush();
    return 0;
  }

  private byte[] readPacket(CommandSpec spec) throws UnreadableInputException {
    Input in = input;
    if (in == null) {
      throw new ParameterException(
          spec.commandLine(), "a packet is required: HEX, --file or --sample");
    }
    if (in.sample != null) {
      String name = in.sample;
      return DhcpSample.named(name)
          .orElseThrow(() -> new ParameterException(spec.commandLine(),
              "unknown sample '" + name + "' (expected one of: "
                  + String.join(", ", new DhcpSample.Names()) + ")"))
          .bytes();
    }
    if (in.file != null) {
      return readFile(in.file);
    }
    String hex = in.hex != null ? in.hex : "";
    String source = "HEX argument";
    if (hex.equals("-")) {
      hex = readStandardInput(spec);
      source = "standard input";
    }
    try {
      return HexBytes.parse(hex);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "bad hex in " + source + ": " + e.getMessage());
    }
  }

  private static String readStandardInput(CommandSpec spec) throws UnreadableInputException {
    byte[] text;
    try {
      text = Netboot.of(spec).stdin().readNBytes(MAX_HEX_INPUT + 1);
    } catch (IOException e) {
      throw new UnreadableInputException("standard input: " + e.getMessage());
    }
    if (text.length > MAX_HEX_INPUT) {
      throw new ParameterException(spec.commandLine(),
          "hex on standard input is longer than " + MAX_HEX_INPUT + " characters");
    }
    // ISO 8859-1 maps every byte to one char, so a stray byte is reported, not replaced.
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  private static byte[] readFile(Path file) throws UnreadableInputException {
    try {
      // Checked before reading, so that pointing at a disk image by mistake costs no memory.
      long size = Files.size(file);
      if (size > DhcpMessageDecoder.MAX_MESSAGE_LENGTH) {
        throw new UnreadableInputException(file + ": " + size
            + " bytes, more than any DHCP message (" + DhcpMessageDecoder.MAX_MESSAGE_LENGTH + ")");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UnreadableInputException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UnreadableInputException(file + ": permission denied");
    } catch (IOException e) {
      throw new UnreadableInputException(file + ": " + e.getMessage());
    }
  }

  /** A packet source that exists on the command line but cannot be read. */
  private static final class UnreadableInputException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableInputException(String message) {
      // No stack trace: it is reported as one line, and it is not a bug.
      super(message, null, false, false);
    }
  }

  private CommandSpec checkedSpec() {
    CommandSpec s = spec;
    if (s == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return s;
  }
}
