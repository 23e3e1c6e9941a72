package dev.netboot.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pixiecore's kernel command lines: the deprecated object form, and the subset of Go's
 * {@code text/template} that Pixiecore's API documents, {@code {{ URL "<url>" }}}.
 *
 * <p>Supported template syntax: text outside actions is kept verbatim; an action is
 * {@code {{ URL "..." }}} or {@code {{ URL `...` }}} with any spaces, tabs or newlines around the
 * parts, the trim markers <code>&#123;&#123;-</code> and <code>-&#125;&#125;</code> (which remove
 * the white space before or after the action, as in Go), and comments
 * <code>&#123;&#123;/* ... *&#47;&#125;&#125;</code>. Interpreted strings take Go's escapes except
 * {@code \x} and octal escapes above ASCII. Anything else Go's templates allow (pipelines,
 * variables, other functions) is rejected, and the machine is ignored, where Pixiecore would have
 * evaluated it; API servers written from the documentation only use {@code URL}.
 */
final class CmdlineTemplate {
  /** How many actions one command line may hold: a kernel command line is a few KiB at most. */
  static final int MAX_ACTIONS = 256;

  /** The {@code URL} function: turns a URL from the API into the one the booting machine uses. */
  @FunctionalInterface
  interface UrlFunction {
    /**
     * Maps one URL.
     *
     * @param url the URL as written in the template
     * @return what replaces the action
     * @throws ApiResponseException if the URL cannot be served
     */
    String apply(String url) throws ApiResponseException;
  }

  private CmdlineTemplate() {}

  /**
   * Expands the template's {@code URL} actions.
   *
   * @param template the command line as the API sent it
   * @param url the {@code URL} function
   * @return the command line
   * @throws ApiResponseException if the template is outside the supported subset or a URL fails
   */
  static String expand(String template, UrlFunction url) throws ApiResponseException {
    StringBuilder out = new StringBuilder();
    int pos = 0;
    int actions = 0;
    while (true) {
      int open = template.indexOf("{{", pos);
      if (open < 0) {
        out.append(template, pos, template.length());
        return out.toString();
      }
      if (++actions > MAX_ACTIONS) {
        throw new ApiResponseException("cmdline has more than " + MAX_ACTIONS + " actions");
      }
      out.append(template, pos, open);
      ActionParser action = new ActionParser(template, open + 2);
      if (action.trimLeft) {
        trimTrailingSpace(out);
      }
      String value = action.parse();
      if (value != null) {
        out.append(url.apply(value));
      }
      pos = action.pos;
      if (action.trimRight) {
        while (pos < template.length() && isSpace(template.charAt(pos))) {
          pos++;
        }
      }
    }
  }

  /**
   * Turns the deprecated object form into template text the way Pixiecore does: keys in sorted
   * order; {@code true} or {@code false} gives the bare key (Pixiecore's code treats both alike,
   * its documentation names only {@code true}); a string gives {@code key="value"} quoted as Go's
   * {@code %q} does (the kernel strips the quotes); an object's {@code url} member gives
   * {@code key={{ URL "url" }}}.
   *
   * @param cmdline the {@code cmdline} object
   * @return the template text
   * @throws ApiResponseException for any other value type, or an object without a string url
   */
  static String fromObject(Map<?, ?> cmdline) throws ApiResponseException {
    List<String> keys = new ArrayList<>();
    for (Object key : cmdline.keySet()) {
      keys.add((String) key);
    }
    keys.sort(null);
    List<String> parts = new ArrayList<>();
    for (String key : keys) {
      Object value = cmdline.get(key);
      if (value instanceof Boolean) {
        parts.add(key);
      } else if (value instanceof String) {
        parts.add(key + "=" + GoQuote.quote((String) value));
      } else if (value instanceof Map && ((Map<?, ?>) value).get("url") instanceof String) {
        parts.add(key + "={{ URL " + GoQuote.quote((String) ((Map<?, ?>) value).get("url")) + " }}");
      } else if (value instanceof Map) {
        throw new ApiResponseException(
            "cmdline key " + key + " has an object value with no string url");
      } else {
        throw new ApiResponseException("cmdline key " + key
            + " has an unsupported value (expected: true, a string or {\"url\": ...})");
      }
    }
    return String.join(" ", parts);
  }

  private static void trimTrailingSpace(StringBuilder out) {
    int end = out.length();
    while (end > 0 && isSpace(out.charAt(end - 1))) {
      end--;
    }
    out.setLength(end);
  }

  /** Go's template lexer counts these four as space. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
