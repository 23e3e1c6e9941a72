package dev.netboot.dhcp;

import dev.netboot.dhcp.internal.CodeRegistry;
import java.util.List;

/**
 * A client's pre-boot environment, from IANA's "Processor Architecture Types" registry (RFC 4578
 * 2.1, RFC 5970): carried in option 93 and, as five decimal digits, in the {@code Arch:} field of a
 * PXE or HTTP vendor class (option 60).
 */
public final class ClientArchitecture extends NamedCode<ClientArchitecture> {
  /** x86 BIOS (0). */
  public static final ClientArchitecture X86_BIOS = new ClientArchitecture(0, "X86_BIOS");
  /** NEC/PC98 (deprecated) (1). */
  public static final ClientArchitecture NEC_PC98 = new ClientArchitecture(1, "NEC_PC98");
  /** Itanium (2). */
  public static final ClientArchitecture ITANIUM = new ClientArchitecture(2, "ITANIUM");
  /** DEC Alpha (deprecated) (3). */
  public static final ClientArchitecture DEC_ALPHA = new ClientArchitecture(3, "DEC_ALPHA");
  /** Arc x86 (deprecated) (4). */
  public static final ClientArchitecture ARC_X86 = new ClientArchitecture(4, "ARC_X86");
  /** Intel Lean Client (deprecated) (5). */
  public static final ClientArchitecture INTEL_LEAN_CLIENT = new ClientArchitecture(5, "INTEL_LEAN_CLIENT");
  /** x86 UEFI (IA32) (6). */
  public static final ClientArchitecture X86_UEFI = new ClientArchitecture(6, "X86_UEFI");
  /** x64 UEFI; RFC 4578 called it EFI BC, erratum 4624 and IANA say x64, as every x86-64 firmware sends it (7). */
  public static final ClientArchitecture X64_UEFI = new ClientArchitecture(7, "X64_UEFI");
  /** EFI Xscale (deprecated) (8). */
  public static final ClientArchitecture EFI_XSCALE = new ClientArchitecture(8, "EFI_XSCALE");
  /** EFI Byte Code; RFC 4578 called it EFI x86-64, and some old firmware still sends 9 for x64 (9). */
  public static final ClientArchitecture EBC = new ClientArchitecture(9, "EBC");
  /** ARM 32-bit UEFI (10). */
  public static final ClientArchitecture ARM32_UEFI = new ClientArchitecture(10, "ARM32_UEFI");
  /** ARM 64-bit UEFI (11). */
  public static final ClientArchitecture ARM64_UEFI = new ClientArchitecture(11, "ARM64_UEFI");
  /** PowerPC Open Firmware (12). */
  public static final ClientArchitecture POWERPC_OPEN_FIRMWARE = new ClientArchitecture(12, "POWERPC_OPEN_FIRMWARE");
  /** PowerPC ePAPR (13). */
  public static final ClientArchitecture POWERPC_EPAPR = new ClientArchitecture(13, "POWERPC_EPAPR");
  /** POWER OPAL v3 (14). */
  public static final ClientArchitecture POWER_OPAL_V3 = new ClientArchitecture(14, "POWER_OPAL_V3");
  /** x86 UEFI boot from HTTP (15). */
  public static final ClientArchitecture X86_UEFI_HTTP = new ClientArchitecture(15, "X86_UEFI_HTTP");
  /** x64 UEFI boot from HTTP (16). */
  public static final ClientArchitecture X64_UEFI_HTTP = new ClientArchitecture(16, "X64_UEFI_HTTP");
  /** EBC boot from HTTP (17). */
  public static final ClientArchitecture EBC_HTTP = new ClientArchitecture(17, "EBC_HTTP");
  /** ARM 32-bit UEFI boot from HTTP (18). */
  public static final ClientArchitecture ARM32_UEFI_HTTP = new ClientArchitecture(18, "ARM32_UEFI_HTTP");
  /** ARM 64-bit UEFI boot from HTTP (19). */
  public static final ClientArchitecture ARM64_UEFI_HTTP = new ClientArchitecture(19, "ARM64_UEFI_HTTP");
  /** PC/AT BIOS boot from HTTP (20). */
  public static final ClientArchitecture X86_BIOS_HTTP = new ClientArchitecture(20, "X86_BIOS_HTTP");
  /** ARM 32-bit U-Boot (21). */
  public static final ClientArchitecture ARM32_UBOOT = new ClientArchitecture(21, "ARM32_UBOOT");
  /** ARM 64-bit U-Boot (22). */
  public static final ClientArchitecture ARM64_UBOOT = new ClientArchitecture(22, "ARM64_UBOOT");
  /** ARM 32-bit U-Boot boot from HTTP (23). */
  public static final ClientArchitecture ARM32_UBOOT_HTTP = new ClientArchitecture(23, "ARM32_UBOOT_HTTP");
  /** ARM 64-bit U-Boot boot from HTTP (24). */
  public static final ClientArchitecture ARM64_UBOOT_HTTP = new ClientArchitecture(24, "ARM64_UBOOT_HTTP");
  /** RISC-V 32-bit UEFI (25). */
  public static final ClientArchitecture RISCV32_UEFI = new ClientArchitecture(25, "RISCV32_UEFI");
  /** RISC-V 32-bit UEFI boot from HTTP (26). */
  public static final ClientArchitecture RISCV32_UEFI_HTTP = new ClientArchitecture(26, "RISCV32_UEFI_HTTP");
  /** RISC-V 64-bit UEFI (27). */
  public static final ClientArchitecture RISCV64_UEFI = new ClientArchitecture(27, "RISCV64_UEFI");
  /** RISC-V 64-bit UEFI boot from HTTP (28). */
  public static final ClientArchitecture RISCV64_UEFI_HTTP = new ClientArchitecture(28, "RISCV64_UEFI_HTTP");
  /** RISC-V 128-bit UEFI (29). */
  public static final ClientArchitecture RISCV128_UEFI = new ClientArchitecture(29, "RISCV128_UEFI");
  /** RISC-V 128-bit UEFI boot from HTTP (30). */
  public static final ClientArchitecture RISCV128_UEFI_HTTP = new ClientArchitecture(30, "RISCV128_UEFI_HTTP");
  /** s390 Basic (31). */
  public static final ClientArchitecture S390_BASIC = new ClientArchitecture(31, "S390_BASIC");
  /** s390 Extended (32). */
  public static final ClientArchitecture S390_EXTENDED = new ClientArchitecture(32, "S390_EXTENDED");
  /** MIPS 32-bit UEFI (33). */
  public static final ClientArchitecture MIPS32_UEFI = new ClientArchitecture(33, "MIPS32_UEFI");
  /** MIPS 64-bit UEFI (34). */
  public static final ClientArchitecture MIPS64_UEFI = new ClientArchitecture(34, "MIPS64_UEFI");
  /** Sunway 32-bit UEFI (35). */
  public static final ClientArchitecture SUNWAY32_UEFI = new ClientArchitecture(35, "SUNWAY32_UEFI");
  /** Sunway 64-bit UEFI (36). */
  public static final ClientArchitecture SUNWAY64_UEFI = new ClientArchitecture(36, "SUNWAY64_UEFI");
  /** LoongArch 32-bit UEFI (37). */
  public static final ClientArchitecture LOONGARCH32_UEFI = new ClientArchitecture(37, "LOONGARCH32_UEFI");
  /** LoongArch 32-bit UEFI boot from HTTP (38). */
  public static final ClientArchitecture LOONGARCH32_UEFI_HTTP = new ClientArchitecture(38, "LOONGARCH32_UEFI_HTTP");
  /** LoongArch 64-bit UEFI (39). */
  public static final ClientArchitecture LOONGARCH64_UEFI = new ClientArchitecture(39, "LOONGARCH64_UEFI");
  /** LoongArch 64-bit UEFI boot from HTTP (40). */
  public static final ClientArchitecture LOONGARCH64_UEFI_HTTP = new ClientArchitecture(40, "LOONGARCH64_UEFI_HTTP");
  /** ARM rpiboot (41). */
  public static final ClientArchitecture ARM_RPIBOOT = new ClientArchitecture(41, "ARM_RPIBOOT");

