package dev.netboot.ipxe;

/**
 * One piece of a word: literal text, or a {@code ${...}} setting reference.
 *
 * <p>A word is the unit iPXE passes to a command: one whitespace-free token, expanded. Splitting
 * happens before expansion, so a reference never splits a word, whatever its value holds.
 */
public sealed interface WordPart permits LiteralText, SettingReference {
  /** Returns the part as it is written inside a token. */
  String source();
}
