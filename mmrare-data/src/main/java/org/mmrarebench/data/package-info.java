/**
 * Reading MMRareBench releases with the reference scorer's semantics, validation reports, the
 * embedded synthetic sample and the paper-scale fixture generator.
 *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.data;

import org.jspecify.annotations.NullMarked;
