package dev.netboot.tftp.files;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One parsed remap rule, or a label. The flag bits follow tftp-hpa's letters.
 *
 * @param line the 1-based line it came from
 * @param flags the operation's flags
 * @param regex the compiled regex, null for a label
 * @param template the replacement pattern, the abort message, the jump target or the label name
 */
record RemapRule(int line, int flags, @Nullable Pattern regex, String template) {
  static final int REWRITE = 1; // r
  static final int GLOBAL = 1 << 1; // g: rescan the whole string after each replacement
  static final int SED_GLOBAL = 1 << 2; // gg: go on after the replacement, as sed's s///g
  static final int EXIT = 1 << 3; // e
  static final int RESTART = 1 << 4; // s
  static final int ABORT = 1 << 5; // a
  static final int JUMP = 1 << 6; // j
  static final int INVERSE = 1 << 7; // ~
  static final int IPV4 = 1 << 8; // 4
  static final int IPV6 = 1 << 9; // 6
  static final int GET = 1 << 10; // G
  static final int PUT = 1 << 11; // P
  static final int LABEL = 1 << 12; // :name

  boolean has(int flag) {
    return (flags & flag) != 0;
  }

  boolean isLabel() {
    return has(LABEL);
  }

  /** Whether the rule takes part for this kind of request and address family. */
  boolean appliesTo(RemapRules.Operation operation, boolean ipv4, boolean ipv6) {
    return !isLabel()
        && !(has(GET) && operation != RemapRules.Operation.GET)
        && !(has(PUT) && operation != RemapRules.Operation.PUT)
        && !(has(IPV4) && !ipv4)
        && !(has(IPV6) && !ipv6);
  }
}
