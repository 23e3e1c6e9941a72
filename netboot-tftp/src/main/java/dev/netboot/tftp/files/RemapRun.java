package dev.netboot.tftp.files;

import dev.netboot.tftp.TftpFileException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One rewrite of one name: tftp-hpa's {@code rewrite_string}, with every loop bounded. */
final class RemapRun {
  private static final Logger log = LoggerFactory.getLogger(RemapRun.class);
  private static final String FAILURE = "Remap table failure";

  /** Thrown by {@link BudgetedText} when the regex engine has read too much. */
  private static final class ReadBudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReadBudgetExceeded() {
      super(null, null, false, false);
    }
  }

  private final List<RemapRule> rules;
  private final RemapRules.Operation operation;
  private final @Nullable InetAddress peer;
  private int stepsLeft = RemapRules.MAX_STEPS;
  private long readsLeft = RemapRules.MAX_REGEX_READS;

  RemapRun(List<RemapRule> rules, RemapRules.Operation operation, @Nullable InetAddress peer) {
    this.rules = rules;
    this.operation = operation;
    this.peer = peer;
  }

  String rewrite(String input) throws TftpFileException {
    try {
      return run(input);
    } catch (ReadBudgetExceeded e) {
      throw failure(input, "regex read budget exhausted");
    }
  }

  private String run(String input) throws TftpFileException {
    boolean ipv4 = peer instanceof Inet4Address;
    boolean ipv6 = peer instanceof Inet6Address;
    String current = input;
    int index = 0;
    while (index < rules.size()) {
      RemapRule rule = rules.get(index);
      int next = index + 1;
      if (!rule.appliesTo(operation, ipv4, ipv6)) {
        index = next;
        continue;
      }
      step(input);
      Matcher matcher = matcher(rule, current, 0);
      boolean found = matcher.find();
      if (found == rule.has(RemapRule.INVERSE)) {
        index = next;
        continue;
      }
      MatchResult match = found ? matcher.toMatchResult() : null;
      if (rule.has(RemapRule.REWRITE)) {
        current = replace(rule, current, matcher, input);
        log.debug("remap: line {}: {} -> {}", rule.line(), input, current);
      }
      if (rule.has(RemapRule.ABORT)) {
        String message = expandAlone(rule, match, input);
        throw RequestedPath.refused(message.isEmpty() ? "access denied" : message);
      }
      if (rule.has(RemapRule.EXIT)) {
        return current;
      }
      if (rule.has(RemapRule.RESTART)) {
        next = 0;
      } else if (rule.has(RemapRule.JUMP)) {
        next = labelIndex(rules, expandAlone(rule, match, input));
        if (next < 0) {
          throw failure(input, "label not found at line " + rule.line());
        }
      }
      index = next;
    }
    return current;
  }

  /** Replaces the match, then again while {@code g} or {@code gg} asks and it still matches. */
  private String replace(RemapRule rule, String text, Matcher first, String input)
      throws TftpFileException {
    String current = text;
    Matcher matcher = first;
    while (true) {
      StringBuilder out = new StringBuilder(current.length() + 16);
      out.append(current, 0, matcher.start());
      boolean fits = RemapTemplate.expand(
          rule.template(), matcher, peer, out, RemapRules.MAX_RESULT_LENGTH);
      int resumeAt = out.length();
      out.append(current, matcher.end(), current.length());
      if (!fits || out.length() > RemapRules.MAX_RESULT_LENGTH) {
        throw failure(input, "result too long");
      }
      boolean emptyMatch = matcher.start() == matcher.end();
      current = out.toString();
      if (!rule.has(RemapRule.GLOBAL)) {
        return current;
      }
      int from = 0;
      if (rule.has(RemapRule.SED_GLOBAL)) {
        // After an empty match, skip a character, or the same empty match would repeat forever.
        from = resumeAt + (emptyMatch ? 1 : 0);
        if (from >= current.length()) {
          return current;
        }
      }
      matcher = matcher(rule, current, from);
      if (!matcher.find()) {
        return current;
      }
      step(input);
    }
  }

  private String expandAlone(RemapRule rule, @Nullable MatchResult match, String input)
      throws TftpFileException {
    StringBuilder out = new StringBuilder();
    if (!RemapTemplate.expand(rule.template(), match, peer, out, RemapRules.MAX_RESULT_LENGTH)) {
      throw failure(input, "result too long");
    }
    return out.toString();
  }

  /** A matcher that sees {@code text} from {@code from} on, as if the text began there. */
  private Matcher matcher(RemapRule rule, String text, int from) {
    Pattern regex = Objects.requireNonNull(rule.regex());
    Matcher matcher = regex.matcher(new BudgetedText(text));
    // Like tftp-hpa's REG_NOTBOL: "^" does not match where a gg rescan resumes.
    matcher.useAnchoringBounds(false);
    matcher.region(from, text.length());
    return matcher;
  }

  private void step(String input) throws TftpFileException {
    if (stepsLeft-- <= 0) {
      throw failure(input, "more than " + RemapRules.MAX_STEPS + " steps");
    }
  }

  private static TftpFileException failure(String input, String why) {
    log.warn("remap: {} for {}", why, input);
    return RequestedPath.refused(FAILURE);
  }

  static int labelIndex(List<RemapRule> rules, String label) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).isLabel() && rules.get(i).template().equals(label)) {
        return i;
      }
    }
    return -1;
  }

  /** The text the regex engine reads, counting every character it reads against the budget. */
  private final class BudgetedText implements CharSequence {
    private final String text;

    BudgetedText(String text) {
      this.text = text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if (--readsLeft < 0) {
        throw new ReadBudgetExceeded();
      }
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
