package dev.netboot.conformance.hostile;

import dev.netboot.conformance.dhcp.DhcpGenerators;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The TFTP categories. Each case sends from a socket of its own, so that its answers are told
 * apart by port; once a case has its first answer the campaign ends that transfer with an ERROR
 * (as a client that lost interest would), except in the flood, which never answers at all.
 */
final class TftpHostility {
  /** Sockets open at once; each carries one case. */
  private static final int BATCH = 64;
  /** Blocks read at most from a transfer that should not have started. */
  private static final int MAX_LEAK_BLOCKS = 64;

  private final HostileCampaign c;
  private final InetSocketAddress to;
  private final SplittableRandom random;

  TftpHostility(HostileCampaign campaign) {
    this.c = campaign;
    this.to = new InetSocketAddress(campaign.server, campaign.tftpPort);
    this.random = new SplittableRandom(campaign.seed ^ 69);
  }

  List<HostileReport.Row> run() throws IOException, InterruptedException {
    List<HostileReport.Row> rows = new ArrayList<>();
    rows.add(batch("malformed datagrams", "at most one answer, an ERROR or a transfer of a file"
        + " in the root, never over " + HostileCampaign.MAX_UNPROVEN_TFTP_REPLY + " bytes",
        malformed(), null));
    if (c.tftpName != null) {
      rows.add(batch("absurd option values", "one answer: an OACK of asked options only, in"
          + " range, tsize true; or DATA 1 or ERROR", absurdOptions(), this::judgeOack));
    }
    rows.add(batch("path traversal", "ERROR, never a byte from outside the root", traversal(),
        ERROR_ONLY));
    if (!c.specialNames.isEmpty()) {
      rows.add(batch("FIFO, device, directory, link out", "ERROR within the window, nothing"
          + " stalled", special(), ERROR_ONLY));
    }
    rows.add(batch("WRQ with huge tsize", "ERROR", hugeWrites(), ERROR_ONLY));
    if (c.tftpName != null) {
      rows.add(spoofedTids());
    }
    return rows;
  }

  /** Judges the first answer of a case; returns a violation, or null. */
  private interface Judge {
    @Nullable String judge(byte[] request, byte[] answer);
  }

  /** For requests that must be refused: anything but an ERROR is a violation. */
  private static final Judge ERROR_ONLY = (request, answer) ->
      TftpWire.opcode(answer) == TftpWire.ERROR ? null : "answered " + TftpWire.describe(answer);

  private record Case(String what, byte[] bytes) {}

  private HostileReport.Row batch(String category, String rule, List<Case> cases,
      @Nullable Judge judge) throws IOException {
    HostileReport.Tally tally = new HostileReport.Tally("tftp", category, rule);
    for (int from = 0; from < cases.size(); from += BATCH) {
      List<Case> part = cases.subList(from, Math.min(cases.size(), from + BATCH));
      List<java.net.Inet4Address> locals = new ArrayList<>();
      for (int i = 0; i < part.size(); i++) {
        locals.add(c.sources.get((from + i) % c.sources.size()));
      }
      try (UdpBatch sockets = UdpBatch.open(locals)) {
        InetSocketAddress[] tids = new InetSocketAddress[part.size()];
        int[] blocksRead = new int[part.size()];
        UdpBatch.Sink sink = (i, answer, tid) -> {
          Case k = part.get(i);
          if (answer.length > HostileCampaign.MAX_UNPROVEN_TFTP_REPLY && blocksRead[i] == 0) {
            tally.violation(k.what() + ": a " + answer.length + "-byte first answer ("
                + TftpWire.describe(answer) + ") to a client that proved nothing");
          }
          if (c.leaks(answer)) {
            tally.violation(k.what() + ": the answer holds the file outside the root");
          }
          if (tids[i] == null) {
            tids[i] = tid;
            tally.answered();
            String v = judge == null ? null : judge.judge(k.bytes(), answer);
            if (v != null) {
              tally.violation(k.what() + ": " + v);
            }
          } else if (!tids[i].equals(tid)) {
            tally.violation(k.what() + ": answers from two transfer ids, " + tids[i] + " and "
                + tid);
            return;
          }
          int op = TftpWire.opcode(answer);
          if (op == TftpWire.DATA && judge != null && blocksRead[i] < MAX_LEAK_BLOCKS
              && answer.length == HostileCampaign.MAX_UNPROVEN_TFTP_REPLY) {
            // A transfer that should not have started: read on, to see whether it leaks.
            blocksRead[i]++;
            sockets.send(i, TftpWire.ack(TftpWire.block(answer)), tid);
          } else if (op != TftpWire.ERROR) {
            sockets.send(i, TftpWire.error(0, "hostile campaign: done"), tid);
          }
        };
        for (int i = 0; i < part.size(); i++) {
          sockets.send(i, part.get(i).bytes(), to);
          tally.sent();
        }
        sockets.receiveUntil(System.nanoTime() + c.window.toNanos(), sink);
      }
    }
    return tally.row();
  }

