package dev.netboot.cli.server;

import dev.netboot.cli.Netboot;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** A serving command run on its own thread until {@link #stop()}, as Ctrl-C would end it. */
final class RunningCommand implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile(
      "DHCP on port (\\d+), boot server (\\d+), TFTP (\\d+), HTTP (\\d+);");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicInteger exit = new AtomicInteger(-1);
  private final Thread thread;

  RunningCommand(String... args) {
    CommandLine cmd = Netboot.newCommandLine(new ByteArrayInputStream(new byte[0]));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    thread = new Thread(() -> exit.set(cmd.execute(args)), "netboot-command");
    thread.start();
  }

  /** Waits for the "Serving" line and returns the DHCP, boot server, TFTP and HTTP ports. */
  int[] ports() throws InterruptedException {
    for (int i = 0; i < 500 && thread.isAlive(); i++) {
      Matcher m = SERVING.matcher(out.toString());
      if (m.find()) {
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))};
      }
      Thread.sleep(20);
    }
    throw new AssertionError("not serving after 10 s: " + out + err);
  }

  /** Interrupts the command and returns its exit code. */
  int stop() throws InterruptedException {
    thread.interrupt();
    thread.join(20_000);
    if (thread.isAlive()) {
      throw new AssertionError("the command did not stop within 20 s");
    }
    return exit.get();
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  @Override
  public void close() throws InterruptedException {
    if (thread.isAlive()) {
      stop();
    }
  }
}
