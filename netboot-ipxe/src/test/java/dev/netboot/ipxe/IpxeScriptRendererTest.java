package dev.netboot.ipxe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpxeScriptRendererTest {
  /** A hostname from an API that tries to run a second command and hide the rest. */
  private static final String HOSTNAME = "evil || shell ; reboot # ${password";

  @Test
  void plainValuesAreWrittenAsThemselves() {
    IpxeScript s = IpxeScript.builder()
        .command(IpxeCommand.builder("chain").option("autofree")
            .argument("http://boot/x.ipxe?a=1&b=2").build())
        .build();
    assertThat(s.render()).isEqualTo("#!ipxe\nchain --autofree http://boot/x.ipxe?a=1&b=2\n");
  }

  @Test
  void anInjectedHostnameReachesTheCommandAsOneArgumentAndNothingElseRuns() {
    IpxeScript s = IpxeScript.builder()
        .command(IpxeCommand.builder("echo").argument("host:").argument(HOSTNAME).build())
        .build();
    String text = s.render();
    assertThat(text).isEqualTo("#!ipxe\n"
        + "set netboot/arg0:hex " + java.util.HexFormat.ofDelimiter(":").formatHex(
            HOSTNAME.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\n"
        + "echo host: ${netboot/arg0:string}\n");
    IpxeScript verbatim = IpxeScriptParser.parseVerbatim(text);
    assertThat(verbatim.commands()).extracting(c -> c.name().orElseThrow())
        .containsExactly("set", "echo");
    assertThat(verbatim.lines()).allMatch(l -> l.operators().isEmpty() && l.comment().isEmpty()
        || l.comment().isPresent() && l.hasNoCommand());
    List<IpxeExpander.Invocation> run =
        IpxeExpander.run(verbatim, IpxeSettings.empty().withString("password", "secret"))
            .invocations();
    assertThat(run.get(2 - 1).argv()).containsExactly("echo", "host:", HOSTNAME);
    assertThat(IpxeScriptParser.parse(text)).isEqualTo(s);
  }

  @Test
  void aHostnameHidingACompleteReferenceIsRefusedNotRewritten() {
    IpxeScript s = IpxeScript.builder().command(IpxeCommand.of("echo", HOSTNAME + "}")).build();
    assertThatThrownBy(s::render).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aValueThatIpxeWouldExpandAgainIsRefused() {
    IpxeScript s = IpxeScript.builder().command(IpxeCommand.of("echo", "${x}")).build();
    assertThatThrownBy(s::render).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expand it again");
    // A '${' with no '}' after it is stable, and written as itself.
    assertThat(IpxeScript.builder().command(IpxeCommand.of("echo", "a${b")).build().render())
        .isEqualTo("#!ipxe\necho a${b\n");
  }

  @Test
  void valuesStartingWithDashCannotBecomeOptions() {
    IpxeCommand chain = IpxeCommand.builder("chain").option("name", "-r").argument("--replace")
        .build();
    assertThat(chain.endOfOptions()).isTrue();
    String text = IpxeScript.emptyBuilder().command(chain).build().render();
    assertThat(text).isEqualTo("chain --name=-r -- --replace\n");
    IpxeCommand back = IpxeScriptParser.parse(text).commands().get(0);
    assertThat(back.options()).containsExactly(IpxeOption.of("name", IpxeWord.literal("-r")));
    assertThat(back.arguments()).containsExactly(IpxeWord.literal("--replace"));
  }

  @Test
  void emptyAndOperatorLikeAndCommentLikeValuesAreEncoded() {
    IpxeScript s = IpxeScript.emptyBuilder()
        .command(IpxeCommand.of("iseq", "", "||"))
        .command(IpxeCommand.of("echo", "#not-a-comment", ";"))
        .build();
    String text = s.render();
    assertThat(text).isEqualTo("set netboot/arg0:hex\nset netboot/arg1:hex 7c:7c\n"
        + "iseq ${netboot/arg0:string} ${netboot/arg1:string}\n"
        + "set netboot/arg0:hex 23:6e:6f:74:2d:61:2d:63:6f:6d:6d:65:6e:74\n"
        + "set netboot/arg1:hex 3b\necho ${netboot/arg0:string} ${netboot/arg1:string}\n");
    assertThat(IpxeScriptParser.parse(text)).isEqualTo(s);
  }

  @Test
  void aLabelStaysInFrontOfTheEncodingSoGotoStillSetsTheValues() {
    IpxeLine line = IpxeLine.builder().label("retry").command(IpxeCommand.of("echo", "a b"))
        .comment("# say it").build();
    assertThat(IpxeScriptRenderer.renderLine(line))
        .isEqualTo(":retry set netboot/arg0:hex 61:20:62\necho ${netboot/arg0:string} # say it");
  }

  @Test
  void textNextToAReferenceIsEncodedPieceByPieceOrRefused() {
    IpxeWord word = IpxeWord.of(new LiteralText("root=/dev/sda quiet mac="),
        SettingReference.to("net0/mac"));
    String text = IpxeScript.emptyBuilder().command(IpxeCommand.builder("imgargs")
        .argument("vmlinuz").argument(word).build()).build().render();
    assertThat(text).isEqualTo("set netboot/arg0:hex 72:6f:6f:74:3d:2f:64:65:76:2f:73:64:61:20"
        + ":71:75:69:65:74:20:6d:61:63:3d\n"
        + "imgargs vmlinuz ${netboot/arg0:string}${net0/mac}\n");
    IpxeSettings env = IpxeSettings.empty().with("net0/mac", SettingType.HEX,
        new byte[] {0x52, 0x54, 0, 1, 2, 3});
    assertThat(IpxeExpander.run(IpxeScriptParser.parseVerbatim(text), env).invocations().get(1)
        .argv()).containsExactly("imgargs", "vmlinuz", "root=/dev/sda quiet mac=52:54:00:01:02:03");
    IpxeWord unsafe = IpxeWord.of(new LiteralText("a b$"), SettingReference.to("x"));
    assertThatThrownBy(() -> IpxeScriptRenderer.renderLine(
        IpxeLine.of(IpxeCommand.builder("echo").argument(unsafe).build())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'$', '{' or '}'");
  }

  @Test
  void aTrailingBackslashDoesNotSwallowTheNextLine() {
    IpxeScript s = IpxeScript.emptyBuilder().command(IpxeCommand.of("echo", "C:\\"))
        .command(IpxeCommand.of("boot")).build();
    String text = s.render();
    assertThat(text).isEqualTo("echo C:\\ \nboot\n");
    assertThat(IpxeScriptParser.parse(text)).isEqualTo(s);
  }

  @Test
  void aCommandNameThatLooksLikeALabelIsRefusedWithoutALabel() {
    IpxeLine line = IpxeLine.of(IpxeCommand.verbatim(List.of(IpxeWord.literal(":x"))));
    assertThatThrownBy(() -> IpxeScriptRenderer.renderLine(line))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void losslessRenderingKeepsParsedLinesAndRendersEditedOnes() {
    String text = "#!ipxe\r\n  echo   hi   # greeting\r\nboot";
    IpxeScript parsed = IpxeScriptParser.parse(text);
    assertThat(IpxeScriptRenderer.renderLossless(parsed)).isEqualTo(text);
    IpxeScript edited = parsed.toBuilder()
        .set(1, parsed.lines().get(1).toBuilder().comment("# hello").build())
        .line(IpxeLine.of(IpxeCommand.of("shell"))).build();
    assertThat(IpxeScriptRenderer.renderLossless(edited))
        .isEqualTo("#!ipxe\r\necho hi # hello\nboot\nshell\n");
  }

  @Test
  void aHandWrittenSetThatDoesNotNeedEncodingIsNotDecoded() {
    String text = "set netboot/arg0:hex 61\necho ${netboot/arg0:string}\n";
    assertThat(IpxeScriptParser.parse(text).lines()).hasSize(2);
  }
}
