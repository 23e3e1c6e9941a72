package dev.netboot.conformance.tftp.suite;

import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOpcode;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpRequest;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Write requests: refused by a read-only server, byte-exact on a writable one. */
final class WriteChecks {
  /** Three full blocks and a short one: the upload's size. */
  private static final int UPLOAD_BYTES = 3 * 512 + 100;
  /** How many times a DATA is sent before the upload is declared failed. */
  private static final int MAX_SENDS = 6;

  private WriteChecks() {}

  static List<Check> all() {
    return List.of(new Check("wrq", "RFC 1350 sec 4",
        "WRQ refused with ERROR 2 when read-only, byte-exact when writable", WriteChecks::wrq));
  }

  private static String wrq(SuiteContext ctx) throws Exception {
    byte[] content = new byte[UPLOAD_BYTES];
    ctx.random.nextBytes(content);
    String name = "netboot-conformance-" + HexFormat.of().toHexDigits(ctx.random.nextInt())
        + ".bin";
    SuiteSocket s = ctx.socket();
    s.send(TftpRequest.builder(TftpOpcode.WRQ, name).build(), ctx.server);
    SuiteSocket.Received in = s.expect(ctx.timeout, ctx.writable ? "ACK 0" : "ERROR 2");
    TftpPacket p = in.packet();
    if (!ctx.writable) {
      if (p instanceof TftpError e && TftpErrorCode.ACCESS_VIOLATION.equals(e.code())) {
        return "WRQ " + name + " refused: " + e;
      }
      if (!(p instanceof TftpError)) {
        s.send(TftpError.of(TftpErrorCode.ACCESS_VIOLATION, "conformance check done"),
            in.from());
      }
      throw new CheckFailed("WRQ to a read-only server got " + p + " (expected: ERROR 2"
          + " access violation)");
    }
    if (!(p instanceof TftpAck a) || a.block() != 0) {
      throw new CheckFailed("WRQ " + name + " got " + p + " (expected: ACK 0)");
    }
    InetSocketAddress tid = in.from();
    int blocks = UPLOAD_BYTES / 512 + 1;
    for (int block = 1; block <= blocks; block++) {
      int from = (block - 1) * 512;
      int length = Math.min(512, UPLOAD_BYTES - from);
      send(ctx, s, tid, TftpData.of(block, Unpooled.wrappedBuffer(content, from, length)));
    }
    ReadClient.Result r = ReadChecks.readWhole(ctx, name, TftpRequest.MODE_OCTET, Map.of());
    ReadChecks.sameBytes(name + " read back", content, r.bytes());
    return name + ": " + UPLOAD_BYTES + " B written in " + blocks + " blocks, read back"
        + " byte-exact";
  }

  private static void send(SuiteContext ctx, SuiteSocket s, InetSocketAddress tid, TftpData d)
      throws Exception {
    for (int i = 0; i < MAX_SENDS; i++) {
      s.send(d, tid);
      long end = System.nanoTime() + ReadClient.RETRY.toNanos();
      while (System.nanoTime() - end < 0) {
        SuiteSocket.Received in = s.receive(ReadClient.RETRY);
        if (in == null || !in.from().equals(tid)) {
          continue;
        }
        if (in.packet() instanceof TftpAck a && a.block() == d.block()) {
          return;
        }
        if (in.packet() instanceof TftpError e) {
          throw new CheckFailed("DATA " + d.block() + " got " + e + " (expected: ACK)");
        }
      }
    }
    throw new CheckFailed("no ACK " + d.block() + " after " + MAX_SENDS + " sends of it");
  }
}
