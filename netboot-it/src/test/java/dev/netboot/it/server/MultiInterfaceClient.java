package dev.netboot.it.server;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.UserClass;
import dev.netboot.dhcp.VendorClass;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A PXE client for {@link MultiInterfaceTest}, run inside a network namespace with
 * {@code ip netns exec}: it broadcasts an iPXE DISCOVER from 0.0.0.0:68, as firmware does, and
 * prints the OFFER it receives as {@code OFFER siaddr=.. sid=.. file=..}.
 *
 * <pre>
 *   MultiInterfaceClient SERVER_PORT MAC TIMEOUT_MS
 * </pre>
 *
 * <p>Exits 0 with the line on an OFFER, 2 when none came in time.
 */
public final class MultiInterfaceClient {
  /** The DHCP client port firmware sends from and listens on. */
  static final int CLIENT_PORT = 68;
  /** An x64 UEFI iPXE's vendor class. */
  static final String VENDOR_CLASS = "PXEClient:Arch:00007:UNDI:003016";

  private MultiInterfaceClient() {}

  /** Runs the exchange; see the class comment. */
  public static void main(String[] args) throws Exception {
    int serverPort = Integer.parseInt(args[0]);
    byte[] mac = HexFormat.ofDelimiter(":").parseHex(args[1]);
    int timeoutMillis = Integer.parseInt(args[2]);
    int xid = (int) System.nanoTime();
    DhcpMessage discover = DhcpMessage.builder().transactionId(xid).hardwareAddress(mac)
        .broadcast(true)
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.DISCOVER)
        .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.of(VENDOR_CLASS))
        .option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE, List.of(ClientArchitecture.X64_UEFI))
        .option(DhcpOptionType.USER_CLASS, UserClass.raw("iPXE"))
        .build();
    byte[] bytes = DhcpMessageEncoder.toBytes(discover);
    try (DatagramSocket socket = new DatagramSocket(null)) {
      socket.setReuseAddress(true);
      socket.setBroadcast(true);
      socket.bind(new InetSocketAddress(CLIENT_PORT));
      socket.setSoTimeout(timeoutMillis);
      socket.send(new DatagramPacket(bytes, bytes.length,
          InetAddress.getByName("255.255.255.255"), serverPort));
      byte[] buf = new byte[2048];
      long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
      while (System.nanoTime() < deadline) {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
          socket.receive(p);
        } catch (SocketTimeoutException e) {
          break;
        }
        DhcpMessage reply = DhcpMessageDecoder.decode(Arrays.copyOf(buf, p.getLength()));
        if (reply.transactionId() != xid
            || !DhcpMessageType.OFFER.equals(reply.messageType())) {
          continue; // our own broadcast, or someone else's exchange
        }
        System.out.println("OFFER siaddr=" + reply.serverAddress().getHostAddress()
            + " sid=" + reply.option(DhcpOptionType.SERVER_IDENTIFIER)
                .map(InetAddress::getHostAddress).orElse("-")
            + " file=" + reply.bootFileName() + " from=" + p.getAddress().getHostAddress());
        System.exit(0);
      }
    }
    System.out.println("NONE");
    System.exit(2);
  }
}
