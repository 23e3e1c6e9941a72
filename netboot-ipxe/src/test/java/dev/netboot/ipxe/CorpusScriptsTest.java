package dev.netboot.ipxe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real-world script of the shared corpus, read in place: it parses, validates without
 * errors, renders back byte for byte in lossless mode, renders canonically to text that parses
 * to the same model, and shows a handful of facts read from the script by hand.
 */
class CorpusScriptsTest {
  /** Scripts that other scripts chain into and that "go back" with a goto to a caller label. */
  private static final Set<String> CHAINED = Set.of("boot.rackspace.com--src-utils.ipxe",
      "netboot.xyz--src-utils.ipxe", "netboot.xyz--src-windows.ipxe");

  private static final Map<String, Consumer<IpxeScript>> FACTS = Map.ofEntries(
      Map.entry("boot.rackspace.com--src-menu.ipxe", s -> {
        assertThat(at(s, 5).commands().get(0).hasOption("autofree")).isTrue();
        assertThat(at(s, 8).comment()).contains("# ANSI clear screen sequence - \"^[[J\"");
        assertThat(at(s, 8).commands().get(0).arguments()).extracting(IpxeWord::source)
            .containsExactly("cls:hex", "1b:5b:4a");
        assertThat(at(s, 13).operators()).containsExactly(ChainOperator.AND, ChainOperator.OR);
        assertThat(s.labels()).containsKey("netinfo");
        // The stray "initrd.gz  ldlinux.c32  linux" line is an unknown command, kept verbatim.
        assertThat(named(s, "initrd.gz")).singleElement()
            .satisfies(c -> assertThat(c.optionsParsed()).isFalse());
      }),
      Map.entry("boot.rackspace.com--src-ubuntu.ipxe", s -> {
        assertThat(at(s, 6).commands().get(0).argument(0).orElseThrow().parts())
            .containsExactly(SettingReference.to("menu"));
        assertThat(s.labels()).containsKeys("deb_install", "deb_boot");
        assertThat(s.labels().get("deb_boot")).isEqualTo(s.labels().get("deb_install") + 1);
        assertThat(named(s, "item")).hasSize(12);
        assertThat(at(s, 32).commands().get(0).option("default").orElseThrow().value())
            .contains(IpxeWord.reference("type"));
      }),
      Map.entry("boot.rackspace.com--src-utils.ipxe", s -> {
        assertThat(named(s, "kernel").get(0).arguments()).extracting(IpxeWord::source)
            .containsExactly("${memdisk}", "iso", "raw");
        assertThat(named(s, "read")).isNotEmpty();
      }),
      Map.entry("gentoo-ipxe--boot.ipxe", s -> {
        assertThat(named(s, "initrd").get(1).arguments()).extracting(IpxeWord::source)
            .containsExactly("image.squashfs", "/image.squashfs.img");
        assertThat(named(s, "kernel").get(0).arguments()).hasSize(9);
        assertThat(named(s, "imgstat")).hasSize(1);
        assertThat(named(s, "isset").get(0).argument(0)).contains(IpxeWord.reference("keymap"));
      }),
      Map.entry("ipxe--contrib-scripts-static.gpxe", s -> {
        assertThat(s.magic()).contains(IpxeScript.GPXE_MAGIC);
        assertThat(named(s, "set")).extracting(c -> c.argument(0).orElseThrow().source())
            .containsExactly("net0/ip", "net0/netmask", "net0/gateway", "net0/dns");
        assertThat(named(s, "boot").get(0).arguments()).extracting(IpxeWord::source)
            .containsExactly("gtest.gpxe");
      }),
      Map.entry("ipxe--src-config-cloud-aws.ipxe", s -> {
        assertThat(named(s, "params").get(0).option("method").orElseThrow().literalValue())
            .contains("PUT");
        assertThat(named(s, "param").get(0).hasOption("header")).isTrue();
        IpxeCommand boot = named(s, "boot").get(0);
        assertThat(boot.hasOption("autofree")).isTrue();
        assertThat(boot.hasOption("replace")).isTrue();
        assertThat(named(s, "imgset").get(0).argument(1).orElseThrow().source())
            .isEqualTo("http://169.254.169.254/latest/api/token##params");
        assertThat(s.labels()).containsKeys("dhcp_retry", "dhcp_fail", "dhcp_ok");
      }),
      Map.entry("ipxe--src-config-cloud-gce.ipxe", s -> {
        IpxeCommand chain = named(s, "chain").get(0);
        assertThat(chain.hasOption("autofree")).isTrue();
        assertThat(chain.hasOption("replace")).isTrue();
        for (IpxeLine line : s.lines().subList(4, s.lines().size())) {
          assertThat(line.operators()).containsExactly(ChainOperator.OR);
          assertThat(line.commands().get(1).isEmpty()).isTrue();
        }
      }),
      Map.entry("ipxe--src-config-vbox-embedded.ipxe", s -> {
        IpxeCommand prompt = named(s, "prompt").get(0);
        assertThat(prompt.option("key").orElseThrow().literalValue()).contains("0x02");
        assertThat(prompt.option("timeout").orElseThrow().literalValue()).contains("2000");
        assertThat(at(s, 2).operators()).containsExactly(ChainOperator.AND, ChainOperator.OR);
        assertThat(s.labels()).containsOnlyKeys("auto");
      }),
      Map.entry("ipxedust--binary-script-embed.ipxe", s -> {
        IpxeLine loop = s.lines().get(s.labels().get("loop"));
        assertThat(loop.commands().get(0).name()).contains("isset");
        assertThat(loop.source().orElseThrow()).startsWith(":loop isset");
        IpxeWord nested = loop.commands().get(0).argument(0).orElseThrow();
        assertThat(((SettingReference) nested.parts().get(0)).settingName()).isEmpty();
        assertThat(named(s, "set").stream().map(c -> c.argument(1))
            .flatMap(Optional::stream).map(IpxeWord::source)).contains("${43.116:string}");
      }),
      Map.entry("ironic--ironic-tests-unit-drivers-boot-fallback.ipxe", s -> {
        // "chain inspector.ipxe | goto boot_failed": a single pipe is an argument.
        assertThat(named(s, "chain").stream().filter(c -> c.arguments().size() == 4))
            .hasSize(2);
        assertThat(named(s, "set").get(0).arguments()).extracting(IpxeWord::source)
            .containsExactly("netid:int32", "-1");
        assertThat(named(s, "exit").get(0).arguments()).extracting(IpxeWord::source)
            .containsExactly("0");
      }),
      Map.entry("ltsp--ltsp-server-ipxe-ltsp.ipxe", s -> {
        assertThat(s.labels()).containsKey("61:6c:6b:69:73:67");
        IpxeCommand sanboot = named(s, "sanboot").get(0);
        assertThat(sanboot.hasOption("no-describe")).isTrue();
        assertThat(sanboot.option("drive").orElseThrow().literalValue()).contains("0x80");
        assertThat(named(s, "item").stream().filter(c -> c.arguments().isEmpty())).hasSize(2);
        assertThat(named(s, "item").stream().filter(c -> c.hasOption("key"))).isNotEmpty();
      }),
      Map.entry("netboot.cz--dl-netboot.cz.ipxe", s -> {
        assertThat(named(s, "read")).extracting(c -> c.argument(0).orElseThrow().source())
            .containsExactly("net0/ip", "net0/netmask", "net0/gateway");
        assertThat(at(s, 3).operators()).containsExactly(ChainOperator.AND, ChainOperator.OR);
        assertThat(named(s, "shell")).hasSize(1);
      }),
      Map.entry("netboot.cz--index.ipxe", s -> {
        IpxeWord filename = named(s, "set").get(2).argument(1).orElseThrow();
        assertThat(filename.parts()).containsExactly(SettingReference.to("210:string"),
            new LiteralText("lpxelinux.0"));
        assertThat(IpxeExpander.expand(filename, IpxeSettings.empty()
            .withString("210", "http://netboot.cz/"))).isEqualTo("http://netboot.cz/lpxelinux.0");
      }),
      Map.entry("netboot.xyz--roles-netbootxyz-templates-menu-lspci.ipxe.j2", s -> {
        IpxeLine scan = s.lines().get(s.labels().get("scan"));
        assertThat(scan.commands().get(0).name()).contains("pciscan");
        assertThat(named(s, "set").stream().map(c -> c.argument(1)).flatMap(Optional::stream)
            .map(IpxeWord::source)).contains("${pci/${addr}.0.2}", "20:20");
        assertThat(named(s, "item").get(0).hasOption("gap")).isTrue();
      }),
      Map.entry("netboot.xyz--roles-netbootxyz-templates-menu-netinfo.ipxe.j2", s -> {
        assertThat(named(s, "item").stream().filter(c -> c.hasOption("gap")).count())
            .isGreaterThanOrEqualTo(5);
        assertThat(named(s, "choose")).isNotEmpty();
      }),
      Map.entry("netboot.xyz--src-boot.cfg", s -> {
        assertThat(named(s, "set").get(0).arguments()).extracting(IpxeWord::source)
            .containsExactly("site_name", "netboot.xyz");
        assertThat(s.lines().stream().filter(l -> l.comment().isPresent()
            && l.comment().get().startsWith("###"))).isNotEmpty();
        assertThat(s.labels()).isNotEmpty();
      }),
      Map.entry("netboot.xyz--src-menu.ipxe", s -> {
        assertThat(named(s, "cpuid").get(0).hasOption("ext")).isTrue();
        IpxeCommand choose = named(s, "choose").get(0);
        assertThat(choose.option("timeout").orElseThrow().value())
            .contains(IpxeWord.reference("timeout"));
        assertThat(named(s, "imgverify").get(0).arguments()).hasSize(2);
      }),
      Map.entry("netboot.xyz--src-utils.ipxe", s -> {
        IpxeCommand kernel = named(s, "kernel").get(0);
        assertThat(kernel.option("name").orElseThrow().literalValue()).contains("altker64");
        assertThat(named(s, "md5sum").get(0).arguments()).hasSize(3);
        assertThat(named(s, "echo").stream().filter(c -> c.hasOption("n"))).isNotEmpty();
      }),
      Map.entry("netboot.xyz--src-windows.ipxe", s -> {
        assertThat(named(s, "initrd")).extracting(c -> c.argument(1).orElseThrow().source())
            .contains("bootmgr", "bcd", "boot.sdi", "boot.wim");
        assertThat(named(s, "isset")).isNotEmpty();
      }),
      Map.entry("pixiecore--pixiecore-boot.ipxe", s -> {
        assertThat(named(s, "set").stream().map(c -> c.argument(0).orElseThrow().source()))
            .contains("attempts:int32", "x:int32", "user-class");
        assertThat(named(s, "inc")).isNotEmpty();
        assertThat(s.lines().stream().filter(l -> l.comment().isPresent()).count())
            .isGreaterThan(5);
      }));

