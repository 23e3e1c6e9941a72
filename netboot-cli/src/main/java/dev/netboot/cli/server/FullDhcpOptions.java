package dev.netboot.cli.server;

import dev.netboot.server.NetbootServer;
import dev.netboot.server.lease.AddressPool;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Turns {@code --pool}, {@code --netmask}, {@code --router}, {@code --dns} into an address pool. */
final class FullDhcpOptions {
  private FullDhcpOptions() {}

  static void apply(NetbootServer.Builder b, CommandSpec s, @Nullable String pool,
      @Nullable String netmask, @Nullable String router, List<String> dns) {
    if (pool == null) {
      throw new ParameterException(s.commandLine(),
          "--dhcp full needs --pool FIRST-LAST (expected: e.g. --pool 10.0.0.100-10.0.0.199)");
    }
    String[] range = pool.split("-", -1);
    if (range.length != 2) {
      throw new ParameterException(s.commandLine(),
          "--pool: " + pool + " (expected: FIRST-LAST, as 10.0.0.100-10.0.0.199)");
    }
    Inet4Address first = ServerOptions.ipv4(s, "--pool", range[0].trim());
    Inet4Address last = ServerOptions.ipv4(s, "--pool", range[1].trim());
    List<Inet4Address> dnsServers = new ArrayList<>();
    for (String d : dns) {
      dnsServers.add(ServerOptions.ipv4(s, "--dns", d));
    }
    try {
      AddressPool.Builder p = AddressPool.builder(first, last)
          .subnetMask(ServerOptions.ipv4(s, "--netmask",
              netmask != null ? netmask : "255.255.255.0"))
          .dnsServers(dnsServers);
      if (router != null) {
        p.routers(List.of(ServerOptions.ipv4(s, "--router", router)));
      }
      b.addressPool(p.build());
    } catch (IllegalArgumentException e) {
      // The pool's own checks (order, one subnet, size) say what they expected.
      throw new ParameterException(s.commandLine(), "--pool: " + e.getMessage());
    }
  }
}
