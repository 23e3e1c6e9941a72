package dev.netboot.tftp.files;

import static dev.netboot.tftp.files.TestRequests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.files.RemapRules.Operation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What each rule operation does to a name, and the bounds on the work. */
class RemapRulesRewriteTest {
  private static final InetAddress V4 = address("192.0.2.169");
  private static final InetAddress V6 = address("2001:db8::1");

  private static String rewrite(String rules, String name) throws Exception {
    return RemapRules.parse(rules).rewrite(name, Operation.GET, V4);
  }

  @Test
  void backReferencesCopyTheMatchAndItsGroups() throws Exception {
    assertThat(rewrite("r ^pxelinux\\.cfg/01-(..)-(..) cfg/\\2\\1/[\\0]",
        "pxelinux.cfg/01-aa-bb-cc")).isEqualTo("cfg/bbaa/[pxelinux.cfg/01-aa-bb]-cc");
    assertThat(rewrite("r ^(a)|(b) [\\1\\2\\9]", "b")).isEqualTo("[b]");
  }

  @Test
  void replacesTheFirstMatchOnlyWithoutG() throws Exception {
    assertThat(rewrite("r a b", "aaa")).isEqualTo("baa");
    assertThat(rewrite("rg a b", "aaa")).isEqualTo("bbb");
  }

  @Test
  void gRescansFromTheStartWhileGgGoesOnAfterTheReplacement() throws Exception {
    assertThat(rewrite("rgg x xy", "xxx")).isEqualTo("xyxyxy");
    assertThat(rewrite("rg ab b", "aaab")).isEqualTo("b");
    assertThat(rewrite("rgg ab b", "aaab")).isEqualTo("aab");
    // "x" survives every "g" replacement: the step bound ends it.
    assertRefused(() -> rewrite("rg x xy", "x"), TftpErrorCode.ACCESS_VIOLATION)
        .withMessage("Remap table failure");
  }

  @Test
  void ggSkipsPastEmptyMatches() throws Exception {
    assertThat(rewrite("rgg x* -", "abc")).isEqualTo("-a-b-c");
    assertThat(rewrite("rgg ^a -", "aaa")).isEqualTo("-aa");
  }

  @Test
  void iMatchesIgnoringCase() throws Exception {
    assertThat(rewrite("r ^PXELINUX pxelinux", "PXELinux.0")).isEqualTo("PXELinux.0");
    assertThat(rewrite("ri ^PXELINUX pxelinux", "PXELinux.0")).isEqualTo("pxelinux.0");
  }

  @Test
  void caseEscapesChangeWhatFollows() throws Exception {
    assertThat(rewrite("r ^(.*)\\.(.*)$ \\U\\1\\E.\\L\\2x", "Boot.CFG")).isEqualTo("BOOT.cfgx");
    assertThat(rewrite("r ^ \\\\", "a")).isEqualTo("\\a");
  }

  @Test
  void addressEscapesNameTheClient() throws Exception {
    RemapRules rules = RemapRules.parse("r ^ \\i/\\x/");
    assertThat(rules.rewrite("f", Operation.GET, V4)).isEqualTo("192.0.2.169/C00002A9/f");
    assertThat(rules.rewrite("f", Operation.GET, V6))
        .isEqualTo("2001:db8::1/20010DB8000000000000000000000001/f");
    assertThat(rules.rewrite("f", Operation.GET, null)).isEqualTo("//f");
  }

  @Test
  void eEndsProcessingAndSRestartsIt() throws Exception {
    assertThat(rewrite("re ^a b\nr ^b c", "a")).isEqualTo("b");
    assertThat(rewrite("r ^a b\nr ^b c", "a")).isEqualTo("c");
    // s: after "c" -> "b" the first rule applies again.
    assertThat(rewrite("r ^b x\nrs ^c b", "c")).isEqualTo("x");
  }

