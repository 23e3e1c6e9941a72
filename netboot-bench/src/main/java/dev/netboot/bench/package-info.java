/**
 * JMH benchmarks of netboot's codecs, side by side with the libraries they replace. Not API: the
 * module is not published; it builds {@code target/benchmarks.jar}.
 */
@NullMarked
package dev.netboot.bench;

import org.jspecify.annotations.NullMarked;
