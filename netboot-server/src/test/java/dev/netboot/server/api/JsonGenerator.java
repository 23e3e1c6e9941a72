package dev.netboot.server.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random JSON values in {@link JsonReader}'s model, and writers for them: a canonical one
 * and one that varies white space and escapes the way real encoders do.
 */
final class JsonGenerator {
  private static final String SPACE = " \t\n\r";
  private final SplittableRandom random;

  JsonGenerator(SplittableRandom random) {
    this.random = random;
  }

  Object value(int depth) {
    int kind = random.nextInt(depth <= 0 ? 4 : 6);
    switch (kind) {
      case 0:
        return JsonReader.NULL;
      case 1:
        return random.nextBoolean();
      case 2:
        return number();
      case 3:
        return string();
      case 4: {
        List<Object> list = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
          list.add(value(depth - 1));
        }
        return Collections.unmodifiableList(list);
      }
      default: {
        Map<String, Object> map = new LinkedHashMap<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
          map.put(string(), value(depth - 1));
        }
        return Collections.unmodifiableMap(map);
      }
    }
  }

  BigDecimal number() {
    StringBuilder sb = new StringBuilder();
    if (random.nextBoolean()) {
      sb.append('-');
    }
    sb.append(random.nextInt(5) == 0 ? 0 : random.nextLong(1, Long.MAX_VALUE));
    if (random.nextBoolean()) {
      sb.append('.').append(random.nextInt(1000));
    }
    if (random.nextInt(3) == 0) {
      sb.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "-" : "+")
          .append(random.nextInt(300));
    }
    return new BigDecimal(sb.toString());
  }

  String string() {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(6)) {
        case 0:
          sb.append((char) random.nextInt(0x20));
          break;
        case 1:
          sb.append("\"\\/".charAt(random.nextInt(3)));
          break;
        case 2:
          sb.appendCodePoint(random.nextInt(0x10000, 0x110000));
          break;
        case 3:
          int c = random.nextInt(0x80, 0x10000);
          sb.append(Character.isSurrogate((char) c) ? 'x' : (char) c);
          break;
        default:
          sb.append((char) random.nextInt(0x20, 0x7f));
          break;
      }
    }
    return sb.toString();
  }

  /** Writes a value with random white space, escapes and number spellings. */
  String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb);
    return space() + sb + space();
  }

  private void write(Object value, StringBuilder sb) {
    if (value instanceof Map) {
      sb.append('{').append(space());
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!first) {
          sb.append(',').append(space());
        }
        first = false;
        writeString((String) e.getKey(), sb);
        sb.append(space()).append(':').append(space());
        write(e.getValue(), sb);
        sb.append(space());
      }
      sb.append('}');
    } else if (value instanceof List) {
      sb.append('[').append(space());
      boolean first = true;
      for (Object element : (List<?>) value) {
        if (!first) {
          sb.append(space()).append(',').append(space());
        }
        first = false;
        write(element, sb);
      }
      sb.append(space()).append(']');
    } else if (value instanceof String) {
      writeString((String) value, sb);
    } else if (value instanceof BigDecimal) {
      sb.append(((BigDecimal) value).toString());
    } else {
      sb.append(value);
    }
  }

  private void writeString(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        // A pair is escaped whole or not at all: UTF-8 cannot carry half of one.
        if (random.nextInt(8) == 0) {
          sb.append(String.format("\\u%04x\\u%04x", (int) c, (int) s.charAt(i + 1)));
        } else {
          sb.append(c).append(s.charAt(i + 1));
        }
        i++;
      } else if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || random.nextInt(8) == 0) {
        sb.append(String.format("\\u%04X", (int) c));
      } else if (c == '/' && random.nextBoolean()) {
        sb.append("\\/");
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  private String space() {
    return random.nextInt(3) == 0 ? String.valueOf(SPACE.charAt(random.nextInt(4))) : "";
  }

  /** Writes a value with no white space, each string char escaped only when JSON requires. */
  static String canonical(Object value) {
    StringBuilder sb = new StringBuilder();
    canonical(value, sb);
    return sb.toString();
  }

  private static void canonical(Object value, StringBuilder sb) {
    if (value instanceof Map) {
      sb.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        sb.append(sep);
        sep = ",";
        canonical(e.getKey(), sb);
        sb.append(':');
        canonical(e.getValue(), sb);
      }
      sb.append('}');
    } else if (value instanceof List) {
      sb.append('[');
      String sep = "";
      for (Object element : (List<?>) value) {
        sb.append(sep);
        sep = ",";
        canonical(element, sb);
      }
      sb.append(']');
    } else if (value instanceof String) {
      sb.append('"');
      for (char c : ((String) value).toCharArray()) {
        if (c == '"' || c == '\\') {
          sb.append('\\').append(c);
        } else if (c < 0x20) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
      sb.append('"');
    } else {
      sb.append(value);
    }
  }
}
