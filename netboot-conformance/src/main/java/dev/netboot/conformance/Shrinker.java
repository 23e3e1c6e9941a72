package dev.netboot.conformance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Proposes smaller values than a failing one, so that {@link PropertyCheck} can report the
 * smallest failing value it finds rather than the random one that failed first. Candidates come
 * smallest-first; {@link PropertyCheck} keeps the first that still fails and asks again.
 *
 * <p>A shrinker must only propose values strictly "smaller" than its input by some measure that
 * cannot decrease forever (length, magnitude); {@link PropertyCheck#MAX_SHRINK_STEPS} bounds the
 * search anyway.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface Shrinker<T> {
  /** The most candidates a built-in shrinker proposes for one value. */
  int MAX_CANDIDATES = 64;

  /**
   * Returns values smaller than {@code value}, most promising (smallest) first.
   *
   * @param value a value that broke the property
   * @return the candidates; empty when {@code value} cannot shrink
   */
  List<T> candidates(T value);

  /** Returns a shrinker that proposes nothing: the failing value is reported as it was. */
  static <T> Shrinker<T> none() {
    return value -> List.of();
  }

  /**
   * Returns a shrinker of byte arrays: empty, halves, one byte removed, one byte zeroed.
   *
   * @return the shrinker
   */
  static Shrinker<byte[]> bytes() {
    return value -> {
      List<byte[]> out = new ArrayList<>();
      for (int[] range : cuts(value.length)) {
        byte[] b = new byte[value.length - (range[1] - range[0])];
        System.arraycopy(value, 0, b, 0, range[0]);
        System.arraycopy(value, range[1], b, range[0], value.length - range[1]);
        out.add(b);
      }
      for (int i = 0; i < value.length && out.size() < MAX_CANDIDATES; i++) {
        if (value[i] != 0) {
          byte[] b = value.clone();
          b[i] = 0;
          out.add(b);
        }
      }
      return out;
    };
  }

  /**
   * Returns a shrinker of strings: empty, halves, one character removed, one character made
   * {@code 'a'}.
   *
   * @return the shrinker
   */
  static Shrinker<String> string() {
    return value -> {
      Set<String> out = new LinkedHashSet<>();
      for (int[] range : cuts(value.length())) {
        out.add(value.substring(0, range[0]) + value.substring(range[1]));
      }
      for (int i = 0; i < value.length() && out.size() < MAX_CANDIDATES; i++) {
        if (value.charAt(i) != 'a') {
          out.add(value.substring(0, i) + 'a' + value.substring(i + 1));
        }
      }
      out.remove(value);
      return List.copyOf(out);
    };
  }

  /**
   * Returns a shrinker of lists: empty, halves, one element removed, then one element shrunk by
   * {@code element}.
   *
   * @param element shrinks one element; {@link #none()} to shrink the list's length only
   * @param <E> the element type
   * @return the shrinker
   */
  static <E> Shrinker<List<E>> list(Shrinker<E> element) {
    return value -> {
      List<List<E>> out = new ArrayList<>();
      for (int[] range : cuts(value.size())) {
        List<E> l = new ArrayList<>(value.subList(0, range[0]));
        l.addAll(value.subList(range[1], value.size()));
        out.add(List.copyOf(l));
      }
      for (int i = 0; i < value.size() && out.size() < MAX_CANDIDATES; i++) {
        for (E smaller : element.candidates(value.get(i))) {
          List<E> l = new ArrayList<>(value);
          l.set(i, smaller);
          out.add(List.copyOf(l));
          if (out.size() >= MAX_CANDIDATES) {
            break;
          }
        }
      }
      return out;
    };
  }

  /**
   * Returns a shrinker of ints toward zero: 0, half, one step closer, the positive of a
   * negative.
   *
   * @return the shrinker
   */
  static Shrinker<Integer> ints() {
    return value -> longs().candidates((long) value).stream().map(Long::intValue).toList();
  }

  /**
   * Returns a shrinker of longs toward zero: 0, half, one step closer, the positive of a
   * negative.
   *
   * @return the shrinker
   */
  static Shrinker<Long> longs() {
    return value -> {
      long v = value;
      if (v == 0) {
        return List.of();
      }
      Set<Long> out = new LinkedHashSet<>();
      out.add(0L);
      out.add(v / 2);
      out.add(v - Long.signum(v));
      if (v < 0 && v != Long.MIN_VALUE) {
        out.add(-v);
      }
      out.remove(v);
      return List.copyOf(out);
    };
  }

  /**
   * The ranges {@code [from, to)} to cut from a sequence of {@code length}: all, each half,
   * then each single position, at most {@link #MAX_CANDIDATES} in all.
   */
  private static List<int[]> cuts(int length) {
    List<int[]> cuts = new ArrayList<>();
    if (length == 0) {
      return cuts;
    }
    cuts.add(new int[] {0, length});
    if (length > 1) {
      cuts.add(new int[] {length / 2, length});
      cuts.add(new int[] {0, length / 2});
    }
    // Spread single removals over the whole sequence, for long values too.
    int step = Math.max(1, length / (MAX_CANDIDATES / 2));
    for (int i = 0; i < length && cuts.size() < MAX_CANDIDATES / 2; i += step) {
      cuts.add(new int[] {i, i + 1});
    }
    return cuts;
  }
}