  @TestFactory
  Stream<DynamicTest> everyScriptParsesValidatesAndRoundTrips() throws IOException {
    assumeTrue(Files.isDirectory(CorpusSupport.ipxeDir()), "corpus not present");
    List<Path> scripts = CorpusSupport.scripts();
    assertThat(scripts).hasSizeGreaterThanOrEqualTo(20);
    return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      String name = p.getFileName().toString();
      byte[] bytes = Files.readAllBytes(p);
      IpxeScript script = IpxeScriptParser.parse(bytes, name);
      assertThat(IpxeScriptRenderer.toBytes(script)).isEqualTo(bytes);
      IpxeValidator.Role role = CHAINED.contains(name)
          ? IpxeValidator.Role.CHAINED : IpxeValidator.Role.STANDALONE;
      List<IpxeDiagnostic> diagnostics = IpxeValidator.validate(script, role);
      assertThat(diagnostics).noneMatch(d -> d.severity() == IpxeDiagnostic.Severity.ERROR);
      assertThat(script.magic()).isPresent();
      String canonical = script.render();
      IpxeScript again = IpxeScriptParser.parse(canonical);
      assertThat(again).isEqualTo(script);
      assertThat(again.render()).isEqualTo(canonical);
      assertThat(FACTS).containsKey(name);
      FACTS.get(name).accept(script);
    }));
  }

  @Test
  void theStrayJunkLineInTheRackspaceMenuIsReportedAsUnreachableAndUnknown() throws IOException {
    Path p = CorpusSupport.ipxeDir().resolve("boot.rackspace.com--src-menu.ipxe");
    assumeTrue(Files.exists(p), "corpus not present");
    List<IpxeDiagnostic> d = IpxeValidator.validate(IpxeScriptParser.parse(Files.readAllBytes(p),
        "menu.ipxe"));
    assertThat(d).extracting(x -> x.format("menu.ipxe")).contains(
        "menu.ipxe:57:1: warning: unreachable: the line before always leaves with goto or exit");
    assertThat(d).anyMatch(x -> x.message().contains("unknown command 'initrd.gz'"));
  }

  @Test
  void chainedScriptsRunStandaloneReportTheirMissingCallerLabels() throws IOException {
    Path p = CorpusSupport.ipxeDir().resolve("netboot.xyz--src-windows.ipxe");
    assumeTrue(Files.exists(p), "corpus not present");
    List<IpxeDiagnostic> d = IpxeValidator.validate(IpxeScriptParser.parse(Files.readAllBytes(p),
        "windows.ipxe"));
    assertThat(d).extracting(x -> x.format("windows.ipxe"))
        .contains("windows.ipxe:54:46: error: goto ':error': no such label");
  }

  private static IpxeLine at(IpxeScript s, int physicalLine) {
    return s.lines().stream().filter(l -> l.position().line() == physicalLine).findFirst()
        .orElseThrow();
  }

  private static List<IpxeCommand> named(IpxeScript s, String name) {
    return s.commands().stream().filter(c -> c.name().equals(Optional.of(name))).toList();
  }
}
