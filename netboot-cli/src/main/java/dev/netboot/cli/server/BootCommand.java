package dev.netboot.cli.server;

import dev.netboot.cli.NetbootVersion;
import dev.netboot.pxe.BootDecision;
import dev.netboot.server.NetbootServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netboot boot KERNEL [INITRD...]}: boots every PXE machine that asks into this Linux
 * kernel, like {@code pixiecore boot}. The files are served over HTTP under opaque URLs.
 */
@Command(
    name = "boot",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = "Boots every network-booting machine into a Linux kernel and initrds:"
        + " ProxyDHCP (or full DHCP), PXE boot server, TFTP for iPXE, HTTP for the kernel."
        + " Runs until interrupted, printing each machine's steps.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:stopped (Ctrl-C, SIGTERM)",
      "1:cannot serve: no such file, port needs root, address not on this host",
      "2:usage error"
    })
public final class BootCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "KERNEL", description = "The kernel to boot.")
  private @Nullable Path kernel;

  @Parameters(index = "1..*", paramLabel = "INITRD", description = "Initrds, in load order.")
  private List<Path> initrds = new ArrayList<>();

  @Option(names = "--cmdline", paramLabel = "TEXT", defaultValue = "",
      description = "The kernel command line.")
  private String cmdline = "";

  @Mixin private ServerOptions server = new ServerOptions();

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    Path k = checkFile(kernel);
    List<Path> rds = new ArrayList<>();
    for (Path initrd : initrds) {
      rds.add(checkFile(initrd));
    }
    ServeLoop loop = new ServeLoop(spec().commandLine().getOut());
    // The policy is needed before the catalog exists; it reads the decision made below.
    AtomicReference<BootDecision> decision = new AtomicReference<>(BootDecision.ignore());
    NetbootServer s = server.toBuilder().policy(client -> decision.get())
        .listener(loop.listener()).build();
    List<String> initrdUrls = new ArrayList<>();
    for (Path rd : rds) {
      initrdUrls.add(s.files().register(rd));
    }
    decision.set(BootDecision.linux(s.files().register(k), initrdUrls, cmdline));
    return loop.run(s, server, "kernel " + k.getFileName() + (rds.isEmpty() ? ""
        : " with " + rds.size() + " initrd(s)"));
  }

  static Path checkFile(@Nullable Path file) {
    if (file == null) {
      throw new IllegalStateException("picocli did not set the file");
    }
    if (!Files.isRegularFile(file)) {
      throw new UserError("no such file: " + file);
    }
    if (!Files.isReadable(file)) {
      throw new UserError("cannot read " + file + " (permission denied)");
    }
    return file;
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }
}
