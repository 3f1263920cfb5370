/**
 * The ontology-aware diagnosis scorers ({@code orpha_exact}, {@code orpha_related}), registered by
 * this module through {@code META-INF/services}, and the agreement of judge verdicts with them.
 *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.scoring.orphanet;

import org.jspecify.annotations.NullMarked;
