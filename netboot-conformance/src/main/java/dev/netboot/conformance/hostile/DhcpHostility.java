package dev.netboot.conformance.hostile;

import dev.netboot.conformance.Generator;
import dev.netboot.conformance.dhcp.DhcpGenerators;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The DHCP categories, sent to the DHCP port or the PXE boot server port. Each case carries a
 * transaction id of its own, written after any mutation, so that every answer is attributed to
 * the case that caused it; {@code ciaddr} and {@code giaddr} are zeroed so that answers come
 * back to the sender (RFC 2131 section 4.1 routes them to a relay or a client address otherwise).
 */
final class DhcpHostility {
  private static final int COOKIE_OFFSET = DhcpMessageDecoder.HEADER_LENGTH;
  private static final int OPTIONS_OFFSET = DhcpMessageDecoder.OPTIONS_OFFSET;
  private static final int SNAME_OFFSET = 44;
  private static final int FILE_OFFSET = 108;
  /** Datagrams sent between two reads of the answers, so neither side's buffer overflows. */
  private static final int BURST = 32;

  private final HostileCampaign c;
  private final String listener;
  private final int port;
  private final boolean bootServer;
  private int nextXid;

  DhcpHostility(HostileCampaign campaign, String listener, int port, boolean bootServer) {
    this.c = campaign;
    this.listener = listener;
    this.port = port;
    this.bootServer = bootServer;
    this.nextXid = bootServer ? 0x4E420000 : 0x4E410000;
  }

  List<HostileReport.Row> run() throws IOException {
    SplittableRandom random = new SplittableRandom(c.seed ^ port ^ (bootServer ? 4011 : 67));
    // What each port is for: DISCOVERs on the DHCP port, REQUESTs on the boot server's.
    DhcpMessageType validType = bootServer ? DhcpMessageType.REQUEST : DhcpMessageType.DISCOVER;
    Generator<DhcpMessage> valid = r -> DhcpGenerators.pxeRequests().next(r).toBuilder()
        .option(DhcpOptionType.MESSAGE_TYPE, validType).build();
    int n = c.cases;
    List<HostileReport.Row> rows = new ArrayList<>();
    rows.add(category("PXE requests (control)", false, n, random,
        r -> bytes(valid.next(r))));
    boolean ignoresNonPxe = c.ignoresNonPxe || bootServer;
    rows.add(category(ignoresNonPxe ? "non-PXE clients" : "non-PXE clients (answered: full DHCP)",
        ignoresNonPxe, n, random,
        r -> bytes(DhcpGenerators.plainRequests().next(r).toBuilder().op(DhcpOp.BOOTREQUEST)
            .build())));
    rows.add(category("BOOTREPLY", true, n, random,
        r -> bytes(valid.next(r).toBuilder().op(DhcpOp.BOOTREPLY).build())));
    rows.add(category("bad magic cookie", true, n, random, r -> {
      byte[] b = bytes(valid.next(r));
      int cookie = r.nextInt();
      if (cookie == DhcpMessageDecoder.MAGIC_COOKIE) {
        cookie++;
      }
      putInt(b, COOKIE_OFFSET, cookie);
      return b;
    }));
    rows.add(category("truncated header", true, n, random,
        r -> java.util.Arrays.copyOf(bytes(valid.next(r)), r.nextInt(OPTIONS_OFFSET))));
    rows.add(category("BOOTP (no option 53)", true, n, random,
        r -> bytes(valid.next(r).toBuilder().removeOption(DhcpOptionCode.MESSAGE_TYPE).build())));
    DhcpMessageType[] serverTypes = {DhcpMessageType.OFFER, DhcpMessageType.ACK,
      DhcpMessageType.NAK, DhcpMessageType.DECLINE, DhcpMessageType.RELEASE};
    rows.add(category("client-sent OFFER/ACK/NAK/DECLINE/RELEASE", true, n, random,
        r -> bytes(valid.next(r).toBuilder().option(DhcpOptionType.MESSAGE_TYPE,
            serverTypes[r.nextInt(serverTypes.length)]).build())));
    rows.add(category("bad option lengths", false, n, random,
        r -> badOptionLength(bytes(valid.next(r)), r)));
    rows.add(category("option overload loops", false, n, random,
        r -> overloadLoop(bytes(valid.next(r)), r)));
    rows.add(category("mutated PXE requests", false, n, random,
        r -> DhcpGenerators.mutations(bytes(valid.next(r))).next(r)));
    rows.add(category("random bytes", false, n, random, r -> {
      byte[] b = new byte[r.nextInt(1501)];
      r.nextBytes(b);
      return b;
    }));
    rows.add(category("oversized (1.5-64 KiB)", false, Math.max(1, n / 10), random,
        r -> oversized(bytes(valid.next(r)), r)));
    return rows;
  }