  @Test
  void aRefusesWithTheExpandedMessage() throws Exception {
    assertRefused(() -> rewrite("a ^secret/(.*) no\\ access\\ to\\ \\1", "secret/key"),
        TftpErrorCode.ACCESS_VIOLATION).withMessage("no access to key");
    assertRefused(() -> rewrite("a \\.\\.", "a/../b"), TftpErrorCode.ACCESS_VIOLATION)
        .withMessage("access denied");
    assertThat(rewrite("a \\.\\.", "a/b")).isEqualTo("a/b");
  }

  @Test
  void tildeActsWhenTheRegexDoesNotMatch() throws Exception {
    String onlyBoot = "a~ ^boot/ outside\\ boot";
    assertThat(rewrite(onlyBoot, "boot/x")).isEqualTo("boot/x");
    assertRefused(() -> rewrite(onlyBoot, "etc/x"), TftpErrorCode.ACCESS_VIOLATION)
        .withMessage("outside boot");
  }

  @Test
  void getPutAndAddressFamilyFlagsSelectRules() throws Exception {
    RemapRules rules = RemapRules.parse("rG ^ get/\nrP ^ put/\nr4 ^ v4/\nr6 ^ v6/");
    assertThat(rules.rewrite("f", Operation.GET, V4)).isEqualTo("v4/get/f");
    assertThat(rules.rewrite("f", Operation.PUT, V6)).isEqualTo("v6/put/f");
    assertThat(rules.rewrite("f", Operation.PUT, null)).isEqualTo("put/f");
  }

  @Test
  void jJumpsToALabel() throws Exception {
    String rules = String.join("\n",
        "j ^efi/ uefi",
        "r ^ bios/",
        "e ^",
        ":uefi",
        "r ^efi/ uefi/",
        "j ^uefi/(x) \\1",
        "re $ /never",
        ":x",
        "r $ .efi");
    assertThat(rewrite(rules, "pxelinux.0")).isEqualTo("bios/pxelinux.0");
    assertThat(rewrite(rules, "efi/grub")).isEqualTo("uefi/grub/never");
    assertThat(rewrite(rules, "efi/xgrub")).isEqualTo("uefi/xgrub.efi");
    assertRefused(() -> rewrite("j ^(.*) \\1", "missing"), TftpErrorCode.ACCESS_VIOLATION)
        .withMessage("Remap table failure");
  }

  @Test
  void endlessRestartsHitTheStepBound() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertRefused(
        () -> rewrite("rs ^ x", "name"), TftpErrorCode.ACCESS_VIOLATION));
  }

  @Test
  void resultsAreBoundedInLength() throws Exception {
    String doubling = "rgg . \\0\\0";
    assertThat(rewrite(doubling, "ab")).isEqualTo("aabb");
    String half = "a".repeat(RemapRules.MAX_RESULT_LENGTH / 2);
    assertThat(rewrite("r ^.* \\0\\0", half)).hasSize(RemapRules.MAX_RESULT_LENGTH);
    assertRefused(() -> rewrite("r ^.* \\0\\0", half + "a"), TftpErrorCode.ACCESS_VIOLATION);
    assertRefused(() -> rewrite("a ^.* \\0\\0", half + "a"), TftpErrorCode.ACCESS_VIOLATION)
        .withMessage("Remap table failure");
  }

  @Test
  void catastrophicBacktrackingIsCutShort() {
    // The back-reference defeats the JDK's loop memoization: backtracking is exponential, 2.7 s
    // at 24 characters here, so 40 would take days without the read budget.
    String name = "a".repeat(40) + "!";
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertRefused(
        () -> rewrite("r ^(a+)+\\1$ x", name), TftpErrorCode.ACCESS_VIOLATION)
        .withMessage("Remap table failure"));
  }

  @Test
  void anEmptyRuleSetChangesNothing() throws Exception {
    assertThat(rewrite("", "/pxelinux.0")).isEqualTo("/pxelinux.0");
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
