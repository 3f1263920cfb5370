/**
 * The judge, measured: agreement with human verdicts (Cohen's kappa, percent agreement, intervals)
 * and among raters of the same items (Fleiss' kappa, Krippendorff's alpha).
 *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.scoring.agreement;

import org.jspecify.annotations.NullMarked;
