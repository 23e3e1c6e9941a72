package dev.netboot.ipxe;

import static dev.netboot.ipxe.IpxeCommandSpec.UNLIMITED;
import static dev.netboot.ipxe.IpxeOptionSpec.flag;
import static dev.netboot.ipxe.IpxeOptionSpec.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * iPXE's command table: every command name with its options and argument counts, transcribed
 * from the {@code OPTION_DESC} and {@code COMMAND_DESC} entries of iPXE's sources (file named in
 * each entry). A table, so it is long.
 */
public final class IpxeCommands {
  private static final Map<String, IpxeCommandSpec> BY_NAME = new LinkedHashMap<>();

  // src/hci/commands/image_cmd.c: imgexec takes --replace as well.
  private static final List<IpxeOptionSpec> IMGSINGLE =
      List.of(value("name", 'n'), value("timeout", 't'), flag("autofree", 'a'));
  private static final List<IpxeOptionSpec> IMGEXEC =
      List.of(value("name", 'n'), value("timeout", 't'), flag("autofree", 'a'),
          flag("replace", 'r'));
  // src/hci/commands/dynui_cmd.c ("menu" and "form" share one implementation).
  private static final List<IpxeOptionSpec> DYNUI =
      List.of(value("name", 'n'), flag("delete", 'd'));
  private static final List<IpxeOptionSpec> IFCONF =
      List.of(value("configurator", 'c'), value("timeout", 't'));

