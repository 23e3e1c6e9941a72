package dev.netboot.syslinux;

/**
 * A problem found in a configuration file, with where it is.
 *
 * @param severity how bad it is
 * @param position where it is
 * @param message what is wrong, in one line
 */
public record Diagnostic(Severity severity, SourcePosition position, String message) {
  /** How bad a diagnostic is. */
  public enum Severity {
    /** syslinux reads the file, but probably not as its author meant. */
    WARNING,
    /** syslinux will fail, or not do what the file says. */
    ERROR
  }

  static Diagnostic warning(SourcePosition at, String message) {
    return new Diagnostic(Severity.WARNING, at, message);
  }

  static Diagnostic error(SourcePosition at, String message) {
    return new Diagnostic(Severity.ERROR, at, message);
  }

  /** Returns {@code file:line:column: error: message}, the form compilers use. */
  @Override
  public String toString() {
    return position + ": " + (severity == Severity.ERROR ? "error" : "warning") + ": " + message;
  }
}
