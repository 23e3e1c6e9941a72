package dev.netboot.conformance.tftp.suite;

import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOpcode;
import dev.netboot.tftp.TftpRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Plain RFC 1350 reads: byte-exact files, the empty last block, netascii, missing files. */
final class ReadChecks {
  /** The pxelinux configuration names a BIOS client asks for before "default" (ten of them). */
  private static final List<String> PXELINUX_NAMES = List.of(
      "pxelinux.cfg/01-52-54-00-12-34-56", "pxelinux.cfg/C0A80A0B", "pxelinux.cfg/C0A80A0",
      "pxelinux.cfg/C0A80A", "pxelinux.cfg/C0A80", "pxelinux.cfg/C0A8", "pxelinux.cfg/C0A",
      "pxelinux.cfg/C0", "pxelinux.cfg/C", "pxelinux.cfg/netboot-missing-default");

  private ReadChecks() {}

  static List<Check> all() {
    return List.of(
        new Check("rrq.octet", "RFC 1350 sec 4", "octet RRQ of each given file is byte-exact",
            ReadChecks::octet),
        new Check("rrq.large", "RFC 1350 sec 4", "a file of 2 MiB or more is byte-exact",
            ReadChecks::large),
        new Check("rrq.last-empty-block", "RFC 1350 sec 6",
            "a size multiple of 512 ends with an empty DATA", ReadChecks::emptyLastBlock),
        new Check("rrq.netascii", "RFC 1350 sec 5", "netascii RRQ sends CR LF line ends",
            ReadChecks::netascii),
        new Check("rrq.missing", "RFC 1350 sec 7", "a missing file gets ERROR 1 at once",
            ReadChecks::missing),
        new Check("rrq.pxelinux-search", "RFC 1350 sec 7",
            "ten missing pxelinux.cfg names in a row each get ERROR 1 at once",
            ReadChecks::pxelinuxSearch));
  }

  static ReadClient.Result readWhole(SuiteContext ctx, String name, String mode,
      Map<String, String> options) throws IOException, CheckFailed {
    ReadClient.Result r = new ReadClient(ctx, ctx.socket()).read(name, mode, options);
    if (r.error != null) {
      throw new CheckFailed(name + ": server answered " + r.error + " (expected: the file)");
    }
    return r;
  }

  static void sameBytes(String name, byte[] expected, byte[] got) throws CheckFailed {
    if (!Arrays.equals(expected, got)) {
      int at = Arrays.mismatch(expected, got);
      throw new CheckFailed(name + ": got " + got.length + " bytes, first difference at offset "
          + at + " (expected: the " + expected.length + " bytes given)");
    }
  }

