package dev.netboot.cli.ipxe;

import dev.netboot.cli.NetbootVersion;
import picocli.CommandLine.Command;

/** {@code netboot ipxe}: the group of iPXE script sub-commands; on its own it only asks for one. */
@Command(
    name = "ipxe",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = "iPXE scripts: check them as iPXE would read them, print them canonically.",
    subcommands = {IpxeCheckCommand.class, IpxeFmtCommand.class})
public final class IpxeCommandGroup {}
