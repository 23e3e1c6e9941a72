package dev.netboot.ipxe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpxeExpanderTest {
  private static final IpxeSettings MACHINE = IpxeSettings.empty()
      .with("net0/mac", SettingType.HEX, new byte[] {0x52, 0x54, 0x00, 0x12, 0x34, 0x56})
      .withString("idx", "0")
      .withString("hostname", "node-7");

  @Test
  void expandsTypesAndNestedNamesInnermostFirst() {
    assertThat(IpxeExpander.expand("${net${idx}/mac:hexhyp}", MACHINE))
        .isEqualTo("52-54-00-12-34-56");
    assertThat(IpxeExpander.expand("${net0/mac}", MACHINE)).isEqualTo("52:54:00:12:34:56");
    assertThat(IpxeExpander.expand("${mac:hexraw}", MACHINE)).isEqualTo("525400123456");
    assertThat(IpxeExpander.expand("${missing}x${hostname:bogus}y", MACHINE)).isEqualTo("xy");
  }

  @Test
  void aValueHoldingAReferenceIsExpandedAgainAsIpxeDoes() {
    IpxeSettings env = MACHINE.withString("a", "${hostname}").withString("open", "${");
    assertThat(IpxeExpander.expand("${a}", env)).isEqualTo("node-7");
    assertThat(IpxeExpander.expand("${open}hostname}", env)).isEqualTo("node-7");
    assertThat(IpxeExpander.expand("$${hostname}", env)).isEqualTo("$node-7");
  }

  @Test
  void aSelfReferenceStopsAtTheLimit() {
    IpxeSettings loop = IpxeSettings.empty().withString("x", "${x}");
    assertThatThrownBy(() -> IpxeExpander.expand("${x}", loop)).isInstanceOf(IpxeException.class)
        .hasMessageContaining("did not finish");
  }

  @Test
  void integerTypesFormatLikeIpxe() {
    IpxeSettings env = IpxeSettings.empty().set("n:int32", "-1").orElseThrow()
        .set("u:uint16", "0x1f").orElseThrow().set("z:uint8", "0").orElseThrow();
    assertThat(IpxeExpander.expand("${n} ${n:uint32} ${u} ${z} ${n:hex}", env))
        .isEqualTo("-1 0xffffffff 0x1f 0 ff:ff:ff:ff");
    assertThat(env.set("bad:int8", "12x")).isEmpty();
  }

  @Test
  void perMachineUrlsAndFetchesCanBeCheckedBeforeBooting() {
    IpxeScript script = IpxeFlows.dhcpThenChain(
        IpxeFlows.withMachineParameters("http://boot.example/menu.ipxe"));
    IpxeSettings env = MACHINE.with("uuid", SettingType.UUID, new byte[16]);
    assertThat(IpxeExpander.fetchedUris(script, env)).containsExactly(
        "http://boot.example/menu.ipxe?mac=52-54-00-12-34-56"
            + "&uuid=00000000-0000-0000-0000-000000000000");
  }

  @Test
  void substitutionPreRendersKnownSettingsAndLeavesTheRest() {
    IpxeScript script = IpxeScriptParser.parse(
        "#!ipxe\nchain http://x/${hostname}/${net0/ip}.ipxe\n");
    IpxeScript hostile = IpxeExpander.substitute(script,
        IpxeSettings.empty().withString("hostname", "a b || reboot"));
    IpxeExpander.Run run = IpxeExpander.run(IpxeScriptParser.parseVerbatim(hostile.render()),
        IpxeSettings.empty().withString("net0/ip", "10.0.0.5"));
    assertThat(run.invocations()).last().satisfies(i -> assertThat(i.argv())
        .containsExactly("chain", "http://x/a b || reboot/10.0.0.5.ipxe"));
    IpxeScript closing = IpxeExpander.substitute(script,
        IpxeSettings.empty().withString("hostname", "x${y}"));
    assertThatThrownBy(closing::render).isInstanceOf(IllegalArgumentException.class);
    IpxeScript fine = IpxeExpander.substitute(script, MACHINE);
    assertThat(fine.render()).isEqualTo("#!ipxe\nchain http://x/node-7/${net0/ip}.ipxe\n");
  }
}
