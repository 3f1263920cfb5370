/**
 * Core types of mmrare: tracks, typed benchmark items, images, ORPHA codes, the reference prompt
 * builder, the immutable {@link org.mmrarebench.core.Benchmark} and the model adapter interface.
 *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.core;

import org.jspecify.annotations.NullMarked;
