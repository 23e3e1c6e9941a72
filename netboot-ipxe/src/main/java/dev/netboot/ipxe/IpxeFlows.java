package dev.netboot.ipxe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made scripts for the common netboot flows, built from the model so that every value,
 * whatever it holds, reaches iPXE exactly (see {@link IpxeScriptRenderer}).
 */
public final class IpxeFlows {
  /** The label every flow jumps to when a step fails. */
  public static final String FAILED_LABEL = "failed";

  private IpxeFlows() {}

  /**
   * {@code dhcp}, then {@code chain} to {@code url}; any failure goes to {@code :failed}, which
   * says so and drops to the shell.
   *
   * @param url where the next script or image is; may hold references
   * @return the script
   */
  public static IpxeScript dhcpThenChain(IpxeWord url) {
    return IpxeScript.builder()
        .line(orFail(IpxeCommand.of("dhcp")))
        .line(orFail(IpxeCommand.builder("chain").option("autofree").argument(url).build()))
        .lines(failureTail())
        .build();
  }

  /**
   * A kernel, its initrds and its command line, then {@code boot}; any failure goes to
   * {@code :failed}.
   *
   * @param kernel the kernel's URL
   * @param initrds the initrds' URLs, in order
   * @param commandLine the kernel command line as one value (iPXE joins arguments with single
   *     spaces, so one value is exact even with spaces in it); empty for none
   * @return the script
   */
  public static IpxeScript kernelBoot(IpxeWord kernel, List<IpxeWord> initrds,
      String commandLine) {
    IpxeCommand.Builder k = IpxeCommand.builder("kernel").argument(kernel);
    if (!commandLine.isEmpty()) {
      k.argument(commandLine);
    }
    IpxeScript.Builder b = IpxeScript.builder().line(orFail(k.build()));
    for (IpxeWord initrd : initrds) {
      b.line(orFail(IpxeCommand.builder("initrd").argument(initrd).build()));
    }
    return b.line(orFail(IpxeCommand.of("boot"))).lines(failureTail()).build();
  }

  /**
   * One entry of a menu.
   *
   * @param label the label the entry jumps to, also the value {@code choose} stores
   * @param text what the user sees
   * @param commands what the entry runs; when they return, the menu is shown again
   */
  public record MenuItem(String label, String text, List<IpxeCommand> commands) {
    /** Copies the commands. */
    public MenuItem {
      Objects.requireNonNull(label, "label");
      commands = List.copyOf(commands);
    }
  }

  /**
   * A menu: title, items, a default and a timeout, dispatching the choice with
   * {@code goto ${selected}}; cancelling shows the shell.
   *
   * @param title the menu's title
   * @param items the entries, at least one
   * @param defaultLabel the item chosen when the timeout expires
   * @param timeoutMillis how long to wait, 0 for ever
   * @return the script
   */
  public static IpxeScript menu(String title, List<MenuItem> items, String defaultLabel,
      long timeoutMillis) {
    if (items.isEmpty() || items.stream().noneMatch(i -> i.label().equals(defaultLabel))) {
      throw new IllegalArgumentException("the default '" + defaultLabel
          + "' must be one of the items (expected: a label of " + items + ")");
    }
    IpxeScript.Builder b = IpxeScript.builder().label("menu");
    b.command(withWords(IpxeCommand.builder("menu"), title).build());
    for (MenuItem item : items) {
      b.command(withWords(IpxeCommand.builder("item").argument(item.label()), item.text())
          .build());
    }
    IpxeCommand choose = IpxeCommand.builder("choose").option("default", defaultLabel)
        .option("timeout", Long.toString(timeoutMillis)).argument("selected").build();
    b.line(IpxeLine.builder().command(choose)
        .then(ChainOperator.OR, IpxeCommand.of("shell")).build());
    b.command(IpxeCommand.builder("goto").argument(IpxeWord.reference("selected")).build());
    for (MenuItem item : items) {
      b.label(item.label());
      item.commands().forEach(b::command);
      b.command(IpxeCommand.of("goto", "menu"));
    }
    return b.build();
  }

  /**
   * Appends per-machine parameters to a URL:
   * {@code url?mac=${net0/mac:hexhyp}&uuid=${uuid}} ({@code &} if the URL has a query already).
   *
   * @param url the base URL
   * @return the word
   */
  public static IpxeWord withMachineParameters(String url) {
    return IpxeWord.of(new LiteralText(url + (url.contains("?") ? "&" : "?") + "mac="),
        SettingReference.to("net0/mac:hexhyp"), new LiteralText("&uuid="),
        SettingReference.to("uuid"));
  }

  /** Splits display text into words iPXE joins back with single spaces, when that is exact. */
  private static IpxeCommand.Builder withWords(IpxeCommand.Builder b, String text) {
    String[] pieces = text.split(" ", -1);
    boolean plain = pieces.length > 0;
    for (String p : pieces) {
      plain &= !p.isEmpty() && !dev.netboot.ipxe.internal.IpxeChars.hasSpace(p);
    }
    if (plain) {
      for (String p : pieces) {
        b.argument(p);
      }
    } else if (!text.isEmpty()) {
      b.argument(text);
    }
    return b;
  }

  private static IpxeLine orFail(IpxeCommand command) {
    return IpxeLine.builder().command(command)
        .then(ChainOperator.OR, IpxeCommand.of("goto", FAILED_LABEL)).build();
  }

  private static List<IpxeLine> failureTail() {
    List<IpxeLine> tail = new ArrayList<>();
    tail.add(IpxeLine.of(IpxeCommand.of("exit")));
    tail.add(IpxeLine.label(FAILED_LABEL));
    tail.add(IpxeLine.of(IpxeCommand.builder("echo").argument("Boot").argument("failed:")
        .argument(IpxeWord.reference("errno")).build()));
    tail.add(IpxeLine.of(IpxeCommand.of("shell")));
    return tail;
  }
}
