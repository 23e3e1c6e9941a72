package dev.netboot.ipxe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpxeFlowsTest {
  @Test
  void dhcpThenChainHandlesFailure() {
    IpxeScript s = IpxeFlows.dhcpThenChain(IpxeWord.literal("http://boot/next.ipxe"));
    assertThat(s.render()).isEqualTo("#!ipxe\n"
        + "dhcp || goto failed\n"
        + "chain --autofree http://boot/next.ipxe || goto failed\n"
        + "exit\n"
        + ":failed\n"
        + "echo Boot failed: ${errno}\n"
        + "shell\n");
    assertThat(IpxeValidator.validate(s)).isEmpty();
    assertThat(IpxeScriptParser.parse(s.render())).isEqualTo(s);
  }

  @Test
  void kernelBootPassesAForeignCommandLineExactly() {
    String cmdline = "console=ttyS0 ks=http://x/ks.cfg?host=a&b # not a comment";
    IpxeScript s = IpxeFlows.kernelBoot(IpxeWord.literal("http://x/vmlinuz"),
        List.of(IpxeWord.literal("http://x/initrd.img")), cmdline);
    assertThat(IpxeValidator.validate(s)).isEmpty();
    IpxeExpander.Run run = IpxeExpander.run(IpxeScriptParser.parseVerbatim(s.render()),
        IpxeSettings.empty());
    assertThat(run.invocations()).filteredOn(i -> i.command().name().orElse("").equals("kernel"))
        .singleElement().satisfies(i -> assertThat(i.argv())
            .containsExactly("kernel", "http://x/vmlinuz", cmdline));
    assertThat(IpxeScriptParser.parse(s.render())).isEqualTo(s);
  }

  @Test
  void menuDispatchesToItemLabels() {
    IpxeScript s = IpxeFlows.menu("Boot menu", List.of(
        new IpxeFlows.MenuItem("local", "Boot from disk", List.of(IpxeCommand.of("exit"))),
        new IpxeFlows.MenuItem("rescue", "Rescue #1", List.of(
            IpxeCommand.of("chain", "http://x/rescue.ipxe")))), "local", 5000);
    assertThat(s.render()).contains(
        "menu Boot menu\n",
        "item local Boot from disk\n",
        "choose --default local --timeout 5000 selected || shell\ngoto ${selected}\n",
        ":rescue\nchain http://x/rescue.ipxe\ngoto menu\n");
    assertThat(s.render()).contains("item rescue Rescue ${netboot/arg0:string}\n");
    assertThat(IpxeValidator.hasErrors(IpxeValidator.validate(s))).isFalse();
    assertThat(IpxeScriptParser.parse(s.render())).isEqualTo(s);
    assertThatThrownBy(() -> IpxeFlows.menu("m", List.of(), "x", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
