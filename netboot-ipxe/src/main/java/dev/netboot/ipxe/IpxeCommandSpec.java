package dev.netboot.ipxe;

import java.util.List;
import java.util.Optional;

/**
 * What iPXE knows about one command name: its options and how many non-option arguments it
 * takes ({@code COMMAND_DESC} in {@code src/hci/commands/*.c}), and which implementation it is an
 * alias of ({@code kernel} runs {@code imgselect}, {@code chain} runs {@code imgexec}).
 *
 * @param name the command name
 * @param implementation the name of the command it is a synonym of, or its own name
 * @param options the option table, without the implicit {@code --help}
 * @param minArguments fewest non-option arguments
 * @param maxArguments most non-option arguments ({@link #UNLIMITED} for {@code MAX_ARGUMENTS})
 * @param parsesOptions false for the few commands that never call {@code parse_options}
 * @param uriArguments how many leading arguments name an image or URI that iPXE fetches
 * @param source the iPXE file that defines it
 */
public record IpxeCommandSpec(
    String name,
    String implementation,
    List<IpxeOptionSpec> options,
    int minArguments,
    int maxArguments,
    boolean parsesOptions,
    int uriArguments,
    String source) {
  /** {@code MAX_ARGUMENTS}: no upper bound. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  /** Copies the option table. */
  public IpxeCommandSpec {
    options = List.copyOf(options);
  }

  /**
   * Finds an option by long name, including {@code help}.
   *
   * @param longName without dashes
   * @return the option's entry
   */
  public Optional<IpxeOptionSpec> option(String longName) {
    if (longName.equals(IpxeOptionSpec.HELP.longName())) {
      return Optional.of(IpxeOptionSpec.HELP);
    }
    return options.stream().filter(o -> o.longName().equals(longName)).findFirst();
  }

  /** Returns the table as getopt searches it: the command's options, then {@code help}. */
  public List<IpxeOptionSpec> optionsWithHelp() {
    List<IpxeOptionSpec> all = new java.util.ArrayList<>(options);
    all.add(IpxeOptionSpec.HELP);
    return all;
  }

  /** Returns whether the argument count is within bounds. */
  public boolean acceptsArgumentCount(int count) {
    return count >= minArguments && count <= maxArguments;
  }
}
