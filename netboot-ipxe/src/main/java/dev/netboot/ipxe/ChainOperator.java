package dev.netboot.ipxe;

/**
 * What joins two commands on one line (iPXE {@code src/core/exec.c}, {@code
 * command_terminator}). The set is closed: iPXE knows exactly these three tokens, and only as
 * whole whitespace-separated tokens.
 */
public enum ChainOperator {
  /** {@code ||}: run the next command only if the previous one failed. */
  OR("||"),
  /** {@code &&}: run the next command only if the previous one succeeded. */
  AND("&&"),
  /** {@code ;}: run the next command whatever happened. */
  ALWAYS(";");

  private final String token;

  ChainOperator(String token) {
    this.token = token;
  }

  /** Returns the token as written in a script. */
  public String token() {
    return token;
  }

  /**
   * Returns the operator written as {@code token}, if it is one.
   *
   * @param token a whole token
   * @return the operator, or {@code null}
   */
  public static @org.jspecify.annotations.Nullable ChainOperator ofToken(String token) {
    for (ChainOperator op : values()) {
      if (op.token.equals(token)) {
        return op;
      }
    }
    return null;
  }
}
