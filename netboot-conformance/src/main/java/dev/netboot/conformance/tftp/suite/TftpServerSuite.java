package dev.netboot.conformance.tftp.suite;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A conformance suite for any TFTP server: it plays the client, byte by byte, and checks what
 * the server answers against RFC 1350, 2347, 2348, 2349 and 7440 and against what network boot
 * firmware does (UEFI's tsize probe, pxelinux's configuration search), including a transfer
 * through a seeded {@link dev.netboot.conformance.net.LossyUdpRelay}.
 *
 * <p>The user names files the server holds and their exact content; checks that need a kind of
 * file not given (a text file, one of 2 MiB or more, a size multiple of 512) are skipped. Every
 * check is bounded in time: a silent server fails a check after {@link Builder#timeout}, and a
 * server that never stops retransmitting fails after {@link Builder#giveUpWait}.
 *
 * <pre>{@code
 * TftpSuiteReport report = TftpServerSuite.builder(new InetSocketAddress("127.0.0.1", 6969))
 *     .file("pxelinux.0", pxelinux)
 *     .file("vmlinuz", kernel)
 *     .file("hello.txt", "hello\nworld\n".getBytes(StandardCharsets.US_ASCII))
 *     .seed(42)
 *     .run();
 * System.out.print(report.toText());
 * }</pre>
 */
public final class TftpServerSuite {
  /** The most files a suite takes. */
  public static final int MAX_FILES = 64;
  /** The default wait for any one answer of the server. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  /** The default bound on how long a server may keep retransmitting an unacknowledged block. */
  public static final Duration DEFAULT_GIVE_UP_WAIT = Duration.ofSeconds(30);
  /** The longest {@link Builder#timeout} or {@link Builder#giveUpWait} accepted. */
  public static final Duration MAX_WAIT = Duration.ofMinutes(5);

  private final InetSocketAddress server;
  private final Map<String, byte[]> files;
  private final String missingFile;
  private final boolean writable;
  private final long seed;
  private final Duration timeout;
  private final Duration giveUpWait;
  private final List<Check> checks;

  private TftpServerSuite(Builder b, String missingFile, long seed, List<Check> checks) {
    this.server = b.server;
    this.files = b.files;
    this.missingFile = missingFile;
    this.writable = b.writable;
    this.seed = seed;
    this.timeout = b.timeout;
    this.giveUpWait = b.giveUpWait;
    this.checks = checks;
  }

  /**
   * Returns a builder of a suite against {@code server}.
   *
   * @param server the server's address and request port (69 unless configured otherwise)
   * @return the builder
   */
  public static Builder builder(InetSocketAddress server) {
    return new Builder(server);
  }

  /** Returns the id of every check, in the order they run. */
  public static List<String> checkIds() {
    return catalogue().map(Check::id).toList();
  }

  private static Stream<Check> catalogue() {
    return Stream.of(ReadChecks.all(), OptionChecks.all(), RobustnessChecks.all(),
        WriteChecks.all()).flatMap(List::stream);
  }

  /** Returns the seed this suite's random choices come from. */
  public long seed() {
    return seed;
  }

  /**
   * Runs every check, one after the other, and returns what each found. Never throws for what
   * the server does: a wrong answer, silence or an I/O error fails the check at hand.
   *
   * @return the report
   */
  public TftpSuiteReport run() {
    List<CheckResult> results = new ArrayList<>();
    int index = 0;
    for (Check check : checks) {
      SplittableRandom random = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * ++index);
      long start = System.nanoTime();
      CheckOutcome outcome;
      String detail;
      try (SuiteContext ctx = new SuiteContext(server, files, missingFile, writable, seed,
          timeout, giveUpWait, random)) {
        detail = check.body().run(ctx);
        outcome = CheckOutcome.PASS;
      } catch (CheckFailed e) {
        outcome = CheckOutcome.FAIL;
        detail = String.valueOf(e.getMessage());
      } catch (CheckSkipped e) {
        outcome = CheckOutcome.SKIP;
        detail = String.valueOf(e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        outcome = CheckOutcome.FAIL;
        detail = "interrupted";
      } catch (Exception e) {
        outcome = CheckOutcome.FAIL;
        detail = "error: " + e;
      }
      results.add(new CheckResult(check.id(), check.rfcSection(), check.title(), outcome,
          detail, Duration.ofNanos(System.nanoTime() - start)));
    }
    return new TftpSuiteReport(server, seed, results);
  }

  /** Builds a {@link TftpServerSuite}; every setter checks its argument. */
  public static final class Builder {
    private final InetSocketAddress server;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private @Nullable String missingFile;
    private boolean writable;
    private @Nullable Long seed;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration giveUpWait = DEFAULT_GIVE_UP_WAIT;
    private @Nullable Set<String> only;

    private Builder(InetSocketAddress server) {
      if (server.isUnresolved() || server.getPort() == 0) {
        throw new IllegalArgumentException("server: " + server
            + " (expected: a resolved address with a port)");
      }
      this.server = server;
    }

    /**
     * Declares a file the server holds, with its exact content (as sent in octet mode). Give
     * at least one small file and one of 2 MiB or more; files of 0, 1, 512 and 1024 bytes and a
     * text file (ASCII with LF line ends) enable more checks.
     *
     * @param name the name to request
     * @param content the bytes the server must send; copied
     * @return this builder
     */
    public Builder file(String name, byte[] content) {
      if (name.isEmpty() || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("file name: \"" + name
            + "\" (expected: a non-empty name without NUL)");
      }
      if (!files.containsKey(name) && files.size() == MAX_FILES) {
        throw new IllegalArgumentException("files: more than " + MAX_FILES
            + " (expected: at most " + MAX_FILES + ")");
      }
      files.put(name, content.clone());
      return this;
    }

    /**
     * Sets the name of a file the server does not hold (default: a random name).
     *
     * @param name the name
     * @return this builder
     */
    public Builder missingFile(String name) {
      if (name.isEmpty() || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("missing file: \"" + name
            + "\" (expected: a non-empty name without NUL)");
      }
      this.missingFile = name;
      return this;
    }

    /**
     * Says whether the server accepts uploads: then a WRQ must be written byte-exact (the suite
     * uploads a file with a random name); else it must be refused with ERROR 2. Default false.
     *
     * @param writable whether writes are allowed
     * @return this builder
     */
    public Builder writable(boolean writable) {
      this.writable = writable;
      return this;
    }

    /**
     * Fixes the seed of every random choice, to replay a run (default: a random seed, printed
     * in the report).
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets how long the suite waits for any one answer (default {@link #DEFAULT_TIMEOUT}).
     *
     * @param timeout from 1 ms to {@link #MAX_WAIT}
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = checkWait("timeout", timeout);
      return this;
    }

    /**
     * Sets how long a server may retransmit an unacknowledged block before the give-up check
     * fails (default {@link #DEFAULT_GIVE_UP_WAIT}).
     *
     * @param wait from 1 ms to {@link #MAX_WAIT}
     * @return this builder
     */
    public Builder giveUpWait(Duration wait) {
      this.giveUpWait = checkWait("giveUpWait", wait);
      return this;
    }

    /**
     * Runs only the checks named (default: all of {@link #checkIds()}).
     *
     * @param ids check ids
     * @return this builder
     */
    public Builder only(Collection<String> ids) {
      Set<String> known = new LinkedHashSet<>(checkIds());
      for (String id : ids) {
        if (!known.contains(id)) {
          throw new IllegalArgumentException("check: " + id + " (expected: one of " + known
              + ")");
        }
      }
      this.only = Set.copyOf(ids);
      return this;
    }

    /** Returns the suite. */
    public TftpServerSuite build() {
      if (files.isEmpty()) {
        throw new IllegalArgumentException("files: none (expected: at least one file the server"
            + " holds)");
      }
      long s = seed != null ? seed : new SplittableRandom().nextLong();
      String missing = missingFile != null ? missingFile
          : "netboot-missing-" + HexFormat.of().toHexDigits(new SplittableRandom(s).nextLong());
      Set<String> selected = only;
      List<Check> checks = catalogue()
          .filter(c -> selected == null || selected.contains(c.id())).toList();
      return new TftpServerSuite(this, missing, s, checks);
    }

    /** Builds the suite and runs it: {@code build().run()}. */
    public TftpSuiteReport run() {
      return build().run();
    }

    private static Duration checkWait(String what, Duration d) {
      if (d.toMillis() < 1 || d.compareTo(MAX_WAIT) > 0) {
        throw new IllegalArgumentException(what + ": " + d + " (expected: 1 ms to " + MAX_WAIT
            + ")");
      }
      return d;
    }
  }
}