  private List<Case> malformed() {
    List<Case> cases = new ArrayList<>();
    String name = c.tftpName != null ? c.tftpName : "pxelinux.0";
    byte[] rrq = TftpWire.request(TftpWire.RRQ, name, "octet", "blksize", "1432", "tsize", "0");
    for (int i = 0; i < c.cases; i++) {
      int kind = random.nextInt(6);
      byte[] b;
      String what;
      if (kind == 0) {
        b = new byte[random.nextInt(600)];
        random.nextBytes(b);
        what = "random " + b.length + " bytes";
      } else if (kind == 1) {
        b = Arrays.copyOf(rrq, random.nextInt(rrq.length));
        what = "RRQ truncated to " + b.length + " bytes";
      } else if (kind == 2) {
        b = Arrays.copyOf(rrq, rrq.length);
        int op = random.nextBoolean() ? 0 : 7 + random.nextInt(0xfff9);
        b[0] = (byte) (op >> 8);
        b[1] = (byte) op;
        what = "opcode " + op;
      } else if (kind == 3) {
        b = TftpWire.request(TftpWire.RRQ, name, random.nextBoolean() ? "octet" : "mail",
            "blksize");
        b = Arrays.copyOf(b, b.length - 1); // the option name never ends
        what = "unterminated option";
      } else if (kind == 4) {
        b = TftpWire.request(TftpWire.RRQ, "x".repeat(1 + random.nextInt(2000)),
            "o".repeat(1 + random.nextInt(40)));
        what = "long filename and mode";
      } else {
        b = DhcpGenerators.mutations(rrq).next(random);
        what = "mutated RRQ";
      }
      cases.add(new Case(what + " #" + i, b));
    }
    return cases;
  }

