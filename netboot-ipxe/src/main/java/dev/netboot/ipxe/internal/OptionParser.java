package dev.netboot.ipxe.internal;

import dev.netboot.ipxe.IpxeCommandSpec;
import dev.netboot.ipxe.IpxeOption;
import dev.netboot.ipxe.IpxeOptionSpec;
import dev.netboot.ipxe.IpxeWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a command's options the way iPXE's {@code getopt_long} ({@code src/core/getopt.c})
 * does: options end at the first word not starting with {@code -} or after {@code --}; long
 * options match a whole name followed by {@code =} or the end; short options cluster; a separate
 * option value must not start with {@code -}.
 *
 * <p>iPXE runs getopt on expanded words. A word that starts with a reference could expand to
 * anything, so it is taken as an argument, which is what it is whenever its value does not start
 * with {@code -}. An option word whose meaning depends on a reference makes the whole command
 * unparsed (kept verbatim) rather than guessed.
 */
public final class OptionParser {
  private OptionParser() {}

  /** Makes the word for token {@code index} from character {@code from} on, with its position. */
  @FunctionalInterface
  public interface WordSource {
    /**
     * Returns a word.
     *
     * @param index token index among the arguments
     * @param from first character
     * @return the word
     */
    IpxeWord word(int index, int from);
  }

  /**
   * The outcome.
   *
   * @param options the options, in order
   * @param endOfOptions whether {@code --} ended them
   * @param firstArgument index of the first non-option word
   * @param error why iPXE would reject the options, or {@code null}
   */
  public record Result(List<IpxeOption> options, boolean endOfOptions, int firstArgument,
      @Nullable String error) {}

  /**
   * Parses options.
   *
   * @param spec the command
   * @param tokens the words after the name, as written
   * @param words the same words, parsed
   * @param source makes option values from parts of tokens
   * @return the result; when {@code error} is set the command must stay verbatim
   */
  public static Result parse(IpxeCommandSpec spec, List<String> tokens, List<IpxeWord> words,
      WordSource source) {
    List<IpxeOption> options = new ArrayList<>();
    int i = 0;
    int n = tokens.size();
    while (i < n) {
      String t = tokens.get(i);
      if (!words.get(i).startsWithLiteral("-")) {
        break;
      }
      if (t.equals("--")) {
        return new Result(options, true, i + 1, null);
      }
      if (t.startsWith("--")) {
        String text = t.substring(2);
        IpxeOptionSpec match = null;
        for (IpxeOptionSpec o : spec.optionsWithHelp()) {
          String name = o.longName();
          if (text.startsWith(name)
              && (text.length() == name.length() || text.charAt(name.length()) == '=')) {
            match = o;
            break;
          }
        }
        if (match == null) {
          return failure("unrecognised option \"" + t + "\"");
        }
        i++;
        boolean inline = text.length() > match.longName().length();
        if (inline && !match.takesValue()) {
          return failure("option \"--" + match.longName() + "\" takes no argument");
        }
        if (match.takesValue()) {
          IpxeWord value;
          if (inline) {
            value = source.word(i - 1, 2 + match.longName().length() + 1);
          } else if (i < n && !words.get(i).startsWithLiteral("-")) {
            value = words.get(i);
            i++;
          } else {
            return failure("option \"--" + match.longName() + "\" requires an argument");
          }
          options.add(IpxeOption.of(match.longName(), value));
        } else {
          options.add(IpxeOption.flag(match.longName()));
        }
        continue;
      }
      // A cluster of short options: "-ar", "-n name", "-nname".
      int j = 1;
      if (t.length() == 1) {
        return failure("unrecognised option \"-\"");
      }
      int next = i + 1;
      while (j < t.length()) {
        char c = t.charAt(j);
        if (c == '$' && j + 1 < t.length() && t.charAt(j + 1) == '{') {
          return failure("option letters come from a setting in \"" + t + "\"");
        }
        Optional<IpxeOptionSpec> match = spec.optionsWithHelp().stream()
            .filter(o -> o.shortName() == c && c != '\0').findFirst();
        if (match.isEmpty()) {
          return failure("unrecognised option \"-" + c + "\"");
        }
        j++;
        if (!match.get().takesValue()) {
          options.add(IpxeOption.flag(match.get().longName()));
          continue;
        }
        IpxeWord value;
        if (j < t.length()) {
          value = source.word(i, j);
        } else if (next < n && !words.get(next).startsWithLiteral("-")) {
          value = words.get(next);
          next++;
        } else {
          return failure("option \"-" + c + "\" requires an argument");
        }
        options.add(IpxeOption.of(match.get().longName(), value));
        break;
      }
      i = next;
    }
    return new Result(options, false, i, null);
  }

  private static Result failure(String why) {
    return new Result(List.of(), false, 0, why);
  }
}
