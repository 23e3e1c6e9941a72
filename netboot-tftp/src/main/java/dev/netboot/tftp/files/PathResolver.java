package dev.netboot.tftp.files;

import static dev.netboot.tftp.files.RequestedPath.refused;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks path segments from the root one component at a time, following symbolic links itself.
 *
 * <p>The JDK's {@code toRealPath} would follow a link out of the root before we could object,
 * and would fail differently for targets that exist and targets that do not: that difference
 * tells a client what exists outside the root. Here a link whose text leads out is refused from
 * the text alone, before anything outside is looked at.
 */
final class PathResolver {
  private static final Logger log = LoggerFactory.getLogger(PathResolver.class);

  /** A resolved path with its own attributes, read without following a link. */
  record Resolved(Path path, BasicFileAttributes attributes) {}

  private final Path root;
  private final boolean caseInsensitive;
  private final boolean allowOutside;

  PathResolver(Path realRoot, boolean caseInsensitive, boolean allowOutside) {
    this.root = realRoot;
    this.caseInsensitive = caseInsensitive;
    this.allowOutside = allowOutside;
  }

  /**
   * Resolves segments to a path none of whose components is a symbolic link.
   *
   * @throws TftpFileException 1 if a component is missing, 2 if a link leads out of the root
   */
  Resolved resolve(List<String> segments) throws TftpFileException {
    Deque<String> pending = new ArrayDeque<>(segments);
    Path current = root;
    BasicFileAttributes currentAttributes = attributes(root);
    int hops = 0;
    while (!pending.isEmpty()) {
      String segment = pending.pollFirst();
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        current = parentOf(current);
        currentAttributes = attributes(current);
        continue;
      }
      Path entry = lookup(current, segment);
      BasicFileAttributes entryAttributes = entry == null ? null : attributesOrNull(entry);
      if (entry == null || entryAttributes == null) {
        throw notFound();
      }
      if (entryAttributes.isSymbolicLink()) {
        if (++hops > DirectoryFileSource.MAX_SYMLINK_HOPS) {
          throw refused("too many levels of symbolic links");
        }
        current = followLink(current, entry, pending);
        currentAttributes = attributes(current);
        continue;
      }
      if (!pending.isEmpty() && !entryAttributes.isDirectory()) {
        throw notFound();
      }
      current = entry;
      currentAttributes = entryAttributes;
    }
    return new Resolved(current, currentAttributes);
  }

  /**
   * Finds a directory entry by name: the exact name first, then, if case-insensitive, the
   * entry that equals it ignoring case and sorts first, so the choice never depends on the
   * order the file system lists entries in.
   */
  @Nullable Path lookup(Path directory, String name) throws TftpFileException {
    Path exact;
    try {
      exact = directory.resolve(name);
    } catch (InvalidPathException e) {
      throw refused("invalid file name");
    }
    if (!caseInsensitive || attributesOrNull(exact) != null) {
      return exact;
    }
    String best = null;
    int scanned = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path candidate : entries) {
        if (++scanned > DirectoryFileSource.MAX_DIRECTORY_SCAN) {
          log.warn("case-insensitive lookup gave up after {} entries in {}", scanned, directory);
          return null;
        }
        String candidateName = candidate.getFileName().toString();
        if (candidateName.equalsIgnoreCase(name)
            && (best == null || candidateName.compareTo(best) < 0)) {
          best = candidateName;
        }
      }
    } catch (IOException e) {
      throw ioFailure(e);
    }
    return best == null ? null : directory.resolve(best);
  }

  /** Puts the link's target in front of the pending segments; returns where the walk goes on. */
  private Path followLink(Path directory, Path link, Deque<String> pending)
      throws TftpFileException {
    Path target;
    try {
      target = Files.readSymbolicLink(link);
    } catch (IOException e) {
      throw ioFailure(e);
    }
    Path start = directory;
    if (target.isAbsolute()) {
      // Lexical prefix test only: ".." inside the rest is walked like any other component.
      if (target.startsWith(root)) {
        start = root;
        target = root.relativize(target);
      } else if (allowOutside) {
        start = target.getRoot();
        target = start.relativize(target);
      } else {
        log.debug("refused {}: link leads out of the root", link);
        throw refused("symbolic link leads out of the root");
      }
    }
    for (int i = target.getNameCount() - 1; i >= 0; i--) {
      pending.addFirst(target.getName(i).toString());
    }
    return start;
  }

  private Path parentOf(Path directory) throws TftpFileException {
    if (!allowOutside && directory.equals(root)) {
      log.debug("refused: a symbolic link leads above the root {}", root);
      throw refused("symbolic link leads out of the root");
    }
    Path parent = directory.getParent();
    return parent == null ? directory : parent;
  }

  private static BasicFileAttributes attributes(Path path) throws TftpFileException {
    BasicFileAttributes attributes = attributesOrNull(path);
    if (attributes == null) {
      throw notFound();
    }
    return attributes;
  }

  /** Returns the path's own attributes, not following a link, or null if there is nothing. */
  static @Nullable BasicFileAttributes attributesOrNull(Path path) throws TftpFileException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  static TftpFileException notFound() {
    return new TftpFileException(TftpErrorCode.FILE_NOT_FOUND, "file not found");
  }

  /** Maps an I/O failure to a TFTP error whose message names no local path. */
  static TftpFileException ioFailure(IOException e) {
    if (e instanceof NoSuchFileException) {
      return notFound();
    }
    if (e instanceof AccessDeniedException) {
      return refused("permission denied");
    }
    log.warn("file source I/O error", e);
    return new TftpFileException(TftpErrorCode.NOT_DEFINED, "I/O error");
  }
}
