package dev.netboot.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Makes values from a seeded random source. The same seed gives the same value, so a failing
 * case can be replayed from the seed that {@link PropertyCheck} prints.
 *
 * @param <T> the type of value made
 */
@FunctionalInterface
public interface Generator<T> {
  /**
   * Makes one value.
   *
   * @param random the source of every choice; the value must depend on nothing else
   * @return the value
   */
  T next(SplittableRandom random);

  /**
   * Returns a generator of this generator's values transformed by {@code f}.
   *
   * @param f the transformation
   * @param <U> the new value type
   * @return the mapped generator
   */
  default <U> Generator<U> map(Function<? super T, ? extends U> f) {
    return random -> f.apply(next(random));
  }

  /**
   * Returns a generator that picks one of {@code generators} uniformly, then asks it.
   *
   * @param generators the choices
   * @param <T> the value type
   * @return the generator
   */
  @SafeVarargs
  static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
    List<Generator<? extends T>> list = List.of(generators);
    return random -> list.get(random.nextInt(list.size())).next(random);
  }

  /**
   * Returns a generator of lists of {@code min} to {@code max} values from {@code element}.
   *
   * @param element the element generator
   * @param min the smallest size
   * @param max the largest size
   * @param <T> the element type
   * @return the generator
   */
  static <T> Generator<List<T>> listOf(Generator<T> element, int min, int max) {
    return random -> {
      int n = min + random.nextInt(max - min + 1);
      List<T> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(element.next(random));
      }
      return list;
    };
  }

  /**
   * Returns a generator of byte arrays of {@code min} to {@code max} random bytes.
   *
   * @param min the shortest length
   * @param max the longest length
   * @return the generator
   */
  static Generator<byte[]> bytes(int min, int max) {
    return random -> {
      byte[] b = new byte[min + random.nextInt(max - min + 1)];
      random.nextBytes(b);
      return b;
    };
  }
}
