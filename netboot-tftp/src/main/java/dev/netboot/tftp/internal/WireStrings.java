package dev.netboot.tftp.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The NUL-terminated strings of TFTP packets (RFC 1350 section 5). RFC 1350 says "netascii" and
 * real clients send UTF-8 file names, so names are read as UTF-8 when the bytes are valid UTF-8
 * and as ISO-8859-1 otherwise: no byte sequence is refused, and because every ISO-8859-1 string
 * encodes to valid UTF-8, decoding what the encoder wrote gives the same string back.
 */
public final class WireStrings {
  private WireStrings() {}

  /**
   * Decodes bytes that contain no NUL.
   *
   * @param bytes the bytes
   * @return the string
   */
  public static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Returns the UTF-8 bytes of {@code value}.
   *
   * @param value the string
   * @return its bytes
   */
  public static byte[] encode(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns the number of bytes of {@code value} in UTF-8.
   *
   * @param value the string
   * @return its encoded length
   */
  public static int utf8Length(String value) {
    return encode(value).length;
  }

  /**
   * Lower-cases ASCII letters only: TFTP's case-insensitive strings (mode, option names) are
   * netascii, and unlike {@link String#toLowerCase} this never changes a string's length.
   *
   * @param value the string
   * @return the string with A-Z turned into a-z
   */
  public static String asciiLowerCase(String value) {
    char[] chars = value.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] = (char) (chars[i] + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /**
   * Makes any text fit a packet: NUL becomes a space, unpaired surrogates are dropped, and the
   * text is cut at a character boundary to fit {@code maxBytes} of UTF-8.
   *
   * @param text the text
   * @param maxBytes the longest encoding
   * @return text that {@link #check} accepts
   */
  public static String fit(String text, int maxBytes) {
    StringBuilder sb = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        continue;
      }
      if (cp == 0) {
        cp = ' ';
      }
      int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + n > maxBytes) {
        break;
      }
      bytes += n;
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  /**
   * Checks a string meant for a packet: no NUL, at most {@code maxBytes} bytes of UTF-8.
   *
   * @param what the string's name, for the message
   * @param value the string
   * @param maxBytes the longest allowed encoding
   * @return {@code value}
   * @throws IllegalArgumentException if the string breaks a rule
   */
  public static String check(String what, String value, int maxBytes) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " contains NUL (expected: no NUL)");
    }
    int length = encode(value).length;
    if (length > maxBytes) {
      throw new IllegalArgumentException(
          what + ": " + length + " bytes (expected: at most " + maxBytes + ")");
    }
    if (!value.equals(new String(encode(value), StandardCharsets.UTF_8))) {
      throw new IllegalArgumentException(what + " has an unpaired surrogate (expected: text)");
    }
    return value;
  }
}
