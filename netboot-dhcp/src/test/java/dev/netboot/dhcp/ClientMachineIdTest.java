package dev.netboot.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientMachineIdTest {
  private static final UUID QEMU_UUID = UUID.fromString("4e657462-6f6f-7401-8000-52540077000a");
  /** Option 97 as QEMU's iPXE ROM sent it for {@code -uuid 4e657462-6f6f-7401-8000-52540077000a}. */
  private static final byte[] ON_THE_WIRE =
      HexFormat.of().parseHex("006274654e6f6f0174800052540077000a");

  @Test
  void readsTheGuidInSmbiosByteOrder() {
    ClientMachineId id = DhcpOptionType.CLIENT_MACHINE_IDENTIFIER.decode(ON_THE_WIRE);
    assertThat(id.isGuid()).isTrue();
    assertThat(id.uuid()).contains(QEMU_UUID);
    assertThat(id.uuidBigEndian())
        .contains(UUID.fromString("6274654e-6f6f-0174-8000-52540077000a"));
    assertThat(id.toString()).isEqualTo("GUID " + QEMU_UUID);
  }

  @Test
  void writesWhatFirmwareWithThatUuidSends() {
    assertThat(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER.encode(ClientMachineId.ofUuid(QEMU_UUID)))
        .isEqualTo(ON_THE_WIRE);
  }

  @Test
  void keepsOtherTypesAndLengths() {
    ClientMachineId odd = DhcpOptionType.CLIENT_MACHINE_IDENTIFIER.decode(new byte[] {0, 1, 2});
    assertThat(odd.isGuid()).isFalse();
    assertThat(odd.uuid()).isEmpty();
    assertThat(odd.identifier()).containsExactly(1, 2);
    assertThat(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER.encode(odd)).containsExactly(0, 1, 2);
  }
}
