package dev.netboot.pxe;

import dev.netboot.dhcp.VendorClass;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the boot part of an answer per client family; shared by the ProxyDHCP, boot server and
 * full DHCP replies. Remembers in {@link ChainloadMemory} every iPXE binary it hands out.
 */
final class BootAnswers {
  private final BootPolicy policy;
  private final PxeServerSettings settings;
  private final ChainloadMemory memory;

  BootAnswers(BootPolicy policy, PxeServerSettings settings, ChainloadMemory memory) {
    this.policy = policy;
    this.settings = settings;
    this.memory = memory;
  }

  /** The answer to a DISCOVER (or REQUEST / INFORM) on port 67. */
  Optional<BootReply> forDiscovery(PxeClient client, Inet4Address server, Instant now) {
    switch (client.family()) {
      case NOT_PXE:
        return Optional.empty();
      case BIOS_PXE:
      case UEFI_PXE:
        if (settings.menu().isPresent() || client.family() == ClientFamily.BIOS_PXE) {
          return menuOffer(client, settings.menu().orElse(PxeMenu.singleItem()), server, now);
        }
        // edk2 takes 60 PXEClient + a file and no 43 as a BINL offer and asks 4011 for the file.
        return direct(client, policy.decide(client), now, null);
      default:
        return direct(client, policy.decide(client), now, null);
    }
  }

  /** The answer to a request on UDP 4011: a boot server request (43.71) or a BINL one. */
  Optional<BootReply> forBootServer(PxeClient client, Inet4Address server, Instant now) {
    if (client.family() == ClientFamily.NOT_PXE) {
      return Optional.empty();
    }
    Optional<BootItem> item = client.bootItem();
    if (item.isEmpty()) {
      @Nullable PxeOptions bypass = client.family() == ClientFamily.BIOS_PXE
          ? PxeOptions.builder().discoveryControl(DiscoveryControl.of(DiscoveryControl.USE_BOOT_FILE))
              .build()
          : null;
      return direct(client, policy.decide(client), now, bypass);
    }
    BootItem requested = item.get();
    if (requested.layerNumber() != 0 || requested.wantsCredentials()) {
      return Optional.empty(); // we serve one layer and no credentials (PXE 2.1 section 2.2.5)
    }
    PxeMenu menu = settings.menu().orElse(PxeMenu.singleItem());
    Optional<PxeMenu.Entry> entry = menu.entry(requested.type());
    if (entry.isEmpty() || entry.get().isLocalBoot()) {
      return Optional.empty();
    }
    return direct(client, decisionOf(entry.get(), client), now,
        PxeOptions.builder().bootItem(requested).build());
  }

  private BootDecision decisionOf(PxeMenu.Entry entry, PxeClient client) {
    return entry.decision() != null ? entry.decision() : policy.decide(client);
  }

  private Optional<BootReply> direct(
      PxeClient client, BootDecision decision, Instant now, @Nullable PxeOptions pxeOptions) {
    int xid = client.request().transactionId();
    boolean served = memory.recalls(client.hardwareAddress(), xid, now);
    Optional<BootTarget> target = BootChain.plan(client, decision, settings, served);
    target.filter(t -> t.kind() == BootTarget.Kind.IPXE_BINARY)
        .ifPresent(t -> memory.remember(client.hardwareAddress(), xid, now));
    return target.map(t -> new BootReply(t, pxeOptions, vendorClassFor(client)));
  }

  private Optional<BootReply> menuOffer(
      PxeClient client, PxeMenu menu, Inet4Address server, Instant now) {
    boolean served = memory.recalls(
        client.hardwareAddress(), client.request().transactionId(), now);
    List<PxeMenu.Entry> usable = new ArrayList<>();
    boolean bootable = false;
    for (PxeMenu.Entry e : menu.entries()) {
      // An item the client cannot boot is left out: edk2 stops with PXE-E21 on a menu that has
      // nothing for its architecture, and silence lets another server try.
      if (e.isLocalBoot()) {
        usable.add(e);
      } else if (BootChain.plan(client, decisionOf(e, client), settings, served).isPresent()) {
        usable.add(e);
        bootable = true;
      }
    }
    if (!bootable) {
      return Optional.empty();
    }
    return Optional.of(new BootReply(
        null, PxeMenu.options(usable, menu.prompt(), server), vendorClassFor(client)));
  }

  private static String vendorClassFor(PxeClient client) {
    return client.family() == ClientFamily.HTTP_BOOT
        ? VendorClass.HTTP_CLIENT : VendorClass.PXE_CLIENT;
  }
}
