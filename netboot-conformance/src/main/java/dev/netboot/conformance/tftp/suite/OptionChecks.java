package dev.netboot.conformance.tftp.suite;

import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOpcode;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Option negotiation: RFC 2347 (OACK), 2348 (blksize), 2349 (timeout, tsize), 7440. */
final class OptionChecks {
  /** An option no RFC defines: a server must leave it out of its OACK. */
  static final String UNKNOWN_OPTION = "x-netboot-unknown";
  /** The blksize test reads at most this many 8-byte blocks' worth of file. */
  private static final int SMALL_BLOCK_FILE = 64 * 1024;

  private OptionChecks() {}

  static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    checks.add(new Check("oack.only-asked", "RFC 2347 sec 3",
        "OACK echoes only options asked; unknown options are ignored", OptionChecks::onlyAsked));
    for (int size : new int[] {TftpOptions.MIN_BLKSIZE, 1468, TftpOptions.MAX_BLKSIZE}) {
      checks.add(new Check("blksize." + size, "RFC 2348 sec 2",
          "blksize " + size + " is honoured or lowered, never raised; byte-exact",
          ctx -> blksize(ctx, size)));
    }
    checks.add(new Check("blksize.out-of-range", "RFC 2348 sec 2",
        "blksize 7 and 65465 are ignored or refused, never accepted",
        OptionChecks::blksizeOutOfRange));
    checks.add(new Check("tsize.read", "RFC 2349 sec 4",
        "tsize=0 on a RRQ is answered with the true size", OptionChecks::tsize));
    checks.add(new Check("timeout.option", "RFC 2349 sec 3",
        "timeout=3 is echoed as asked", OptionChecks::timeout));
    for (int window : new int[] {4, 16}) {
      checks.add(new Check("windowsize." + window, "RFC 7440 sec 4",
          "windowsize " + window + " transfers byte-exact with one ACK per window",
          ctx -> windowsize(ctx, window)));
    }
    checks.add(new Check("ovmf.tsize-probe", "RFC 2349 sec 4",
        "a tsize probe aborted after OACK, then the real read, works (UEFI PXE)",
        OptionChecks::ovmfProbe));
    return checks;
  }

  /** Sends a RRQ and returns the first answer, which the caller must end. */
  static SuiteSocket.Received first(SuiteContext ctx, SuiteSocket s, String file,
      Map<String, String> options) throws IOException, CheckFailed {
    s.send(TftpRequest.builder(TftpOpcode.RRQ, file).options(options).build(), ctx.server);
    return s.expect(ctx.timeout, "OACK, DATA 1 or ERROR for " + file);
  }

  /** Ends the transfer {@code in} began, unless it ended already. */
  static void end(SuiteSocket s, SuiteSocket.Received in) throws IOException {
    if (!(in.packet() instanceof TftpError)) {
      s.send(TftpError.of(TftpErrorCode.OPTION_REFUSED, "conformance check done"), in.from());
    }
  }

  private static Map<String, String> options(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static String onlyAsked(SuiteContext ctx) throws Exception {
    Map.Entry<String, byte[]> f = ctx.smallest(b -> true, "any file");
    List<String> seen = new ArrayList<>();
    Map<String, String> tsizeOnly = options(TftpOptions.TSIZE, "0");
    Map<String, String> withUnknown = options(UNKNOWN_OPTION, "1", TftpOptions.BLKSIZE, "1024");
    Map<String, String> unknownOnly = options(UNKNOWN_OPTION, "1");
    for (Map<String, String> asked : List.of(tsizeOnly, withUnknown, unknownOnly)) {
      SuiteSocket s = ctx.socket();
      SuiteSocket.Received in = first(ctx, s, f.getKey(), asked);
      end(s, in);
      if (in.packet() instanceof TftpOptionAck oack) {
        if (oack.options().isEmpty()) {
          throw new CheckFailed("empty OACK to " + asked + " (expected: DATA 1 when no option"
              + " is accepted)");
        }
        for (String name : oack.options().keySet()) {
          if (!asked.containsKey(name) || name.equals(UNKNOWN_OPTION)) {
            throw new CheckFailed("OACK " + oack.options() + " to " + asked
                + " (expected: only known options that were asked)");
          }
        }
        seen.add(asked.keySet() + " -> OACK " + oack.options().keySet());
      } else if (in.packet() instanceof TftpData d && d.block() == 1) {
        seen.add(asked.keySet() + " -> DATA 1");
      } else {
        throw new CheckFailed(asked + " got " + in.packet() + " (expected: OACK or DATA 1)");
      }
    }
    return String.join("; ", seen);
  }

  private static String blksize(SuiteContext ctx, int size) throws Exception {
    Map.Entry<String, byte[]> f = size == TftpOptions.MIN_BLKSIZE
        ? smallBlockFile(ctx)
        : ctx.largest(b -> b.length > 0, "a non-empty file");
    ReadClient.Result r = ReadChecks.readWhole(ctx, f.getKey(), TftpRequest.MODE_OCTET,
        options(TftpOptions.BLKSIZE, Integer.toString(size)));
    ReadChecks.sameBytes(f.getKey(), f.getValue(), r.bytes());
    String agreed = r.oack == null || !r.oack.containsKey(TftpOptions.BLKSIZE)
        ? "option ignored, 512"
        : r.blksize == size ? "blksize " + size : "lowered to " + r.blksize;
    return f.getKey() + " (" + f.getValue().length + " B): " + agreed + ", " + r.blocks
        + " blocks byte-exact";
  }

  // Many 8-byte blocks say more than one: prefer a file of a few hundred blocks.
  private static Map.Entry<String, byte[]> smallBlockFile(SuiteContext ctx) throws CheckSkipped {
    try {
      return ctx.smallest(b -> b.length >= 100 && b.length <= SMALL_BLOCK_FILE,
          "a file of 100 B to 64 KiB");
    } catch (CheckSkipped e) {
      return ctx.smallest(b -> b.length > 0 && b.length <= SMALL_BLOCK_FILE,
          "a non-empty file of 64 KiB or less");
    }
  }

  private static String blksizeOutOfRange(SuiteContext ctx) throws Exception {
    Map.Entry<String, byte[]> f = ctx.smallest(b -> true, "any file");
    List<String> seen = new ArrayList<>();
    for (int size : new int[] {TftpOptions.MIN_BLKSIZE - 1, TftpOptions.MAX_BLKSIZE + 1}) {
      SuiteSocket s = ctx.socket();
      SuiteSocket.Received in = first(ctx, s, f.getKey(),
          options(TftpOptions.BLKSIZE, Integer.toString(size)));
      end(s, in);
      String what;
      if (in.packet() instanceof TftpOptionAck oack) {
        String value = oack.options().get(TftpOptions.BLKSIZE);
        if (value != null) {
          int agreed = ReadClient.number(oack.options(), TftpOptions.BLKSIZE, 0,
              TftpOptions.MIN_BLKSIZE, TftpOptions.MAX_BLKSIZE);
          if (agreed > size) {
            throw new CheckFailed("blksize " + size + " answered with blksize " + agreed
                + " (expected: ignored, refused or lowered, never raised)");
          }
          what = "lowered to " + agreed;
        } else {
          what = "ignored (OACK without blksize)";
        }
      } else if (in.packet() instanceof TftpData d && d.block() == 1) {
        if (d.length() > TftpOptions.DEFAULT_BLKSIZE) {
          throw new CheckFailed("blksize " + size + " ignored but DATA 1 holds " + d.length()
              + " bytes (expected: at most 512)");
        }
        what = "ignored (DATA 1)";
      } else if (in.packet() instanceof TftpError e
          && TftpErrorCode.OPTION_REFUSED.equals(e.code())) {
        what = "refused (ERROR 8)";
      } else {
        throw new CheckFailed("blksize " + size + " got " + in.packet()
            + " (expected: DATA 1, OACK without it, or ERROR 8)");
      }
      seen.add(size + ": " + what);
    }
    return String.join("; ", seen);
  }

  private static String tsize(SuiteContext ctx) throws Exception {
    List<String> seen = new ArrayList<>();
    List<Map.Entry<String, byte[]>> picks = new ArrayList<>();
    picks.add(ctx.smallest(b -> true, "any file"));
    Map.Entry<String, byte[]> largest = ctx.largest(b -> true, "any file");
    if (!largest.getKey().equals(picks.get(0).getKey())) {
      picks.add(largest);
    }
    for (Map.Entry<String, byte[]> f : picks) {
      SuiteSocket s = ctx.socket();
      SuiteSocket.Received in = first(ctx, s, f.getKey(), options(TftpOptions.TSIZE, "0"));
      end(s, in);
      if (!(in.packet() instanceof TftpOptionAck oack)) {
        throw new CheckFailed(f.getKey() + ": tsize=0 got " + in.packet()
            + " (expected: OACK with tsize " + f.getValue().length + ")");
      }
      String value = oack.options().get(TftpOptions.TSIZE);
      if (!Integer.toString(f.getValue().length).equals(value)) {
        throw new CheckFailed(f.getKey() + ": OACK tsize=" + value + " (expected: "
            + f.getValue().length + ")");
      }
      seen.add(f.getKey() + " tsize=" + value);
    }
    return String.join(", ", seen);
  }

  private static String timeout(SuiteContext ctx) throws Exception {
    Map.Entry<String, byte[]> f = ctx.smallest(b -> true, "any file");
    SuiteSocket s = ctx.socket();
    SuiteSocket.Received in = first(ctx, s, f.getKey(), options(TftpOptions.TIMEOUT, "3"));
    end(s, in);
    if (!(in.packet() instanceof TftpOptionAck oack)) {
      throw new CheckFailed("timeout=3 got " + in.packet() + " (expected: OACK timeout=3)");
    }
    String value = oack.options().get(TftpOptions.TIMEOUT);
    if (!"3".equals(value)) {
      throw new CheckFailed("OACK " + oack.options() + " (expected: timeout=3 as asked)");
    }
    return "OACK timeout=3";
  }

  private static String windowsize(SuiteContext ctx, int window) throws Exception {
    Map.Entry<String, byte[]> f = ctx.largest(b -> b.length > 0, "a non-empty file");
    ReadClient.Result r = ReadChecks.readWhole(ctx, f.getKey(), TftpRequest.MODE_OCTET,
        options(TftpOptions.WINDOWSIZE, Integer.toString(window)));
    if (r.oack == null || !r.oack.containsKey(TftpOptions.WINDOWSIZE)) {
      ReadChecks.sameBytes(f.getKey(), f.getValue(), r.bytes());
      throw new CheckSkipped("windowsize not acknowledged: the server does not implement"
          + " RFC 7440 (lock-step read was byte-exact)");
    }
    ReadChecks.sameBytes(f.getKey(), f.getValue(), r.bytes());
    int acks = (r.blocks + r.windowsize - 1) / r.windowsize + 1; // + the ACK of the OACK
    if (r.retries > 0 || r.acksSent != acks) {
      throw new CheckFailed("windowsize " + r.windowsize + ": " + r.acksSent + " ACKs and "
          + r.retries + " timeouts for " + r.blocks + " blocks (expected: " + acks
          + " ACKs, no timeout)");
    }
    return f.getKey() + ": windowsize " + r.windowsize + ", " + r.blocks + " blocks, "
        + r.acksSent + " ACKs, byte-exact";
  }

  private static String ovmfProbe(SuiteContext ctx) throws Exception {
    Map.Entry<String, byte[]> f = ctx.largest(b -> b.length > 0, "a non-empty file");
    SuiteSocket s = ctx.socket();
    Map<String, String> probe = options(TftpOptions.TSIZE, "0", TftpOptions.BLKSIZE, "1468");
    SuiteSocket.Received in = first(ctx, s, f.getKey(), probe);
    if (!(in.packet() instanceof TftpOptionAck oack)) {
      end(s, in);
      throw new CheckFailed("tsize probe got " + in.packet() + " (expected: OACK with tsize)");
    }
    // OVMF's PXE base code aborts the probe with ERROR 8 and asks again from the same port.
    s.send(TftpError.of(TftpErrorCode.OPTION_REFUSED, "tsize probe done"), in.from());
    ReadClient.Result r = new ReadClient(ctx, s).read(f.getKey(), TftpRequest.MODE_OCTET,
        options(TftpOptions.BLKSIZE, "1468"));
    if (r.error != null) {
      throw new CheckFailed("the read after the probe got " + r.error + " (expected: the file)");
    }
    ReadChecks.sameBytes(f.getKey(), f.getValue(), r.bytes());
    return "probe OACK " + oack.options() + ", then " + f.getKey() + " byte-exact from the same"
        + " port";
  }
}
