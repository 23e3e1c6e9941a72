package dev.netboot.syslinux;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A configuration directive's keyword: an open value class, so that a directive syslinux does
 * not know ({@code fdtdir} from U-Boot's extlinux, a misspelt {@code MENU} sub-command) is kept
 * with its spelling and survives a round trip.
 *
 * <p>The known keywords are those {@code parse_config_file()} recognises in syslinux 6.x
 * ({@code com32/elflink/ldlinux/readconfig.c}, plus the {@code MENU} sub-commands of
 * {@code com32/menu/readconfig.c}). Spelling variants that syslinux accepts as aliases
 * ({@code MENU COLOR}/{@code MENU COLOUR}, {@code IPAPPEND}/{@code SYSAPPEND}) are distinct
 * constants, so that the canonical rendering keeps the author's choice. Equality is on the
 * canonical name; for unknown keywords the name is the spelling as written.
 */
public final class Keyword {
  /** What a keyword does to the structure of the file, which decides where it may appear. */
  public enum Role {
    /** A global or menu setting; it takes effect wherever it appears, even after a LABEL. */
    SETTING,
    /** Belongs to the label being defined ({@code APPEND}, {@code KERNEL}, {@code MENU LABEL}...). */
    LABEL,
    /** Ends the label being defined: {@code LABEL}, {@code MENU BEGIN/END/SEPARATOR}. */
    STRUCTURE,
    /** Starts a block of text lines ended by {@code ENDTEXT}. */
    TEXT,
    /** Not a syslinux keyword; syslinux ignores the line. */
    UNKNOWN
  }

  private static final Map<String, Keyword> BY_NAME = new LinkedHashMap<>();

  /** {@code INCLUDE file}: reads another file at this point. */
  public static final Keyword INCLUDE = known("INCLUDE", Role.SETTING, null);
  /** {@code APPEND options}: the label's (or, before any label, the global) command line. */
  public static final Keyword APPEND = known("APPEND", Role.LABEL, null);
  /** {@code INITRD files}: comma-separated initrd files of the label. */
  public static final Keyword INITRD = known("INITRD", Role.LABEL, null);
  /** {@code LABEL name}: starts a label. */
  public static final Keyword LABEL = known("LABEL", Role.STRUCTURE, null);
  /** {@code NONE}: a label with no image. */
  public static final Keyword NONE = known("NONE", Role.LABEL, KernelType.NONE);
  /** {@code LOCALBOOT type}: boot a local device. */
  public static final Keyword LOCALBOOT = known("LOCALBOOT", Role.LABEL, KernelType.LOCALBOOT);
  /** {@code KERNEL image}: an image whose type follows its extension. */
  public static final Keyword KERNEL = known("KERNEL", Role.LABEL, KernelType.KERNEL);
  /** {@code LINUX image}: a Linux kernel. */
  public static final Keyword LINUX = known("LINUX", Role.LABEL, KernelType.LINUX);
  /** {@code BOOT image}: a boot sector. */
  public static final Keyword BOOT = known("BOOT", Role.LABEL, KernelType.BOOT);
  /** {@code BSS image}: a boot sector keeping the DOS superblock. */
  public static final Keyword BSS = known("BSS", Role.LABEL, KernelType.BSS);
  /** {@code PXE image}: a PXE network bootstrap program. */
  public static final Keyword PXE = known("PXE", Role.LABEL, KernelType.PXE);
  /** {@code FDIMAGE image}: a floppy image. */
  public static final Keyword FDIMAGE = known("FDIMAGE", Role.LABEL, KernelType.FDIMAGE);
  /** {@code COMBOOT image}: a COMBOOT program. */
  public static final Keyword COMBOOT = known("COMBOOT", Role.LABEL, KernelType.COMBOOT);
  /** {@code COM32 module}: a COM32 module. */
  public static final Keyword COM32 = known("COM32", Role.LABEL, KernelType.COM32);
  /** {@code CONFIG file [dir]}: restart with another configuration file. */
  public static final Keyword CONFIG = known("CONFIG", Role.LABEL, KernelType.CONFIG);
  /** {@code TIMEOUT tenths}. */
  public static final Keyword TIMEOUT = known("TIMEOUT", Role.SETTING, null);
  /** {@code TOTALTIMEOUT tenths}. */
  public static final Keyword TOTALTIMEOUT = known("TOTALTIMEOUT", Role.SETTING, null);
  /** {@code ONTIMEOUT command}. */
  public static final Keyword ONTIMEOUT = known("ONTIMEOUT", Role.SETTING, null);
  /** {@code ALLOWOPTIONS flag}. */
  public static final Keyword ALLOWOPTIONS = known("ALLOWOPTIONS", Role.SETTING, null);
  /** {@code IPAPPEND bits}: the label's (or global) SYSAPPEND bits, under its old name. */
  public static final Keyword IPAPPEND = known("IPAPPEND", Role.LABEL, null);
  /** {@code SYSAPPEND bits}: see {@link SysappendFlags}. */
  public static final Keyword SYSAPPEND = known("SYSAPPEND", Role.LABEL, null);
  /** {@code DEFAULT command}. */
  public static final Keyword DEFAULT = known("DEFAULT", Role.SETTING, null);
  /** {@code UI module options}. */
  public static final Keyword UI = known("UI", Role.SETTING, null);
  /** {@code DISPLAY file}. */
  public static final Keyword DISPLAY = known("DISPLAY", Role.SETTING, null);
  /** {@code FONT file}. */
  public static final Keyword FONT = known("FONT", Role.SETTING, null);
  /** {@code KBDMAP file}. */
  public static final Keyword KBDMAP = known("KBDMAP", Role.SETTING, null);
  /** {@code IMPLICIT flag}. */
  public static final Keyword IMPLICIT = known("IMPLICIT", Role.SETTING, null);
  /** {@code PROMPT flag}. */
  public static final Keyword PROMPT = known("PROMPT", Role.SETTING, null);
  /** {@code CONSOLE flag}. */
  public static final Keyword CONSOLE = known("CONSOLE", Role.SETTING, null);
  /** {@code NOESCAPE flag}. */
  public static final Keyword NOESCAPE = known("NOESCAPE", Role.SETTING, null);
  /** {@code NOCOMPLETE flag}. */
  public static final Keyword NOCOMPLETE = known("NOCOMPLETE", Role.SETTING, null);
  /** {@code NOHALT flag}. */
  public static final Keyword NOHALT = known("NOHALT", Role.SETTING, null);
  /** {@code ONERROR command}. */
  public static final Keyword ONERROR = known("ONERROR", Role.SETTING, null);
  /** {@code PXERETRY count}. */
  public static final Keyword PXERETRY = known("PXERETRY", Role.SETTING, null);
  /** {@code SERIAL port [baud [flow]]}. */
  public static final Keyword SERIAL = known("SERIAL", Role.SETTING, null);
  /** {@code SAY text}: printed while the file is read; its text starts one character in. */
  public static final Keyword SAY = known("SAY", Role.SETTING, null);
  /** {@code PATH dir:dir}: where modules are searched. */
  public static final Keyword PATH = known("PATH", Role.SETTING, null);
  /** {@code SENDCOOKIES bits} (pxelinux). */
  public static final Keyword SENDCOOKIES = known("SENDCOOKIES", Role.SETTING, null);
  /** {@code TEXT HELP} ... {@code ENDTEXT}: the label's help text. */
  public static final Keyword TEXT_HELP = known("TEXT HELP", Role.TEXT, null);
  /** {@code TEXT other} ... {@code ENDTEXT}: a text block syslinux reads and ignores. */
  public static final Keyword TEXT = known("TEXT", Role.TEXT, null);

  /** {@code MENU LABEL text}: the label's (or sub-menu's) name on screen. */
  public static final Keyword MENU_LABEL = known("MENU LABEL", Role.LABEL, null);
  /** {@code MENU TITLE text}. */
  public static final Keyword MENU_TITLE = known("MENU TITLE", Role.SETTING, null);
  /** {@code MENU DEFAULT}: this label (or sub-menu) is selected first. */
  public static final Keyword MENU_DEFAULT = known("MENU DEFAULT", Role.LABEL, null);
  /** {@code MENU HIDE}: the label is not shown. */
  public static final Keyword MENU_HIDE = known("MENU HIDE", Role.LABEL, null);
  /** {@code MENU PASSWD password}. */
  public static final Keyword MENU_PASSWD = known("MENU PASSWD", Role.LABEL, null);
  /** {@code MENU SHIFTKEY}. */
  public static final Keyword MENU_SHIFTKEY = known("MENU SHIFTKEY", Role.SETTING, null);
  /** {@code MENU SAVE}. */
  public static final Keyword MENU_SAVE = known("MENU SAVE", Role.LABEL, null);
  /** {@code MENU NOSAVE}. */
  public static final Keyword MENU_NOSAVE = known("MENU NOSAVE", Role.LABEL, null);
  /** {@code MENU IMMEDIATE}. */
  public static final Keyword MENU_IMMEDIATE = known("MENU IMMEDIATE", Role.LABEL, null);
  /** {@code MENU NOIMMEDIATE}. */
  public static final Keyword MENU_NOIMMEDIATE = known("MENU NOIMMEDIATE", Role.LABEL, null);
  /** {@code MENU ONERROR command}. */
  public static final Keyword MENU_ONERROR = known("MENU ONERROR", Role.SETTING, null);
  /** {@code MENU MASTER PASSWD password}. */
  public static final Keyword MENU_MASTER_PASSWD = known("MENU MASTER PASSWD", Role.SETTING, null);
  /** {@code MENU INCLUDE file [title]}: with a title, the file becomes a sub-menu. */
  public static final Keyword MENU_INCLUDE = known("MENU INCLUDE", Role.SETTING, null);
  /** {@code MENU BACKGROUND file-or-colour}. */
  public static final Keyword MENU_BACKGROUND = known("MENU BACKGROUND", Role.SETTING, null);
  /** {@code MENU HIDDEN}. */
  public static final Keyword MENU_HIDDEN = known("MENU HIDDEN", Role.SETTING, null);
  /** {@code MENU HIDDENKEY key command}. */
  public static final Keyword MENU_HIDDENKEY = known("MENU HIDDENKEY", Role.SETTING, null);
  /** {@code MENU CLEAR}. */
  public static final Keyword MENU_CLEAR = known("MENU CLEAR", Role.SETTING, null);
  /** {@code MENU AUTOBOOT message}. */
  public static final Keyword MENU_AUTOBOOT = known("MENU AUTOBOOT", Role.SETTING, null);
  /** {@code MENU TABMSG message}. */
  public static final Keyword MENU_TABMSG = known("MENU TABMSG", Role.SETTING, null);
  /** {@code MENU NOTABMSG message}. */
  public static final Keyword MENU_NOTABMSG = known("MENU NOTABMSG", Role.SETTING, null);
  /** {@code MENU PASSPROMPT message}. */
  public static final Keyword MENU_PASSPROMPT = known("MENU PASSPROMPT", Role.SETTING, null);
  /** {@code MENU COLOR element ansi fg bg shadow}. */
  public static final Keyword MENU_COLOR = known("MENU COLOR", Role.SETTING, null);
  /** {@code MENU COLOUR ...}: the British spelling of {@link #MENU_COLOR}. */
  public static final Keyword MENU_COLOUR = known("MENU COLOUR", Role.SETTING, null);
  /** {@code MENU MSGCOLOR fg bg shadow}. */
  public static final Keyword MENU_MSGCOLOR = known("MENU MSGCOLOR", Role.SETTING, null);
  /** {@code MENU MSGCOLOUR ...}. */
  public static final Keyword MENU_MSGCOLOUR = known("MENU MSGCOLOUR", Role.SETTING, null);
  /** {@code MENU SEPARATOR}: an empty, disabled entry. */
  public static final Keyword MENU_SEPARATOR = known("MENU SEPARATOR", Role.STRUCTURE, null);
  /** {@code MENU DISABLE}. */
  public static final Keyword MENU_DISABLE = known("MENU DISABLE", Role.LABEL, null);
  /** {@code MENU DISABLED}. */
  public static final Keyword MENU_DISABLED = known("MENU DISABLED", Role.LABEL, null);
  /** {@code MENU INDENT columns}. */
  public static final Keyword MENU_INDENT = known("MENU INDENT", Role.LABEL, null);
  /** {@code MENU BEGIN [tag]}: starts a sub-menu. */
  public static final Keyword MENU_BEGIN = known("MENU BEGIN", Role.STRUCTURE, null);
  /** {@code MENU END}: ends a sub-menu. */
  public static final Keyword MENU_END = known("MENU END", Role.STRUCTURE, null);
  /** {@code MENU QUIT}. */
  public static final Keyword MENU_QUIT = known("MENU QUIT", Role.LABEL, null);
  /** {@code MENU GOTO tag}: the label opens the sub-menu {@code tag}. */
  public static final Keyword MENU_GOTO = known("MENU GOTO", Role.LABEL, null);
  /** {@code MENU EXIT [tag]}: the label returns to the parent (or named) menu. */
  public static final Keyword MENU_EXIT = known("MENU EXIT", Role.LABEL, null);
  /** {@code MENU START}. */
  public static final Keyword MENU_START = known("MENU START", Role.SETTING, null);
  /** {@code MENU HELP file [background]}: the label shows a help file. */
  public static final Keyword MENU_HELP = known("MENU HELP", Role.LABEL, null);
  /** {@code MENU RESOLUTION x y}. */
  public static final Keyword MENU_RESOLUTION = known("MENU RESOLUTION", Role.SETTING, null);
  /** {@code MENU WIDTH n}. */
  public static final Keyword MENU_WIDTH = known("MENU WIDTH", Role.SETTING, null);
  /** {@code MENU MARGIN n}. */
  public static final Keyword MENU_MARGIN = known("MENU MARGIN", Role.SETTING, null);
  /** {@code MENU PASSWORDMARGIN n}. */
  public static final Keyword MENU_PASSWORDMARGIN =
      known("MENU PASSWORDMARGIN", Role.SETTING, null);
  /** {@code MENU ROWS n}. */
  public static final Keyword MENU_ROWS = known("MENU ROWS", Role.SETTING, null);
  /** {@code MENU TABMSGROW n}. */
  public static final Keyword MENU_TABMSGROW = known("MENU TABMSGROW", Role.SETTING, null);
  /** {@code MENU CMDLINEROW n}. */
  public static final Keyword MENU_CMDLINEROW = known("MENU CMDLINEROW", Role.SETTING, null);
  /** {@code MENU ENDROW n}. */
  public static final Keyword MENU_ENDROW = known("MENU ENDROW", Role.SETTING, null);
  /** {@code MENU PASSWORDROW n}. */
  public static final Keyword MENU_PASSWORDROW = known("MENU PASSWORDROW", Role.SETTING, null);
  /** {@code MENU TIMEOUTROW n}. */
  public static final Keyword MENU_TIMEOUTROW = known("MENU TIMEOUTROW", Role.SETTING, null);
  /** {@code MENU HELPMSGROW n}. */
  public static final Keyword MENU_HELPMSGROW = known("MENU HELPMSGROW", Role.SETTING, null);
  /** {@code MENU HELPMSGENDROW n}. */
  public static final Keyword MENU_HELPMSGENDROW =
      known("MENU HELPMSGENDROW", Role.SETTING, null);
  /** {@code MENU HSHIFT n}. */
  public static final Keyword MENU_HSHIFT = known("MENU HSHIFT", Role.SETTING, null);
  /** {@code MENU VSHIFT n}. */
  public static final Keyword MENU_VSHIFT = known("MENU VSHIFT", Role.SETTING, null);
  /** {@code MENU HIDDENROW n}. */
  public static final Keyword MENU_HIDDENROW = known("MENU HIDDENROW", Role.SETTING, null);

  private static final Keyword[] FKEYS = new Keyword[12];

  static {
    for (int i = 0; i < FKEYS.length; i++) {
      FKEYS[i] = known("F" + (i + 1), Role.SETTING, null);
    }
  }

  private final String name;
  private final Role role;
  private final @Nullable KernelType kernelType;

  private Keyword(String name, Role role, @Nullable KernelType kernelType) {
    this.name = name;
    this.role = role;
    this.kernelType = kernelType;
  }

  private static Keyword known(String name, Role role, @Nullable KernelType type) {
    Keyword k = new Keyword(name, role, type);
    BY_NAME.put(name, k);
    return k;
  }

  /**
   * Returns the function-key directive {@code F1} to {@code F12}.
   *
   * @param number 1 to 12
   * @return the keyword
   */
  public static Keyword functionKey(int number) {
    if (number < 1 || number > 12) {
      throw new IllegalArgumentException("function key " + number + " (expected: 1 to 12)");
    }
    return FKEYS[number - 1];
  }

  /**
   * Returns the known keyword with this canonical name (any case, single spaces), or an unknown
   * keyword spelled {@code name}.
   *
   * @param name for example {@code "menu label"} or {@code "fdtdir"}
   * @return the keyword
   */
  public static Keyword of(String name) {
    Keyword k = BY_NAME.get(name.toUpperCase(Locale.ROOT));
    return k != null ? k : unknown(name);
  }

  /**
   * Returns an unknown keyword spelled {@code spelling}, for directives syslinux ignores.
   *
   * @param spelling the keyword as written, for example {@code "fdtdir"} or {@code "MENU foo"}
   * @return the keyword
   */
  public static Keyword unknown(String spelling) {
    if (spelling.isEmpty()) {
      throw new IllegalArgumentException("empty keyword (expected: a word)");
    }
    return new Keyword(spelling, Role.UNKNOWN, null);
  }

  /** Returns every known keyword, in the order syslinux's sources list them. */
  public static List<Keyword> known() {
    return Collections.unmodifiableList(new ArrayList<>(BY_NAME.values()));
  }

  /** Returns the canonical name ({@code "MENU LABEL"}), or the spelling of an unknown keyword. */
  public String name() {
    return name;
  }

  /** Returns what the keyword does to the structure of the file. */
  public Role role() {
    return role;
  }

  /** Returns whether syslinux recognises this keyword. */
  public boolean isKnown() {
    return role != Role.UNKNOWN;
  }

  /** Returns the image type this keyword forces, or null when it does not name an image. */
  public @Nullable KernelType kernelType() {
    return kernelType;
  }

  /** Returns the number 1 to 12 of a function-key keyword, or 0. */
  public int functionKeyNumber() {
    for (int i = 0; i < FKEYS.length; i++) {
      if (FKEYS[i] == this) {
        return i + 1;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Keyword k && k.name.equals(name) && k.role == role;
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return isKnown() ? name : name + "(unknown)";
  }
}
