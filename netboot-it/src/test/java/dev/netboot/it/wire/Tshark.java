package dev.netboot.it.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Runs {@code tshark -T pdml} on a capture file and returns one {@link PdmlNode} per frame. It
 * only reads a file, with an empty configuration directory (a developer's preferences cannot
 * change what it shows) and name resolution off.
 */
public final class Tshark {
  /** How long one run may take before it is killed. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Path executable;
  private final Path workDirectory;

  /** Returns a runner of {@code executable} keeping its files in {@code workDirectory}. */
  public Tshark(Path executable, Path workDirectory) {
    this.executable = executable;
    this.workDirectory = workDirectory;
  }

  /**
   * Dissects every frame of {@code capture} with Wireshark's default preferences.
   *
   * @throws AssertionError if tshark fails, times out or writes unreadable PDML
   */
  public List<PdmlNode> dissect(Path capture) throws IOException, InterruptedException {
    return dissect(capture, List.of());
  }

  /**
   * Dissects every frame of {@code capture}; {@code preferences} are {@code name:value} pairs
   * passed with {@code -o}, as {@code ip.check_checksum:TRUE}.
   *
   * @return one {@code packet} node per frame, in order
   * @throws AssertionError if tshark fails, times out or writes unreadable PDML
   */
  public List<PdmlNode> dissect(Path capture, List<String> preferences)
      throws IOException, InterruptedException {
    Path config = Files.createDirectories(workDirectory.resolve("tshark-config"));
    Path stdout = workDirectory.resolve("tshark.pdml");
    Path stderr = workDirectory.resolve("tshark.stderr");
    List<String> command = new ArrayList<>(List.of(executable.toString(), "-n", "-T", "pdml"));
    for (String preference : preferences) {
      command.add("-o");
      command.add(preference);
    }
    command.add("-r");
    command.add(capture.toString());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Map<String, String> env = builder.environment();
    env.put("WIRESHARK_CONFIG_DIR", config.toString());
    env.put("XDG_CONFIG_HOME", config.toString());
    env.put("HOME", config.toString());
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
      throw new AssertionError(
          "tshark did not finish within " + TIMEOUT + ": " + String.join(" ", command));
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("tshark exited with " + process.exitValue() + ": "
          + String.join(" ", command) + "\n" + Files.readString(stderr, StandardCharsets.UTF_8));
    }
    try (InputStream in = Files.newInputStream(stdout)) {
      return parse(in);
    }
  }

  /** Parses a PDML document into its packets. */
  public static List<PdmlNode> parse(InputStream in) throws IOException {
    Handler handler = new Handler();
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      // PDML has no DTD; refusing one keeps the parser from fetching anything.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.newSAXParser().parse(in, handler);
    } catch (ParserConfigurationException | SAXException e) {
      throw new AssertionError("tshark wrote PDML that does not parse", e);
    }
    return handler.packets;
  }

  private static final class Handler extends DefaultHandler {
    private final List<PdmlNode> packets = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();

    private static boolean kept(String qName) {
      return qName.equals("packet") || qName.equals("proto") || qName.equals("field");
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) {
      if (kept(qName)) {
        String pos = a.getValue("pos");
        open.push(new Open(qName, orEmpty(a.getValue("name")), orEmpty(a.getValue("show")),
            orEmpty(a.getValue("value")), pos == null ? -1 : Integer.parseInt(pos)));
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (!kept(qName)) {
        return;
      }
      Open e = open.pop();
      PdmlNode node = new PdmlNode(e.element, e.name, e.show, e.value, e.pos, e.children);
      if (open.isEmpty()) {
        packets.add(node);
      } else {
        open.peek().children.add(node);
      }
    }

    private static String orEmpty(String s) {
      return s == null ? "" : s;
    }
  }

  private static final class Open {
    final String element;
    final String name;
    final String show;
    final String value;
    final int pos;
    final List<PdmlNode> children = new ArrayList<>();

    Open(String element, String name, String show, String value, int pos) {
      this.element = element;
      this.name = name;
      this.show = show;
      this.value = value;
      this.pos = pos;
    }
  }
}
