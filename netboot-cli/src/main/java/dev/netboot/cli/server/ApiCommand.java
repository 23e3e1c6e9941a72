package dev.netboot.cli.server;

import dev.netboot.cli.NetbootVersion;
import dev.netboot.server.NetbootServer;
import dev.netboot.server.api.PixiecoreApiPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netboot api URL}: asks an HTTP API what each machine boots, speaking Pixiecore's boot
 * API unchanged ({@code GET URL/v1/boot/<mac>}), like {@code pixiecore api}.
 */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = "Boots network-booting machines as an HTTP API decides, speaking Pixiecore's"
        + " boot API (GET URL/v1/boot/<mac>). Runs until interrupted, printing each machine's"
        + " steps.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:stopped (Ctrl-C, SIGTERM)",
      "1:cannot serve: port needs root, address not on this host",
      "2:usage error"
    })
public final class ApiCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "URL",
      description = "The API's base URL, as http://10.0.0.1:8080 (asked for /v1/boot/<mac>).")
  private @Nullable String url;

  @Option(names = "--api-timeout", paramLabel = "SECONDS", defaultValue = "5",
      description = "How long one API request may take (default: ${DEFAULT-VALUE}).")
  private int apiTimeoutSeconds = 5;

  @Mixin private ServerOptions server = new ServerOptions();

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    CommandSpec s = spec();
    URI api = apiUri(s);
    if (apiTimeoutSeconds < 1 || apiTimeoutSeconds > 300) {
      throw new ParameterException(s.commandLine(),
          "--api-timeout: " + apiTimeoutSeconds + " (expected: 1-300)");
    }
    ServeLoop loop = new ServeLoop(s.commandLine().getOut());
    // file:// URLs from the API become files of the server's catalog, once it exists.
    AtomicReference<NetbootServer> built = new AtomicReference<>();
    PixiecoreApiPolicy policy = PixiecoreApiPolicy.builder(api)
        .timeout(Duration.ofSeconds(apiTimeoutSeconds))
        .fileMapper(file -> built.get().files().register(Path.of(file)))
        .build();
    NetbootServer netboot = server.toBuilder().asyncPolicy(policy)
        .listener(loop.listener()).build();
    built.set(netboot);
    return loop.run(netboot, server, "boot decisions from " + api);
  }

  private URI apiUri(CommandSpec s) {
    String text = String.valueOf(url);
    try {
      URI uri = new URI(text);
      String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // the usage error below
    }
    throw new ParameterException(s.commandLine(),
        "URL: " + text + " (expected: an http:// or https:// URL, as http://10.0.0.1:8080)");
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }
}
