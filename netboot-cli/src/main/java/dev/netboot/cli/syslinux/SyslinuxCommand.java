package dev.netboot.cli.syslinux;

import dev.netboot.cli.NetbootVersion;
import picocli.CommandLine.Command;

/** {@code netboot syslinux}: the group of syslinux sub-commands; on its own it only asks for one. */
@Command(
    name = "syslinux",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = "syslinux / pxelinux / isolinux / extlinux configuration files.",
    subcommands = {SyslinuxCheckCommand.class, SyslinuxFmtCommand.class})
public final class SyslinuxCommand {}
