package dev.netboot.cli;

import static dev.netboot.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetbootTest {
  @Test
  void helpListsTheSubCommands() {
    CommandRun r = run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("Usage: netboot [-hV] [COMMAND]")
        .containsPattern("(?m)^Commands:$")
        .containsPattern("(?m)^  dhcp +DHCP and ProxyDHCP")
        .containsPattern("(?m)^  help +");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void dhcpHelpListsDecode() {
    CommandRun r = run("dhcp", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("Usage: netboot dhcp")
        .containsPattern("(?m)^  decode +Decodes one");
  }

  @Test
  void helpCommandShowsASubCommandsHelp() {
    CommandRun r = run("help", "dhcp");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: netboot dhcp");
  }

  @Test
  void versionNamesTheBuild() {
    CommandRun r = run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("netboot " + NetbootVersion.version() + "\n")
        .contains("Java " + System.getProperty("java.version"));
    assertThat(NetbootVersion.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void unknownCommandIsAUsageErrorOfOneLineAndAHint() {
    CommandRun r = run("frobnicate");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "netboot: Unmatched argument at index 0: 'frobnicate'\n"
                + "Try 'netboot --help' for more information.\n");
  }

  @Test
  void misspelledCommandGetsASuggestion() {
    CommandRun r = run("dhcpp");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Did you mean: netboot dhcp?");
  }

  @Test
  void aGroupWithoutItsSubCommandIsAUsageError() {
    CommandRun r = run("dhcp");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("netboot: Missing required subcommand")
        .endsWith("Try 'netboot dhcp --help' for more information.\n");
  }
}
