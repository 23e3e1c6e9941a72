package dev.netboot.cli.conformance;

import dev.netboot.cli.NetbootVersion;
import picocli.CommandLine.Command;

/** {@code netboot conformance}: the conformance suites, one sub-command per protocol. */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = "Checks a running server against the protocol's RFCs and prints a report.",
    subcommands = {TftpConformanceCommand.class, ProxyDhcpConformanceCommand.class,
      HostileConformanceCommand.class})
public final class ConformanceCommand {}
