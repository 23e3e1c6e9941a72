package dev.netboot.dhcp;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Option 60, the vendor class identifier, read the way PXE (PXE 2.1 section 2.2.4) and UEFI HTTP
 * Boot (UEFI 2.x section 24.7) write it: {@code PXEClient:Arch:00007:UNDI:003016} or
 * {@code HTTPClient:Arch:00016:UNDI:003001}. Any other text is kept as it is.
 *
 * <p>The text is the value; the parsed fields are views of it. A chainloaded iPXE copies a bare
 * {@code PXEClient} from the cached reply, so the architecture may be absent here even for a PXE
 * client: then option 93 is the place to look.
 */
public final class VendorClass {
  /** The class prefix of a PXE client. */
  public static final String PXE_CLIENT = "PXEClient";
  /** The class prefix of a UEFI HTTP Boot client. */
  public static final String HTTP_CLIENT = "HTTPClient";

  private final String text;
  private final @Nullable ClientArchitecture architecture;
  private final int undiMajor;
  private final int undiMinor;

  private VendorClass(String text) {
    this.text = text;
    ClientArchitecture arch = null;
    int major = -1;
    int minor = -1;
    if (isPxeClient() || isHttpClient()) {
      String[] fields = text.split(":", -1);
      for (int i = 1; i + 1 < fields.length; i += 2) {
        if (fields[i].equals("Arch") && arch == null) {
          int value = decimal(fields[i + 1], 5);
          if (value >= 0 && value <= 0xFFFF) {
            arch = ClientArchitecture.valueOf(value);
          }
        } else if (fields[i].equals("UNDI") && major < 0 && fields[i + 1].length() == 6) {
          int ma = decimal(fields[i + 1].substring(0, 3), 3);
          int mi = decimal(fields[i + 1].substring(3), 3);
          if (ma >= 0 && mi >= 0) {
            major = ma;
            minor = mi;
          }
        }
      }
    }
    this.architecture = arch;
    this.undiMajor = major;
    this.undiMinor = minor;
  }

  /** Returns the vendor class for this exact text. */
  public static VendorClass of(String text) {
    return new VendorClass(text);
  }

  /**
   * Returns the text a PXE client sends: {@code PXEClient:Arch:AAAAA:UNDI:MMMmmm}.
   *
   * @throws IllegalArgumentException if the UNDI version numbers are outside 0..999
   */
  public static VendorClass pxeClient(ClientArchitecture arch, int undiMajor, int undiMinor) {
    return of(format(PXE_CLIENT, arch, undiMajor, undiMinor));
  }

  /**
   * Returns the text a UEFI HTTP Boot client sends: {@code HTTPClient:Arch:AAAAA:UNDI:MMMmmm}.
   *
   * @throws IllegalArgumentException if the UNDI version numbers are outside 0..999
   */
  public static VendorClass httpClient(ClientArchitecture arch, int undiMajor, int undiMinor) {
    return of(format(HTTP_CLIENT, arch, undiMajor, undiMinor));
  }

  private static String format(String prefix, ClientArchitecture arch, int major, int minor) {
    if (major < 0 || major > 999 || minor < 0 || minor > 999) {
      throw new IllegalArgumentException(
          "UNDI version: " + major + "." + minor + " (expected: 0-999 each)");
    }
    return String.format("%s:Arch:%05d:UNDI:%03d%03d", prefix, arch.code(), major, minor);
  }

  private static int decimal(String s, int maxDigits) {
    if (s.isEmpty() || s.length() > maxDigits) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Returns the text exactly as sent. */
  public String text() {
    return text;
  }

  /** Returns whether the text starts with {@code PXEClient}, as every PXE client's does. */
  public boolean isPxeClient() {
    return text.startsWith(PXE_CLIENT);
  }

  /** Returns whether the text starts with {@code HTTPClient}, as a UEFI HTTP Boot client's does. */
  public boolean isHttpClient() {
    return text.startsWith(HTTP_CLIENT);
  }

  /** Returns the architecture from the {@code Arch:} field, when present and well formed. */
  public Optional<ClientArchitecture> architecture() {
    return Optional.ofNullable(architecture);
  }

  /** Returns the UNDI major version from the {@code UNDI:} field, or -1 when absent. */
  public int undiMajor() {
    return undiMajor;
  }

  /** Returns the UNDI minor version from the {@code UNDI:} field, or -1 when absent. */
  public int undiMinor() {
    return undiMinor;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof VendorClass && ((VendorClass) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Returns the text, with the parsed fields when there are any. */
  @Override
  public String toString() {
    if (architecture == null && undiMajor < 0) {
      return '"' + text + '"';
    }
    StringBuilder sb = new StringBuilder().append('"').append(text).append('"').append(" (");
    if (architecture != null) {
      sb.append("arch ").append(architecture);
    }
    if (undiMajor >= 0) {
      sb.append(architecture != null ? ", " : "").append("UNDI ").append(undiMajor).append('.')
          .append(undiMinor);
    }
    return sb.append(')').toString();
  }
}
