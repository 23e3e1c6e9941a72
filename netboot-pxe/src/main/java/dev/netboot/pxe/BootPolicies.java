package dev.netboot.pxe;

import dev.netboot.dhcp.ClientArchitecture;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** The built-in static {@link BootPolicy}s. */
public final class BootPolicies {
  private BootPolicies() {}

  /** Returns a policy that gives every network-boot client the same decision. */
  public static BootPolicy always(BootDecision decision) {
    return client -> decision;
  }

  /**
   * Returns a policy keyed by MAC address, written as {@code 52:54:00:12:34:56} or with dashes,
   * any case; other clients get {@code otherwise}.
   *
   * @throws IllegalArgumentException if a key is not a MAC address
   */
  public static BootPolicy byMac(Map<String, BootDecision> table, BootDecision otherwise) {
    Map<String, BootDecision> normalized = new java.util.HashMap<>();
    for (Map.Entry<String, BootDecision> e : table.entrySet()) {
      normalized.put(normalizeMac(e.getKey()), e.getValue());
    }
    return client -> normalized.getOrDefault(client.macText(), otherwise);
  }

  /**
   * Returns a policy keyed by the SMBIOS UUID in option 97 (as {@code dmidecode} shows it);
   * clients without one, or not in the table, get {@code otherwise}.
   */
  public static BootPolicy byGuid(Map<UUID, BootDecision> table, BootDecision otherwise) {
    Map<UUID, BootDecision> copy = Map.copyOf(table);
    return client -> client.machineId()
        .flatMap(id -> id.uuid())
        .map(uuid -> copy.getOrDefault(uuid, otherwise))
        .orElse(otherwise);
  }

  /** Returns a policy keyed by architecture; clients of other or no architecture get {@code otherwise}. */
  public static BootPolicy byArchitecture(
      Map<ClientArchitecture, BootDecision> table, BootDecision otherwise) {
    Map<ClientArchitecture, BootDecision> copy = Map.copyOf(table);
    return client -> client.architecture().map(a -> copy.getOrDefault(a, otherwise))
        .orElse(otherwise);
  }

  /** Returns a builder of a first-match table of predicates. */
  public static RuleTable.Builder rules() {
    return new RuleTable.Builder();
  }

  static String normalizeMac(String mac) {
    String hex = mac.replace(":", "").replace("-", "").toLowerCase(Locale.ROOT);
    if (hex.length() != 12 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException(
          "MAC address: \"" + mac + "\" (expected: six hex bytes, as 52:54:00:12:34:56)");
    }
    return HexFormat.ofDelimiter(":").formatHex(HexFormat.of().parseHex(hex));
  }

  /** A policy made of (predicate, decision) rules; the first rule that matches decides. */
  public static final class RuleTable implements BootPolicy {
    private final List<Map.Entry<Predicate<PxeClient>, BootDecision>> rules;
    private final BootDecision otherwise;

    private RuleTable(List<Map.Entry<Predicate<PxeClient>, BootDecision>> rules,
        BootDecision otherwise) {
      this.rules = List.copyOf(rules);
      this.otherwise = otherwise;
    }

    @Override
    public BootDecision decide(PxeClient client) {
      return match(client).orElse(otherwise);
    }

    private Optional<BootDecision> match(PxeClient client) {
      for (Map.Entry<Predicate<PxeClient>, BootDecision> rule : rules) {
        if (rule.getKey().test(client)) {
          return Optional.of(rule.getValue());
        }
      }
      return Optional.empty();
    }

    /** Builds a {@link RuleTable}. */
    public static final class Builder {
      private final List<Map.Entry<Predicate<PxeClient>, BootDecision>> rules = new ArrayList<>();

      private Builder() {}

      /** Adds a rule after the ones already added. */
      public Builder when(Predicate<PxeClient> predicate, BootDecision decision) {
        rules.add(Map.entry(predicate, decision));
        return this;
      }

      /** Returns the table; clients no rule matches get {@code otherwise}. */
      public RuleTable otherwise(BootDecision otherwise) {
        return new RuleTable(rules, otherwise);
      }
    }
  }
}
