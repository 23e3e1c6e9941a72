package dev.netboot.syslinux;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PxelinuxConfigSearchTest {
  private static final byte[] MAC = HexFormat.of().parseHex("8899aabbccdd");

  private static Inet4Address ip(String s) throws UnknownHostException {
    return (Inet4Address) InetAddress.getByName(s);
  }

  @Test
  void reproducesTheExampleOfDocPxelinuxTxt() throws UnknownHostException {
    PxelinuxConfigSearch s = PxelinuxConfigSearch.builder()
        .bootFileName("/mybootdir/pxelinux.0")
        .clientUuid(UUID.fromString("b8945908-d6a6-41a9-611d-74a6ab80b83d"))
        .macAddress(MAC)
        .clientAddress(ip("192.0.2.91"))
        .build();
    assertThat(s.candidates()).containsExactly(
        "/mybootdir/pxelinux.cfg/b8945908-d6a6-41a9-611d-74a6ab80b83d",
        "/mybootdir/pxelinux.cfg/01-88-99-aa-bb-cc-dd",
        "/mybootdir/pxelinux.cfg/C000025B",
        "/mybootdir/pxelinux.cfg/C000025",
        "/mybootdir/pxelinux.cfg/C00002",
        "/mybootdir/pxelinux.cfg/C0000",
        "/mybootdir/pxelinux.cfg/C000",
        "/mybootdir/pxelinux.cfg/C00",
        "/mybootdir/pxelinux.cfg/C0",
        "/mybootdir/pxelinux.cfg/C",
        "/mybootdir/pxelinux.cfg/default");
  }

  @Test
  void option209ComesFirstAndOption210ReplacesTheDerivedPrefix() throws UnknownHostException {
    PxelinuxConfigSearch s = PxelinuxConfigSearch.builder()
        .bootFileName("boot/pxelinux.0")
        .pathPrefixOption("/tftpboot/pxelinux/files/")
        .configFileOption("configs/common")
        .macAddress(MAC)
        .clientAddress(ip("10.0.0.1"))
        .build();
    assertThat(s.pathPrefix()).isEqualTo("/tftpboot/pxelinux/files/");
    assertThat(s.candidates()).startsWith(
        "/tftpboot/pxelinux/files/configs/common",
        "/tftpboot/pxelinux/files/pxelinux.cfg/01-88-99-aa-bb-cc-dd",
        "/tftpboot/pxelinux/files/pxelinux.cfg/0A000001");
    assertThat(s.candidates()).hasSize(11);
  }

  @Test
  void absoluteNamesAreNotPrefixed() throws UnknownHostException {
    PxelinuxConfigSearch s = PxelinuxConfigSearch.builder()
        .pathPrefixOption("http://10.0.0.2/boot/")
        .configFileOption("::cfg/host1")
        .macAddress(MAC)
        .clientAddress(ip("10.0.0.1"))
        .build();
    assertThat(s.candidates()).startsWith("cfg/host1",
        "http://10.0.0.2/boot/pxelinux.cfg/01-88-99-aa-bb-cc-dd");
  }

  @Test
  void anInvalidUuidIsSkippedAsIsValidUuidDoes() throws UnknownHostException {
    PxelinuxConfigSearch s = PxelinuxConfigSearch.builder()
        .clientUuid(new byte[16])
        .hardwareAddress(6, MAC)
        .clientAddress(ip("10.0.0.1"))
        .build();
    assertThat(s.candidates().get(0)).isEqualTo("pxelinux.cfg/06-88-99-aa-bb-cc-dd");
  }

  @Test
  void thePrefixIsTheBootFileUpToItsLastUnusualCharacter() {
    assertThat(PxelinuxConfigSearch.prefixOf("pxelinux.0")).isEmpty();
    assertThat(PxelinuxConfigSearch.prefixOf("a/b/lpxelinux.0")).isEqualTo("a/b/");
    assertThat(PxelinuxConfigSearch.prefixOf("dir/my_pxe.0")).isEqualTo("dir/my_");
    assertThat(PxelinuxConfigSearch.prefixOf("C:\\tftp\\pxelinux.0")).isEqualTo("C:\\tftp\\");
  }
}
