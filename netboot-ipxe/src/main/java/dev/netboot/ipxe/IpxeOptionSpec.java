package dev.netboot.ipxe;

/**
 * One entry of a command's option table ({@code OPTION_DESC} in iPXE's
 * {@code src/hci/commands/*.c}). iPXE adds {@code --help}/{@code -h} to every table.
 *
 * @param longName the name after {@code --}
 * @param shortName the letter after {@code -}
 * @param takesValue whether the option requires an argument ({@code required_argument})
 */
public record IpxeOptionSpec(String longName, char shortName, boolean takesValue) {
  /** The {@code --help} option every parsed command accepts (it prints usage and fails). */
  public static final IpxeOptionSpec HELP = new IpxeOptionSpec("help", 'h', false);

  static IpxeOptionSpec flag(String longName, char shortName) {
    return new IpxeOptionSpec(longName, shortName, false);
  }

  static IpxeOptionSpec value(String longName, char shortName) {
    return new IpxeOptionSpec(longName, shortName, true);
  }
}
