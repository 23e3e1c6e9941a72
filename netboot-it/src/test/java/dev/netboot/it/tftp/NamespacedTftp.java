package dev.netboot.it.tftp;

import dev.netboot.tftp.TftpServerSettings;
import dev.netboot.tftp.files.DirectoryFileSource;
import dev.netboot.tftp.udp.TftpClient;
import dev.netboot.tftp.udp.TftpServer;
import dev.netboot.tftp.udp.TftpTransferException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our server or client as a separate JVM, so that a test can run it inside a network
 * namespace ({@code ip netns exec NS java -cp ... NamespacedTftp ...}): a JVM cannot move its
 * own sockets into another namespace.
 *
 * <pre>
 *   serve ADDRESS PORT ROOT        prints "LISTENING", serves until stdin closes or killed
 *   get HOST PORT REMOTE LOCAL [name=value ...]
 *   put HOST PORT LOCAL REMOTE [name=value ...]
 * </pre>
 *
 * <p>get and put exit 0 on success, 1 with the error on stderr otherwise.
 */
public final class NamespacedTftp {
  private NamespacedTftp() {}

  /** Runs one command; see the class comment. */
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "serve" -> serve(args);
      case "get", "put" -> System.exit(transfer(args));
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static void serve(String[] args) throws Exception {
    InetAddress address = InetAddress.getByName(args[1]);
    int port = Integer.parseInt(args[2]);
    Path root = Path.of(args[3]);
    try (TftpServer server =
        TftpServer.builder(DirectoryFileSource.builder(root).allowWrite(true).build())
            .settings(TftpServerSettings.builder().writeAllowed(true).maxBlksize(65464).build())
            .bind(address, port)
            .build()
            .start()) {
      System.out.println("LISTENING " + server.boundAddress());
      System.out.flush();
      // The test ends the server by closing stdin or killing this process.
      while (System.in.read() >= 0) {
        continue;
      }
    }
  }

  private static int transfer(String[] args) throws Exception {
    InetSocketAddress server =
        new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
    Map<String, String> options = new LinkedHashMap<>();
    for (String option : List.of(args).subList(5, args.length)) {
      int eq = option.indexOf('=');
      options.put(option.substring(0, eq), option.substring(eq + 1));
    }
    try (TftpClient client = TftpClient.create()) {
      if (args[0].equals("get")) {
        client.get(server, args[3], options, Path.of(args[4]));
      } else {
        client.put(server, args[4], options, Path.of(args[3]));
      }
      return 0;
    } catch (TftpTransferException e) {
      System.err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      System.err.println(e);
      return 1;
    }
  }
}