  private static String octet(SuiteContext ctx) throws Exception {
    List<String> seen = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : ctx.files.entrySet()) {
      if (f.getValue().length >= SuiteContext.LARGE_FILE) {
        continue;
      }
      ReadClient.Result r = readWhole(ctx, f.getKey(), TftpRequest.MODE_OCTET, Map.of());
      sameBytes(f.getKey(), f.getValue(), r.bytes());
      seen.add(f.getKey() + " (" + f.getValue().length + " B)");
    }
    if (seen.isEmpty()) {
      throw new CheckSkipped("no file under 2 MiB given (expected: a small file)");
    }
    return seen.size() + " files byte-exact: " + String.join(", ", seen);
  }

  private static String large(SuiteContext ctx) throws Exception {
    Map.Entry<String, byte[]> f =
        ctx.largest(b -> b.length >= SuiteContext.LARGE_FILE, "a file of 2 MiB or more");
    long start = System.nanoTime();
    ReadClient.Result r = readWhole(ctx, f.getKey(), TftpRequest.MODE_OCTET, Map.of());
    sameBytes(f.getKey(), f.getValue(), r.bytes());
    long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
    return f.getKey() + ": " + f.getValue().length + " B in " + r.blocks + " blocks, " + ms
        + " ms, " + r.retries + " retries";
  }

  private static String emptyLastBlock(SuiteContext ctx) throws Exception {
    Map.Entry<String, byte[]> f = ctx.smallest(b -> b.length > 0 && b.length % 512 == 0,
        "a non-empty file whose size is a multiple of 512");
    ReadClient.Result r = readWhole(ctx, f.getKey(), TftpRequest.MODE_OCTET, Map.of());
    sameBytes(f.getKey(), f.getValue(), r.bytes());
    int blocks = f.getValue().length / 512 + 1;
    if (r.lastLength != 0 || r.blocks != blocks) {
      throw new CheckFailed(f.getKey() + ": " + r.blocks + " blocks, the last of " + r.lastLength
          + " bytes (expected: " + blocks + " blocks, the last empty)");
    }
    return f.getKey() + " (" + f.getValue().length + " B): " + blocks
        + " blocks, the last empty";
  }

  private static String netascii(SuiteContext ctx) throws Exception {
    Map.Entry<String, byte[]> f = ctx.smallest(ReadChecks::isText,
        "a text file: printable ASCII, tabs and LF line ends, at least one LF");
    ReadClient.Result r = readWhole(ctx, f.getKey(), TftpRequest.MODE_NETASCII, Map.of());
    byte[] expected = toNetascii(f.getValue());
    sameBytes(f.getKey() + " as netascii", expected, r.bytes());
    return f.getKey() + ": " + f.getValue().length + " B on disk, " + expected.length
        + " B on the wire with CR LF";
  }

  static boolean isText(byte[] b) {
    boolean lf = false;
    for (byte c : b) {
      if (c == '\n') {
        lf = true;
      } else if (c != '\t' && (c < 0x20 || c > 0x7E)) {
        return false;
      }
    }
    return lf;
  }

  /** RFC 764: a line end is CR LF, and a lone CR is CR NUL. */
  static byte[] toNetascii(byte[] local) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(local.length + local.length / 16);
    for (byte c : local) {
      if (c == '\n') {
        out.write('\r');
        out.write('\n');
      } else if (c == '\r') {
        out.write('\r');
        out.write(0);
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  private static String missing(SuiteContext ctx) throws Exception {
    SuiteSocket s = ctx.socket();
    long ms = expectNotFound(ctx, s, ctx.missingFile);
    return ctx.missingFile + ": ERROR 1 after " + ms + " ms";
  }

  private static String pxelinuxSearch(SuiteContext ctx) throws Exception {
    SuiteSocket s = ctx.socket();
    long worst = 0;
    for (String name : PXELINUX_NAMES) {
      worst = Math.max(worst, expectNotFound(ctx, s, name));
    }
    return PXELINUX_NAMES.size() + " names from one port, each ERROR 1, slowest after " + worst
        + " ms";
  }

  /** Asks for a missing file; returns how many ms the ERROR 1 took. */
  static long expectNotFound(SuiteContext ctx, SuiteSocket s, String name)
      throws IOException, CheckFailed {
    long start = System.nanoTime();
    s.send(TftpRequest.builder(TftpOpcode.RRQ, name).build(), ctx.server);
    SuiteSocket.Received in = s.expect(ctx.timeout, "ERROR 1 for " + name);
    long ms = (in.nanos() - start) / 1_000_000;
    if (!(in.packet() instanceof TftpError e)) {
      throw new CheckFailed(name + ": got " + in.packet() + " (expected: ERROR 1, the file is"
          + " missing)");
    }
    if (!TftpErrorCode.FILE_NOT_FOUND.equals(e.code())) {
      throw new CheckFailed(name + ": got " + e + " (expected: ERROR 1 file not found)");
    }
    if (ms > SuiteContext.PROMPT.toMillis()) {
      throw new CheckFailed(name + ": ERROR 1 after " + ms + " ms (expected: within "
          + SuiteContext.PROMPT.toMillis() + " ms)");
    }
    return ms;
  }
}
