package dev.netboot.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer program the test started: run to completion with a time limit, or kept running in the
 * background (a server) until {@link #close()}. Output (stdout and stderr together) goes to a
 * file, so a chatty peer can never block on a full pipe. Only the process started here is ever
 * killed, through its own handle.
 */
public final class PeerProcess implements AutoCloseable {
  private final Process process;
  private final Path output;
  private final String name;

  private PeerProcess(Process process, Path output, String name) {
    this.process = process;
    this.output = output;
    this.name = name;
  }

  /**
   * What a peer that ran to completion did.
   *
   * @param exitCode its exit code, or -1 if it was killed at the time limit
   * @param output what it wrote on stdout and stderr
   * @param timedOut whether it had to be killed
   */
  public record Result(int exitCode, String output, boolean timedOut) {
    /** Returns a one-line description for assertion messages. */
    public String describe() {
      return (timedOut ? "timed out" : "exit " + exitCode) + ", output:\n" + output;
    }
  }

  /**
   * Runs {@code command} in {@code dir} and waits for it, up to {@code timeout}.
   *
   * @param stdin what the program reads, or null for nothing
   */
  public static Result run(Duration timeout, Path dir, String stdin, List<String> command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "peer-", ".out");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(out.toFile());
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // The peer exited before reading its input; its exit code tells the rest.
    }
    boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!done) {
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
    }
    String text = Files.readString(out, StandardCharsets.ISO_8859_1);
    Files.deleteIfExists(out);
    return new Result(done ? p.exitValue() : -1, text, !done);
  }

  /** Runs {@code command} without input; see {@link #run(Duration, Path, String, List)}. */
  public static Result run(Duration timeout, Path dir, String... command)
      throws IOException, InterruptedException {
    return run(timeout, dir, null, List.of(command));
  }

  /** Starts {@code command} in the background, its output in {@code logFile}. */
  public static PeerProcess start(Path logFile, List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(logFile.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    Process p = pb.start();
    return new PeerProcess(p, logFile, command.get(0));
  }

  /** Returns whether the process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Returns what the process has written so far. */
  public String output() {
    try {
      return Files.readString(output, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the output contains {@code text}, polling every 20 ms for at most
   * {@code timeout}.
   *
   * @throws IllegalStateException if the process exits or the time runs out first
   */
  public String awaitOutput(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - deadline < 0) {
      String now = output();
      if (now.contains(text)) {
        return now;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited (" + process.exitValue()
            + ") before printing \"" + text + "\":\n" + now);
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(
        name + " did not print \"" + text + "\" within " + timeout + ":\n" + output());
  }

  /** Returns the process's id. */
  public long pid() {
    return process.pid();
  }

  /**
   * Stops the process and what it forked: SIGTERM, then after 3 s SIGKILL, all through the
   * handles of processes this test started.
   */
  @Override
  public void close() {
    // Forking servers (in.tftpd) leave a child per transfer; they are ours too.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
