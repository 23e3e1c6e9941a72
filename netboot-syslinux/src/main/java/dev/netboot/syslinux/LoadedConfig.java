package dev.netboot.syslinux;

import java.util.List;
import java.util.Map;

/**
 * A configuration with its includes followed: every document read, and the model syslinux
 * builds from them (INCLUDE spliced in place, {@code MENU INCLUDE file title} as a sub-menu).
 *
 * @param name the root file's name
 * @param documents every file read, by name, root first
 * @param config the model with includes spliced in
 * @param diagnostics warnings from reading: missing includes, unbalanced menus, every file's
 *     own warnings
 * @param complete whether every include was found, so that a missing label is really missing
 */
public record LoadedConfig(
    String name,
    Map<String, ConfigDocument> documents,
    SyslinuxConfig config,
    List<Diagnostic> diagnostics,
    boolean complete) {
  /** Makes the collections unmodifiable. */
  public LoadedConfig {
    documents = Map.copyOf(documents);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Returns the root document. */
  public ConfigDocument root() {
    ConfigDocument d = documents.get(name);
    if (d == null) {
      throw new IllegalStateException("root document " + name + " missing");
    }
    return d;
  }
}
