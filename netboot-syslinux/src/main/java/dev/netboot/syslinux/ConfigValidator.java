package dev.netboot.syslinux;

import dev.netboot.syslinux.internal.Lexer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds what will go wrong when syslinux reads a configuration.
 *
 * <p>Errors: {@code DEFAULT} or {@code ONTIMEOUT} naming a word that is neither a label nor
 * something that looks like a file (has a {@code .}, {@code /}, {@code :} or a {@code $}/{@code %}
 * placeholder); {@code MENU GOTO}/{@code MENU EXIT} naming no {@code MENU BEGIN} tag; and, with
 * a {@link FileResolver}, {@code KERNEL}/{@code LINUX}/..., {@code INITRD} and {@code CONFIG}
 * files, or a file-like {@code DEFAULT}, that it cannot find. When some include could not be
 * read, a missing label or tag is only a warning: it may be in that file.
 *
 * <p>Warnings: unknown directives (syslinux ignores them; they are kept), labels defined twice
 * (syslinux uses the first), and what the parser and loader reported. Names with {@code $} or
 * {@code %} placeholders, URLs and other servers' files ({@code host::file}) are not looked up.
 */
public final class ConfigValidator {
  private final @Nullable FileResolver resolver;

  private ConfigValidator(@Nullable FileResolver resolver) {
    this.resolver = resolver;
  }

  /** Returns a validator that checks structure only, not files. */
  public static ConfigValidator structural() {
    return new ConfigValidator(null);
  }

  /**
   * Returns a validator that also checks that named files exist.
   *
   * @param resolver where the boot loader would find files
   * @return the validator
   */
  public static ConfigValidator withFiles(FileResolver resolver) {
    return new ConfigValidator(resolver);
  }

  /**
   * Validates one file on its own (includes not followed).
   *
   * @param document the file
   * @return the document's own warnings, then the validation's findings
   */
  public List<Diagnostic> validate(ConfigDocument document) {
    boolean hasIncludes = document.directives().stream().anyMatch(
        d -> d.keyword().equals(Keyword.INCLUDE) || d.keyword().equals(Keyword.MENU_INCLUDE));
    List<Diagnostic> out = new ArrayList<>(document.diagnostics());
    out.addAll(validate(document.model(), !hasIncludes));
    return out;
  }

  /**
   * Validates a configuration with its includes followed.
   *
   * @param loaded the loaded configuration
   * @return the loader's warnings, then the validation's findings
   */
  public List<Diagnostic> validate(LoadedConfig loaded) {
    List<Diagnostic> out = new ArrayList<>(loaded.diagnostics());
    out.addAll(validate(loaded.config(), loaded.complete()));
    return out;
  }

  /**
   * Validates a model.
   *
   * @param config the model
   * @param complete whether every label is known (no unread include)
   * @return the findings
   */
  public List<Diagnostic> validate(SyslinuxConfig config, boolean complete) {
    List<Diagnostic> out = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (Label l : config.labels()) {
      if (!labels.add(l.name())) {
        out.add(Diagnostic.warning(at(l.position()),
            "label '" + l.name() + "' is defined again; syslinux uses the first one"));
      }
    }
    Set<String> tags = new HashSet<>();
    config.subMenus().forEach(m -> tags.add(m.tag()));
    List<String> path = config.directives().stream()
        .filter(d -> d.keyword().equals(Keyword.PATH))
        .flatMap(d -> List.of(d.argument().split(":")).stream()).toList();
    for (Directive d : config.directives()) {
      Keyword k = d.keyword();
      if (!k.isKnown()) {
        out.add(Diagnostic.warning(at(d.position()),
            "unknown directive '" + k.name() + "'; syslinux ignores it"));
      } else if (k.equals(Keyword.DEFAULT) || k.equals(Keyword.ONTIMEOUT)) {
        command(d, labels, path, complete, out);
      } else if (k.equals(Keyword.MENU_GOTO)
          || (k.equals(Keyword.MENU_EXIT) && !d.argument().isEmpty())) {
        if (!tags.contains(d.argument())) {
          out.add(missing(complete, d.position(),
              k.name() + " names no MENU BEGIN tag '" + d.argument() + "'"));
        }
      }
    }
    if (resolver != null) {
      for (Label l : config.labels()) {
        files(l, path, out);
      }
    }
    return out;
  }

  private void command(Directive d, Set<String> labels, List<String> path, boolean complete,
      List<Diagnostic> out) {
    String word = d.firstWord();
    if (word.isEmpty() || labels.contains(word)) {
      return;
    }
    if (looksLikeFile(word)) {
      if (resolver != null && checkable(word) && !found(word, path)) {
        out.add(Diagnostic.error(at(d.position()), d.keyword().name() + " " + word
            + " is neither a label nor a file the resolver can find"));
      }
    } else if (resolver == null || !found(word, path)) {
      out.add(missing(complete, d.position(),
          d.keyword().name() + " names no label '" + word + "'"));
    }
  }

  private void files(Label l, List<String> path, List<Diagnostic> out) {
    if (l.last(Keyword.MENU_GOTO).isPresent() || l.last(Keyword.MENU_EXIT).isPresent()
        || l.last(Keyword.MENU_QUIT).isPresent() || l.last(Keyword.MENU_HELP).isPresent()) {
      return;
    }
    KernelType type = l.kernelType();
    Directive image = l.kernelDirective().orElse(null);
    SourcePosition at = at(image != null ? image.position() : l.position());
    if (type != KernelType.LOCALBOOT && type != KernelType.NONE) {
      String kernel = l.kernel();
      String file = kernel.substring(0, Lexer.wordEnd(kernel, 0));
      if (checkable(file) && !found(file, path)) {
        out.add(Diagnostic.error(at,
            "label '" + l.name() + "': " + type + " file '" + file + "' not found"));
      }
    }
    SourcePosition initrdAt = at(l.last(Keyword.INITRD).map(Directive::position).orElse(null));
    for (String initrd : l.initrd()) {
      if (checkable(initrd) && !found(initrd, path)) {
        out.add(Diagnostic.error(initrdAt,
            "label '" + l.name() + "': INITRD file '" + initrd + "' not found"));
      }
    }
  }

  private boolean found(String file, List<String> path) {
    FileResolver r = resolver;
    if (r == null || r.exists(file)) {
      return true;
    }
    for (String dir : path) {
      if (!dir.isEmpty() && r.exists(dir.endsWith("/") ? dir + file : dir + "/" + file)) {
        return true;
      }
    }
    return false;
  }

  private static boolean looksLikeFile(String word) {
    return word.indexOf('.') >= 0 || word.indexOf('/') >= 0 || word.indexOf(':') >= 0
        || word.indexOf('$') >= 0 || word.indexOf('%') >= 0;
  }

  private static boolean checkable(String file) {
    int colons = file.indexOf("::");
    return !file.isEmpty() && !file.contains("://") && colons <= 0
        && file.indexOf('$') < 0 && file.indexOf('%') < 0;
  }

  private static Diagnostic missing(boolean complete, @Nullable SourcePosition p, String msg) {
    return complete
        ? Diagnostic.error(at(p), msg)
        : Diagnostic.warning(at(p), msg + " (it may be in an include that was not read)");
  }

  private static SourcePosition at(@Nullable SourcePosition p) {
    return p != null ? p : new SourcePosition("<built>", 0, 0);
  }
}
