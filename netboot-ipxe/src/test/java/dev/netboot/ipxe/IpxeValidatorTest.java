package dev.netboot.ipxe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpxeValidatorTest {
  private static List<String> check(String text) {
    return IpxeValidator.validate(IpxeScriptParser.parse(text)).stream()
        .map(d -> d.format("s")).toList();
  }

  @Test
  void aCleanScriptHasNoFindings() {
    assertThat(check("#!ipxe\n:retry\ndhcp || goto retry\nchain http://x/ || goto retry\n"))
        .isEmpty();
  }

  @Test
  void missingMagicAndUndefinedGotoAreErrors() {
    assertThat(check("dhcp\ngoto nowhere\n")).containsExactly(
        "s:1:1: error: missing '#!ipxe' on the first line: iPXE will not run this as a script",
        "s:2:6: error: goto ':nowhere': no such label");
  }

  @Test
  void unknownCommandsAndUnreachableLinesAreWarnings() {
    assertThat(check("#!ipxe\nfrobnicate\ngoto end\necho never\n:end\nexit\necho no\n"))
        .containsExactly(
            "s:2:1: warning: unknown command 'frobnicate' (iPXE prints 'command not found' and"
                + " the script fails unless the line handles it)",
            "s:4:1: warning: unreachable: the line before always leaves with goto or exit",
            "s:7:1: warning: unreachable: the line before always leaves with goto or exit");
    assertThat(check("#!ipxe\ngoto x ||\necho reachable\n:x\n")).isEmpty();
  }

  @Test
  void menusMustPointSomewhere() {
    String menu = "#!ipxe\nmenu Pick\nitem linux Linux\nitem bsd BSD\n"
        + "choose --default windows target\ngoto ${target}\n:linux\nexit\n";
    assertThat(check(menu)).containsExactly(
        "s:4:6: error: item 'bsd' points nowhere: 'goto ${target}' needs a label ':bsd'",
        "s:5:1: error: choose --default 'windows': no item of this menu has that name");
  }

  @Test
  void argumentCountsAndHelpAndUnknownTypesAreChecked() {
    assertThat(check("#!ipxe\niseq a\nreboot --help\necho ${x:nosuchtype}\n")).containsExactly(
        "s:2:1: error: 'iseq' takes exactly 2 argument(s), not 1",
        "s:3:1: warning: 'reboot --help' prints usage and fails",
        "s:4:6: warning: setting type 'nosuchtype' is unknown to iPXE: '${x:nosuchtype}'"
            + " expands to nothing");
  }

  @Test
  void chainedScriptsMayGoBackToTheirCaller() {
    IpxeScript s = IpxeScriptParser.parse("#!ipxe\nchain x || goto main_menu\n");
    assertThat(IpxeValidator.hasErrors(IpxeValidator.validate(s))).isTrue();
    assertThat(IpxeValidator.hasErrors(
        IpxeValidator.validate(s, IpxeValidator.Role.CHAINED))).isFalse();
  }

  @Test
  void everyCommandSpecIsUniqueAndConsistent() {
    List<IpxeCommandSpec> all = IpxeCommands.all();
    assertThat(all).extracting(IpxeCommandSpec::name).doesNotHaveDuplicates();
    for (IpxeCommandSpec spec : all) {
      assertThat(spec.minArguments()).isLessThanOrEqualTo(spec.maxArguments());
      assertThat(spec.options()).extracting(IpxeOptionSpec::longName).doesNotHaveDuplicates()
          .doesNotContain("help");
      assertThat(spec.options().stream().map(IpxeOptionSpec::shortName)
          .filter(c -> c != '\0')).doesNotHaveDuplicates().doesNotContain('h');
      assertThat(IpxeCommands.find(spec.implementation())).isPresent();
    }
    assertThat(IpxeCommands.find("kernel").orElseThrow().implementation()).isEqualTo("imgselect");
    assertThat(IpxeCommands.find("boot").orElseThrow().option("replace")).isPresent();
  }
}
