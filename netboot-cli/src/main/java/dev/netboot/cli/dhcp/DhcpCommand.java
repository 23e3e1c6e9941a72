package dev.netboot.cli.dhcp;

import dev.netboot.cli.NetbootVersion;
import picocli.CommandLine.Command;

/** {@code netboot dhcp}: the group of DHCP sub-commands; on its own it only asks for one. */
@Command(
    name = "dhcp",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = "DHCP and ProxyDHCP (RFC 2131, RFC 2132, PXE 2.1).",
    subcommands = {DhcpDecodeCommand.class})
public final class DhcpCommand {}
