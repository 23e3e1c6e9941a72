package dev.netboot.syslinux;

import dev.netboot.syslinux.internal.Lexer;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a configuration and the files it includes through a {@link FileResolver}, as syslinux
 * does: {@code INCLUDE file} and {@code MENU INCLUDE file} read the file at that point,
 * {@code MENU INCLUDE file title} reads it as a sub-menu, a missing file is skipped (with a
 * warning). {@code CONFIG} starts over with another file; {@link #loadWithConfigTargets} follows
 * those too.
 */
public final class ConfigLoader {
  /** How deep includes may nest; {@code doc/syslinux.txt} promises 16 levels. */
  public static final int MAX_INCLUDE_DEPTH = 16;

  private final FileResolver resolver;
  private final Map<String, ConfigDocument> documents = new LinkedHashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Deque<String> chain = new ArrayDeque<>();
  private boolean complete = true;

  private ConfigLoader(FileResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Loads {@code name} and its includes.
   *
   * @param name the root file, as the resolver names it
   * @param resolver where files come from
   * @return the loaded configuration
   * @throws NoSuchFileException when the root file does not exist
   * @throws IOException when a file cannot be read
   * @throws SyslinuxParseException for an unreadable file, an include cycle or includes nested
   *     deeper than {@link #MAX_INCLUDE_DEPTH}
   */
  public static LoadedConfig load(String name, FileResolver resolver) throws IOException {
    return new ConfigLoader(resolver).loadRoot(name);
  }

  /**
   * Loads {@code name} and every configuration its labels reach with {@code CONFIG}, each once
   * (so menus that go back and forth terminate). Targets that do not exist are left out.
   *
   * @param name the root file
   * @param resolver where files come from
   * @return the root first, then the CONFIG targets in the order first reached
   * @throws IOException when a file cannot be read
   */
  public static List<LoadedConfig> loadWithConfigTargets(String name, FileResolver resolver)
      throws IOException {
    Map<String, LoadedConfig> loaded = new LinkedHashMap<>();
    Deque<String> pending = new ArrayDeque<>(List.of(name));
    while (!pending.isEmpty()) {
      String next = pending.poll();
      if (loaded.containsKey(next) || (!next.equals(name) && !resolver.exists(next))) {
        continue;
      }
      LoadedConfig c = load(next, resolver);
      loaded.put(next, c);
      for (Label l : c.config().labels()) {
        l.last(Keyword.CONFIG).map(Directive::firstWord).ifPresent(pending::add);
      }
    }
    return List.copyOf(loaded.values());
  }

  private LoadedConfig loadRoot(String name) throws IOException {
    ConfigDocument root = read(name)
        .orElseThrow(() -> new NoSuchFileException(name));
    TreeBuilder tree = new TreeBuilder();
    chain.push(name);
    expand(root, tree);
    SyslinuxConfig config = tree.finish();
    diagnostics.addAll(tree.diagnostics());
    return new LoadedConfig(name, documents, config, diagnostics, complete);
  }

  private Optional<ConfigDocument> read(String name) throws IOException {
    ConfigDocument cached = documents.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<byte[]> bytes = resolver.read(name);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    ConfigDocument doc = ConfigDocument.parse(name, bytes.get());
    documents.put(name, doc);
    // Only the line-level warnings: the spliced tree reports labels and menus itself.
    diagnostics.addAll(doc.lineDiagnostics());
    return Optional.of(doc);
  }

  private void expand(ConfigDocument doc, TreeBuilder tree) throws IOException {
    for (Directive d : doc.directives()) {
      Keyword k = d.keyword();
      if (!k.equals(Keyword.INCLUDE) && !k.equals(Keyword.MENU_INCLUDE)) {
        tree.accept(d);
        continue;
      }
      SourcePosition at = d.position() != null ? d.position() : new SourcePosition("?", 0, 0);
      String file = d.firstWord();
      String title = k.equals(Keyword.MENU_INCLUDE)
          ? d.argument().substring(Lexer.skipSpace(d.argument(), file.length())) : "";
      if (chain.contains(file)) {
        List<String> cycle = new ArrayList<>(chain);
        Collections.reverse(cycle);
        cycle.add(file);
        throw new SyslinuxParseException(
            "include cycle: " + String.join(" -> ", cycle), at.file(), at.line(), at.column());
      }
      if (chain.size() >= MAX_INCLUDE_DEPTH) {
        throw new SyslinuxParseException("includes nested deeper than " + MAX_INCLUDE_DEPTH,
            at.file(), at.line(), at.column());
      }
      Optional<ConfigDocument> included = read(file);
      if (included.isEmpty()) {
        complete = false;
        diagnostics.add(Diagnostic.warning(at,
            k.name() + " " + file + ": file not found; syslinux skips it"));
        continue;
      }
      if (!title.isEmpty()) {
        tree.accept(Directive.read(Keyword.MENU_BEGIN, title, List.of(), at));
      }
      chain.push(file);
      expand(included.get(), tree);
      chain.pop();
      if (!title.isEmpty()) {
        tree.accept(Directive.read(Keyword.MENU_END, "", List.of(), at));
      }
    }
  }
}
