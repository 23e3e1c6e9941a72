package dev.netboot.it.tftp;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real TFTP clients the server is tested against, and how each is told to download or
 * upload one file. Each names the program {@link dev.netboot.it.Peers#require} looks for.
 */
enum PeerClient {
  /** tftp-hpa's client: plain RFC 1350, no options at all. */
  TFTP_HPA("tftp"),
  /** atftp asking for 1468-byte blocks. */
  ATFTP_BLKSIZE("atftp"),
  /** atftp asking for a window of 8 blocks of 1468 bytes (RFC 7440). */
  ATFTP_WINDOWSIZE("atftp"),
  /** curl with its defaults. */
  CURL("curl"),
  /** curl asking for 1468-byte blocks. */
  CURL_BLKSIZE("curl"),
  /** BusyBox's applet asking for 1468-byte blocks. */
  BUSYBOX("busybox");

  final String program;

  PeerClient(String program) {
    this.program = program;
  }

  /** Returns the command that downloads {@code remote} from {@code server} into {@code local}. */
  List<String> get(InetSocketAddress server, String remote, Path local) {
    return command(server, remote, local, true);
  }

  /** Returns the command that uploads {@code local} to {@code server} as {@code remote}. */
  List<String> put(InetSocketAddress server, String remote, Path local) {
    return command(server, remote, local, false);
  }

  private List<String> command(InetSocketAddress server, String remote, Path local,
      boolean get) {
    String host = server.getAddress().getHostAddress();
    String port = Integer.toString(server.getPort());
    boolean v6 = server.getAddress() instanceof Inet6Address;
    List<String> c = new ArrayList<>();
    switch (this) {
      case TFTP_HPA -> {
        c.add("tftp");
        c.add(v6 ? "-6" : "-4");
        c.addAll(List.of("-m", "binary", host, port, "-c", get ? "get" : "put"));
        c.addAll(get ? List.of(remote, local.toString()) : List.of(local.toString(), remote));
      }
      case ATFTP_BLKSIZE, ATFTP_WINDOWSIZE -> {
        c.addAll(List.of("atftp", get ? "-g" : "-p", "-r", remote, "-l", local.toString(),
            "--option", "blksize 1468"));
        if (this == ATFTP_WINDOWSIZE) {
          c.addAll(List.of("--option", "windowsize 8"));
        }
        c.addAll(List.of(host, port));
      }
      case CURL, CURL_BLKSIZE -> {
        c.addAll(List.of("curl", "-sS", "--max-time", "60"));
        if (this == CURL_BLKSIZE) {
          c.addAll(List.of("--tftp-blksize", "1468"));
        }
        c.addAll(get ? List.of("-o", local.toString()) : List.of("-T", local.toString()));
        String h = v6 ? "[" + host + "]" : host;
        c.add("tftp://" + h + ":" + port + "/" + remote);
      }
      case BUSYBOX -> c.addAll(List.of("busybox", "tftp", get ? "-g" : "-p", "-r", remote,
          "-l", local.toString(), "-b", "1468", host, port));
      default -> throw new AssertionError(this);
    }
    return c;
  }
}
