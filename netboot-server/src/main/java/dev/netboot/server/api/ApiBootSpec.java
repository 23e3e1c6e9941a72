package dev.netboot.server.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON document of a 200 answer from {@code GET <api>/v1/boot/<mac>}, field by field as
 * Pixiecore's {@code apibooter} reads it: {@code kernel} (string), {@code initrd} (list of
 * strings), {@code cmdline} (string, or the deprecated object form, already turned into template
 * text by {@link CmdlineTemplate#fromObject}), {@code message} (string) and the unofficial
 * {@code ipxe-script} (string).
 *
 * <p>Like Go's {@code encoding/json}, names match case-insensitively, unknown names are skipped,
 * {@code null} leaves a field unset and a repeated name keeps its last value. Unlike it, the
 * document must be valid UTF-8 and the whole body exactly one JSON value, a missing or empty
 * {@code kernel} is an error (Pixiecore would resolve {@code ""} to the API URL itself and fail
 * later), and so is a {@code null} inside {@code initrd}.
 *
 * @param kernel the kernel's URL as sent, empty when {@code ipxeScript} is set
 * @param initrds the initrds' URLs as sent
 * @param cmdline the command-line template, empty when absent
 * @param message the message to show while booting, empty when absent (not shown, see
 *     {@link PixiecoreApiPolicy})
 * @param ipxeScript the raw iPXE script, empty when absent
 */
record ApiBootSpec(
    String kernel, List<String> initrds, String cmdline, String message, String ipxeScript) {
  /** Copies the list. */
  ApiBootSpec {
    initrds = List.copyOf(initrds);
  }

  /**
   * Reads a response body.
   *
   * @param body the body's bytes
   * @return the spec
   * @throws ApiResponseException if the body is not UTF-8 JSON of the documented shape
   */
  static ApiBootSpec parse(byte[] body) throws ApiResponseException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ApiResponseException("response is not UTF-8", e);
    }
    Object document;
    try {
      document = JsonReader.parse(text);
    } catch (JsonSyntaxException e) {
      throw new ApiResponseException("response is not JSON: " + e.getMessage(), e);
    }
    return fromJson(document);
  }

  /**
   * Reads a parsed document.
   *
   * @param document a value from {@link JsonReader#parse}
   * @return the spec
   * @throws ApiResponseException if the value is not of the documented shape
   */
  static ApiBootSpec fromJson(Object document) throws ApiResponseException {
    if (!(document instanceof Map)) {
      throw new ApiResponseException("response is not a JSON object");
    }
    String kernel = "";
    List<String> initrds = List.of();
    String cmdline = "";
    String message = "";
    String ipxeScript = "";
    for (Map.Entry<?, ?> member : ((Map<?, ?>) document).entrySet()) {
      Object value = member.getValue();
      if (value == JsonReader.NULL) {
        continue;
      }
      switch (((String) member.getKey()).toLowerCase(Locale.ROOT)) {
        case "kernel":
          kernel = string("kernel", value);
          break;
        case "initrd":
          initrds = strings(value);
          break;
        case "cmdline":
          cmdline = value instanceof Map
              ? CmdlineTemplate.fromObject((Map<?, ?>) value)
              : string("cmdline", value);
          break;
        case "message":
          message = string("message", value);
          break;
        case "ipxe-script":
          ipxeScript = string("ipxe-script", value);
          break;
        default:
          break;
      }
    }
    if (ipxeScript.isEmpty() && kernel.isEmpty()) {
      throw new ApiResponseException("response has no kernel");
    }
    return new ApiBootSpec(kernel, initrds, cmdline, message, ipxeScript);
  }

  private static String string(String field, @Nullable Object value) throws ApiResponseException {
    if (!(value instanceof String)) {
      throw new ApiResponseException(field + " is not a string (expected: a JSON string)");
    }
    return (String) value;
  }

  private static List<String> strings(Object value) throws ApiResponseException {
    if (!(value instanceof List)) {
      throw new ApiResponseException("initrd is not a list (expected: a JSON array of strings)");
    }
    List<String> result = new ArrayList<>();
    for (Object element : (List<?>) value) {
      result.add(string("initrd element", element));
    }
    return result;
  }
}