  static {
    String image = "src/hci/commands/image_cmd.c";
    add("imgfetch", "imgfetch", IMGSINGLE, 1, UNLIMITED, 1, image);
    add("module", "imgfetch", IMGSINGLE, 1, UNLIMITED, 1, image);
    add("initrd", "imgfetch", IMGSINGLE, 1, UNLIMITED, 1, image);
    add("imgselect", "imgselect", IMGSINGLE, 1, UNLIMITED, 1, image);
    add("imgload", "imgselect", IMGSINGLE, 1, UNLIMITED, 1, image);
    add("kernel", "imgselect", IMGSINGLE, 1, UNLIMITED, 1, image);
    add("imgexec", "imgexec", IMGEXEC, 0, UNLIMITED, 1, image);
    add("chain", "imgexec", IMGEXEC, 0, UNLIMITED, 1, image);
    add("boot", "imgexec", IMGEXEC, 0, UNLIMITED, 1, image);
    add("imgargs", "imgargs", IMGSINGLE, 1, UNLIMITED, 0, image);
    add("imgstat", "imgstat", List.of(), 0, UNLIMITED, 0, image);
    add("imgfree", "imgfree", List.of(), 0, UNLIMITED, 0, image);
    String trust = "src/hci/commands/image_trust_cmd.c";
    add("imgtrust", "imgtrust", List.of(flag("allow", 'a'), flag("permanent", 'p')), 0, 0, 0,
        trust);
    add("imgverify", "imgverify", List.of(value("signer", 's'), flag("keep", 'k')), 2, 2, 2,
        trust);
    add("imgextract", "imgextract",
        List.of(value("name", 'n'), flag("keep", 'k'), value("timeout", 't')), 1, 1, 1,
        "src/hci/commands/image_archive_cmd.c");
    add("imgmem", "imgmem", List.of(value("name", 'n')), 2, 2, 0,
        "src/hci/commands/image_mem_cmd.c");
    add("imgdecrypt", "imgdecrypt",
        List.of(value("name", 'n'), flag("keep", 'k'), value("timeout", 't')), 2, 2, 2,
        "src/hci/commands/image_crypt_cmd.c");
    add("imgset", "imgset",
        List.of(flag("keep", 'k'), value("timeout", 't'), flag("quiet", 'q')), 2, 2, 0,
        "src/hci/commands/image_set_cmd.c");

    String exec = "src/core/exec.c";
    add("echo", "echo", List.of(flag("n", 'n')), 0, UNLIMITED, 0, exec);
    add("exit", "exit", List.of(), 0, 1, 0, exec);
    add("isset", "isset", List.of(), 1, 1, 0, exec);
    add("iseq", "iseq", List.of(), 2, 2, 0, exec);
    add("sleep", "sleep", List.of(), 1, 1, 0, exec);
    String script = "src/image/script.c";
    add("goto", "goto", List.of(), 1, 1, 0, script);
    add("prompt", "prompt",
        List.of(value("key", 'k'), value("timeout", 't'), value("set", 's')), 0, UNLIMITED, 0,
        script);

    String nvo = "src/hci/commands/nvo_cmd.c";
    add("show", "show", List.of(), 1, 1, 0, nvo);
    add("set", "set", List.of(), 1, UNLIMITED, 0, nvo);
    add("clear", "clear", List.of(), 1, 1, 0, nvo);
    add("read", "read", List.of(value("timeout", 't')), 1, 1, 0, nvo);
    add("inc", "inc", List.of(), 1, 2, 0, nvo);

    String ifmgmt = "src/hci/commands/ifmgmt_cmd.c";
    add("ifopen", "ifopen", List.of(), 0, UNLIMITED, 0, ifmgmt);
    add("ifclose", "ifclose", List.of(), 0, UNLIMITED, 0, ifmgmt);
    add("ifstat", "ifstat", List.of(), 0, UNLIMITED, 0, ifmgmt);
    add("ifconf", "ifconf", IFCONF, 0, UNLIMITED, 0, ifmgmt);
    add("dhcp", "ifconf", IFCONF, 0, UNLIMITED, 0, "src/hci/commands/dhcp_cmd.c");
    add("pxebs", "pxebs", List.of(), 2, 2, 0, "src/hci/commands/dhcp_cmd.c");
    add("autoboot", "autoboot", List.of(), 0, UNLIMITED, 0,
        "src/hci/commands/autoboot_cmd.c");
    add("iwstat", "iwstat", List.of(), 0, UNLIMITED, 0, "src/hci/commands/iwmgmt_cmd.c");
    add("iwlist", "iwlist", List.of(), 0, UNLIMITED, 0, "src/hci/commands/iwmgmt_cmd.c");

    String dynui = "src/hci/commands/dynui_cmd.c";
    add("menu", "menu", DYNUI, 0, UNLIMITED, 0, dynui);
    add("form", "menu", DYNUI, 0, UNLIMITED, 0, dynui);
    add("item", "item",
        List.of(value("menu", 'm'), value("form", 'f'), value("key", 'k'), flag("default", 'd'),
            flag("secret", 's'), flag("gap", 'g')),
        0, UNLIMITED, 0, dynui);
    add("choose", "choose",
        List.of(value("menu", 'm'), value("default", 'd'), value("timeout", 't'),
            value("retimeout", 'r'), flag("keep", 'k')),
        1, 1, 0, dynui);
    add("present", "present", List.of(value("form", 'f'), flag("keep", 'k')), 0, 0, 0, dynui);
    add("login", "login", List.of(), 0, 0, 0, "src/hci/commands/login_cmd.c");
    String param = "src/hci/commands/param_cmd.c";
    // --method and --header are newer than the param_cmd.c read for this table; they are taken
    // from iPXE's own src/config/cloud/aws.ipxe and gce.ipxe. Their short letters were not
    // verified, so only the long forms are recognised (short name NUL).
    add("params", "params",
        List.of(value("name", 'n'), flag("delete", 'd'), value("method", '\0')), 0, 0, 0, param);
    add("param", "param", List.of(value("params", 'p'), flag("header", '\0')), 1, UNLIMITED, 0,
        param);

    String san = "src/hci/commands/sanboot_cmd.c";
    add("sanboot", "sanboot",
        List.of(value("drive", 'd'), flag("no-describe", 'n'), flag("keep", 'k')), 0, 1, 1, san);
    add("sanhook", "sanhook", List.of(value("drive", 'd'), flag("no-describe", 'n')), 1, 1, 1,
        san);
    add("sanunhook", "sanunhook", List.of(value("drive", 'd')), 0, 0, 0, san);

    add("config", "config", List.of(), 0, 1, 0, "src/hci/commands/config_cmd.c");
    add("time", "time", List.of(), 1, UNLIMITED, 0, "src/hci/commands/time_cmd.c");
    add("sync", "sync", List.of(value("timeout", 't')), 0, 0, 0, "src/hci/commands/sync_cmd.c");
    add("nslookup", "nslookup", List.of(), 2, 2, 0, "src/hci/commands/nslookup_cmd.c");
    add("ntp", "ntp", List.of(), 1, 1, 0, "src/hci/commands/ntp_cmd.c");
    add("ping", "ping",
        List.of(value("size", 's'), value("timeout", 't'), value("count", 'c'),
            flag("quiet", 'q')),
        1, 1, 0, "src/hci/commands/ping_cmd.c");
    add("route", "route", List.of(), 0, 0, 0, "src/hci/commands/route_cmd.c");
    add("ipstat", "ipstat", List.of(), 0, 0, 0, "src/hci/commands/ipstat_cmd.c");
    add("nstat", "nstat", List.of(), 0, 0, 0, "src/hci/commands/neighbour_cmd.c");
    add("profstat", "profstat", List.of(), 0, 0, 0, "src/hci/commands/profstat_cmd.c");
    add("ibstat", "ibstat", List.of(), 0, 0, 0, "src/hci/commands/ibmgmt_cmd.c");
    add("efimap", "efimap", List.of(), 0, 0, 0, "src/hci/commands/efimap_cmd.c");

    String cert = "src/hci/commands/cert_cmd.c";
    add("certstat", "certstat", List.of(value("subject", 's')), 0, 0, 0, cert);
    add("certstore", "certstore", List.of(value("subject", 's'), flag("keep", 'k')), 0, 1, 1,
        cert);
    add("certfree", "certfree", List.of(value("subject", 's')), 0, 0, 0, cert);
    String vlan = "src/hci/commands/vlan_cmd.c";
    add("vcreate", "vcreate", List.of(value("tag", 't'), value("priority", 'p')), 1, 1, 0, vlan);
    add("vdestroy", "vdestroy", List.of(), 1, 1, 0, vlan);
    add("console", "console",
        List.of(value("x", 'x'), value("y", 'y'), value("bpp", 'b'), value("picture", 'p'),
            flag("keep", 'k')),
        0, 0, 0, "src/hci/commands/console_cmd.c");
    add("md5sum", "md5sum", List.of(), 1, UNLIMITED, 0, "src/hci/commands/digest_cmd.c");
    add("sha1sum", "sha1sum", List.of(), 1, UNLIMITED, 0, "src/hci/commands/digest_cmd.c");
    String fc = "src/hci/commands/fcmgmt_cmd.c";
    add("fcstat", "fcstat", List.of(), 0, 0, 0, fc);
    add("fcels", "fcels", List.of(value("port", 'p'), value("id", 'i')), 1, 1, 0, fc);
    add("gdbstub", "gdbstub", List.of(), 1, UNLIMITED, 0, "src/hci/commands/gdbstub_cmd.c");
    add("lotest", "lotest", List.of(value("mtu", 'm'), flag("broadcast", 'b')), 2, 2, 0,
        "src/hci/commands/lotest_cmd.c");
    add("pciscan", "pciscan", List.of(), 1, 1, 0, "src/hci/commands/pci_cmd.c");
    add("usbscan", "usbscan", List.of(), 1, 1, 0, "src/hci/commands/usb_cmd.c");
    add("poweroff", "poweroff", List.of(), 0, 0, 0, "src/hci/commands/poweroff_cmd.c");
    add("reboot", "reboot", List.of(flag("warm", 'w')), 0, 0, 0,
        "src/hci/commands/reboot_cmd.c");
    add("shim", "shim",
        List.of(value("timeout", 't'), flag("require-loader", 'l'), flag("allow-pxe", 'p'),
            flag("allow-sbat", 's')),
        0, 1, 1, "src/hci/commands/shim_cmd.c");
    add("fdt", "fdt", List.of(value("timeout", 't')), 0, 1, 1, "src/hci/commands/fdt_cmd.c");
    add("cpuid", "cpuid", List.of(flag("ext", 'e'), flag("amd", 'a'), flag("ecx", 'c')), 1, 1, 0,
        "src/arch/x86/hci/commands/cpuid_cmd.c");
    add("shell", "shell", List.of(), 0, 0, 0, "src/hci/shell.c");
    // help_exec never calls parse_options: any arguments are ignored.
    BY_NAME.put("help", new IpxeCommandSpec("help", "help", List.of(), 0, UNLIMITED, false, 0,
        "src/hci/shell.c"));
  }

  private IpxeCommands() {}

  private static void add(String name, String implementation, List<IpxeOptionSpec> options,
      int min, int max, int uriArguments, String source) {
    BY_NAME.put(name,
        new IpxeCommandSpec(name, implementation, options, min, max, true, uriArguments, source));
  }

  /**
   * Returns what iPXE knows about {@code name}.
   *
   * @param name a command name
   * @return its entry, or empty for a command iPXE does not define
   */
  public static Optional<IpxeCommandSpec> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Returns every entry, in table order. */
  public static List<IpxeCommandSpec> all() {
    return List.copyOf(new ArrayList<>(BY_NAME.values()));
  }
}