  private List<Case> absurdOptions() {
    String[][] values = {
      {"blksize", "0"}, {"blksize", "7"}, {"blksize", "65465"}, {"blksize", "-1"},
      {"blksize", "99999999999999999999"}, {"blksize", "abc"}, {"blksize", ""},
      {"blksize", "65464"}, {"BlkSize", "1468"}, {"windowsize", "0"}, {"windowsize", "65536"},
      {"windowsize", "-3"}, {"windowsize", "4294967297"}, {"timeout", "0"}, {"timeout", "256"},
      {"timeout", "-1"}, {"tsize", "-1"}, {"tsize", "99999999999999999999999"},
      {"tsize", "x"}, {"tsize", "9223372036854775807"}, {"utimeout", "0"},
      {"rollover", "7"}, {"multicast", ""}, {"x".repeat(70), "1"}, {"blksize", "9".repeat(300)}
    };
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < c.cases; i++) {
      int count = random.nextInt(5) == 0 ? 33 + random.nextInt(40) : 1 + random.nextInt(4);
      List<String> options = new ArrayList<>();
      StringBuilder what = new StringBuilder();
      for (int k = 0; k < count; k++) {
        String[] o = values[random.nextInt(values.length)];
        options.add(o[0]);
        options.add(o[1]);
        if (k < 4) {
          what.append(o[0].length() > 12 ? o[0].substring(0, 12) + "..." : o[0]).append('=')
              .append(o[1].length() > 12 ? o[1].substring(0, 12) + "..." : o[1]).append(' ');
        }
      }
      String mode = random.nextInt(4) == 0 ? "netascii" : "octet";
      cases.add(new Case("RRQ " + c.tftpName + " " + what.toString().trim()
          + (count > 4 ? " (+" + (count - 4) + ")" : ""),
          TftpWire.request(TftpWire.RRQ, c.tftpName, mode, options.toArray(String[]::new))));
    }
    return cases;
  }

  /** RFC 2347: only options asked, each in range and never above what was asked; tsize true. */
  private @Nullable String judgeOack(byte[] request, byte[] answer) {
    TftpPacket p = TftpWire.decode(answer);
    if (p instanceof TftpError || p instanceof TftpData d && d.block() == 1) {
      return null;
    }
    if (!(p instanceof TftpOptionAck oack)) {
      return "answered " + TftpWire.describe(answer);
    }
    Map<String, String> asked = askedOptions(request);
    for (Map.Entry<String, String> e : oack.options().entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      String askedValue = asked.get(name);
      if (askedValue == null) {
        return "OACK names " + name + ", which was not asked";
      }
      long value;
      try {
        value = Long.parseLong(e.getValue());
      } catch (NumberFormatException x) {
        return "OACK " + name + "=" + e.getValue() + " is not a number";
      }
      long wanted = parseOr(askedValue, -1);
      switch (name) {
        case "blksize" -> {
          if (value < 8 || value > 65_464 || value > wanted) {
            return "OACK blksize=" + value + " for blksize=" + askedValue;
          }
        }
        case "windowsize" -> {
          if (value < 1 || value > 65_535 || value > wanted) {
            return "OACK windowsize=" + value + " for windowsize=" + askedValue;
          }
        }
        case "timeout" -> {
          if (value < 1 || value > 255 || value != wanted) {
            return "OACK timeout=" + value + " for timeout=" + askedValue;
          }
        }
        case "tsize" -> {
          if (request[request.length - 1] == 0 && isOctet(request) && value != c.tftpBytes.length) {
            return "OACK tsize=" + value + " for a " + c.tftpBytes.length + "-byte file";
          }
        }
        default -> { }
      }
    }
    return null;
  }

  private static boolean isOctet(byte[] request) {
    return new String(request, java.nio.charset.StandardCharsets.ISO_8859_1).contains("\0octet\0");
  }

  private static long parseOr(String s, long otherwise) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static Map<String, String> askedOptions(byte[] request) {
    String[] parts = new String(request, 2, request.length - 2,
        java.nio.charset.StandardCharsets.ISO_8859_1).split("\0", -1);
    Map<String, String> asked = new java.util.HashMap<>();
    for (int i = 2; i + 1 < parts.length; i += 2) {
      asked.putIfAbsent(parts[i].toLowerCase(Locale.ROOT), parts[i + 1]);
    }
    return asked;
  }

  private List<Case> traversal() {
    String s = c.secretName != null ? c.secretName : "netboot-secret";
    List<String> names = new ArrayList<>(List.of("../" + s, "../../" + s, "./../" + s,
        "sub/../../" + s, "..\\" + s, "..\\..\\" + s, ".\\..\\" + s, "/../" + s, "//../" + s,
        "%2e%2e/" + s, "%2e%2e%2f" + s, "..%2f" + s, "%252e%252e/" + s, "....//" + s,
        "..../" + s, "\u00c0\u00ae\u00c0\u00ae/" + s, "\uff0e\uff0e/" + s, "..\u2215" + s,
        "../" + s.toUpperCase(Locale.ROOT), "~/../" + s, "$HOME/../" + s, "..", "../", "/..",
        "/etc/passwd", "/etc/shadow", "../../../../../../../../etc/passwd", "/proc/self/environ",
        "/proc/self/cmdline", "/dev/zero", "/dev/urandom", "C:\\Windows\\win.ini",
        "\\\\?\\C:\\" + s, "CON", "NUL", "aux", "lpt1", "pxelinux.cfg/../../" + s,
        "..;/" + s, "..\t/" + s, ". ./" + s));
    List<Case> cases = new ArrayList<>();
    for (String name : names) {
      for (String mode : new String[] {"octet", "netascii"}) {
        cases.add(new Case("RRQ " + name + " " + mode,
            TftpWire.request(TftpWire.RRQ, name, mode, "tsize", "0")));
      }
      cases.add(new Case("WRQ " + name, TftpWire.request(TftpWire.WRQ, name, "octet")));
    }
    // A NUL inside the name: whatever the server takes for the name, it must not escape.
    byte[] nul = TftpWire.request(TftpWire.RRQ, "..\0/" + s, "octet");
    cases.add(new Case("RRQ ..<NUL>/" + s, nul));
    return cases;
  }

  private List<Case> special() {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      for (String name : c.specialNames) {
        cases.add(new Case("RRQ " + name + " #" + i, TftpWire.request(TftpWire.RRQ, name,
            "octet", "blksize", "1432", "tsize", "0")));
      }
    }
    return cases;
  }

  private List<Case> hugeWrites() {
    String[] sizes = {"9223372036854775807", "99999999999999999999", "1099511627776",
      "18446744073709551615", "-1"};
    List<Case> cases = new ArrayList<>();
    for (String size : sizes) {
      for (int i = 0; i < 4; i++) {
        cases.add(new Case("WRQ upload-" + i + " tsize=" + size, TftpWire.request(TftpWire.WRQ,
            "upload-" + Long.toHexString(random.nextLong()) + ".bin", "octet", "tsize", size,
            "blksize", "1432")));
      }
    }
    return cases;
  }

  /**
   * Lock-step downloads of the named file, each attacked by a stranger that sends junk, ACKs and
   * ERRORs to the transfer's port from a port of its own (RFC 1350 section 4: the stranger gets
   * ERROR 5, the transfer goes on).
   */
  private HostileReport.Row spoofedTids() throws IOException {
    HostileReport.Tally tally = new HostileReport.Tally("tftp", "spoofed transfer ids",
        "ERROR 5 or nothing to the stranger; the transfer completes byte-exact");
    int transfers = Math.max(4, c.cases / 10);
    long blockCount = c.tftpBytes.length / 512 + 1;
    for (int t = 0; t < transfers; t++) {
      java.net.Inet4Address source = c.sources.get(t % c.sources.size());
      try (UdpBatch pair = UdpBatch.open(source, 2)) {
        LockStep download = new LockStep(pair, to, c.tftpName);
        List<Long> attackAt = List.of(1L, 1 + random.nextLong(blockCount),
            1 + random.nextLong(blockCount));
        tally.sent();
        String failure = download.run(c.window.toNanos() * 4, (block, tid) -> {
          if (!attackAt.contains((long) block)) {
            return;
          }
          byte[] junk = switch (random.nextInt(4)) {
            case 0 -> TftpWire.ack(random.nextInt(0x10000));
            case 1 -> TftpWire.error(random.nextInt(9), "spoofed");
            case 2 -> {
              byte[] d = new byte[4 + random.nextInt(516)];
              random.nextBytes(d);
              d[0] = 0;
              d[1] = TftpWire.DATA;
              yield d;
            }
            default -> {
              byte[] r = new byte[random.nextInt(64)];
              random.nextBytes(r);
              yield r;
            }
          };
          pair.send(1, junk, tid);
        });
        if (download.strangerAnswers > 0) {
          tally.answered();
        }
        if (failure != null) {
          tally.violation("transfer " + t + ": " + failure);
        } else if (!Arrays.equals(download.bytes(), c.tftpBytes)) {
          tally.violation("transfer " + t + ": " + download.bytes().length + " bytes, not the "
              + c.tftpBytes.length + " of " + c.tftpName);
        }
        if (download.strangerViolation != null) {
          tally.violation("transfer " + t + ": " + download.strangerViolation);
        }
      }
    }
    return tally.row();
  }

  /**
   * Starts the flood of requests that are never acknowledged: {@code cases * 2} RRQs for the
   * named file from as many sockets, held open until {@link HostileCampaign#tftpGiveUp} so that
   * every retransmission is counted. Runs beside the other categories.
   */
  Flood startFlood() throws IOException {
    return new Flood();
  }

  /** The flood in progress. */
  final class Flood {
    private final List<UdpBatch> batches = new ArrayList<>();
    private final HostileReport.Tally tally;
    private final long started = System.nanoTime();
    private final Thread reader;
    private final List<int[]> answers = new ArrayList<>();
    private volatile long lastAnswerNanos;

    private Flood() throws IOException {
      String name = c.tftpName != null ? c.tftpName : "pxelinux.0";
      tally = new HostileReport.Tally("tftp", "RRQ flood, never acknowledged", "at most one"
          + " first answer per RRQ, none over " + HostileCampaign.MAX_UNPROVEN_TFTP_REPLY
          + " bytes; every transfer silent within " + c.tftpGiveUp.toSeconds() + " s");
      int count = c.cases * 2;
      try {
        for (int from = 0; from < count; from += BATCH) {
          int n = Math.min(BATCH, count - from);
          List<java.net.Inet4Address> locals = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            locals.add(c.floodSources.get((from + i) % c.floodSources.size()));
          }
          UdpBatch b = UdpBatch.open(locals);
          batches.add(b);
          answers.add(new int[n]);
          for (int i = 0; i < n; i++) {
            b.send(i, TftpWire.request(TftpWire.RRQ, name, "octet", "blksize", "1432",
                "windowsize", "16", "tsize", "0"), to);
            tally.sent();
          }
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
      reader = new Thread(this::read, "hostile-tftp-flood");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      long deadline = started + c.tftpGiveUp.toNanos();
      try {
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
          for (int k = 0; k < batches.size(); k++) {
            int[] seen = answers.get(k);
            batches.get(k).receiveUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5),
                (i, answer, tid) -> {
                  lastAnswerNanos = System.nanoTime();
                  if (seen[i]++ == 0) {
                    tally.answered();
                  }
                  if (answer.length > HostileCampaign.MAX_UNPROVEN_TFTP_REPLY) {
                    tally.violation(answer.length + "-byte answer to an unproven client: "
                        + TftpWire.describe(answer));
                  }
                  if (c.leaks(answer)) {
                    tally.violation("an answer holds the file outside the root");
                  }
                });
          }
        }
      } catch (IOException e) {
        tally.violation("reading the flood's answers failed: " + e);
      }
    }

    /** Waits for the give-up time to pass, closes the sockets and returns the row. */
    HostileReport.Row finish() throws InterruptedException {
      reader.join(c.tftpGiveUp.toMillis() + 5_000);
      if (reader.isAlive()) {
        reader.interrupt();
        reader.join(5_000);
      }
      long quiet = System.nanoTime() - lastAnswerNanos;
      if (lastAnswerNanos != 0 && quiet < TimeUnit.MILLISECONDS.toNanos(500)) {
        tally.violation(String.format(Locale.ROOT, "still retransmitting %d s after the flood",
            TimeUnit.NANOSECONDS.toSeconds(lastAnswerNanos - started)));
      }
      close();
      return tally.row();
    }

    private void close() {
      for (UdpBatch b : batches) {
        try {
          b.close();
        } catch (IOException e) {
          // closing a datagram socket does not fail in a way worth reporting
        }
      }
    }
  }
}
