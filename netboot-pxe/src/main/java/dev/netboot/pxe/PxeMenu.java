package dev.netboot.pxe;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A PXE boot menu that the ROM itself shows (PXE 2.1 section 2.2.5): items, a prompt and a
 * timeout. Choosing an item makes the ROM send a boot server request (43.71) for the item's type
 * to UDP 4011 of this server, where {@link BootServerResponder} answers with the item's file.
 *
 * <p>{@link #singleItem()} is the "menu trick" dnsmasq uses and the captured ROMs accept: one
 * item, prompt timeout 0, so the ROM asks for that item at once without showing anything.
 *
 * <p>A menu's option 43 must fit in one DHCP option ({@link PxeOptions#SINGLE_OPTION_LENGTH}),
 * so the builder refuses menus that do not.
 */
public final class PxeMenu {
  /** The boot server type of the single item of the menu trick, as dnsmasq numbers it. */
  public static final BootServerType NETBOOT_ITEM = BootServerType.VENDOR_FIRST;

  private final List<Entry> entries;
  private final MenuPrompt prompt;

  private PxeMenu(List<Entry> entries, MenuPrompt prompt) {
    this.entries = List.copyOf(entries);
    this.prompt = prompt;
  }

  /** Returns the menu trick: one item, {@link #NETBOOT_ITEM}, chosen at once. */
  public static PxeMenu singleItem() {
    return builder().item(NETBOOT_ITEM, "netboot", null)
        .prompt(new MenuPrompt(MenuPrompt.IMMEDIATE, "PXE")).build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the items in order. */
  public List<Entry> entries() {
    return entries;
  }

  /** Returns the prompt. */
  public MenuPrompt prompt() {
    return prompt;
  }

  /** Returns the item for a boot server type. */
  public Optional<Entry> entry(BootServerType type) {
    return entries.stream().filter(e -> e.type().equals(type)).findFirst();
  }

  /**
   * Returns option 43 offering these items: discovery by broadcast and multicast off, every
   * item's type served by {@code server} (43.8), the menu (43.9) and the prompt (43.10).
   */
  public static PxeOptions options(List<Entry> items, MenuPrompt prompt, Inet4Address server) {
    List<BootServer> servers = new ArrayList<>();
    List<BootMenuItem> menu = new ArrayList<>();
    for (Entry e : items) {
      menu.add(new BootMenuItem(e.type(), e.description()));
      if (!e.isLocalBoot()) {
        servers.add(new BootServer(e.type(), List.of(server)));
      }
    }
    PxeOptions.Builder b = PxeOptions.builder().discoveryControl(DiscoveryControl.of(
        DiscoveryControl.DISABLE_BROADCAST, DiscoveryControl.DISABLE_MULTICAST));
    if (!servers.isEmpty()) {
      b.bootServers(servers);
    }
    return b.bootMenu(menu).menuPrompt(prompt).build();
  }

  /**
   * One menu item.
   *
   * @param type the boot server type the ROM asks for; {@link BootServerType#PXE_BOOTSTRAP}
   *     (0) is "boot from local disk"
   * @param description the text shown
   * @param decision what the item boots, or {@code null} to ask the {@link BootPolicy}
   */
  public record Entry(BootServerType type, String description, @Nullable BootDecision decision) {
    /** Checks the description. */
    public Entry {
      PxeText.check("menu item description", description, 255);
    }

    /** Returns whether this item leaves the network and boots the local disk. */
    public boolean isLocalBoot() {
      return type.equals(BootServerType.PXE_BOOTSTRAP);
    }
  }

  /** Builds a {@link PxeMenu}. */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();
    private MenuPrompt prompt = new MenuPrompt(10, "Press F8 for the boot menu");

    private Builder() {}

    /**
     * Adds an item.
     *
     * @param type the boot server type; each item needs its own
     * @param description the text shown
     * @param decision what it boots, or {@code null} to ask the policy
     * @throws IllegalArgumentException if the type is already used
     */
    public Builder item(BootServerType type, String description, @Nullable BootDecision decision) {
      if (entries.stream().anyMatch(e -> e.type().equals(type))) {
        throw new IllegalArgumentException("menu item type " + type + " used twice (expected: one"
            + " item per type)");
      }
      entries.add(new Entry(type, description, decision));
      return this;
    }

    /** Adds a "boot from local disk" item (type 0). */
    public Builder localBoot(String description) {
      return item(BootServerType.PXE_BOOTSTRAP, description, BootDecision.ignore());
    }

    /** Sets the prompt and its timeout. */
    public Builder prompt(MenuPrompt prompt) {
      this.prompt = prompt;
      return this;
    }

    /**
     * Returns the menu.
     *
     * @throws IllegalArgumentException if there are no items, or option 43 would not fit in one
     *     DHCP option
     */
    public PxeMenu build() {
      if (entries.isEmpty()) {
        throw new IllegalArgumentException("menu items: none (expected: at least one)");
      }
      int length;
      try {
        length = options(entries, prompt,
            (Inet4Address) InetAddress.getByAddress(new byte[4])).encode().length;
      } catch (UnknownHostException e) {
        throw new AssertionError(e);
      } catch (IllegalArgumentException e) {
        length = Integer.MAX_VALUE;
      }
      if (length > PxeOptions.SINGLE_OPTION_LENGTH) {
        throw new IllegalArgumentException("menu needs " + (length == Integer.MAX_VALUE
            ? "more than 255" : String.valueOf(length)) + " bytes of option 43 (expected: at most "
            + PxeOptions.SINGLE_OPTION_LENGTH + "; use fewer or shorter items)");
      }
      return new PxeMenu(entries, prompt);
    }
  }
}
