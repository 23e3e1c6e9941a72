package dev.netboot.tftp.files;

import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequestInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Serves files held in memory, by exact name or ignoring case. Immutable: the bytes are copied
 * when added. Writes are refused (error 2).
 */
public final class InMemoryFileSource implements TftpFileSource {
  private final Map<String, byte[]> files;
  // Lower-cased name -> the name that wins among those equal ignoring case (the smallest).
  private final Map<String, String> foldedNames;
  private final boolean caseInsensitive;
  private final boolean stripLeadingSlash;

  private InMemoryFileSource(Builder builder) {
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(builder.files));
    this.caseInsensitive = builder.caseInsensitive;
    this.stripLeadingSlash = builder.stripLeadingSlash;
    Map<String, String> folded = new TreeMap<>();
    for (String name : files.keySet()) {
      folded.merge(fold(name), name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    this.foldedNames = Collections.unmodifiableMap(folded);
  }

  /** Starts an empty source: exact names, leading slashes stripped. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the names of the files, in the order they were added. */
  public Set<String> names() {
    return files.keySet();
  }

  /**
   * Opens a file by name.
   *
   * @throws TftpFileException 1 if there is no file of that name
   */
  @Override
  public TftpReadableFile openForRead(TftpRequestInfo request) throws TftpFileException {
    String name = request.filename();
    if (stripLeadingSlash) {
      name = name.replaceFirst("^/+", "");
    }
    byte[] content = files.get(name);
    if (content == null && caseInsensitive) {
      String canonical = foldedNames.get(fold(name));
      content = canonical == null ? null : files.get(canonical);
    }
    if (content == null) {
      throw PathResolver.notFound();
    }
    return new ByteArrayReadableFile(content);
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Collects the files of an {@link InMemoryFileSource}. */
  public static final class Builder {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private boolean caseInsensitive;
    private boolean stripLeadingSlash = true;

    private Builder() {}

    /**
     * Adds a file, replacing one of the same name.
     *
     * @param name the name clients ask for, without a leading slash
     * @param content the bytes, copied
     */
    public Builder add(String name, byte[] content) {
      if (name.isEmpty()) {
        throw new IllegalArgumentException("name: empty (expected: a file name)");
      }
      files.put(name, content.clone());
      return this;
    }

    /**
     * Finds a file ignoring case when no name matches exactly; of names that differ only by
     * case, the one that sorts first wins.
     */
    public Builder caseInsensitive(boolean caseInsensitive) {
      this.caseInsensitive = caseInsensitive;
      return this;
    }

    /** Strips leading slashes from requested names (on by default), as many clients send them. */
    public Builder stripLeadingSlash(boolean stripLeadingSlash) {
      this.stripLeadingSlash = stripLeadingSlash;
      return this;
    }

    /** Builds the source. */
    public InMemoryFileSource build() {
      return new InMemoryFileSource(this);
    }
  }
}