  private static final CodeRegistry<ClientArchitecture> REGISTRY =
      new CodeRegistry<>(
          0xFFFF,
          ClientArchitecture::code,
          c -> new ClientArchitecture(c, UNKNOWN),
          X86_BIOS, NEC_PC98, ITANIUM, DEC_ALPHA, ARC_X86, INTEL_LEAN_CLIENT, X86_UEFI,
          X64_UEFI, EFI_XSCALE, EBC, ARM32_UEFI, ARM64_UEFI, POWERPC_OPEN_FIRMWARE,
          POWERPC_EPAPR, POWER_OPAL_V3, X86_UEFI_HTTP, X64_UEFI_HTTP, EBC_HTTP, ARM32_UEFI_HTTP,
          ARM64_UEFI_HTTP, X86_BIOS_HTTP, ARM32_UBOOT, ARM64_UBOOT, ARM32_UBOOT_HTTP,
          ARM64_UBOOT_HTTP, RISCV32_UEFI, RISCV32_UEFI_HTTP, RISCV64_UEFI, RISCV64_UEFI_HTTP,
          RISCV128_UEFI, RISCV128_UEFI_HTTP, S390_BASIC, S390_EXTENDED, MIPS32_UEFI,
          MIPS64_UEFI, SUNWAY32_UEFI, SUNWAY64_UEFI, LOONGARCH32_UEFI, LOONGARCH32_UEFI_HTTP,
          LOONGARCH64_UEFI, LOONGARCH64_UEFI_HTTP, ARM_RPIBOOT);

  private ClientArchitecture(int code, String name) {
    super(code, name);
  }

  /**
   * Returns the architecture for a wire value, known or not.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0..65535
   */
  public static ClientArchitecture valueOf(int code) {
    return REGISTRY.valueOf(code);
  }

  /** Returns the named constants. */
  public static List<ClientArchitecture> values() {
    return REGISTRY.values();
  }

  /** Returns whether the registry marks this type as "boot from HTTP" (UEFI or U-Boot HTTP boot). */
  public boolean isHttpBoot() {
    switch (code()) {
      case 15: case 16: case 17: case 18: case 19: case 20: case 23: case 24: case 26: case 28:
      case 30: case 38: case 40:
        return true;
      default:
        return false;
    }
  }
}
