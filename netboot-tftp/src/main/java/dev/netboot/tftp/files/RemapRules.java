package dev.netboot.tftp.files;

import dev.netboot.tftp.TftpFileException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Filename remap rules in the syntax of tftp-hpa's {@code --map-file} (tftpd(8), "Filename
 * remapping"), applied to the name in a request before a file source sees it.
 *
 * <p>Each line is {@code operation regex [replacement]} or a label {@code :name}; {@code #}
 * starts a comment, a backslash protects white space and {@code #}. The operation is a
 * combination of: {@code r} replace the match; {@code g} repeat until it no longer matches,
 * rescanning from the start, {@code gg} going on after each replacement as sed does;
 * {@code i} ignore case; {@code e} end processing if the rule matches; {@code s} restart from
 * the first rule; {@code a} refuse the request (error 2, the expanded replacement as message);
 * {@code j} jump to the label the replacement names; {@code ~} act when the regex does not
 * match; {@code G} / {@code P} only for reads / writes; {@code 4} / {@code 6} only for IPv4 /
 * IPv6 clients. The replacement knows {@code \0}..{@code \9}, {@code \U}, {@code \L},
 * {@code \E}, {@code \i} (client address), {@code \x} (address in hex) and {@code \\}. Regexes
 * are POSIX extended ones, translated to {@link java.util.regex.Pattern}; where POSIX picks the
 * longest alternative, Java picks the first. tftp-hpa's {@code E} flag is not supported.
 *
 * <p>The work a client can cause is bounded: {@link #MAX_STEPS} rule applications, a result of
 * at most {@link #MAX_RESULT_LENGTH} characters and {@link #MAX_REGEX_READS} character reads by
 * the regex engine per name, which stops runaway backtracking. Past any bound the request is
 * refused.
 */
public final class RemapRules {
  /** Most rule applications per name, as tftp-hpa's default {@code --map-steps}. */
  public static final int MAX_STEPS = 4096;
  /** Longest name a rewrite may produce, in characters. */
  public static final int MAX_RESULT_LENGTH = 4096;
  /** Most characters the regex engine may read while rewriting one name. */
  public static final long MAX_REGEX_READS = 10_000_000L;

  /** The kind of request a name comes from, for the {@code G} and {@code P} flags. */
  public enum Operation {
    /** A read request (RRQ). */
    GET,
    /** A write request (WRQ). */
    PUT
  }

  private final List<RemapRule> rules;

  private RemapRules(List<RemapRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Parses rules in tftp-hpa's syntax.
   *
   * @param text the rules, one per line
   * @return the rules
   * @throws RemapSyntaxException naming the line of the first bad rule
   */
  public static RemapRules parse(String text) {
    List<RemapRule> rules = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      // tftp-hpa drops CR and NUL bytes wherever they are in a line.
      RemapRule rule = RemapRuleParser.parse(lines[i].replaceAll("[\r\0]", ""), i + 1);
      if (rule != null) {
        rules.add(rule);
      }
    }
    checkJumpTargets(rules);
    return new RemapRules(rules);
  }

  /** Jumps to fixed labels are checked now; jumps computed from the name only when taken. */
  private static void checkJumpTargets(List<RemapRule> rules) {
    for (RemapRule rule : rules) {
      if (rule.has(RemapRule.JUMP) && rule.template().indexOf('\\') < 0
          && RemapRun.labelIndex(rules, rule.template()) < 0) {
        throw new RemapSyntaxException(rule.line(), "label not found: " + rule.template());
      }
    }
  }

  /** Returns the number of rules and labels. */
  public int size() {
    return rules.size();
  }

  /**
   * Rewrites a requested file name.
   *
   * @param filename the name as the client sent it
   * @param operation whether it is read or written
   * @param peer the client's address, or null if unknown
   * @return the name to look up
   * @throws TftpFileException 2 (access violation) if an {@code a} rule matched or a bound
   *     was reached
   */
  public String rewrite(String filename, Operation operation, @Nullable InetAddress peer)
      throws TftpFileException {
    return new RemapRun(rules, operation, peer).rewrite(filename);
  }

  @Override
  public String toString() {
    return "RemapRules(" + rules.size() + " rules)";
  }
}