  private HostileReport.Row category(String name, boolean silent, int count,
      SplittableRandom random, Generator<byte[]> cases) throws IOException {
    String rule = silent ? "no answer" : "at most one answer, at most "
        + HostileCampaign.MAX_AMPLIFICATION + "x the request";
    HostileReport.Tally tally = new HostileReport.Tally(listener, name, rule);
    Map<Integer, int[]> sent = new HashMap<>(); // xid -> {request length, answers}
    InetSocketAddress to = new InetSocketAddress(c.server, port);
    try (UdpBatch sockets = UdpBatch.open(c.sources)) {
      UdpBatch.Sink sink = (index, bytes, from) -> {
        if (bytes.length < 8) {
          tally.violation(String.format(Locale.ROOT, "a %d-byte datagram from %s", bytes.length,
              from));
          return;
        }
        int xid = getInt(bytes, 4);
        int[] request = sent.get(xid);
        if (request == null) {
          tally.violation(String.format(Locale.ROOT, "an answer (xid %08x, %d bytes) to no"
              + " request", xid, bytes.length));
          return;
        }
        request[1]++;
        if (request[1] == 1) {
          tally.answered();
        } else if (request[1] == 2) {
          tally.violation(String.format(Locale.ROOT, "xid %08x answered more than once", xid));
        }
        if (silent && request[1] == 1) {
          tally.violation(String.format(Locale.ROOT, "xid %08x (%d bytes) answered with %s",
              xid, request[0], describe(bytes)));
        }
        if (bytes.length > HostileCampaign.MAX_AMPLIFICATION * Math.max(request[0], 1)) {
          tally.violation(String.format(Locale.ROOT, "xid %08x: %d-byte request, %d-byte"
              + " answer", xid, request[0], bytes.length));
        }
      };
      for (int i = 0; i < count; i++) {
        byte[] b = cases.next(random);
        int xid = nextXid++;
        if (b.length >= 8) {
          putInt(b, 4, xid);
          sent.put(xid, new int[] {b.length, 0});
        }
        if (b.length >= 28) {
          putInt(b, 12, 0); // ciaddr
          putInt(b, 24, 0); // giaddr
        }
        sockets.send(i % sockets.size(), b, to);
        tally.sent();
        if (i % BURST == BURST - 1) {
          sockets.receiveUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2), sink);
        }
      }
      sockets.receiveUntil(System.nanoTime() + c.window.toNanos(), sink);
    }
    return tally.row();
  }

  private static String describe(byte[] answer) {
    try {
      DhcpMessage m = DhcpMessageDecoder.decode(answer);
      DhcpMessageType type = m.messageType();
      return (type == null ? "BOOTP" : type.toString()) + " (" + answer.length + " bytes)";
    } catch (RuntimeException e) {
      return answer.length + " undecodable bytes";
    }
  }

  /** Sets one option's length byte to a random value. */
  private static byte[] badOptionLength(byte[] b, SplittableRandom r) {
    List<Integer> lengths = new ArrayList<>();
    for (int i = OPTIONS_OFFSET; i + 1 < b.length; ) {
      int code = b[i] & 0xff;
      if (code == 0) {
        i++;
        continue;
      }
      if (code == 255) {
        break;
      }
      lengths.add(i + 1);
      i += 2 + (b[i + 1] & 0xff);
    }
    if (!lengths.isEmpty()) {
      int at = lengths.get(r.nextInt(lengths.size()));
      b[at] = (byte) (r.nextBoolean() ? 0xff - r.nextInt(16) : r.nextInt(256));
    }
    return b;
  }

  /**
   * Option 52 in the options area, and again in the file and sname fields it points into, with
   * options whose lengths run past the field's end (RFC 2132 section 9.3 allows 52 only in the
   * options area).
   */
  private static byte[] overloadLoop(byte[] b, SplittableRandom r) {
    byte[] out = java.util.Arrays.copyOf(b, Math.max(b.length, OPTIONS_OFFSET + 8));
    int at = OPTIONS_OFFSET;
    out[at++] = 53;
    out[at++] = 1;
    out[at++] = (byte) (r.nextBoolean() ? 1 : 3);
    out[at++] = 52;
    out[at++] = 1;
    out[at++] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : 3);
    out[at] = (byte) 255;
    for (int field : new int[] {FILE_OFFSET, SNAME_OFFSET}) {
      int end = field == FILE_OFFSET ? COOKIE_OFFSET : FILE_OFFSET;
      int i = field;
      while (i + 3 <= end) {
        int kind = r.nextInt(4);
        if (kind == 0) {
          out[i++] = 52;
          out[i++] = 1;
          out[i++] = 3;
        } else if (kind == 1) {
          out[i++] = (byte) (1 + r.nextInt(254));
          out[i++] = (byte) (end - i + 1 + r.nextInt(200)); // runs past the field
          break;
        } else {
          out[i++] = 60;
          out[i++] = 1;
          out[i++] = 'P';
        }
      }
    }
    return out;
  }

  /** A valid request followed by unknown options up to a size between 1.5 and 64 KiB. */
  private static byte[] oversized(byte[] b, SplittableRandom r) {
    int size = 1500 + r.nextInt(DhcpMessageDecoder.MAX_MESSAGE_LENGTH - 1500 + 1);
    byte[] out = java.util.Arrays.copyOf(b, size);
    int at = b.length - 1;
    while (at > OPTIONS_OFFSET && (b[at] & 0xff) != 255) {
      at--;
    }
    while (at + 2 < size - 1) {
      int len = Math.min(255, size - 1 - at - 2);
      out[at] = (byte) (224 + r.nextInt(30));
      out[at + 1] = (byte) len;
      for (int i = 0; i < len; i++) {
        out[at + 2 + i] = (byte) r.nextInt(256);
      }
      at += 2 + len;
    }
    out[size - 1] = (byte) 255;
    return out;
  }

  private static byte[] bytes(DhcpMessage m) {
    return DhcpMessageEncoder.toBytes(m);
  }

  private static int getInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
