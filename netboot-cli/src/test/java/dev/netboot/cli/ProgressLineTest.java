package dev.netboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void onATerminalTheStatusIsRewrittenInPlaceAndClearedBeforeTheNextLine() {
    StringWriter text = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(text), true);

    line.update("vmlinuz 10%");
    line.update("vmlinuz 20%");
    line.println("vmlinuz sent");

    assertThat(text.toString()).isEqualTo("\r\u001b[Kvmlinuz 10%\r\u001b[Kvmlinuz 20%\r\u001b[K"
        + "vmlinuz sent" + System.lineSeparator());
  }

  @Test
  void elsewhereOnlyWholeLinesArePrinted() {
    StringWriter text = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(text), false);

    line.update("vmlinuz 10%");
    line.println("vmlinuz sent");

    assertThat(text.toString()).isEqualTo("vmlinuz sent" + System.lineSeparator());
  }

  @Test
  void amountsArePercentagesOfTheSizeWhenItIsKnown() {
    assertThat(ProgressLine.amount(6_150_000, 12_300_000)).isEqualTo("50% of 12.3 MB");
    assertThat(ProgressLine.amount(5_100_000, -1)).isEqualTo("5.1 MB");
    assertThat(ProgressLine.amount(20, 10)).isEqualTo("100% of 0.0 MB");
  }

  @Test
  void testsDoNotRunOnATerminal() {
    // Surefire's forked JVM has no console: the commands print no status lines into logs.
    assertThat(ProgressLine.stdoutIsTerminal()).isFalse();
  }
}
