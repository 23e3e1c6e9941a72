package dev.netboot.it.tftp;

import dev.netboot.it.PeerProcess;
import dev.netboot.it.Peers;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.udp.TftpClient;
import dev.netboot.tftp.udp.TftpTransferException;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real TFTP server (tftpd-hpa's in.tftpd or atftpd) running in the foreground on a free
 * loopback port, serving a directory and accepting uploads into it.
 */
public final class PeerServer implements AutoCloseable {
  /** The servers our client and the conformance suite are tested against. */
  public enum Kind {
    /** tftpd-hpa 5.2, unpacked from its .deb by install-peers.sh; knows no windowsize. */
    TFTPD_HPA,
    /** atftpd 0.8, which implements windowsize (RFC 7440). */
    ATFTPD
  }

  final Kind kind;
  final InetSocketAddress address;
  private final PeerProcess process;

  private PeerServer(Kind kind, InetSocketAddress address, PeerProcess process) {
    this.kind = kind;
    this.address = address;
    this.process = process;
  }

  /**
   * Starts a server of {@code root} and waits until it answers; skips or fails the test when
   * the program is missing (see {@link Peers}).
   */
  public static PeerServer start(Kind kind, Path root, Path log) throws Exception {
    String program = kind == Kind.TFTPD_HPA
        ? Peers.require("in.tftpd").toString()
        : Peers.require("atftpd").toString();
    int port = freeUdpPort();
    List<String> command = kind == Kind.TFTPD_HPA
        // -L foreground, -s chroot-like root, -c allow creating files, -u root because the
        // test runs as root and Debian's "tftp" user may not exist, -B the largest block.
        ? List.of(program, "-L", "-a", "127.0.0.1:" + port, "-s", "-c", "-u", "root",
            "-B", "65464", root.toString())
        : List.of(program, "--daemon", "--no-fork", "--port", Integer.toString(port),
            "--bind-address", "127.0.0.1", "--user", "root", "--group", "root",
            "--logfile", "-", root.toString());
    PeerProcess process = PeerProcess.start(log, command);
    PeerServer server = new PeerServer(kind, new InetSocketAddress("127.0.0.1", port), process);
    try {
      server.awaitReady();
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  // Ready once it answers a request for a missing file; bounded to 50 tries of 100 ms.
  private void awaitReady() throws Exception {
    try (TftpClient probe = TftpClient.create()) {
      for (int i = 0; i < 50; i++) {
        if (!process.isAlive()) {
          throw new IllegalStateException(kind + " exited:\n" + process.output());
        }
        try {
          probe.get(address, "netboot-readiness-probe", Map.of(), Unpooled.buffer());
        } catch (TftpTransferException e) {
          if (TftpErrorCode.FILE_NOT_FOUND.equals(e.errorCode())) {
            return;
          }
        } catch (IOException e) {
          // Not listening yet.
        }
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(kind + " did not answer within 5 s:\n" + process.output());
  }

  /** Returns the loopback address and port the server listens on. */
  public InetSocketAddress address() {
    return address;
  }

  static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
